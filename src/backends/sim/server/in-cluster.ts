import { request as httpsRequest } from 'node:https';
import { STATUS_CODES } from 'node:http';
import type { HttpRequest, HttpResponse } from '../runtime/net/types.js';

/** Headers of one hop that a forwarded request must not carry on. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

/**
 * Hands a request made inside the cluster (a pod's curl to `kubernetes.default.svc`) to the API
 * server at `url`, as it came: its Authorization header (a pod's ServiceAccount token, or none)
 * decides who asks, so RBAC answers as it would on a cluster.
 */
export function forwardToApiServer(url: string, caPem: string): (request: HttpRequest) => Promise<HttpResponse> {
  const base = new URL(url);
  return (r) =>
    new Promise((resolve) => {
      const headers: Record<string, string> = {};
      for (const [k, v] of r.headers) if (!HOP_BY_HOP.has(k.toLowerCase())) headers[k] = v;
      headers['Content-Length'] = String(r.body.length);
      const req = httpsRequest({ host: base.hostname, port: base.port, path: r.path, method: r.method, headers, ca: caPem, servername: 'localhost' }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => {
          const out: [string, string][] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            const k = res.rawHeaders[i]!;
            if (!HOP_BY_HOP.has(k.toLowerCase())) out.push([k, res.rawHeaders[i + 1]!]);
          }
          const status = res.statusCode ?? 502;
          resolve({ status, reason: res.statusMessage ?? STATUS_CODES[status] ?? '', headers: out, body: Buffer.concat(chunks) });
        });
      });
      // The server is in this process: a failure here is the simulator's, answered as a gateway would.
      req.on('error', (e) => resolve({ status: 502, reason: 'Bad Gateway', headers: [['Content-Type', 'text/plain']], body: Buffer.from(`${e.message}\n`) }));
      req.end(r.body);
    });
}
