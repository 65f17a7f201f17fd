import type { KObject } from '../types.js';
import type { ExecOutcome } from './exec/run.js';
import type { Service } from './net/types.js';
import { Input, type Io } from './shell/types.js';

type Json = Record<string, unknown>;

/**
 * The outcome of one probe or lifecycle-hook handler, as the kubelet's probers report it:
 * `output` is what goes after "Liveness probe failed: " in the Unhealthy event.
 */
export interface ProbeOutcome {
  result: 'success' | 'failure';
  output: string;
}

/** What running a handler needs from the runtime: the container's command runner and the pod's listeners. */
export interface HandlerTarget {
  pod: KObject;
  container: string;
  podIP: string;
  /** Runs argv in the container; `signal` aborts it (timeout). */
  exec(argv: string[], io: Io, signal: AbortSignal): Promise<ExecOutcome>;
  /** Who listens on a port of the pod. */
  listener(port: number): Service | undefined;
  /** Waits `ms` of simulated time. */
  wait(ms: number): Promise<void>;
  userAgent: string;
}

/** A container port by name (`port: liveness-port`), else a number. */
export function handlerPort(pod: KObject, container: string, raw: unknown): number | undefined {
  if (typeof raw === 'number') return raw;
  if (/^\d+$/.test(String(raw))) return Number(raw);
  const list = ((pod['spec'] as Json)?.['containers'] as Json[]) ?? [];
  const c = list.find((x) => x['name'] === container);
  const p = ((c?.['ports'] as Json[]) ?? []).find((x) => x['name'] === raw);
  return p ? Number(p['containerPort']) : undefined;
}

/** Runs an exec handler: success on exit 0; a run longer than the timeout fails as the kubelet's exec prober says. */
async function execHandler(t: HandlerTarget, command: string[], timeoutMs: number | undefined): Promise<ProbeOutcome> {
  const chunks: Buffer[] = [];
  const sink = (d: string | Buffer) => void chunks.push(Buffer.from(d));
  const abort = new AbortController();
  const run = t.exec(command, { stdin: new Input(), out: sink, err: sink }, abort.signal);
  const timedOut = timeoutMs === undefined ? new Promise<never>(() => undefined) : t.wait(timeoutMs).then(() => 'timeout' as const);
  const r = await Promise.race([run, timedOut]);
  if (r === 'timeout') {
    abort.abort();
    return { result: 'failure', output: `command ${JSON.stringify(command.join(' '))} timed out` };
  }
  const output = Buffer.concat(chunks).toString();
  if ('error' in r) return { result: 'failure', output: r.error };
  return { result: r.code === 0 ? 'success' : 'failure', output };
}

/**
 * Runs a probe (or a lifecycle handler, which has the same exec/httpGet/tcpSocket shapes) against
 * the simulated container: exec runs the command in it, httpGet asks the listener on the port,
 * tcpSocket and grpc succeed when something listens. Messages follow pkg/probe in Kubernetes 1.32.
 */
export async function runHandler(t: HandlerTarget, handler: Json, timeoutMs?: number): Promise<ProbeOutcome> {
  const exec = handler['exec'] as { command?: string[] } | undefined;
  if (exec) return execHandler(t, exec.command ?? [], timeoutMs);
  const http = handler['httpGet'] as
    { path?: string; port?: unknown; scheme?: string; host?: string; httpHeaders?: { name: string; value: string }[] } | undefined;
  const tcp = handler['tcpSocket'] as { port?: unknown; host?: string } | undefined;
  const grpc = handler['grpc'] as { port?: number; service?: string } | undefined;
  const rawPort = http?.port ?? tcp?.port ?? grpc?.port;
  const port = handlerPort(t.pod, t.container, rawPort);
  if (port === undefined) return { result: 'failure', output: `unable to find port "${String(rawPort)}"` };
  const host = http?.host ?? tcp?.host ?? t.podIP;
  const addr = `${host}:${port}`;
  const svc = host === t.podIP ? t.listener(port) : undefined;
  if (grpc) {
    // grpc.Dial with WithBlock keeps retrying a refused connection until the probe's timeout.
    if (!svc?.grpc)
      return {
        result: 'failure',
        output: `timeout: failed to connect service ${JSON.stringify(addr)} within ${Math.round((timeoutMs ?? 1000) / 1000)}s: context deadline exceeded`,
      };
    return { result: 'success', output: '' };
  }
  if (tcp) return svc ? { result: 'success', output: '' } : { result: 'failure', output: `dial tcp ${addr}: connect: connection refused` };
  const scheme = (http?.scheme ?? 'HTTP').toLowerCase();
  const path = http?.path ?? '';
  const url = `${scheme}://${addr}${path.startsWith('/') || path === '' ? path : `/${path}`}`;
  if (!svc) return { result: 'failure', output: `Get ${JSON.stringify(url)}: dial tcp ${addr}: connect: connection refused` };
  const headers: [string, string][] = [
    ['Host', addr],
    ['User-Agent', t.userAgent],
    ['Accept', '*/*'],
    ['Connection', 'close'],
  ];
  for (const h of http?.httpHeaders ?? []) {
    const i = headers.findIndex(([k]) => k.toLowerCase() === h.name.toLowerCase());
    if (i >= 0) headers[i] = [h.name, h.value];
    else headers.push([h.name, h.value]);
  }
  const res = svc.handle(
    { method: 'GET', path: path || '/', version: 'HTTP/1.1', headers, body: Buffer.alloc(0), remote: t.podIP.replace(/\.\d+$/, '.1') },
    scheme === 'https',
  );
  if (res.status >= 200 && res.status < 400) return { result: 'success', output: '' };
  return { result: 'failure', output: `HTTP probe failed with statuscode: ${res.status}` };
}
