/**
 * Values the doc leaves to the reader (`<pod-name>`, `<CLUSTER-IP>`, an unset `$POD_NAME`) bound
 * from the outputs seen earlier in the lesson, when that is unambiguous.
 */
import type { Rewrite } from './types.js';
import { kubectlWords } from './rewrite/words.js';

/** A row of a `kubectl get` table, keyed by header (`NAME`, `CLUSTER-IP`, `PORT(S)`, …). */
export type TableRow = Record<string, string>;

/** What earlier outputs showed. */
export interface Observations {
  /** Rows of the most recent `kubectl get pods` output. */
  pods: TableRow[];
  /** Rows of the most recent `kubectl get svc` output. */
  services: TableRow[];
}

/** Empty observations. */
export function emptyObservations(): Observations {
  return { pods: [], services: [] };
}

/** Parses a kubectl table by its header's column starts. */
export function parseTable(output: string): TableRow[] {
  const lines = output.split('\n').filter((l) => l.trim() !== '');
  const header = lines[0];
  if (!header || !/^NAME\s/.test(header) && !/^NAMESPACE\s+NAME\s/.test(header)) return [];
  const starts: Array<{ name: string; at: number }> = [];
  for (const m of header.matchAll(/\S+/g)) starts.push({ name: m[0], at: m.index });
  return lines.slice(1).map((line) => {
    const row: TableRow = {};
    const fields = line.trim().split(/\s{2,}/);
    if (fields.length === starts.length) {
      starts.forEach((col, i) => (row[col.name] = fields[i]!));
      return row;
    }
    starts.forEach((col, i) => {
      const end = i + 1 < starts.length ? starts[i + 1]!.at : line.length;
      row[col.name] = line.slice(col.at, end).trim();
    });
    return row;
  });
}

/** Records what a `kubectl get pods|svc` output shows (other outputs are ignored). */
export function observe(command: string, output: string, obs: Observations): void {
  const k = kubectlWords(command);
  if (!k || k.sub !== 'get' || k.flags.some((f) => (f.name === '-o' || f.name === '--output') && f.value !== 'wide')) return;
  const what = k.positional[0] ?? '';
  const rows = parseTable(output);
  if (rows.length === 0) return;
  if (/^(po|pod|pods)(\/|$)/.test(what)) obs.pods = rows;
  else if (/^(svc|service|services)(\/|$)/.test(what)) obs.services = rows;
}

/** Kinds of placeholder the runner can fill in. */
type PlaceholderKind = 'pod-name' | 'cluster-ip' | 'external-ip' | 'node-port';

function kindOf(name: string): PlaceholderKind | null {
  const n = name.toLowerCase().replace(/[\s_]/g, '-');
  if (/^(your-)?pod(-name)?$|^name-of-(the-)?pod$/.test(n)) return 'pod-name';
  if (/cluster-?ip/.test(n)) return 'cluster-ip';
  if (/external-?ip/.test(n)) return 'external-ip';
  if (/node-?port/.test(n)) return 'node-port';
  return null;
}

/** The base name of a generated pod name (`my-nginx-cf54cdbf7-vr96x` → `my-nginx`). */
export function podBase(name: string): string {
  return name.replace(/-[a-z0-9]{5}$/, '').replace(/-[a-f0-9]{6,10}$/, '');
}

function pickBy<T>(candidates: T[], key: (t: T) => string, context: string, what: string): { value: T } | { reason: string } {
  if (candidates.length === 0) return { reason: `no earlier output shows a ${what}` };
  const groups = [...new Set(candidates.map(key))];
  if (groups.length === 1) return { value: candidates[0]! };
  const mentioned = groups.filter((g) => new RegExp(`(^|[^A-Za-z0-9-])${g.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z0-9-]|$)`).test(context));
  if (mentioned.length === 1) return { value: candidates.find((c) => key(c) === mentioned[0])! };
  return { reason: `the ${what} is ambiguous: ${groups.join(', ')}` };
}

function resolveKind(kind: PlaceholderKind, obs: Observations, context: string): { value: string } | { reason: string } {
  if (kind === 'pod-name') {
    const r = pickBy(obs.pods.filter((p) => p.NAME), (p) => podBase(p.NAME!), context, 'pod name');
    return 'value' in r ? { value: r.value.NAME! } : r;
  }
  const services = obs.services.filter((s) => s.NAME && (s.NAME !== 'kubernetes' || obs.services.length === 1));
  const r = pickBy(services, (s) => s.NAME!, context, 'Service');
  if (!('value' in r)) return r;
  const s = r.value;
  if (kind === 'cluster-ip') return s['CLUSTER-IP'] ? { value: s['CLUSTER-IP'] } : { reason: 'the Service table has no CLUSTER-IP' };
  if (kind === 'external-ip') {
    const ip = s['EXTERNAL-IP'];
    return ip && !/^<.*>$/.test(ip) ? { value: ip } : { reason: `Service ${s.NAME} has no external IP (${ip ?? 'none'})` };
  }
  const port = /:(\d+)\//.exec(s['PORT(S)'] ?? '');
  return port ? { value: port[1]! } : { reason: `Service ${s.NAME} has no node port` };
}

/** Shell variables the command uses that could be placeholders (`$POD_NAME`). */
export function placeholderVars(command: string): string[] {
  const names = new Set<string>();
  for (const m of command.matchAll(/\$\{?([A-Z][A-Z0-9_]*)\}?/g)) if (/(^|_)POD(_NAME)?$/.test(m[1]!)) names.add(m[1]!);
  // A variable the command sets itself is not a placeholder.
  return [...names].filter((n) => !new RegExp(`(^|[\\s;&|(])(export\\s+|read\\s+(-\\S+\\s+)*)?${n}(=|\\b)`).test(command.replace(/\$\{?[A-Z_]+/g, '')));
}

function insideSingleQuotes(text: string, index: number): boolean {
  return (text.slice(0, index).match(/'/g)?.length ?? 0) % 2 === 1;
}

/**
 * Fills in placeholders from observations. `unsetVars` are the candidate variables the lesson
 * shell does not have. Returns the command and rewrites, or why it cannot run.
 */
export function resolvePlaceholders(
  command: string,
  obs: Observations,
  unsetVars: ReadonlySet<string>,
  context = '',
): { command: string; rewrites: Rewrite[] } | { unresolved: string } {
  const rewrites: Rewrite[] = [];
  let out = command;
  const ctx = `${command}\n${context}`;
  for (const m of [...command.matchAll(/<([A-Za-z][A-Za-z0-9 _-]*)>/g)].reverse()) {
    if (insideSingleQuotes(command, m.index) || command[m.index - 1] === '<') continue;
    const kind = kindOf(m[1]!);
    if (!kind) return { unresolved: `the doc leaves ${m[0]} for the reader to fill in; no rule can fill it` };
    const r = resolveKind(kind, obs, ctx);
    if ('reason' in r) return { unresolved: `cannot fill in ${m[0]}: ${r.reason}` };
    out = out.slice(0, m.index) + r.value + out.slice(m.index + m[0].length);
    rewrites.unshift({ kind: 'placeholder', from: m[0], to: r.value, reason: `${kind} from an earlier output` });
  }
  for (const name of placeholderVars(out)) {
    if (!unsetVars.has(name)) continue;
    const r = resolveKind('pod-name', obs, ctx);
    if ('reason' in r) return { unresolved: `$${name} is not set and ${r.reason}` };
    out = out.replace(new RegExp(`\\$\\{?${name}\\}?(?![A-Za-z0-9_])`, 'g'), r.value);
    rewrites.push({ kind: 'placeholder', from: `$${name}`, to: r.value, reason: `$${name} is never set in the doc; pod name from an earlier output` });
  }
  return { command: out, rewrites };
}
