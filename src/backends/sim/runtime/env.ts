import type { Api } from '../api/types.js';
import type { KObject } from '../types.js';

type Json = Record<string, unknown>;

/** The value of a downward-API field path (`metadata.name`, `metadata.labels['app']`, `status.podIP` …). */
export function fieldPath(pod: KObject, path: string): string {
  const spec = (pod['spec'] as Json) ?? {};
  const status = (pod['status'] as Json) ?? {};
  const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (m) return (pod.metadata[m[1] as 'labels'] as Record<string, string> | undefined)?.[m[2]!] ?? '';
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name ?? '';
    case 'metadata.namespace':
      return pod.metadata.namespace ?? 'default';
    case 'metadata.uid':
      return pod.metadata.uid ?? '';
    case 'metadata.labels':
    case 'metadata.annotations':
      return Object.entries((pod.metadata[path.slice(9) as 'labels'] as Record<string, string>) ?? {})
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => `${k}=${goQuote(v)}`)
        .join('\n');
    case 'spec.nodeName':
      return String(spec['nodeName'] ?? '');
    case 'spec.serviceAccountName':
      return String(spec['serviceAccountName'] ?? 'default');
    case 'status.hostIP':
      return String(status['hostIP'] ?? '');
    case 'status.hostIPs':
      return ((status['hostIPs'] as Json[]) ?? []).map((x) => x['ip']).join(',');
    case 'status.podIP':
      return String(status['podIP'] ?? '');
    case 'status.podIPs':
      return ((status['podIPs'] as Json[]) ?? []).map((x) => x['ip']).join(',');
  }
  return '';
}

const UNITS: Record<string, number> = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, m: 1e-3 };

/** Parses a Kubernetes quantity (`500m`, `128Mi`, `2`). */
export function quantity(q: string): number {
  const m = /^([0-9.]+)([a-zA-Z]*)$/.exec(q.trim());
  return m ? Number(m[1]) * (UNITS[m[2]!] ?? 1) : 0;
}

/** A resourceFieldRef value: `limits.cpu` rounded up to the divisor, as kubelet does. */
export function resourceField(pod: KObject, containerName: string, ref: Json): string {
  const containers = ((pod['spec'] as Json)?.['containers'] as Json[]) ?? [];
  const c = containers.find((x) => x['name'] === containerName) ?? containers[0] ?? {};
  const resource = String(ref['resource']);
  const [kind, name] = resource.split('.') as [string, string];
  const res = (c['resources'] as Json)?.[kind] as Record<string, string> | undefined;
  let raw = res?.[name];
  // Without a limit, kubelet reports node allocatable (a kind node: 8 CPUs, 16Gi).
  if (raw === undefined && kind === 'limits') raw = name === 'cpu' ? '8' : name === 'memory' ? '16Gi' : '0';
  if (raw === undefined) raw = '0';
  const divisor = quantity(String(ref['divisor'] ?? '1')) || 1;
  return String(Math.ceil(quantity(raw) / divisor));
}

/** Expands `$(VAR)` references against earlier variables; `$$(VAR)` gives a literal `$(VAR)`. */
export function expandRefs(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, name: string | undefined) => {
    if (m === '$$') return '$';
    return vars[name!] ?? m;
  });
}

/** Thrown when env refers to a missing ConfigMap/Secret or key (kubelet: CreateContainerConfigError). */
export class EnvError extends Error {}

function lookup(api: Api, resource: 'configmaps' | 'secrets', ns: string, name: string): Record<string, string> | undefined {
  const obj = api.find(api.resolve(resource)!, ns, name);
  if (!obj) return undefined;
  if (resource === 'configmaps') return (obj['data'] as Record<string, string>) ?? {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((obj['data'] as Record<string, string>) ?? {})) out[k] = Buffer.from(v, 'base64').toString('utf8');
  return out;
}

/**
 * A container's environment as the process sees it: image env, HOSTNAME, then (kubelet) envFrom,
 * env with `$(VAR)` expansion, service variables, and HOME last when missing.
 */
export function containerEnv(
  api: Api,
  pod: KObject,
  container: Json,
  imageEnv: Record<string, string>,
  services: Record<string, string>,
): Record<string, string> {
  const ns = pod.metadata.namespace ?? 'default';
  const own: Record<string, string> = {};
  for (const src of (container['envFrom'] as Json[]) ?? []) {
    const prefix = String(src['prefix'] ?? '');
    const ref = (src['configMapRef'] ?? src['secretRef']) as Json | undefined;
    if (!ref) continue;
    const data = lookup(api, src['configMapRef'] ? 'configmaps' : 'secrets', ns, String(ref['name']));
    if (!data) {
      if (ref['optional']) continue;
      throw new EnvError(`${src['configMapRef'] ? 'configmap' : 'secret'} "${String(ref['name'])}" not found`);
    }
    for (const [k, v] of Object.entries(data)) own[prefix + k] = v;
  }
  for (const e of (container['env'] as Json[]) ?? []) {
    const name = String(e['name']);
    if (e['value'] !== undefined) {
      own[name] = expandRefs(String(e['value']), { ...services, ...own });
      continue;
    }
    const from = e['valueFrom'] as Json | undefined;
    if (!from) {
      own[name] = '';
      continue;
    }
    const keyRef = (from['configMapKeyRef'] ?? from['secretKeyRef']) as Json | undefined;
    if (keyRef) {
      const kind = from['configMapKeyRef'] ? 'configmaps' : 'secrets';
      const data = lookup(api, kind, ns, String(keyRef['name']));
      const v = data?.[String(keyRef['key'])];
      if (v === undefined) {
        if (keyRef['optional']) continue;
        throw new EnvError(
          data
            ? `couldn't find key ${String(keyRef['key'])} in ${kind === 'configmaps' ? 'ConfigMap' : 'Secret'} ${ns}/${String(keyRef['name'])}`
            : `${kind === 'configmaps' ? 'configmap' : 'secret'} "${String(keyRef['name'])}" not found`,
        );
      }
      own[name] = v;
    } else if (from['fieldRef']) own[name] = fieldPath(pod, String((from['fieldRef'] as Json)['fieldPath']));
    else if (from['resourceFieldRef']) own[name] = resourceField(pod, String(container['name']), from['resourceFieldRef'] as Json);
  }
  const env: Record<string, string> = { PATH: imageEnv.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: hostnameOf(pod) };
  for (const [k, v] of Object.entries(imageEnv)) if (k !== 'PATH') env[k] = v;
  for (const [k, v] of Object.entries(own)) env[k] = v;
  for (const k of Object.keys(services).sort()) if (!(k in own)) env[k] = services[k]!;
  if (!('HOME' in env)) env.HOME = '/root';
  return env;
}

/** The pod's hostname: spec.hostname or the pod name (63 characters at most). */
export function hostnameOf(pod: KObject): string {
  const spec = (pod['spec'] as Json) ?? {};
  return String(spec['hostname'] ?? pod.metadata.name ?? '').slice(0, 63);
}

/** Control characters Go's strconv.Quote writes as a letter escape. */
const GO_ESCAPES: Readonly<Record<string, string>> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };

/**
 * A value as Go's `%q` writes it (strconv.Quote): the kubelet formats each label and annotation
 * of a downward API file as `key=%q` (pkg/fieldpath FormatMap), so quotes and backslashes are
 * escaped and a newline in a value stays on its line as `\n`.
 */
export function goQuote(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (GO_ESCAPES[ch]) out += GO_ESCAPES[ch];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}
