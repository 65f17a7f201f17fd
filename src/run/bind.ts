/**
 * Values the doc leaves to the reader (`<pod-name>`, `<CLUSTER-IP>`, an unset `$POD_NAME`) bound
 * from the outputs seen earlier in the lesson, when that is unambiguous.
 */
import type { Rewrite } from './types.js';
import { firstKubectlCall, flagValue } from '../shell/index.js';
import { processRows, type ProcessRow } from '../match/listing-compare.js';

/** A row of a `kubectl get` table, keyed by header (`NAME`, `CLUSTER-IP`, `PORT(S)`, …). */
export type TableRow = Record<string, string>;

/** What earlier outputs showed. */
export interface Observations {
  /** Rows of the most recent `kubectl get pods` output. */
  pods: TableRow[];
  /** Rows of the most recent `kubectl get svc` output. */
  services: TableRow[];
  /**
   * Node ports of a Service's YAML/JSON (`- name: https` … `nodePort: 32453`) or describe output
   * (`NodePort: <unset>  31496/TCP`) seen after the latest `get svc` table.
   */
  nodePorts: Array<{ name?: string; port?: number; nodePort: number }>;
  /** Node addresses of type ExternalIP seen in any output (`get nodes -o yaml`, `-o wide`). */
  nodeExternalIPs: string[];
  /** Rows of the most recent `kubectl get nodes` output. */
  nodes: TableRow[];
  /** Rows of the most recent process listing (`ps aux`, `ps -ef`, busybox `ps`). */
  processes: ProcessRow[];
}

/** Empty observations. */
export function emptyObservations(): Observations {
  return { pods: [], services: [], nodePorts: [], nodeExternalIPs: [], nodes: [], processes: [] };
}

/** Parses a kubectl table by its header's column starts. */
export function parseTable(output: string): TableRow[] {
  const lines = output.split('\n').filter((l) => l.trim() !== '');
  const header = lines[0];
  if (!header || (!/^NAME\s/.test(header) && !/^NAMESPACE\s+NAME\s/.test(header))) return [];
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

/** `- name: https` / `port: 443` / `nodePort: 32453` entries of a Service's ports in YAML or JSON output. */
function nodePortsIn(output: string): Observations['nodePorts'] {
  const out: Observations['nodePorts'] = [];
  let current: { name?: string; port?: number } = {};
  for (const line of output.split('\n')) {
    const item = /^\s*-\s/.test(line) || /^\s*\{\s*$/.test(line);
    if (item) current = {};
    const m = /^\s*-?\s*"?(name|port|nodePort)"?:\s*"?([\w.-]+)"?,?\s*$/.exec(line);
    if (!m) continue;
    if (m[1] === 'name') current.name = m[2]!;
    else if (m[1] === 'port') current.port = Number(m[2]);
    else out.push({ ...current, nodePort: Number(m[2]) });
  }
  return out;
}

/**
 * The ports `kubectl describe service` lists: `Port: <unset>  8080/TCP` (or a port name such as
 * `http`) and, below it, `NodePort: <unset>  31496/TCP` for a NodePort or LoadBalancer Service.
 */
function describedNodePorts(output: string): Observations['nodePorts'] {
  const out: Observations['nodePorts'] = [];
  let current: { name?: string; port?: number } = {};
  for (const line of output.split('\n')) {
    const m = /^\s*(Port|NodePort):\s+(\S+)\s+(\d+)\/(?:TCP|UDP|SCTP)\s*$/.exec(line);
    if (!m) continue;
    const name = m[2] === '<unset>' ? {} : { name: m[2]! };
    if (m[1] === 'Port') current = { ...name, port: Number(m[3]) };
    else out.push({ ...current, ...name, nodePort: Number(m[3]) });
  }
  return out;
}

/** Addresses of type ExternalIP in node YAML/JSON (`- address: 1.2.3.4` then `type: ExternalIP`) or a `get nodes -o wide` table. */
function nodeExternalIPsIn(command: string, output: string): string[] {
  const ips: string[] = [];
  const lines = output.split('\n');
  lines.forEach((line, i) => {
    if (!/\btype"?:\s*"?ExternalIP\b/.test(line)) return;
    for (const near of [lines[i - 1], lines[i + 1], line]) {
      const m = /address"?:\s*"?([0-9a-fA-F:.]+)"?/.exec(near ?? '');
      if (m) {
        ips.push(m[1]!);
        return;
      }
    }
  });
  const k = firstKubectlCall(command);
  if (k?.path[0]?.value === 'get' && /^(no|node|nodes)(\/|$)/.test(k.positionals[0]?.value ?? '')) {
    for (const row of parseTable(output)) if (row['EXTERNAL-IP'] && !/^<.*>$/.test(row['EXTERNAL-IP'])) ips.push(row['EXTERNAL-IP']);
  }
  return ips;
}

/** Records what a `kubectl get pods|svc` output shows, and node ports and node external IPs in any output. */
export function observe(command: string, output: string, obs: Observations): void {
  const processes = processRows(output);
  if (processes) obs.processes = processes;
  const external = nodeExternalIPsIn(command, output);
  if (external.length) obs.nodeExternalIPs = external;
  const ports = /nodePort/.test(output) ? nodePortsIn(output) : /^\s*NodePort:/m.test(output) ? describedNodePorts(output) : [];
  if (ports.length) obs.nodePorts = ports;
  const k = firstKubectlCall(command);
  const format = k && flagValue(k, '-o', '--output');
  if (!k || k.path[0]?.value !== 'get' || (format !== undefined && format !== 'wide')) return;
  const what = k.positionals[0]?.value ?? '';
  const rows = parseTable(output);
  if (rows.length === 0) return;
  if (/^(po|pod|pods)(\/|$)/.test(what)) obs.pods = rows;
  else if (/^(no|node|nodes)$/.test(what)) obs.nodes = rows;
  else if (/^(svc|service|services)(\/|$)/.test(what)) {
    obs.services = rows;
    obs.nodePorts = [];
  }
}

/** Kinds of placeholder the runner can fill in. */
export type PlaceholderKind = 'pod-name' | 'cluster-ip' | 'external-ip' | 'node-port' | 'node-external-ip' | 'node-name' | 'pid';

function placeholderKind(name: string): PlaceholderKind | null {
  const n = name.toLowerCase().replace(/[\s_]/g, '-');
  if (/^(your-)?pod(-name)?$|^name-of-(the-)?pod$/.test(n)) return 'pod-name';
  // "Choose one of your nodes": `<your-node-name>`, `<node-name>`, `<nodename>`, `<name-of-your-node>`.
  if (/^(your-)?(chosen-)?node-?name$|^name-of-(the-|your-)?node$/.test(n)) return 'node-name';
  if (/cluster-?ip/.test(n)) return 'cluster-ip';
  // "the public IP address of your node": an address of type ExternalIP, never a load balancer's.
  if (/^(public|external)-node-ip$|^node-public-ip$/.test(n)) return 'node-external-ip';
  if (/external-?ip/.test(n)) return 'external-ip';
  if (/node-?port/.test(n)) return 'node-port';
  // `<pid>`, `<PID>`, `<process-id>`, `<redis-pid>`: a process of the listing shown before.
  if (/^(?:[a-z0-9]+-)?pid$|^process-?id$/.test(n)) return 'pid';
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
  if (kind === 'node-external-ip') {
    const ip = obs.nodeExternalIPs[0];
    return ip
      ? { value: ip }
      : { reason: "no earlier output shows a node's external IP (nodes get one from a cloud provider; kind's and the simulator's have only an InternalIP)" };
  }
  if (kind === 'node-port' && obs.nodePorts.length) {
    // The port the URL's scheme speaks: `https://…:<NODE-PORT>` takes the https (443) entry.
    const tls = /https:\/\//.test(context);
    const pick =
      obs.nodePorts.find((p) => (tls ? p.name === 'https' || p.port === 443 : p.name === 'http' || p.port === 80)) ??
      (obs.nodePorts.length === 1 ? obs.nodePorts[0] : undefined);
    if (pick) return { value: String(pick.nodePort) };
  }
  if (kind === 'node-name') {
    // Any node the reader lists will do; one that runs ordinary pods (no control-plane role) first.
    const nodes = obs.nodes.filter((n) => n.NAME);
    const pick = nodes.find((n) => !/control-plane|master/.test(n.ROLES ?? '')) ?? nodes[0];
    return pick ? { value: pick.NAME! } : { reason: 'no earlier output lists the nodes (`kubectl get nodes`)' };
  }
  if (kind === 'pid') return pickProcess(obs.processes, context);
  if (kind === 'pod-name') {
    const r = pickBy(
      obs.pods.filter((p) => p.NAME),
      (p) => podBase(p.NAME!),
      context,
      'pod name',
    );
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

/** Programs of the reader's own session in a process listing: never the process a page means. */
const SESSION_PROGRAMS = new Set(['ps', 'bash', 'sh', 'ash', 'dash', 'zsh']);

/** The program of a listed command (`redis-server *:6379` → redis-server, `nginx: master process …` → nginx). */
const programOfRow = (row: ProcessRow): string => (row.command.split(/\s+/)[0] ?? '').replace(/:$/, '').split('/').pop() ?? '';

const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const names = (context: string, word: string) => word.length >= 3 && new RegExp(`(?:^|[^a-z0-9-])${escape(word)}(?:[^a-z0-9-]|$)`, 'i').test(context);

/**
 * The process a `<pid>` stands for: one of the program the prose names ("where `<pid>` is the
 * Redis process ID": redis-server; `nginx-server` is named by "nginx" too), and among its
 * processes the ones whose title has a word the prose uses ("the nginx worker process"), else the
 * main process (PID 1). The reader's own shell and `ps` never are. Ambiguous (skipped with the
 * reason) when the prose names several programs, or what it names is several processes none of
 * which is PID 1.
 */
function pickProcess(processes: ProcessRow[], context: string): { value: string } | { reason: string } {
  if (processes.length === 0) return { reason: 'no earlier output lists the processes (`ps`)' };
  const candidates = processes.filter((p) => !SESSION_PROGRAMS.has(programOfRow(p)));
  const named = candidates.filter((p) => {
    const program = programOfRow(p).toLowerCase();
    return names(context, program) || names(context, program.split(/[-_.]/)[0]!);
  });
  const programs = [...new Set(named.map(programOfRow))];
  if (programs.length > 1) return { reason: `the process is ambiguous: the prose names ${programs.join(', ')}` };
  let pool = named.length > 0 ? named : candidates;
  // Processes of one program with other titles (`nginx: master process …`, `nginx: worker process`):
  // the title words the prose uses pick them.
  const words = (p: ProcessRow) => new Set(p.command.toLowerCase().split(/[\s:]+/));
  const titled = pool.filter((p) => [...words(p)].some((w) => pool.some((o) => !words(o).has(w)) && names(context, w)));
  if (titled.length > 0) pool = titled;
  const main = pool.find((p) => p.pid === '1');
  if (main) return { value: main.pid };
  if (pool.length === 1) return { value: pool[0]!.pid };
  return { reason: `the process is ambiguous: ${pool.map((p) => `${p.pid} (${programOfRow(p)})`).join(', ') || 'only the reader’s shell is listed'}` };
}

/**
 * The value of one `<placeholder>` from earlier outputs (`<pod-name>`, `<CLUSTER-IP>`,
 * `<node-name>`, …), or why it cannot be filled: `kind` is absent when no rule knows the
 * placeholder (the reader's own choice, such as `<insert-namespace-name-here>`). `viaNodePort`:
 * a `<NODE-PORT>` stands beside it, so `<EXTERNAL-IP>` is a node's address.
 */
export function fillPlaceholder(
  placeholder: string,
  obs: Observations,
  context: string,
  viaNodePort = false,
): { value: string; kind: PlaceholderKind } | { unresolved: string; kind?: PlaceholderKind } {
  const found = placeholderKind(placeholder.replace(/^<|>$/g, ''));
  const kind = found === 'external-ip' && viaNodePort ? 'node-external-ip' : found;
  if (!kind) return { unresolved: `the doc leaves ${placeholder} for the reader to fill in` };
  const r = resolveKind(kind, obs, context);
  return 'reason' in r ? { unresolved: `cannot fill in ${placeholder}: ${r.reason}`, kind } : { value: r.value, kind };
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
  // With a node port beside it, <EXTERNAL-IP> is a node's address (NodePort access), not a load balancer's.
  const viaNodePort = /<node-?port>/i.test(command.replace(/[\s_]/g, '-'));
  for (const m of [...command.matchAll(/<([A-Za-z][A-Za-z0-9 _./-]*)>/g)].reverse()) {
    if (insideSingleQuotes(command, m.index) || command[m.index - 1] === '<') continue;
    const r = fillPlaceholder(m[0], obs, ctx, viaNodePort);
    if ('unresolved' in r) return { unresolved: `${r.unresolved}${r.kind ? '' : '; no rule can fill it'}` };
    out = out.slice(0, m.index) + r.value + out.slice(m.index + m[0].length);
    rewrites.unshift({ kind: 'placeholder', from: m[0], to: r.value, reason: `${r.kind} from an earlier output` });
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
