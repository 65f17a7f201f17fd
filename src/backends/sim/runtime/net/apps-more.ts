import { httpDate, reason } from './http.js';
import type { HttpResponse, Service } from './types.js';
import type { AppHost } from './apps.js';

function plain(status: number, body: string, extra: [string, string][] = []): HttpResponse {
  return {
    status,
    reason: reason(status),
    headers: [['Date', httpDate(new Date())], ['Content-Length', String(Buffer.byteLength(body))], ['Content-Type', 'text/plain; charset=utf-8'], ...extra],
    body: Buffer.from(body),
  };
}

function flag(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}` || argv[i] === `-${name}`) return argv[i + 1];
    const m = new RegExp(`^--?${name}=(.*)$`).exec(argv[i]!);
    if (m) return m[1];
  }
  return undefined;
}

/** Seconds of simulated time since the container started. */
function uptime(h: AppHost): number {
  return ((h.now().getTime() - (h.startedAt ?? h.now()).getTime()) * (h.speed ?? 1)) / 1000;
}

/**
 * agnhost subcommands used by kubernetes.io pages (test/images/agnhost in Kubernetes):
 * `liveness` serves /healthz with 200 for its first 10 seconds, then 500; `netexec` answers
 * /hostname, /echo and /clientip; `serve-hostname` answers its hostname on 9376.
 */
function agnhost(h: AppHost, out: Map<number, Service>): void {
  const sub = h.argv.find((a) => !a.startsWith('-') && !a.endsWith('agnhost')) ?? '';
  if (sub === 'liveness') {
    out.set(8080, {
      describe: 'agnhost-liveness:8080',
      handle: (req) => {
        const path = req.path.split('?')[0];
        if (path === '/started') return plain(200, `${uptime(h)}`);
        if (path === '/redirect') return plain(302, '', [['Location', '/healthz']]);
        if (path !== '/healthz') return plain(404, '404 page not found\n');
        const up = uptime(h);
        return up > 10 ? plain(500, `error: ${up}`) : plain(200, 'ok');
      },
    });
  } else if (sub === 'netexec') {
    const port = Number(flag(h.argv, 'http-port') ?? 8080);
    out.set(port, {
      describe: `agnhost-netexec:${port}`,
      handle: (req) => {
        const [path, query = ''] = req.path.split('?');
        const q = new URLSearchParams(query);
        if (path === '/hostname') return plain(200, h.hostname);
        if (path === '/echo') return plain(200, q.get('msg') ?? '');
        if (path === '/clientip') return plain(200, `${req.remote}:40000`);
        if (path === '/healthz' || path === '/readyz') return plain(200, '');
        if (path === '/' || path === '') return plain(200, `NOW: ${h.now().toISOString().replace('T', ' ').replace('Z', ' +0000 UTC')}`);
        return plain(404, '404 page not found\n');
      },
    });
  } else if (sub === 'serve-hostname') {
    const port = Number(flag(h.argv, 'port') ?? 9376);
    out.set(port, { describe: `agnhost-serve-hostname:${port}`, handle: () => plain(200, h.hostname) });
  }
}

/** Listeners of the applications beyond the web servers in apps.ts. */
export function moreListeners(h: AppHost, out: Map<number, Service>): void {
  for (const l of h.profile.listeners) {
    if (l.app === 'agnhost') agnhost(h, out);
    else if (l.app === 'liveness') agnhost({ ...h, argv: ['liveness'] }, out);
    else if (l.app === 'httpd') {
      out.set(l.port, {
        describe: `httpd:${l.port}`,
        handle: (req) => (req.path.split('?')[0] === '/' ? plain(200, '<html><body><h1>It works!</h1></body></html>\n', [['Server', `Apache/${h.profile.version ?? '2.4'} (Unix)`]]) : plain(404, '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n')),
      });
    } else if (l.app === 'php-apache') {
      // hpa-example's index.php burns CPU in a loop and answers "OK!".
      out.set(l.port, { describe: `php-apache:${l.port}`, handle: () => plain(200, 'OK!', [['Server', 'Apache/2.4.10 (Debian)'], ['X-Powered-By', 'PHP/5.6.14']]) });
    } else if (l.app === 'tcp' || l.app === 'grpc') {
      // A server that speaks its own protocol (redis, mysql, goproxy, etcd): it accepts connections.
      out.set(l.port, { describe: `${h.profile.id}:${l.port}`, grpc: l.app === 'grpc', handle: () => plain(400, '') });
    }
  }
}
