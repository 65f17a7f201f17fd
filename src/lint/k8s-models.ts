import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Access to kubernetes-models' generated validators (Kubernetes 1.33 OpenAPI; the package
 * README badge still says 1.27). Loaded synchronously and per kind, so linting a doc with
 * two kinds loads two validators, not the whole API.
 */

const require = createRequire(import.meta.url);

/** One schema violation, as reported by the generated (ajv) validators. */
export interface SchemaError {
  /** JSON pointer of the object the error is about (`/spec/ports/0`). */
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

interface ModelClass {
  new (data: unknown): { validate(): void };
  apiVersion: string;
  kind: string;
}

let packageDir: string | undefined;
const groupCache = new Map<string, string[]>();
const kindCache = new Map<string, string[]>();
/** Model classes by `apiVersion kind` (undefined when there is none): `require` resolves the path on every call, and throws for an unknown kind. */
const modelCache = new Map<string, ModelClass | undefined>();

function modelsDir(): string {
  return (packageDir ??= dirname(require.resolve('kubernetes-models/package.json')));
}

/** The module path segment for an apiVersion (`apps/v1` → `apps/v1`, `v1` → `v1`). */
function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.lastIndexOf('/');
  return slash === -1 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/**
 * Kinds with a built-in apiVersion that are not API objects: a kubeconfig is `v1 Config`,
 * and `Status`/`List` are what the API server and kubectl print.
 */
export const CLIENT_SIDE_KINDS: Readonly<Record<string, readonly string[]>> = { v1: ['Config', 'Status', 'List'] };

/** True when the API group is a built-in Kubernetes group (not a CRD or tool config). */
export function isBuiltinGroup(apiVersion: string): boolean {
  const { group } = splitApiVersion(apiVersion);
  return group === '' || builtinVersions(group).length > 0;
}

/** The versions kubernetes-models knows for a built-in group (`''` is the core group). */
export function builtinVersions(group: string): string[] {
  let versions = groupCache.get(group);
  if (versions) return versions;
  if (!/^[a-z0-9.-]*$/.test(group)) return [];
  try {
    const dir = group === '' ? modelsDir() : join(modelsDir(), group);
    versions = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && /^v\d+((alpha|beta)\d+)?$/.test(d.name))
      .map((d) => d.name);
  } catch {
    versions = [];
  }
  groupCache.set(group, versions);
  return versions;
}

/** The top-level kinds of a built-in group/version (for suggestions). */
export function builtinKinds(apiVersion: string): string[] {
  let kinds = kindCache.get(apiVersion);
  if (kinds) return kinds;
  kinds = [];
  if (/^[a-z0-9./-]+$/.test(apiVersion)) {
    try {
      const dir = join(modelsDir(), apiVersion);
      for (const file of readdirSync(dir)) {
        if (!file.endsWith('.js') || file === 'index.js') continue;
        const m = /\.kind="([A-Za-z]+)"/.exec(readFileSync(join(dir, file), 'utf8'));
        if (m) kinds.push(m[1]!);
      }
    } catch {
      kinds = [];
    }
  }
  kindCache.set(apiVersion, kinds);
  return kinds;
}

/** The model class for apiVersion + kind, or undefined when kubernetes-models has none. */
export function modelFor(apiVersion: string, kind: string): ModelClass | undefined {
  if (!/^[a-z0-9./-]+$/.test(apiVersion) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) return undefined;
  const key = `${apiVersion} ${kind}`;
  if (modelCache.has(key)) return modelCache.get(key);
  let model: ModelClass | undefined;
  try {
    const mod = require(`kubernetes-models/${apiVersion}/${kind}`) as Record<string, ModelClass | undefined>;
    const cls = mod[kind];
    model = cls && cls.kind === kind && cls.apiVersion === apiVersion ? cls : undefined;
  } catch {
    model = undefined;
  }
  modelCache.set(key, model);
  return model;
}

/** Validates an object against its kind's schema; returns the violations (empty when valid). */
export function validateObject(cls: ModelClass, data: unknown): SchemaError[] {
  try {
    new cls(data).validate();
    return [];
  } catch (error) {
    const errors = (error as { errors?: SchemaError[] }).errors;
    return Array.isArray(errors) ? errors : [{ instancePath: '', keyword: 'invalid', params: {}, message: String(error) }];
  }
}

export { splitApiVersion };
