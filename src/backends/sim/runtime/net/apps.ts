import { posix } from 'node:path';
import { argValue } from '../argv.js';
import type { Vfs } from '../fs/vfs.js';
import type { ImageProfile } from '../images/types.js';
import { imageTag } from '../images/index.js';
import { nginxErrorPage } from '../images/content.js';
import { header, httpDate, reason } from './http.js';
import type { HttpRequest, HttpResponse, Service } from './types.js';
import { moreListeners } from './apps-more.js';
import { echoserverFormat } from './echoserver.js';

/** What an application needs to know about the container it runs in. */
export interface AppHost {
  image: string;
  profile: ImageProfile;
  vfs: Vfs;
  env: Record<string, string>;
  /** The container's main process argv (command + args). */
  argv: string[];
  hostname: string;
  podIP: string;
  now(): Date;
  log(line: string): void;
  /** When the container started, and the simulator speed (for apps that change with uptime). */
  startedAt?: Date;
  speed?: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** nginx's `$time_local`: `01/Jan/2024:00:00:05 +0000`. */
export function timeLocal(d: Date): string {
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

/** Go's log timestamp: `2024/01/01 00:00:05`. */
export function goTime(d: Date): string {
  return `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

function text(status: number, body: string, headers: [string, string][]): HttpResponse {
  return { status, reason: reason(status), headers: [...headers, ['Content-Length', String(Buffer.byteLength(body))]], body: Buffer.from(body) };
}

interface NginxSite {
  port: number;
  ssl: boolean;
  root: string;
  cert?: string;
  key?: string;
}

/** Reads `listen`, `root`, `ssl_certificate(_key)` from the nginx configuration in the container. */
export function nginxSites(h: AppHost): NginxSite[] {
  const files: string[] = [];
  const dir = h.vfs.lookup('/etc/nginx/conf.d');
  if (dir?.type === 'dir') for (const n of h.vfs.readdir('/etc/nginx/conf.d')) if (n.endsWith('.conf')) files.push(`/etc/nginx/conf.d/${n}`);
  const sites: NginxSite[] = [];
  for (const f of files) {
    let src: string;
    try {
      src = h.vfs.readText(f);
    } catch {
      continue;
    }
    src = src.replace(/#.*$/gm, '');
    const root = /\broot\s+([^;\s]+)\s*;/.exec(src)?.[1] ?? '/usr/share/nginx/html';
    const cert = /\bssl_certificate\s+([^;\s]+)\s*;/.exec(src)?.[1];
    const key = /\bssl_certificate_key\s+([^;\s]+)\s*;/.exec(src)?.[1];
    for (const m of src.matchAll(/\blisten\s+([^;]+);/g)) {
      const parts = m[1]!.trim().split(/\s+/);
      if (parts[0]!.startsWith('[')) continue;
      const port = Number(/(\d+)$/.exec(parts[0]!)?.[1] ?? 80);
      if (!sites.some((s) => s.port === port)) sites.push({ port, ssl: parts.includes('ssl'), root, cert, key });
    }
  }
  return sites;
}

function nginxHandler(h: AppHost, site: NginxSite): Service['handle'] {
  const version = h.profile.version ?? '1.27.3';
  return (req, tls) => {
    const now = h.now();
    const base: [string, string][] = [
      ['Server', `nginx/${version}`],
      ['Date', httpDate(now)],
    ];
    let res: HttpResponse;
    if (site.ssl && !tls) {
      const body = `<html>\r\n<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<center>The plain HTTP request was sent to HTTPS port</center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
      res = text(400, body, [...base, ['Content-Type', 'text/html'], ['Connection', 'close']]);
    } else {
      const path = decodeURIComponent(req.path.split('?')[0]!);
      let file = posix.join(site.root, path);
      let node = h.vfs.lookup(file);
      if (node?.type === 'dir') {
        file = posix.join(file, 'index.html');
        node = h.vfs.lookup(file);
      }
      if (node?.type === 'file' && !['GET', 'HEAD'].includes(req.method)) {
        res = text(405, nginxErrorPage(405, 'Not Allowed', version), [...base, ['Content-Type', 'text/html']]);
      } else if (node?.type === 'file') {
        const mtime = Math.floor(node.mtime.getTime() / 1000);
        res = {
          status: 200,
          reason: 'OK',
          headers: [
            ...base,
            ['Content-Type', file.endsWith('.html') ? 'text/html' : file.endsWith('.json') ? 'application/json' : 'text/plain'],
            ['Content-Length', String(node.data.length)],
            ['Last-Modified', httpDate(node.mtime)],
            ['Connection', 'keep-alive'],
            ['ETag', `"${mtime.toString(16)}-${node.data.length.toString(16)}"`],
            ['Accept-Ranges', 'bytes'],
          ],
          body: node.data,
        };
      } else {
        res = text(404, nginxErrorPage(404, 'Not Found', version), [...base, ['Content-Type', 'text/html'], ['Connection', 'keep-alive']]);
      }
    }
    const ua = header(req.headers, 'user-agent') ?? '-';
    h.log(
      `${req.remote} - - [${timeLocal(now)}] "${req.method} ${req.path} ${req.version}" ${res.status} ${req.method === 'HEAD' ? 0 : res.body.length} "-" "${ua}" "-"`,
    );
    return res;
  };
}

/** The ports a container listens on, with their handlers. */
export function listeners(h: AppHost): Map<number, Service> {
  const out = new Map<number, Service>();
  const ua = (req: HttpRequest) => header(req.headers, 'user-agent') ?? '';
  const usesNginx = h.profile.listeners.some((l) => l.app === 'nginx') && !h.argv.some((a) => /httpd|http-echo/.test(a));
  if (usesNginx) {
    const sites = nginxSites(h);
    const list = sites.length
      ? sites
      : h.profile.listeners.map((l) => ({ port: l.port, ssl: !!l.tls, root: '/usr/share/nginx/html', cert: l.tls?.cert, key: l.tls?.key }));
    for (const site of list) {
      const svc: Service = { describe: `nginx:${site.port}`, handle: nginxHandler(h, site) };
      if (site.ssl && site.cert && site.key) {
        try {
          svc.tls = { cert: h.vfs.readText(site.cert), key: h.vfs.readText(site.key) };
        } catch {
          continue; // nginx would not have started with a missing certificate
        }
      }
      out.set(site.port, svc);
    }
  }
  for (const l of h.profile.listeners) {
    if (l.app === 'http-echo') {
      const port = Number(/(\d+)$/.exec(argValue(h.argv, '-listen', '--listen') ?? '')?.[1] ?? l.port);
      const body = (argValue(h.argv, '-text', '--text') ?? 'hello-world') + '\n';
      out.set(port, {
        describe: `http-echo:${port}`,
        handle: (req) => {
          const now = h.now();
          const res = text(200, body, [
            ['X-App-Name', 'http-echo'],
            ['X-App-Version', h.profile.version ?? '1.0.0'],
            ['Date', httpDate(now)],
            ['Content-Type', 'text/plain; charset=utf-8'],
          ]);
          h.log(
            `${goTime(now)} ${header(req.headers, 'host') ?? ''} ${req.remote}:40000 "${req.method} ${req.path} ${req.version}" 200 ${res.body.length} "${ua(req)}" 21.5µs`,
          );
          return res;
        },
      });
    } else if (l.app === 'hello-app') {
      const port = Number(h.env.PORT ?? l.port);
      const tag = imageTag(h.image);
      const version = /^\d+\.\d+$/.test(tag) ? `${tag}.0` : /^\d+\.\d+\.\d+$/.test(tag) ? tag : '1.0.0';
      out.set(port, {
        describe: `hello-app:${port}`,
        handle: (req) => {
          const now = h.now();
          h.log(`${goTime(now)} Serving request: ${req.path.split('?')[0]}`);
          return text(200, `Hello, world!\nVersion: ${version}\nHostname: ${h.hostname}\n`, [
            ['Date', httpDate(now)],
            ['Content-Type', 'text/plain; charset=utf-8'],
          ]);
        },
      });
    } else if (l.app === 'echoserver') {
      const format = echoserverFormat(imageTag(h.image));
      out.set(l.port, {
        describe: `echoserver:${l.port}`,
        handle: (req) => {
          const now = h.now();
          const body = format.render({ req, hostname: h.hostname, port: l.port });
          h.log(`${req.remote} - - [${timeLocal(now)}] "${req.method} ${req.path} ${req.version}" 200 ${body.length} "-" "${ua(req)}"`);
          return text(200, body, [
            ['Server', format.server],
            ['Date', httpDate(now)],
            ['Content-Type', 'text/plain'],
            ['Connection', 'keep-alive'],
          ]);
        },
      });
    }
  }
  // busybox httpd started as the main process: `httpd -f -p 8080 -h /www`
  const hi = h.argv.findIndex((a) => a === 'httpd' || a.endsWith('/httpd'));
  if (hi >= 0 || h.argv.some((a) => /\bhttpd\b.*-p/.test(a))) {
    const joined = h.argv.join(' ');
    const port = Number(/-p\s*(?:\S*:)?(\d+)/.exec(joined)?.[1] ?? 80);
    const home = /-h\s*(\S+)/.exec(joined)?.[1] ?? '/';
    out.set(port, {
      describe: `httpd:${port}`,
      handle: (req) => {
        let file = posix.join(home, decodeURIComponent(req.path.split('?')[0]!));
        if (h.vfs.lookup(file)?.type === 'dir') file = posix.join(file, 'index.html');
        const node = h.vfs.lookup(file);
        if (node?.type === 'file')
          return {
            status: 200,
            reason: 'OK',
            headers: [
              ['Content-Type', 'text/html'],
              ['Date', httpDate(h.now())],
              ['Connection', 'close'],
              ['Content-Length', String(node.data.length)],
            ],
            body: node.data,
          };
        return text(404, '<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD>\n<BODY><H1>404 Not Found</H1>\nThe requested URL was not found\n</BODY></HTML>\n', [
          ['Date', httpDate(h.now())],
          ['Connection', 'close'],
          ['Content-type', 'text/html'],
        ]);
      },
    });
  }
  moreListeners(h, out);
  return out;
}
