import { absPath, VfsError } from '../fs/vfs.js';
import type { Io } from './types.js';
import { ExitSignal, LoopSignal, ReturnSignal, type Shell } from './interp.js';
import { evalTest } from './test-expr.js';
import { resolveCommand } from './resolve.js';
import { arith } from './arith.js';
import { formatPrintf, unescapeEcho } from './printf.js';

/** A shell builtin: runs inside the shell process and may change its state. */
export type Builtin = (sh: Shell, argv: string[], io: Io) => Promise<number> | number;

const echo: Builtin = (sh, argv, io) => {
  let args = argv.slice(1);
  let newline = true;
  let escapes = sh.flavor.kind === 'dash';
  while (args.length && /^-[neE]+$/.test(args[0]!) && !(sh.flavor.kind === 'dash' && args[0] !== '-n')) {
    for (const f of args[0]!.slice(1)) {
      if (f === 'n') newline = false;
      if (f === 'e') escapes = true;
      if (f === 'E') escapes = false;
    }
    args = args.slice(1);
  }
  let text = args.join(' ');
  if (escapes) {
    const r = unescapeEcho(text);
    text = r.text;
    if (r.stop) newline = false;
  }
  io.out(text + (newline ? '\n' : ''));
  return 0;
};

const test: Builtin = (sh, argv, io) => {
  let args = argv.slice(1);
  const name = argv[0]!;
  if (name === '[' || name === '[[') {
    const close = name === '[' ? ']' : ']]';
    if (args[args.length - 1] !== close) {
      io.err(`${sh.opts.name}: ${name}: missing '${close}'\n`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  const r = evalTest(args, sh.vfs, sh.cwd, name === '[[', (groups) => {
    // BASH_REMATCH as element variables: `${BASH_REMATCH[1]}`; `$BASH_REMATCH` is element 0.
    for (let n = 0; sh.get(`BASH_REMATCH[${n}]`) !== undefined; n++) sh.vars.delete(`BASH_REMATCH[${n}]`);
    groups.forEach((g, n) => sh.set(`BASH_REMATCH[${n}]`, g));
    sh.set('BASH_REMATCH', groups[0] ?? '');
  });
  if (r.error) io.err(`${sh.opts.name}: ${name}: ${r.error}\n`);
  return r.status;
};

const cd: Builtin = (sh, argv, io) => {
  const arg = argv[1] === '-' ? (sh.get('OLDPWD') ?? sh.cwd) : (argv[1] ?? sh.home);
  const target = absPath(arg, sh.cwd);
  const node = sh.vfs.lookup(target);
  if (!node || node.type !== 'dir') {
    io.err(sh.flavor.cdFail(sh.opts.name, sh.line, arg, node ? 'Not a directory' : 'No such file or directory') + '\n');
    return sh.flavor.cdStatus;
  }
  sh.set('OLDPWD', sh.cwd);
  sh.cwd = target;
  sh.set('PWD', target);
  if (argv[1] === '-') io.out(target + '\n');
  return 0;
};

const exportB: Builtin = (sh, argv, io) => {
  const args = argv.slice(1).filter((a) => a !== '-n');
  if (!args.length || args[0] === '-p') {
    for (const k of [...sh.exported].sort()) {
      const v = sh.get(k);
      if (v !== undefined) io.out(`export ${k}='${v.replace(/'/g, `'\\''`)}'\n`);
    }
    return 0;
  }
  for (const a of args) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (eq >= 0) sh.set(name, a.slice(eq + 1));
    sh.exported.add(name);
  }
  return 0;
};

const read: Builtin = (sh, argv, io) => {
  const names = argv.slice(1).filter((a) => !a.startsWith('-'));
  const raw = argv.includes('-r');
  let line = io.stdin.readLine();
  if (line === undefined) return 1;
  if (!raw) line = line.replace(/\\(.)/g, '$1');
  const vars = names.length ? names : ['REPLY'];
  const fields = line.trim().split(/\s+/);
  vars.forEach((v, i) => sh.set(v, i === vars.length - 1 ? fields.slice(i).join(' ') : (fields[i] ?? '')));
  return 0;
};

const typeB: Builtin = (sh, argv, io) => {
  let status = 0;
  for (const name of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const v = argv[1] === '-v';
    if (sh.funcs.has(name)) io.out(v ? `${name}\n` : `${name} is a function\n`);
    else if (BUILTINS[name]) io.out(v ? `${name}\n` : `${name} is a shell builtin\n`);
    else {
      const r = resolveCommand(sh.vfs, name, sh.get('PATH') ?? '', sh.cwd);
      if (r.kind === 'applet' || r.kind === 'script') io.out(v ? `${r.path}\n` : `${name} is ${r.path}\n`);
      else {
        if (!v) io.err(`${sh.opts.name}: type: ${name}: not found\n`);
        status = 1;
      }
    }
  }
  return status;
};

const num = (s: string | undefined, dflt: number) => (s === undefined ? dflt : Number(s) || 0);

/** Builtins common to ash, dash and bash. Null prototype: `valueOf` or `constructor` typed as a command is not a builtin. */
export const BUILTINS: Record<string, Builtin> = {
  echo,
  test,
  '[': test,
  '[[': test,
  cd,
  pwd: (sh, _a, io) => (io.out(sh.cwd + '\n'), 0),
  true: () => 0,
  false: () => 1,
  ':': () => 0,
  export: exportB,
  readonly: exportB,
  local: (sh, argv) => {
    for (const a of argv.slice(1)) {
      const eq = a.indexOf('=');
      if (eq >= 0) sh.set(a.slice(0, eq), a.slice(eq + 1));
      else if (sh.get(a) === undefined) sh.set(a, '');
    }
    return 0;
  },
  unset: (sh, argv) => {
    for (const a of argv.slice(1).filter((x) => !x.startsWith('-'))) {
      sh.vars.delete(a);
      sh.exported.delete(a);
      sh.funcs.delete(a);
    }
    return 0;
  },
  set: (sh, argv, io) => {
    const args = argv.slice(1);
    if (!args.length) {
      for (const [k, v] of [...sh.vars].sort(([a], [b]) => (a < b ? -1 : 1))) io.out(`${k}='${v}'\n`);
      return 0;
    }
    let i = 0;
    for (; i < args.length && /^[-+]/.test(args[i]!) && args[i] !== '--'; i++) {
      const on = args[i]![0] === '-';
      for (const f of args[i]!.slice(1)) if (f === 'e') sh.errexit = on;
      if (args[i]!.slice(1) === 'o') i++;
    }
    if (args[i] === '--') i++;
    if (i < args.length || args.includes('--')) sh.positional = args.slice(i);
    return 0;
  },
  shift: (sh, argv) => {
    const n = num(argv[1], 1);
    if (n > sh.positional.length) return 1;
    sh.positional = sh.positional.slice(n);
    return 0;
  },
  exit: (sh, argv) => {
    throw new ExitSignal(argv[1] === undefined ? sh.status : num(argv[1], 0) & 255);
  },
  return: (sh, argv) => {
    throw new ReturnSignal(argv[1] === undefined ? sh.status : num(argv[1], 0) & 255);
  },
  break: (_sh, argv) => {
    throw new LoopSignal('break', num(argv[1], 1));
  },
  continue: (_sh, argv) => {
    throw new LoopSignal('continue', num(argv[1], 1));
  },
  read,
  eval: (sh, argv, io) => sh.run(argv.slice(1).join(' '), io),
  '.': async (sh, argv, io) => {
    if (!argv[1]) return 0;
    try {
      return await sh.run(sh.vfs.readText(argv[1], sh.cwd), io);
    } catch (e) {
      if (!(e instanceof VfsError)) throw e;
      io.err(sh.flavor.cannotOpen(sh.opts.name, sh.line, argv[1], e.message) + '\n');
      return sh.flavor.kind === 'bash' ? 1 : 2;
    }
  },
  source: (sh, argv, io) => BUILTINS['.']!(sh, argv, io),
  exec: async (sh, argv, io) => {
    if (argv.length < 2) return 0;
    const code = await sh.invoke(argv.slice(1), io);
    throw new ExitSignal(code);
  },
  command: (sh, argv, io) => {
    if (argv[1] === '-v' || argv[1] === '-V') return typeB(sh, ['type', '-v', ...argv.slice(2)], io);
    return argv.length > 1 ? sh.external(argv.slice(1), io, sh.environ()) : 0;
  },
  type: typeB,
  printf: (_sh, argv, io) => {
    const r = formatPrintf(argv[1] ?? '', argv.slice(2));
    io.out(r.text);
    if (r.error) io.err(`printf: ${r.error}\n`);
    return r.error ? 1 : 0;
  },
  wait: () => 0,
  trap: () => 0,
  umask: (_sh, argv, io) => (argv[1] ? 0 : (io.out('0022\n'), 0)),
  alias: () => 0,
  unalias: () => 0,
  let: (sh, argv, io) => {
    let last = 0;
    try {
      for (const e of argv.slice(1)) last = arith(e, sh);
    } catch (e) {
      io.err(`${sh.opts.name}: let: ${(e as Error).message}\n`);
      return 1;
    }
    return last === 0 ? 1 : 0;
  },
};
Object.setPrototypeOf(BUILTINS, null);
