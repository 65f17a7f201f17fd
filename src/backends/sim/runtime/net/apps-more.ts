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
        handle: (req) =>
          req.path.split('?')[0] === '/'
            ? plain(200, '<html><body><h1>It works!</h1></body></html>\n', [['Server', `Apache/${h.profile.version ?? '2.4'} (Unix)`]])
            : plain(
                404,
                '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n',
              ),
      });
    } else if (l.app === 'php-apache') {
      // hpa-example's index.php burns CPU in a loop and answers "OK!".
      out.set(l.port, {
        describe: `php-apache:${l.port}`,
        handle: () =>
          plain(200, 'OK!', [
            ['Server', 'Apache/2.4.10 (Debian)'],
            ['X-Powered-By', 'PHP/5.6.14'],
          ]),
      });
    } else if (l.app === 'redis') {
      out.set(l.port, { describe: `redis:${l.port}`, handle: () => plain(400, ''), redis: (args) => redisCommand(h, args) });
    } else if (l.app === 'tcp' || l.app === 'grpc') {
      // A server that speaks its own protocol (redis, mysql, goproxy, etcd): it accepts connections.
      out.set(l.port, { describe: `${h.profile.id}:${l.port}`, grpc: l.app === 'grpc', handle: () => plain(400, '') });
    }
  }
}

/** Where the simulated redis keeps its keys: a file in the server container (gone with the container). */
const REDIS_DB = '/data/.sim-redis.json';

function redisConfig(h: AppHost): Record<string, string> {
  const conf: Record<string, string> = { maxmemory: '0', 'maxmemory-policy': 'noeviction', port: '6379', appendonly: 'no' };
  const file = h.argv.find((a) => a.endsWith('.conf'));
  if (file) {
    try {
      for (const line of h.vfs.readText(file).split('\n')) {
        const m = /^\s*([a-z-]+)\s+(.+?)\s*$/.exec(line);
        if (m) conf[m[1]!] = m[2]!;
      }
    } catch {
      // redis-server would have refused to start; the simulator keeps the defaults.
    }
  }
  const mem = /^(\d+)(kb|mb|gb|k|m|g)?$/i.exec(conf['maxmemory']!);
  if (mem)
    conf['maxmemory'] = String(
      Number(mem[1]) * ({ '': 1, k: 1000, kb: 1024, m: 1e6, mb: 1024 ** 2, g: 1e9, gb: 1024 ** 3 } as Record<string, number>)[(mem[2] ?? '').toLowerCase()]!,
    );
  return conf;
}

/**
 * Commands a real redis serves that the simulated one does not (it answers them as an unknown
 * command): a step that fails on one is unchecked, not failed (see cannot-check.ts).
 */
export const REDIS_UNMODELLED_COMMANDS: ReadonlySet<string> = new Set(
  (
    'APPEND AUTH BGSAVE BLMOVE BLPOP BRPOP BRPOPLPUSH CLIENT DECR DECRBY ECHO EXPIRE EXPIREAT FLUSHALL FLUSHDB GETDEL GETEX GETSET ' +
    'HDEL HEXISTS HGET HGETALL HINCRBY HKEYS HLEN HMGET HMSET HSET HVALS INCRBY INCRBYFLOAT LASTSAVE LINDEX LINSERT LMOVE LPOS ' +
    'LPUSHX LREM LSET LTRIM MEMORY MGET MONITOR MSET MULTI EXEC OBJECT PERSIST PEXPIRE PSUBSCRIBE PTTL PUBLISH RENAME RPOPLPUSH ' +
    'RPUSHX SADD SAVE SCAN SCARD SELECT SETEX SETNX SISMEMBER SMEMBERS SPOP SREM STRLEN SUBSCRIBE SUNION TIME TTL TYPE UNLINK ' +
    'XADD XLEN XRANGE XREAD ZADD ZCARD ZINCRBY ZRANGE ZRANK ZREM ZREVRANGE ZSCORE'
  ).split(' '),
);

const WRONGTYPE = { error: 'WRONGTYPE Operation against a key holding the wrong kind of value' };

/** A small redis: strings, counters, lists, keys, PING, CONFIG GET and INFO server. */
function redisCommand(h: AppHost, args: string[]): string | number | null | string[] | { error: string } | { status: string } {
  let db: Record<string, string | string[]> = {};
  try {
    db = JSON.parse(h.vfs.readText(REDIS_DB)) as Record<string, string | string[]>;
  } catch {
    db = {};
  }
  const save = () => {
    h.vfs.mkdir('/data', { parents: true, force: true });
    h.vfs.writeFile(REDIS_DB, JSON.stringify(db), { force: true });
  };
  const [cmd = '', ...rest] = args;
  switch (cmd.toUpperCase()) {
    case 'PING':
      return rest[0] ?? { status: 'PONG' };
    case 'SET':
      db[rest[0]!] = rest[1] ?? '';
      save();
      return { status: 'OK' };
    case 'GET': {
      const v = db[rest[0]!];
      return Array.isArray(v) ? WRONGTYPE : (v ?? null);
    }
    case 'DEL': {
      const n = rest.filter((k) => k in db).length;
      for (const k of rest) delete db[k];
      save();
      return n;
    }
    case 'INCR': {
      if (Array.isArray(db[rest[0]!])) return WRONGTYPE;
      const v = Number(db[rest[0]!] ?? 0) + 1;
      db[rest[0]!] = String(v);
      save();
      return v;
    }
    case 'EXISTS':
      return rest.filter((k) => k in db).length;
    case 'KEYS': {
      const re = new RegExp(
        `^${(rest[0] ?? '*')
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')}$`,
      );
      return Object.keys(db).filter((k) => re.test(k));
    }
    case 'RPUSH':
    case 'LPUSH': {
      const list = db[rest[0]!] ?? [];
      if (!Array.isArray(list)) return WRONGTYPE;
      if (cmd.toUpperCase() === 'RPUSH') list.push(...rest.slice(1));
      else list.unshift(...rest.slice(1).reverse());
      db[rest[0]!] = list;
      save();
      return list.length;
    }
    case 'LLEN': {
      const list = db[rest[0]!] ?? [];
      return Array.isArray(list) ? list.length : WRONGTYPE;
    }
    case 'LRANGE': {
      const list = db[rest[0]!] ?? [];
      if (!Array.isArray(list)) return WRONGTYPE;
      const at = (i: number) => (i < 0 ? list.length + i : i);
      return list.slice(Math.max(0, at(Number(rest[1] ?? 0))), at(Number(rest[2] ?? -1)) + 1);
    }
    case 'LPOP':
    case 'RPOP': {
      const list = db[rest[0]!];
      if (list === undefined) return null;
      if (!Array.isArray(list)) return WRONGTYPE;
      const v = cmd.toUpperCase() === 'LPOP' ? list.shift() : list.pop();
      if (list.length === 0) delete db[rest[0]!];
      save();
      return v ?? null;
    }
    case 'DBSIZE':
      return Object.keys(db).length;
    case 'CONFIG': {
      if ((rest[0] ?? '').toUpperCase() !== 'GET') return { error: 'ERR unknown subcommand' };
      const conf = redisConfig(h);
      const re = new RegExp(`^${(rest[1] ?? '').replace(/\*/g, '.*')}$`);
      return Object.entries(conf)
        .filter(([k]) => re.test(k))
        .flat();
    }
    case 'INFO':
      return `# Server\r\nredis_version:${h.profile.version ?? '7.4.1'}\r\nredis_mode:standalone\r\ntcp_port:6379`;
    default:
      return { error: `ERR unknown command '${cmd}', with args beginning with: ${rest.map((r) => `'${r}' `).join('')}` };
  }
}
