/**
 * What the echoserver image answers, per tag: behaviour as data. Up to 1.4 the image is an
 * nginx 1.10 + lua page (`CLIENT VALUES:` … `BODY:`); 1.10 prints `Hostname:` and
 * `Request Information:` sections. A tag not listed answers like the newest known one.
 */
import { header } from './http.js';
import type { HttpRequest } from './types.js';

/** One echoserver generation: its Server header, and the body it renders for a request. */
export interface EchoserverFormat {
  tags: readonly string[];
  server: string;
  render(request: EchoRequest): string;
}

/** What the rendering needs of the request and the pod. */
export interface EchoRequest {
  req: HttpRequest;
  hostname: string;
  /** The port the server listens on (the lua page builds request_uri with it). */
  port: number;
}

const sortedHeaders = (req: HttpRequest): string[][] =>
  [...req.headers].map(([k, v]) => [k.toLowerCase(), v]).sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0));

const pathOf = (req: HttpRequest) => req.path.split('?')[0]!;
const queryOf = (req: HttpRequest) => req.path.split('?')[1];

/** echoserver 1.4 (nginx 1.10.0 with lua): no trailing newline after the body section. */
const LUA_1_4: EchoserverFormat = {
  tags: ['1.0', '1.1', '1.2', '1.3', '1.4'],
  server: 'nginx/1.10.0',
  render({ req, port }) {
    const host = (header(req.headers, 'host') ?? '').replace(/:\d+$/, '');
    return [
      'CLIENT VALUES:',
      `client_address=${req.remote}`,
      `command=${req.method}`,
      `real path=${pathOf(req)}`,
      `query=${queryOf(req) ?? 'nil'}`,
      'request_version=1.1',
      `request_uri=http://${host}:${port}${req.path}`,
      '',
      'SERVER VALUES:',
      'server_version=nginx: 1.10.0 - lua: 10001',
      '',
      'HEADERS RECEIVED:',
      ...sortedHeaders(req).map(([k, v]) => `${k}=${v}`),
      'BODY:',
      req.body.length ? req.body.toString() : '-no body in request-',
    ].join('\n');
  },
};

/** echoserver 1.10 (nginx 1.13.3 with lua). */
const NGINX_1_13: EchoserverFormat = {
  tags: ['1.10'],
  server: 'nginx/1.13.3',
  render({ req, hostname }) {
    const hostHdr = header(req.headers, 'host') ?? '';
    return `\n\nHostname: ${hostname}\n\nPod Information:\n\t-no pod information available-\n\nServer values:\n\tserver_version=nginx: 1.13.3 - lua: 10008\n\nRequest Information:\n\tclient_address=${req.remote}\n\tmethod=${req.method}\n\treal path=${pathOf(req)}\n\tquery=${queryOf(req) ?? ''}\n\trequest_version=1.1\n\trequest_scheme=http\n\trequest_uri=http://${hostHdr}${req.path}\n\nRequest Headers:\n${sortedHeaders(
      req,
    )
      .map(([k, v]) => `\t${k}=${v}\n`)
      .join('')}\nRequest Body:\n${req.body.length ? req.body.toString() : '\t-no body in request-'}\n\n`;
  },
};

/** Known generations, newest last. */
export const ECHOSERVER_FORMATS: readonly EchoserverFormat[] = [LUA_1_4, NGINX_1_13];

/** The format an echoserver image of this tag answers in. */
export function echoserverFormat(tag: string): EchoserverFormat {
  return ECHOSERVER_FORMATS.find((f) => f.tags.includes(tag)) ?? ECHOSERVER_FORMATS[ECHOSERVER_FORMATS.length - 1]!;
}
