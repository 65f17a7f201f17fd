import type { Network, HttpResponse } from './types.js';
import { parseRequest, parseResponse, serializeRequest, serializeResponse } from './http.js';
import { tlsExchange } from './tls.js';

/** One request made by a tool in a container. */
export interface FetchRequest {
  url: URL;
  method: string;
  headers: [string, string][];
  body: Buffer;
  /** The calling container's IP (the access log's remote address). */
  from: string;
  /** PEM CA for https; undefined = none trusted. */
  ca?: string;
  insecure: boolean;
  /** Resolve the host to this IP (`curl --resolve`). */
  resolveTo?: string;
}

/** The response, or why there was none (curl/wget turn this into their messages). */
export type FetchResult =
  | { ok: true; ip: string; port: number; response: HttpResponse; raw: Buffer }
  | { ok: false; ip?: string; port: number; kind: 'resolve' | 'refused' | 'timeout' | 'tls' | 'protocol'; exit?: number; message?: string };

/** One HTTP(S) exchange over the simulated network. */
export async function simFetch(net: Network, r: FetchRequest): Promise<FetchResult> {
  const https = r.url.protocol === 'https:';
  const port = Number(r.url.port || (https ? 443 : 80));
  const host = r.url.hostname.replace(/^\[|\]$/g, '');
  let ip = r.resolveTo;
  if (!ip) {
    const ans = net.resolve(host, net.namespace);
    if (!ans || !ans.addresses.length) return { ok: false, port, kind: 'resolve' };
    ip = ans.addresses[0]!;
  }
  const svc = net.connect(ip, port, r.from);
  if (svc === 'refused' || svc === 'timeout') return { ok: false, ip, port, kind: svc };
  if ('error' in svc) return { ok: false, ip, port, kind: 'protocol', message: svc.error };
  const reqBytes = serializeRequest({ method: r.method, path: r.url.pathname + r.url.search, version: 'HTTP/1.1', headers: r.headers, body: r.body });
  const head = r.method === 'HEAD';
  const answer = (req: Parameters<typeof svc.handle>[0], tls: boolean) => (svc.respond ? svc.respond(req, tls) : Promise.resolve(svc.handle(req, tls)));
  if (https) {
    if (!svc.tls) return { ok: false, ip, port, kind: 'tls', exit: 35, message: 'OpenSSL/3.0.15: error:0A00010B:SSL routines::wrong version number' };
    const out = await tlsExchange(svc.tls, { host, ca: r.ca, insecure: r.insecure }, reqBytes, (buf) => {
      const req = parseRequest(buf, r.from);
      return req ? answer(req, true).then(serializeResponse) : undefined;
    });
    if ('failure' in out) return { ok: false, ip, port, kind: 'tls', exit: out.failure.exit, message: out.failure.message };
    const response = parseResponse(out.response, head);
    if (!response) return { ok: false, ip, port, kind: 'protocol', exit: 52, message: 'Empty reply from server' };
    return { ok: true, ip, port, response, raw: out.response };
  }
  const req = parseRequest(reqBytes, r.from)!;
  const response = await answer(req, false);
  const raw = serializeResponse(response);
  return { ok: true, ip, port, response: head ? { ...response, body: Buffer.alloc(0) } : response, raw };
}
