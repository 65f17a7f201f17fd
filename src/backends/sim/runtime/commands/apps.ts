import { isTerminal, type CmdCtx, type CommandFn } from '../shell/types.js';
import type { Service } from '../net/types.js';
import { imageTag } from '../images/index.js';
import { sleepFor } from './system.js';

/** Connects to host:port over the simulated network; a string is the failure. */
function dial(c: CmdCtx, host: string, port: number): Service | 'resolve' | 'refused' | 'timeout' {
  const ip = /^\d+\.\d+\.\d+\.\d+$/.test(host) ? host : c.host.net.resolve(host, c.host.net.namespace)?.addresses[0];
  if (!ip) return 'resolve';
  const svc = c.host.net.connect(ip === '127.0.0.1' ? c.host.ip : ip, port, c.host.ip);
  if (svc === 'refused' || svc === 'timeout') return svc;
  if ('error' in svc) return 'refused';
  return svc;
}

function flagValue(argv: string[], ...names: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    for (const n of names) {
      if (argv[i] === n) return argv[i + 1];
      if (n.startsWith('--') && argv[i]!.startsWith(`${n}=`)) return argv[i]!.slice(n.length + 1);
    }
  }
  return undefined;
}

/** stress (polinux/stress): announces its workers and runs until killed or --timeout. */
const stress: CommandFn = async (c) => {
  const a = c.argv;
  if (c.host.image.includes('vish/stress') || a.some((x) => /^-(cpus|mem-total|mem-alloc-size|mem-alloc-sleep)\b/.test(x))) return vishStress(c);
  const n = (...names: string[]) => Number(flagValue(a, ...names) ?? 0);
  c.io.out(`stress: info: [1] dispatching hogs: ${n('--cpu', '-c')} cpu, ${n('--io', '-i')} io, ${n('--vm', '-m')} vm, ${n('--hdd', '-d')} hdd\n`);
  const timeout = flagValue(a, '--timeout', '-t');
  if (timeout) {
    const secs = Number(/^\d+/.exec(timeout)?.[0] ?? 0) * ({ s: 1, m: 60, h: 3600 } as Record<string, number>)[timeout.replace(/^\d+/, '') || 's']!;
    await sleepFor(c, secs);
    c.io.out(`stress: info: [1] successful run completed in ${secs}s\n`);
    return 0;
  }
  await sleepFor(c, 1e9);
  return 0;
};

/** vish/stress: klog lines, then burns CPU and allocates until killed. */
const vishStress: CommandFn = async (c) => {
  const mem = flagValue(c.argv, '-mem-total', '--mem-total') ?? '0';
  const chunk = flagValue(c.argv, '-mem-alloc-size', '--mem-alloc-size') ?? '4Ki';
  const pause = flagValue(c.argv, '-mem-alloc-sleep', '--mem-alloc-sleep') ?? '1ms';
  const d = c.host.clock.now();
  const ts = `I${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')} ${d.toISOString().slice(11, 23)}000       1`;
  c.io.out(`${ts} main.go:26] Allocating "${mem}" memory, in "${chunk}" chunks, with a ${pause} sleep between allocations\n`);
  const cpus = Number(flagValue(c.argv, '-cpus', '--cpus') ?? 0);
  for (let i = 0; i < cpus; i++) c.io.out(`${ts} main.go:39] Spawning a thread to consume CPU\n`);
  await sleepFor(c, 1e9);
  return 0;
};

/** Prints a redis reply the way redis-cli does when its output is not a terminal (raw). */
function printReply(c: CmdCtx, r: RedisReply): void {
  if (r === null) c.io.out('\n');
  else if (Array.isArray(r)) for (const x of r) c.io.out(`${x}\n`);
  else if (typeof r === 'object') c.io.out(`${'error' in r ? r.error : r.status}\n`);
  else c.io.out(`${r}\n`);
}

/** A bulk string as redis-cli shows it on a terminal: quoted, with escapes (sdscatrepr). */
function quoteBulk(s: string): string {
  const esc: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\x07': '\\a', '\b': '\\b' };
  const body = [...s]
    .map((ch) => esc[ch] ?? (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f ? `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}` : ch))
    .join('');
  return `"${body}"`;
}

/**
 * A reply as redis-cli formats it for a terminal (cliFormatReplyTTY): bulk strings quoted,
 * `(integer) 3`, `(nil)`, `(error) …`, a status as is, arrays numbered `1) …` with the numbers
 * right-aligned; an empty array is `(empty array)` (redis-cli ≥ 6; `(empty list or set)` before).
 */
function formatTty(r: RedisReply, major: number): string {
  if (r === null) return '(nil)';
  if (typeof r === 'number') return `(integer) ${r}`;
  if (typeof r === 'string') return quoteBulk(r);
  if (Array.isArray(r)) {
    if (r.length === 0) return major >= 6 ? '(empty array)' : '(empty list or set)';
    const width = String(r.length).length;
    return r.map((x, i) => `${String(i + 1).padStart(width)}) ${quoteBulk(x)}`).join('\n');
  }
  return 'error' in r ? `(error) ${r.error}` : r.status;
}

/** A redis reply: bulk string, integer, nil, array of bulk strings, error or status (`OK`, `PONG`). */
export type RedisReply = string | number | null | string[] | { error: string } | { status: string };

/** redis-cli [-h host] [-p port] [-a password] [command …]; without a command, one command per stdin line. */
const redisCli: CommandFn = (c) => {
  const a = c.argv.slice(1);
  if (a.includes('--version') || a.includes('-v')) {
    c.io.out(`redis-cli ${c.host.profile.version ?? '7.4.1'}\n`);
    return 0;
  }
  let host = '127.0.0.1';
  let port = 6379;
  const words: string[] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] === '-h') host = a[++i] ?? host;
    else if (a[i] === '-p') port = Number(a[++i]);
    else if (a[i] === '-a' || a[i] === '-n') i++;
    else if (a[i] === '--raw' || a[i] === '--no-auth-warning') continue;
    else words.push(a[i]!);
  }
  const svc = dial(c, host, port);
  if (typeof svc === 'string' || !svc.redis) {
    const why = svc === 'resolve' ? 'Name or service not known' : 'Connection refused';
    c.io.err(`Could not connect to Redis at ${host}:${port}: ${why}\n`);
    return 1;
  }
  const lines = words.length ? [words] : [...String(c.io.stdin.readAll()).split('\n')].filter((l) => l.trim()).map((l) => l.trim().split(/\s+/));
  // On a terminal redis-cli formats replies for a reader; piped, it prints them raw.
  const major = Number(/^(\d+)/.exec(imageTag(c.host.image))?.[1] ?? /^(\d+)/.exec(c.host.profile.version ?? '')?.[1] ?? 7);
  for (const cmd of lines) {
    const reply = svc.redis(cmd);
    // INFO is printed raw on a terminal too (redis-cli's output_raw commands).
    if (isTerminal(c.io.out) && (cmd[0] ?? '').toUpperCase() !== 'INFO') c.io.out(`${formatTty(reply, major)}\n`);
    else printReply(c, reply);
  }
  return 0;
};

/** The mysql client: its version, and whether the server answers. Queries are not modelled. */
const mysql: CommandFn = (c) => {
  const a = c.argv.slice(1);
  const tag = imageTag(c.host.image);
  if (a.includes('--version') || a.includes('-V')) {
    c.io.out(
      tag.startsWith('5.')
        ? 'mysql  Ver 14.14 Distrib 5.7.44, for Linux (x86_64) using  EditLine wrapper\n'
        : `mysql  Ver ${c.host.profile.version ?? '8.4.3'} for Linux on x86_64 (MySQL Community Server - GPL)\n`,
    );
    return 0;
  }
  const host = flagValue(a, '-h', '--host') ?? a.find((x) => x.startsWith('-h') && x.length > 2)?.slice(2) ?? 'localhost';
  const port = Number(flagValue(a, '-P', '--port') ?? 3306);
  const svc = dial(c, host === 'localhost' ? '127.0.0.1' : host, port);
  if (svc === 'resolve') {
    c.io.err(`ERROR 2005 (HY000): Unknown MySQL server host '${host}' (-2)\n`);
    return 1;
  }
  if (typeof svc === 'string') {
    c.io.err(`ERROR 2003 (HY000): Can't connect to MySQL server on '${host}:${port}' (111)\n`);
    return 1;
  }
  c.io.err('mysql: queries are not supported by the simulator; use --backend kind\n');
  return 126;
};

/** The pause image's /pause: waits for a signal, printing nothing (build/pause/linux/pause.c). */
const pause: CommandFn = async (c) => {
  await sleepFor(c, 1e9);
  return 0;
};

/** Programs of the application images (stress tools, redis-cli, mysql, pause). */
export const appCommands: Record<string, CommandFn> = { pause, stress, 'vish-stress': vishStress, 'redis-cli': redisCli, mysql };
