import type { HttpRequest, HttpResponse, Service } from './types.js';

/**
 * The simulator's own API server as the cluster network reaches it: the address and port the
 * `kubernetes` Service's endpoints name, its serving certificate (whose names include
 * `kubernetes.default.svc` and the Service's cluster IP, as kubeadm's apiserver certificate does),
 * and a way to hand it one request.
 */
export interface ApiServerEndpoint {
  ip: string;
  port: number;
  tls: { cert: string; key: string };
  /** Sends one request to the API server as it came (its Authorization header decides who asks). */
  forward(request: HttpRequest): Promise<HttpResponse>;
}

/**
 * Go's net/http answer to plain HTTP on a TLS port (`http.Server` sees a TLS record that is not
 * one): 400 with this text, as `curl http://kubernetes.default.svc:443/` shows.
 */
const PLAIN_HTTP_ON_TLS = 'Client sent an HTTP request to an HTTPS server.\n';

/** The listener the API server's endpoint has on the cluster network. */
export function apiServerListener(endpoint: ApiServerEndpoint): Service {
  return {
    describe: 'kube-apiserver',
    tls: endpoint.tls,
    handle: () => ({
      status: 400,
      reason: 'Bad Request',
      headers: [
        ['Content-Type', 'text/plain; charset=utf-8'],
        ['Connection', 'close'],
      ],
      body: Buffer.from(PLAIN_HTTP_ON_TLS),
    }),
    respond: (request, tls) => (tls ? endpoint.forward(request) : Promise.resolve(apiServerListener(endpoint).handle(request, false))),
  };
}
