import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { APISERVER_IP, APISERVER_PORT } from '../api/bootstrap.js';
import type { Api } from '../api/types.js';
import type { PodRuntime } from '../runtime/hooks.js';
import { StatusError } from '../status.js';
import type { ServingCerts } from './certs.js';
import { aggregatedContentType, aggregatedDiscovery, aggregatedVersion, apiGroup, apiGroupList, apiResourceList, apiVersions } from './discovery.js';
import { openApiDocument, openApiPath, openApiRoot, openApiV2 } from './openapi.js';
import { serveResource, type HandlerContext } from './resources.js';
import { pathNotFound, sendError, sendJson, sendText, statusOf } from './respond.js';
import { parseResourcePath, pathProblem } from './route.js';
import { createWatchRegistry, type WatchLimits } from './watch.js';
import { serveInWallTime } from './served-time.js';
import { aliasApi } from './alias-api.js';
import { warnIfDeprecated } from './deprecations.js';
import { AUTH_REVIEW_TYPES, serveAuthReview } from './auth-reviews.js';
import { ADMIN_USER, authenticate } from './authn.js';
import { forbidden, rbacAllows, requestAttributes } from './authz.js';
import { VERSION_ALIASES } from './aliases.js';
import { METRICS_GROUP, METRICS_TYPES, metricsAvailable, serveMetrics } from '../metrics/api.js';

export { generateServingCerts } from './certs.js';
export { DEFAULT_WATCH_LIMITS, type WatchLimits } from './watch.js';
export type { ServingCerts } from './certs.js';

/** What `startApiServer` needs. */
export interface ApiServerOptions {
  api: Api;
  runtime: PodRuntime;
  certs: ServingCerts;
  token: string;
  /** 0 or absent: a random free port. */
  port?: number;
  /** Bounds on what a watch may buffer for a slow client (default DEFAULT_WATCH_LIMITS). */
  watchLimits?: WatchLimits;
}

/** A running HTTPS API server. */
export interface ApiServer {
  url: string;
  port: number;
  /** How many watches are open. */
  openWatches(): number;
  /** Ends watches, destroys every socket (upgraded ones too) and closes the listener. */
  close(): Promise<void>;
}

const unauthorized = () => new StatusError({ message: 'Unauthorized', reason: 'Unauthorized', code: 401 });

/** Go's HTTP server answers a request line it cannot parse (an invalid `%` escape) with this, and closes. */
const BAD_REQUEST_LINE = 'HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n400 Bad Request';

function badRequestLine(res: ServerResponse): void {
  res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
  res.end('400 Bad Request');
}

/** Starts the simulator's HTTPS API server on 127.0.0.1. */
export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const { api, runtime, certs, token } = options;
  const watches = createWatchRegistry(options.watchLimits);
  const ctx: HandlerContext = { api, runtime, watches };
  const sockets = new Set<Socket>();
  // api.types() grows and shrinks with the CustomResourceDefinitions, so this is asked per request.
  const servedTypes = () => [...api.types(), ...VERSION_ALIASES.map((a) => a.type), ...AUTH_REVIEW_TYPES];
  const served = () => (metricsAvailable(api) ? [...servedTypes(), ...METRICS_TYPES] : servedTypes());
  const lookup = (group: string, version: string, resource: string) =>
    served().find((t) => t.group === group && t.version === version && t.resource === resource);

  /**
   * Authentication, then authorization: the simulator's token is the admin, whom everything is
   * allowed; anyone else (a ServiceAccount's token, or anonymous: no credentials, or an empty
   * bearer token) is asked of RBAC over the cluster's roles and bindings. undefined when allowed,
   * else the Status to answer with; `verbs` overrides the request's verb (upgrades).
   */
  const admit = (req: IncomingMessage, url: URL, res?: ServerResponse, verbs?: string[]): StatusError | undefined => {
    const who = authenticate(req.headers.authorization, token, api);
    if ('rejected' in who) return unauthorized();
    if (who.warning) res?.setHeader('Warning', `299 - "${who.warning}"`);
    if (who.user === ADMIN_USER) return undefined;
    const attrs = requestAttributes(req.method ?? 'GET', url);
    for (const verb of verbs ?? [attrs.verb]) {
      const asked = { ...attrs, verb };
      if (!rbacAllows(api, who.user, asked)) return forbidden(who.user, asked);
    }
    return undefined;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // The cluster's time may run ahead of this machine's (time passes at once for a lesson):
    // kubectl counts some ages on its own clock, so timestamps go out as that clock reads them.
    serveInWallTime(res, api.ctx.clock);
    const problem = pathProblem(req.url ?? '/');
    if (problem === 'malformed') return badRequestLine(res);
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const denied = admit(req, url, res);
    if (denied) return sendError(res, denied);
    if (problem === 'dot-segment') throw pathNotFound();
    const method = req.method ?? 'GET';
    if (path === '/healthz' || path === '/readyz' || path === '/livez') return sendText(res, 200, 'ok');
    if (path === '/version') return sendJson(res, 200, versionInfo(api));
    if (method === 'GET' && (path === '/api' || path === '/apis')) {
      const core = path === '/api';
      const v = aggregatedVersion(req.headers.accept);
      if (v) return sendJson(res, 200, aggregatedDiscovery(served(), core, v), aggregatedContentType(v));
      // Discovery advertises the advertise address and secure port (genericapiserver ExternalAddress), not where kubectl dialled.
      return sendJson(res, 200, core ? apiVersions(`${APISERVER_IP}:${APISERVER_PORT}`) : apiGroupList(served()));
    }
    if (method === 'GET' && path === '/openapi/v2') {
      const v2 = openApiV2(api.ctx.version.gitVersion, req.headers.accept);
      res.writeHead(200, { 'Content-Type': v2.contentType, 'Content-Length': v2.body.length, 'Cache-Control': 'no-cache, private' });
      return res.end(v2.body);
    }
    if (method === 'GET' && path === '/openapi/v3') return sendJson(res, 200, openApiRoot(served(), api.ctx.version.gitVersion));
    if (method === 'GET' && path.startsWith('/openapi/v3/')) {
      const gv = openApiPath(path);
      const doc = gv && openApiDocument(served(), gv.group, gv.version, api.ctx.version.gitVersion);
      if (!doc) throw pathNotFound();
      return sendJson(res, 200, doc);
    }
    const group = /^\/apis\/([^/]+)$/.exec(path);
    if (method === 'GET' && group) {
      const g = apiGroup(served(), group[1]!);
      if (!g) throw pathNotFound();
      return sendJson(res, 200, g);
    }
    const parsed = parseResourcePath(path, lookup);
    if (parsed.kind === 'groupVersion' && method === 'GET') {
      const list = apiResourceList(served(), parsed.group, parsed.version);
      if (!list) throw pathNotFound();
      return sendJson(res, 200, list);
    }
    // A resource path nothing serves (a deleted CRD's, say) reaches the end of the real server's
    // delegation chain, whose not-found handler is Go's http.NotFound: plain text, not a Status.
    if (parsed.kind === 'unknown' && /^\/apis?\/[^/]+\/[^/]+\//.test(path)) return sendText(res, 404, '404 page not found\n');
    if (parsed.kind !== 'resource') throw pathNotFound();
    if (parsed.route.type.group === METRICS_GROUP) return serveMetrics(api, parsed.route, method, url.searchParams, res, req.headers.accept);
    if (AUTH_REVIEW_TYPES.includes(parsed.route.type) && !parsed.route.name) return serveAuthReview(parsed.route.type, req, res, token, api);
    warnIfDeprecated(res, parsed.route.type, Number(api.ctx.version.minor));
    const alias = VERSION_ALIASES.find((a) => a.type === parsed.route.type);
    await serveResource(alias ? { ...ctx, api: aliasApi(api, alias) } : ctx, parsed.route, req, res, url.searchParams);
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refuse = (status: ReturnType<typeof statusOf>) => {
      const body = JSON.stringify(status);
      socket.end(
        `HTTP/1.1 ${status.code} ${status.reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    };
    try {
      const problem = pathProblem(req.url ?? '/');
      if (problem === 'malformed') return socket.end(BAD_REQUEST_LINE);
      const url = new URL(req.url ?? '/', 'https://127.0.0.1');
      // Upgrading to exec, attach or port-forward also needs `create` (AuthorizePodWebsocketUpgradeCreatePermission).
      const denied = admit(req, url, undefined, ['get', 'create']);
      if (denied) return refuse(denied.status);
      if (problem === 'dot-segment') return refuse(pathNotFound().status);
      const parsed = parseResourcePath(url.pathname, lookup);
      const route = parsed.kind === 'resource' ? parsed.route : undefined;
      const sub = route?.subresource;
      if (!route || route.type.group !== '' || route.type.resource !== 'pods' || !route.name || (sub !== 'exec' && sub !== 'attach' && sub !== 'portforward'))
        return refuse(
          new StatusError({ message: 'upgrade is only served on pods/exec, pods/attach and pods/portforward', reason: 'BadRequest', code: 400 }).status,
        );
      const pod = api.get(route.type, route.namespace, route.name);
      runtime.upgrade(sub, pod, url.searchParams, req, socket, head);
    } catch (error) {
      refuse(statusOf(error));
    }
  };

  const server: Server = createServer({ cert: certs.certPem, key: certs.keyPem }, (req, res) => {
    handle(req, res).catch((error: unknown) => sendError(res, error));
  });
  server.on('upgrade', onUpgrade);
  server.on('secureConnection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('tlsClientError', () => undefined);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    openWatches: () => watches.size(),
    async close() {
      watches.endAll();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      server.closeAllConnections?.();
      await closed;
    },
  };
}

/** The `/version` body. */
export function versionInfo(api: Api) {
  const v = api.ctx.version;
  return {
    major: v.major,
    minor: v.minor,
    gitVersion: v.gitVersion,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2025-01-01T00:00:00Z',
    goVersion: 'go1.23.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}
