import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The fields each Kubernetes type has, read from kubernetes-models' generated declarations
 * (one interface per file, one `"field"?: Type;` line per field), so unknown fields are found
 * without a hand-written schema.
 */

const require = createRequire(import.meta.url);

/** One field of a type: the declaration file of its object type, if it has one. */
export interface FieldType {
  /** Declaration file of the field's type (an object or list of objects); undefined for leaves and maps. */
  ref: string | undefined;
}

const cache = new Map<string, Map<string, FieldType> | undefined>();
/**
 * Declaration files by `apiVersion kind`: resolving a module path walks the file system (and a
 * failed resolution throws), which costs more than checking the manifest; the installed package
 * does not change while the process runs.
 */
const declarations = new Map<string, string | undefined>();

/** The declaration file of a kind's model, or undefined. */
export function kindDeclaration(apiVersion: string, kind: string): string | undefined {
  const key = `${apiVersion} ${kind}`;
  if (declarations.has(key)) return declarations.get(key);
  let file: string | undefined;
  try {
    file = require.resolve(`kubernetes-models/${apiVersion}/${kind}`).replace(/\.js$/, '.d.ts');
    if (!existsSync(file)) file = undefined;
  } catch {
    file = undefined;
  }
  declarations.set(key, file);
  return file;
}

/** The fields of the interface declared in a file; undefined when it is not an object type. */
export function fieldsOf(file: string): Map<string, FieldType> | undefined {
  if (cache.has(file)) return cache.get(file);
  let fields: Map<string, FieldType> | undefined;
  try {
    fields = parseDeclaration(file, readFileSync(file, 'utf8'));
  } catch {
    fields = undefined;
  }
  cache.set(file, fields);
  return fields;
}

function parseDeclaration(file: string, text: string): Map<string, FieldType> | undefined {
  const imports = new Map<string, string>();
  for (const m of text.matchAll(/^import \{ (\w+)(?: as (\w+))? \} from "([^"]+)";$/gm)) {
    imports.set(m[2] ?? m[1]!, m[3]!);
  }
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^export interface \w+( extends TypeMeta)? \{$/.test(l));
  if (start === -1) return undefined;
  const fields = new Map<string, FieldType>();
  if (lines[start]!.includes('extends TypeMeta')) {
    fields.set('apiVersion', { ref: undefined });
    fields.set('kind', { ref: undefined });
  }
  for (let i = start + 1; i < lines.length && lines[i] !== '}'; i++) {
    const m = /^ {4}"([^"]+)"\??: (.*)$/.exec(lines[i]!);
    if (!m) continue;
    const typeName = /^(?:Array<)?(I\w+)>?;$/.exec(m[2]!)?.[1];
    const spec = typeName ? imports.get(typeName) : undefined;
    fields.set(m[1]!, { ref: spec ? resolveSpec(file, spec) : undefined });
  }
  return fields;
}

function resolveSpec(from: string, spec: string): string | undefined {
  try {
    const path = spec.startsWith('.') ? join(dirname(from), `${spec}.d.ts`) : require.resolve(spec, { paths: [dirname(from)] }).replace(/\.js$/, '.d.ts');
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** An object key the type does not have. */
export interface UnknownField {
  segments: string[];
  known: string[];
}

/** Finds keys of `value` (recursively) that its type does not declare. */
export function unknownFields(value: unknown, file: string, segments: string[] = []): UnknownField[] {
  const fields = fieldsOf(file);
  if (!fields || typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => unknownFields(v, file, [...segments, String(i)]));
  const out: UnknownField[] = [];
  for (const [key, child] of Object.entries(value)) {
    const field = fields.get(key);
    if (!field) out.push({ segments: [...segments, key], known: [...fields.keys()] });
    else if (field.ref && child !== null && typeof child === 'object') out.push(...unknownFields(child, field.ref, [...segments, key]));
  }
  return out;
}
