import { createHash } from 'node:crypto';
import type { CommandFn } from '../shell/types.js';
import { isBusybox, readInputs } from './util.js';
import { userLabel } from '../identity.js';
import { workerPids } from '../machine.js';

function digest(algo: 'md5' | 'sha1' | 'sha256'): CommandFn {
  return (c) => {
    const files = c.argv.slice(1).filter((a) => !a.startsWith('-'));
    const r = readInputs(c, files);
    r.data.forEach((d, i) => c.io.out(`${createHash(algo).update(d).digest('hex')}  ${r.names[i]}\n`));
    return r.failed ? 1 : 0;
  };
}

/**
 * pid 1 as `ps` shows it. `sh -c 'sleep 1h'`: a shell given one simple command execs it in its
 * own place (ash, dash and bash all do), so pid 1 is `sleep 1h`; a script with lists, pipes,
 * redirections or expansions keeps the shell.
 */
export function mainCommandLine(argv: readonly string[]): string {
  const shell = (argv[0] ?? '').split('/').pop() ?? '';
  const script = argv[2];
  if (
    ['sh', 'ash', 'dash', 'bash'].includes(shell) &&
    argv[1] === '-c' &&
    argv.length === 3 &&
    script !== undefined &&
    /^[\w./=:@%+,-]+(?: +[\w./=:@%+,-]+)*$/.test(script.trim())
  ) {
    return script.trim().split(/ +/).join(' ');
  }
  return argv.join(' ');
}

/** The image's own command as `ps` shows it (user and title), when the pod runs it unchanged. */
function imageProcess(c: Parameters<CommandFn>[0]): { user: string; title: string } | undefined {
  const p = c.host.profile;
  const own = [...(p.entrypoint ?? []), ...(p.cmd ?? [])];
  const argv = c.host.mainProcess ?? [];
  return p.process && own.length === argv.length && own.every((w, i) => w === argv[i]) ? p.process : undefined;
}

/**
 * `ps` / `ps aux`: pid 1 is the main process, then the workers the image's own command starts
 * (nginx: one per CPU), then the ps itself.
 */
const ps: CommandFn = (c) => {
  const own = imageProcess(c);
  const main = own?.title ?? mainCommandLine(c.host.mainProcess ?? ['sh']);
  // Every process of the container runs as its securityContext user: a name the image knows, else
  // the number; the image's own command may switch to a user of its own.
  const user = userLabel(c.host.vfs, c.host.user?.uid ?? 0);
  const asRoot = (c.host.user?.uid ?? 0) === 0;
  const mainUser = asRoot && own ? own.user : user;
  const workers = own
    ? workerPids(c.host.profile).map((pid) => ({ pid, user: asRoot ? c.host.profile.workers!.user : user, title: c.host.profile.workers!.title }))
    : [];
  const self = Math.max(7, ...workers.map((w) => w.pid + 1));
  if (isBusybox(c)) {
    const row = (pid: number, u: string, cmd: string) => `${String(pid).padStart(5)} ${u.padEnd(8)}  0:00 ${cmd}\n`;
    c.io.out(
      `PID   USER     TIME  COMMAND\n${row(1, mainUser, main)}${workers.map((w) => row(w.pid, w.user, w.title)).join('')}${row(self, user, c.argv.join(' '))}`,
    );
    return 0;
  }
  const aux = c.argv.slice(1).some((a) => /a|x|e/.test(a));
  if (aux) {
    const row = (u: string, pid: number, mem: string, stat: string, cmd: string) =>
      `${u.padEnd(8)} ${String(pid).padStart(7)}  0.0  0.0 ${mem} ?        ${stat.padEnd(4)} 00:00   0:00 ${cmd}\n`;
    c.io.out(
      'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n' +
        row(mainUser, 1, '  2576   896', 'Ss', main) +
        workers.map((w) => row(w.user, w.pid, ' 11872  2852', 'S', w.title)).join('') +
        row(user, self, '  8088  4024', 'Rs', c.argv.join(' ')),
    );
  } else c.io.out(`    PID TTY          TIME CMD\n${String(self).padStart(7)} ?        00:00:00 ps\n`);
  return 0;
};

/** expr: arithmetic, comparison, length, and `:` matching, as POSIX expr. */
const expr: CommandFn = (c) => {
  const a = c.argv.slice(1);
  let out: string | number;
  if (a[0] === 'length') out = (a[1] ?? '').length;
  else if (a.length === 3) {
    const [l, op, r] = a as [string, string, string];
    const ln = Number(l);
    const rn = Number(r);
    const num = !Number.isNaN(ln) && !Number.isNaN(rn);
    switch (op) {
      case '+':
        out = ln + rn;
        break;
      case '-':
        out = ln - rn;
        break;
      case '*':
        out = ln * rn;
        break;
      case '/':
        out = Math.trunc(ln / rn);
        break;
      case '%':
        out = ln % rn;
        break;
      case '=':
        out = Number(l === r);
        break;
      case '!=':
        out = Number(l !== r);
        break;
      case '<':
        out = Number(num ? ln < rn : l < r);
        break;
      case '>':
        out = Number(num ? ln > rn : l > r);
        break;
      case '<=':
        out = Number(num ? ln <= rn : l <= r);
        break;
      case '>=':
        out = Number(num ? ln >= rn : l >= r);
        break;
      case ':': {
        const m = new RegExp(`^(?:${r.replace(/\\\(/g, '(').replace(/\\\)/g, ')')})`).exec(l);
        out = m ? (m[1] ?? m[0].length) : r.includes('\\(') ? '' : 0;
        break;
      }
      default:
        c.io.err('expr: syntax error\n');
        return 2;
    }
  } else if (a.length === 1) out = a[0]!;
  else {
    c.io.err('expr: syntax error\n');
    return 2;
  }
  c.io.out(`${out}\n`);
  return out === 0 || out === '' || out === '0' ? 1 : 0;
};

/** Hashes, ps, expr. */
export const miscCommands: Record<string, CommandFn> = {
  md5sum: digest('md5'),
  sha1sum: digest('sha1'),
  sha256sum: digest('sha256'),
  ps,
  expr,
};
