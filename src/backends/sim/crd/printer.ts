import { isDict, type Dict } from '../admission/util.js';
import { AGE_DESCRIPTION, type Column, nameColumn, type Printer } from '../tables/columns.js';
import { since } from '../tables/duration.js';

/**
 * The Table of a custom resource, as the apiextensions-apiserver's table convertor builds it: the
 * implicit Name column, then the version's `additionalPrinterColumns` (an Age column on
 * `.metadata.creationTimestamp` when there are none). Cells of type date print as an age;
 * a path that finds nothing gives an empty cell.
 */

const DEFAULT_COLUMNS: Dict[] = [{ name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp', description: AGE_DESCRIPTION }];

/** Steps of a simple JSONPath: `.spec.replicas`, `.items[0]`, `.status.conditions[?(@.type=="Ready")].status`. */
function steps(path: string): (string | number | { key: string; value: string })[] {
  const out: (string | number | { key: string; value: string })[] = [];
  const re = /\.([^.[\]]+)|\[(\d+)\]|\[\?\(@\.([^=\s]+)\s*==\s*["']([^"']*)["']\)\]|\['([^']+)'\]/g;
  for (const m of path.replace(/^\{|\}$/g, '').matchAll(re)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push({ key: m[3], value: m[4]! });
    else if (m[5] !== undefined) out.push(m[5]);
  }
  return out;
}

/** The first value a simple JSONPath finds in `obj`, or undefined. */
export function findPath(obj: unknown, path: string): unknown {
  let current: unknown = obj;
  for (const step of steps(path)) {
    if (current === undefined || current === null) return undefined;
    if (typeof step === 'string') current = isDict(current) ? current[step] : undefined;
    else if (typeof step === 'number') current = Array.isArray(current) ? current[step] : undefined;
    else current = Array.isArray(current) ? current.find((e) => isDict(e) && String(e[step.key]) === step.value) : undefined;
  }
  return current;
}

function cell(type: string, value: unknown, now: Date): unknown {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'string':
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    case 'integer':
      return typeof value === 'number' ? Math.trunc(value) : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'date':
      return typeof value === 'string' ? (Number.isNaN(Date.parse(value)) ? '<invalid>' : since(value, now)) : null;
    default:
      return null;
  }
}

/** The printer of one CRD version: Name, then its printer columns. */
export function customPrinter(version: Dict): Printer {
  const declared = Array.isArray(version.additionalPrinterColumns) ? (version.additionalPrinterColumns as Dict[]) : [];
  const columns: Column[] = (declared.length ? declared : DEFAULT_COLUMNS).map((c) => ({
    name: String(c.name),
    type: c.type as Column['type'],
    ...(c.format ? { format: String(c.format) } : {}),
    description: c.description ? String(c.description) : `Custom resource definition column (in JSONPath format): ${c.jsonPath}`,
    priority: Number(c.priority ?? 0),
    cell: (o, ctx) => cell(String(c.type), findPath(o, String(c.jsonPath)), ctx.now),
  }));
  return { columns: [nameColumn, ...columns] };
}
