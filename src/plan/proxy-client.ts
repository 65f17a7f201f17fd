import { firstKubectlCall, flagValue, parseCommandLine } from '../shell/index.js';
import { PROXY_CLIENT } from './data/places.js';

/** A request a line sends to a local port: the port and the path asked for. */
export interface LocalRequest {
  port: number | undefined;
  path: string;
  /** The path is one the API server serves (`/api/…`, `/apis/…`, `/version`). */
  api: boolean;
}

/**
 * The request a client program on the line (`curl`, `wget`) sends to `localhost:<port>`, if any:
 * the first such URL of the first client. A line may go through `kubectl proxy` only this way.
 */
export function localRequest(command: string): LocalRequest | undefined {
  for (const c of parseCommandLine(command).commands) {
    if (!PROXY_CLIENT.programs.has(c.name)) continue;
    for (const w of c.args) {
      const m = PROXY_CLIENT.url.exec(w.value);
      if (!m) continue;
      const path = m[2] ?? '/';
      return { port: m[1] === undefined ? undefined : Number(m[1]), path, api: PROXY_CLIENT.apiPath.test(path) };
    }
  }
  return undefined;
}

/** True when the line asks the API server's paths on `kubectl proxy`'s default port of the machine it runs on. */
export function isDefaultProxyRequest(command: string): boolean {
  const r = localRequest(command);
  return r !== undefined && r.api && r.port === PROXY_CLIENT.defaultPort;
}

/** The port a `kubectl proxy` line listens on, or undefined when the line starts no proxy. */
export function proxyPort(command: string): number | undefined {
  const call = firstKubectlCall(command);
  if (!call || call.command !== 'proxy') return undefined;
  const port = flagValue(call, '--port', '-p');
  return port === undefined ? PROXY_CLIENT.defaultPort : Number(port);
}
