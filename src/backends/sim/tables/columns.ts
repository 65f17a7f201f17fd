import type { Dict } from '../admission/util.js';
import { since } from './duration.js';

/** Column tables: a resource's Table is a list of these, each computing one cell. */

/** What a cell function gets besides the object. */
export interface CellContext {
  now: Date;
}

/** One column of a resource's Table, with the function that computes its cell. */
export interface Column {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format?: string;
  description: string;
  /** 1 = shown only with `-o wide`. */
  priority?: number;
  cell: (obj: Dict, ctx: CellContext) => unknown;
}

/** A resource's printer: columns, plus optional row conditions (pods). */
export interface Printer {
  columns: Column[];
  conditions?: (obj: Dict) => Dict[] | undefined;
}

/** ObjectMeta.name's documentation, the Name column's description on a real server. */
export const NAME_DESCRIPTION =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';

/** ObjectMeta.creationTimestamp's documentation, the Age column's description. */
export const AGE_DESCRIPTION =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

/** The Name column. */
export const nameColumn: Column = { name: 'Name', type: 'string', format: 'name', description: NAME_DESCRIPTION, cell: (o) => o.metadata?.name ?? '' };

/** The Age column. */
export const ageColumn: Column = { name: 'Age', type: 'string', description: AGE_DESCRIPTION, cell: (o, c) => since(o.metadata?.creationTimestamp, c.now) };

/** A string column. */
export function str(name: string, description: string, cell: Column['cell'], priority = 0): Column {
  return { name, type: 'string', description, priority, cell };
}

/** A column the real server declares as `string` although its cells are numbers. */
export function strNum(name: string, description: string, cell: Column['cell'], priority = 0): Column {
  return { name, type: 'string', description, priority, cell };
}

/** `sets.NewString(...).List()`: sorted, without duplicates. */
export function sortedUnique(values: string[]): string[] {
  return [...new Set(values)].sort();
}

/** An integer column. */
export function int(name: string, description: string, cell: Column['cell'], priority = 0): Column {
  return { name, type: 'integer', description, priority, cell };
}

/** `labels.FormatLabels`: `a=b,c=d` sorted by key, or `<none>`. */
export function formatLabels(labels: unknown): string {
  const entries = Object.entries((labels ?? {}) as Record<string, string>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(',') : '<none>';
}

/** `labels.Selector.String()` of a LabelSelector: sorted requirements, `""` when empty. */
export function selectorString(selector: unknown): string {
  if (!selector || typeof selector !== 'object') return '';
  const s = selector as Dict;
  const reqs: [string, string][] = Object.entries((s.matchLabels ?? {}) as Record<string, string>).map(([k, v]) => [k, `${k}=${v}`]);
  for (const e of Array.isArray(s.matchExpressions) ? (s.matchExpressions as Dict[]) : []) {
    const values = [...((e.values ?? []) as string[])].sort().join(',');
    const text =
      e.operator === 'In'
        ? `${e.key} in (${values})`
        : e.operator === 'NotIn'
          ? `${e.key} notin (${values})`
          : e.operator === 'Exists'
            ? `${e.key}`
            : `!${e.key}`;
    reqs.push([e.key, text]);
  }
  return reqs
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, t]) => t)
    .join(',');
}

/** `metav1.FormatLabelSelector`: like selectorString, but `<none>` when empty. */
export function formatSelector(selector: unknown): string {
  return selectorString(selector) || '<none>';
}

/** The wide Containers and Images columns of workloads, from a pod template. */
export function templateColumns(template: (o: Dict) => Dict | undefined): Column[] {
  const containers = (o: Dict) => (template(o)?.spec?.containers ?? []) as Dict[];
  return [
    str(
      'Containers',
      'Names of each container in the template.',
      (o) =>
        containers(o)
          .map((c) => c.name)
          .join(','),
      1,
    ),
    str(
      'Images',
      'Images referenced by each container in the template.',
      (o) =>
        containers(o)
          .map((c) => c.image)
          .join(','),
      1,
    ),
  ];
}

/** Items of a list field. */
export function items(value: unknown): Dict[] {
  return Array.isArray(value) ? (value as Dict[]) : [];
}

/** Joins up to `max` entries, then ` + N more...` (`listWithMoreString`); `empty` when none. */
export function listWithMore(list: string[], max: number, empty: string): string {
  if (!list.length) return empty;
  const shown = list.slice(0, max).join(',');
  return list.length > max ? `${shown} + ${list.length - max} more...` : shown;
}
