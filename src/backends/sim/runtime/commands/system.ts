import type { CmdCtx, CommandFn } from '../shell/types.js';
import { Input } from '../shell/types.js';
import { resolveCommand } from '../shell/resolve.js';
import { evalTest } from '../shell/test-expr.js';
import { formatPrintf, unescapeEcho } from '../shell/printf.js';
import { has, isBusybox, opt, parseArgs } from './util.js';
import { idWithName, nameIn } from '../identity.js';
import { markProcessWake, markRetryLoop } from '../../clock.js';
import { MACHINE_CPUS } from '../machine.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** strftime for the conversions tutorials use (UTC). */
export function strftime(fmt: string, d: Date): string {
  return fmt.replace(/%([a-zA-Z%])/g, (m, f: string) => {
    switch (f) {
      case 'Y':
        return String(d.getUTCFullYear());
      case 'm':
        return p2(d.getUTCMonth() + 1);
      case 'd':
        return p2(d.getUTCDate());
      case 'e':
        return String(d.getUTCDate()).padStart(2);
      case 'H':
        return p2(d.getUTCHours());
      case 'M':
        return p2(d.getUTCMinutes());
      case 'S':
        return p2(d.getUTCSeconds());
      case 'N':
        return String(d.getUTCMilliseconds() * 1_000_000).padStart(9, '0');
      case 's':
        return String(Math.floor(d.getTime() / 1000));
      case 'Z':
        return 'UTC';
      case 'z':
        return '+0000';
      case 'a':
        return DAYS[d.getUTCDay()]!;
      case 'b':
      case 'h':
        return MONTHS[d.getUTCMonth()]!;
      case 'T':
        return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
      case 'F':
        return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
      case 'D':
        return `${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}/${String(d.getUTCFullYear()).slice(2)}`;
      case '%':
        return '%';
    }
    return m;
  });
}

/** How many sleeps each process (its host context) has started. */
const sleepsOf = new WeakMap<object, number>();

/**
 * Waits `seconds` (bounded by the host's cap), ending at whichever comes first: that much real
 * time, or the simulator's clock reaching the deadline. The clock's timer is what makes a
 * container's time the cluster's: when the cluster's time passes at once (the runner waiting for a
 * Job to finish, a logger's next line), the sleep ends with it, so what the container prints and
 * when it exits agree with the AGE and event times kubectl shows. The timer is also work about to
 * happen: the cluster is not at rest while a Job's pod is about to finish. From a process's second
 * sleep on, the wait is a loop's (a logger, a load generator) and is marked as one that does not
 * keep the cluster from being at rest, unless an object was written since it began. Ends at once
 * on abort.
 */
export function sleepFor(c: CmdCtx, seconds: number): Promise<void> {
  const ms = Math.min((seconds * 1000) / (c.host.speed || 1), c.host.sleepCapMs, 2 ** 31 - 1);
  return new Promise((resolve) => {
    if (c.host.signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    const pending = c.host.clock.setTimeout(done, ms);
    markProcessWake(c.host.clock, pending);
    // A second sleep of the same process is a loop's (a logger, a load generator, a wait for a
    // Service): work that never ends by itself, which keeps the cluster from being at rest only
    // when an object was written since it went to sleep (see `TrackingClock.dueWithin`).
    const n = (sleepsOf.get(c.host) ?? 0) + 1;
    sleepsOf.set(c.host, n);
    if (n > 1) markRetryLoop(c.host.clock, pending);
    function done() {
      clearTimeout(t);
      c.host.clock.clearTimeout(pending);
      c.host.signal.removeEventListener('abort', done);
      resolve();
    }
    c.host.signal.addEventListener('abort', done);
  });
}

const sleep: CommandFn = async (c) => {
  const arg = c.argv[1];
  if (!arg) {
    c.io.err(isBusybox(c) ? 'sleep: applet requires arguments\n' : "sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  let total = 0;
  for (const a of c.argv.slice(1)) {
    if (a === 'infinity') {
      total = Infinity;
      continue;
    }
    const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(a);
    if (!m) {
      c.io.err(isBusybox(c) ? `sleep: invalid number '${a}'\n` : `sleep: invalid time interval '${a}'\n`);
      return 1;
    }
    total += Number(m[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[m[2]!]!;
  }
  await sleepFor(c, total);
  return 0;
};

const env: CommandFn = (c) => {
  const args = c.argv.slice(1);
  let vars: Record<string, string> = { ...c.env };
  while (args.length) {
    const a = args[0]!;
    if (a === '-i' || a === '-') vars = {};
    else if (a === '-u') {
      args.shift();
      delete vars[args[0] ?? ''];
    } else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(a)) {
      const eq = a.indexOf('=');
      vars[a.slice(0, eq)] = a.slice(eq + 1);
    } else break;
    args.shift();
  }
  if (!args.length) {
    c.io.out(
      Object.entries(vars)
        .map(([k, v]) => `${k}=${v}\n`)
        .join(''),
    );
    return 0;
  }
  return c.run(args, c.io, vars);
};

const printenv: CommandFn = (c) => {
  const names = c.argv.slice(1).filter((a) => !a.startsWith('-'));
  if (!names.length) {
    c.io.out(
      Object.entries(c.env)
        .map(([k, v]) => `${k}=${v}\n`)
        .join(''),
    );
    return 0;
  }
  let status = 0;
  for (const n of names) {
    if (c.env[n] === undefined) status = 1;
    else c.io.out(c.env[n] + '\n');
  }
  return status;
};

const which: CommandFn = (c) => {
  let status = 0;
  for (const n of c.argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const r = resolveCommand(c.host.vfs, n, c.env.PATH ?? '', c.cwd);
    if (r.kind === 'applet' || r.kind === 'script') c.io.out(r.path + '\n');
    else status = 1;
  }
  return status;
};

const uname: CommandFn = (c) => {
  const p = parseArgs(c.argv.slice(1));
  const f = {
    s: 'Linux',
    n: c.host.hostname,
    r: '6.8.0-45-generic',
    v: '#45-Ubuntu SMP PREEMPT_DYNAMIC Fri Aug 30 12:02:04 UTC 2024',
    m: 'x86_64',
    o: 'GNU/Linux',
  } as Record<string, string>;
  const pick = has(p, 'a') ? ['s', 'n', 'r', 'v', 'm', 'o'] : ['s', 'n', 'r', 'v', 'm', 'o'].filter((k) => p.flags.has(k));
  c.io.out((pick.length ? pick : ['s']).map((k) => f[k]).join(' ') + '\n');
  return 0;
};

const seq: CommandFn = (c) => {
  const n = c.argv
    .slice(1)
    .filter((a) => /^-?\d+(\.\d+)?$/.test(a))
    .map(Number);
  const [first, step, last] = n.length === 1 ? [1, 1, n[0]!] : n.length === 2 ? [n[0]!, 1, n[1]!] : [n[0]!, n[1]!, n[2]!];
  const out: string[] = [];
  for (let x = first; step > 0 ? x <= last : x >= last; x += step) {
    out.push(String(x));
    if (out.length > 100_000) break;
  }
  c.io.out(out.map((x) => x + '\n').join(''));
  return 0;
};

const xargs: CommandFn = async (c) => {
  const p = parseArgs(c.argv.slice(1), ['n', 'I']);
  const words = c.io.stdin.readAll().toString().split(/\s+/).filter(Boolean);
  const cmd = p.operands.length ? p.operands : ['echo'];
  const n = Number(opt(p, 'n') ?? 0) || words.length || 1;
  let status = 0;
  for (let i = 0; i < Math.max(words.length, 1); i += n) {
    const r = await c.run([...cmd, ...words.slice(i, i + n)], { ...c.io, stdin: new Input() });
    if (r) status = 123;
  }
  return status;
};

/** Process, environment and identity commands. */
export const systemCommands: Record<string, CommandFn> = {
  sleep,
  env,
  printenv,
  which,
  uname,
  seq,
  xargs,
  true: () => 0,
  false: () => 1,
  echo: (c) => {
    let args = c.argv.slice(1);
    let nl = true;
    let esc = false;
    while (args.length && /^-[neE]+$/.test(args[0]!)) {
      if (args[0]!.includes('n')) nl = false;
      if (args[0]!.includes('e')) esc = true;
      args = args.slice(1);
    }
    const r = esc ? unescapeEcho(args.join(' ')) : { text: args.join(' '), stop: false };
    c.io.out(r.text + (nl && !r.stop ? '\n' : ''));
    return 0;
  },
  printf: (c) => {
    const r = formatPrintf(c.argv[1] ?? '', c.argv.slice(2));
    c.io.out(r.text);
    return r.error ? 1 : 0;
  },
  test: (c) => evalTest(c.argv.slice(1), c.host.vfs, c.cwd).status,
  '[': (c) => evalTest(c.argv.slice(1, -1), c.host.vfs, c.cwd).status,
  pwd: (c) => (c.io.out(c.cwd + '\n'), 0),
  hostname: (c) => (c.io.out((c.argv[1] === '-i' || c.argv[1] === '-I' ? c.host.ip : c.host.hostname) + '\n'), 0),
  whoami: (c) => {
    const uid = c.host.user?.uid ?? 0;
    const name = nameIn(c.host.vfs, '/etc/passwd', uid);
    if (name) return (c.io.out(`${name}\n`), 0);
    c.io.err(isBusybox(c) ? `whoami: unknown uid ${uid}\n` : `whoami: cannot find name for user ID ${uid}\n`);
    return 1;
  },
  id: (c) => {
    const { uid, gid, groups } = processGroups(c);
    const p = parseArgs(c.argv.slice(1));
    const user = nameIn(c.host.vfs, '/etc/passwd', uid);
    const group = (g: number) => nameIn(c.host.vfs, '/etc/group', g);
    const one = (id: number, name: string | undefined) => (has(p, 'n') ? (name ?? String(id)) : String(id));
    if (has(p, 'u')) c.io.out(`${one(uid, user)}\n`);
    else if (has(p, 'g')) c.io.out(`${one(gid, group(gid))}\n`);
    else if (has(p, 'G')) c.io.out(`${groups.map((g) => one(g, group(g))).join(' ')}\n`);
    else c.io.out(`uid=${idWithName(uid, user)} gid=${idWithName(gid, group(gid))} groups=${groups.map((g) => idWithName(g, group(g))).join(',')}\n`);
    return 0;
  },
  date: (c) => {
    const fmt = c.argv.slice(1).find((a) => a.startsWith('+'));
    const d = c.host.clock.now();
    c.io.out(strftime(fmt ? fmt.slice(1) : '%a %b %e %H:%M:%S %Z %Y', d) + '\n');
    return 0;
  },
  nproc: (c) => (c.io.out(`${MACHINE_CPUS}\n`), 0),
  timeout: (c) => {
    const args = c.argv.slice(1).filter((a) => !a.startsWith('-'));
    return c.run(args.slice(1), c.io);
  },
  nohup: (c) => c.run(c.argv.slice(1), c.io),
  /** kill [-s SIG | -SIG] pid…: pid 1 gets the signal (the image's own server may end); other pids are left alone. */
  kill: (c) => {
    let signal = 'TERM';
    const pids: string[] = [];
    const args = c.argv.slice(1);
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-s' || a === '-n') signal = (args[++i] ?? signal).replace(/^SIG/, '');
      else if (/^-(?:SIG)?[A-Z]+\d*$/.test(a)) signal = a.slice(1).replace(/^SIG/, '');
      else if (/^-\d+$/.test(a)) signal = SIGNAL_NAMES[Number(a.slice(1))] ?? a.slice(1);
      else if (a !== '--') pids.push(a);
    }
    for (const pid of pids) if (pid === '1') c.host.signalMain?.(signal);
    return 0;
  },
};

/** Signal numbers `kill -N` takes (Linux). */
const SIGNAL_NAMES: Record<number, string> = { 1: 'HUP', 2: 'INT', 3: 'QUIT', 9: 'KILL', 15: 'TERM' };

/**
 * The process's ids as the kernel reports them: its user and group from the securityContext, and
 * its groups — the primary group, the supplementary groups the runtime sets (fsGroup,
 * supplementalGroups) and the image's /etc/group memberships of its user — sorted, as the kernel
 * keeps them.
 */
function processGroups(c: CmdCtx): { uid: number; gid: number; groups: number[] } {
  const uid = c.host.user?.uid ?? 0;
  const gid = c.host.user?.gid ?? 0;
  const name = nameIn(c.host.vfs, '/etc/passwd', uid);
  const member: number[] = [];
  if (name) {
    let text = '';
    try {
      text = c.host.vfs.readText('/etc/group');
    } catch {
      // no /etc/group in the image
    }
    for (const line of text.split('\n')) {
      const f = line.split(':');
      if (f.length >= 4 && f[3]!.split(',').includes(name)) member.push(Number(f[2]));
    }
  }
  const groups = [...new Set([gid, ...(c.host.user?.groups ?? []), ...member])].sort((a, b) => a - b);
  return { uid, gid, groups };
}
