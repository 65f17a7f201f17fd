import { posix } from 'node:path';
import { absPath, VfsError, type VNode } from '../fs/vfs.js';
import type { CmdCtx, CommandFn } from '../shell/types.js';
import { has, isBusybox, parseArgs, why } from './util.js';
import { ls } from './ls.js';

function fail(c: CmdCtx, gnu: string, busybox: string): void {
  c.io.err(`${c.name}: ${isBusybox(c) ? busybox : gnu}\n`);
}

const mkdir: CommandFn = (c) => {
  const p = parseArgs(c.argv.slice(1), ['m']);
  let status = 0;
  for (const d of p.operands) {
    try {
      c.host.vfs.mkdir(d, { parents: has(p, 'p', 'parents'), cwd: c.cwd });
    } catch (e) {
      const w = why(e);
      fail(c, `cannot create directory '${d}': ${w}`, `can't create directory '${d}': ${w}`);
      status = 1;
    }
  }
  return status;
};

const touch: CommandFn = (c) => {
  const p = parseArgs(c.argv.slice(1));
  let status = 0;
  for (const f of p.operands) {
    try {
      const n = c.host.vfs.lookup(f, c.cwd);
      if (n) n.mtime = c.host.clock.now();
      else c.host.vfs.writeFile(f, '', { cwd: c.cwd });
    } catch (e) {
      const w = why(e);
      fail(c, `cannot touch '${f}': ${w}`, `${f}: ${w}`);
      status = 1;
    }
  }
  return status;
};

const rm: CommandFn = (c) => {
  const p = parseArgs(c.argv.slice(1));
  const recursive = has(p, 'r', 'R', 'recursive');
  let status = 0;
  for (const f of p.operands) {
    const n = c.host.vfs.lookup(f, c.cwd, false);
    if (!n) {
      if (!has(p, 'f', 'force')) {
        fail(c, `cannot remove '${f}': No such file or directory`, `can't remove '${f}': No such file or directory`);
        status = 1;
      }
      continue;
    }
    if (n.type === 'dir' && !recursive) {
      fail(c, `cannot remove '${f}': Is a directory`, `'${f}' is a directory`);
      status = 1;
      continue;
    }
    try {
      c.host.vfs.remove(f, { recursive, cwd: c.cwd });
    } catch (e) {
      const w = why(e);
      fail(c, `cannot remove '${f}': ${w}`, `can't remove '${f}': ${w}`);
      status = 1;
    }
  }
  return status;
};

const rmdir: CommandFn = (c) => {
  let status = 0;
  for (const f of c.argv.slice(1)) {
    const n = c.host.vfs.lookup(f, c.cwd, false);
    if (n?.type === 'dir' && n.children.size === 0) c.host.vfs.remove(f, { recursive: true, cwd: c.cwd });
    else {
      fail(
        c,
        `failed to remove '${f}': ${n ? 'Directory not empty' : 'No such file or directory'}`,
        `'${f}': ${n ? 'Directory not empty' : 'No such file or directory'}`,
      );
      status = 1;
    }
  }
  return status;
};

function copyNode(n: VNode): VNode {
  if (n.type === 'file') return { ...n, data: Buffer.from(n.data) };
  if (n.type === 'link') return { ...n };
  return { type: 'dir', mode: n.mode, mtime: n.mtime, children: new Map([...n.children].map(([k, v]) => [k, copyNode(v)])) };
}

function cpMv(move: boolean): CommandFn {
  return (c) => {
    const p = parseArgs(c.argv.slice(1));
    const ops = p.operands;
    if (ops.length < 2) {
      c.io.err(ops.length ? `${c.name}: missing destination file operand after '${ops[0]}'\n` : `${c.name}: missing file operand\n`);
      return 1;
    }
    const dest = ops.pop()!;
    const destNode = c.host.vfs.lookup(dest, c.cwd);
    let status = 0;
    for (const src of ops) {
      const n = c.host.vfs.lookup(src, c.cwd, move);
      if (!n) {
        fail(c, `cannot stat '${src}': No such file or directory`, `can't stat '${src}': No such file or directory`);
        status = 1;
        continue;
      }
      if (n.type === 'dir' && !move && !has(p, 'r', 'R', 'a')) {
        fail(c, `-r not specified; omitting directory '${src}'`, `omitting directory '${src}'`);
        status = 1;
        continue;
      }
      const target = destNode?.type === 'dir' ? posix.join(absPath(dest, c.cwd), posix.basename(src)) : absPath(dest, c.cwd);
      try {
        if (n.type === 'file') c.host.vfs.writeFile(target, Buffer.from(n.data), { mode: n.mode });
        else c.host.vfs.mount(target, copyNode(n));
        if (move) c.host.vfs.remove(src, { recursive: true, cwd: c.cwd });
      } catch (e) {
        const w = why(e);
        fail(c, `cannot create regular file '${dest}': ${w}`, `can't create '${dest}': ${w}`);
        status = 1;
      }
    }
    return status;
  };
}

const ln: CommandFn = (c) => {
  const p = parseArgs(c.argv.slice(1));
  const [target, link] = p.operands;
  if (!target) return (c.io.err(`ln: missing file operand\n`), 1);
  const at = link ?? posix.basename(target);
  if (c.host.vfs.lookup(at, c.cwd, false) && !has(p, 'f')) {
    fail(c, `failed to create symbolic link '${at}': File exists`, `${at}: File exists`);
    return 1;
  }
  if (has(p, 's')) c.host.vfs.symlink(target, at, c.cwd);
  else c.host.vfs.writeFile(at, c.host.vfs.readFile(target, c.cwd), { cwd: c.cwd });
  return 0;
};

const chmod: CommandFn = (c) => {
  const [mode, ...files] = c.argv.slice(1).filter((a) => a !== '-R');
  let status = 0;
  for (const f of files) {
    const n = c.host.vfs.lookup(f, c.cwd);
    if (!n) {
      fail(c, `cannot access '${f}': No such file or directory`, `${f}: No such file or directory`);
      status = 1;
      continue;
    }
    if (/^[0-7]+$/.test(mode ?? '')) n.mode = parseInt(mode!, 8);
    else if (/\+x/.test(mode ?? '')) n.mode |= 0o111;
    else if (/-x/.test(mode ?? '')) n.mode &= ~0o111;
  }
  return status;
};

const readlink: CommandFn = (c) => {
  const p = parseArgs(c.argv.slice(1));
  const f = p.operands[0] ?? '';
  try {
    if (has(p, 'f', 'e')) return (c.io.out(c.host.vfs.realpath(f, c.cwd) + '\n'), 0);
    const n = c.host.vfs.lookup(f, c.cwd, false);
    if (n?.type !== 'link') return 1;
    c.io.out(n.target + '\n');
    return 0;
  } catch (e) {
    if (e instanceof VfsError) return 1;
    throw e;
  }
};

const find: CommandFn = (c) => {
  const args = c.argv.slice(1);
  const roots: string[] = [];
  while (args.length && !args[0]!.startsWith('-')) roots.push(args.shift()!);
  if (!roots.length) roots.push('.');
  let name: RegExp | undefined;
  let type: string | undefined;
  let maxDepth = Infinity;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-name')
      name = new RegExp(
        `^${(args[++i] ?? '')
          .replace(/[.+^${}()|\\]/g, '\\$&')
          .replace(/\*/g, '.*')
          .replace(/\?/g, '.')}$`,
      );
    else if (args[i] === '-type') type = args[++i];
    else if (args[i] === '-maxdepth') maxDepth = Number(args[++i]);
  }
  let status = 0;
  const walk = (path: string, n: VNode, depth: number) => {
    const okType = !type || (type === 'f' && n.type === 'file') || (type === 'd' && n.type === 'dir') || (type === 'l' && n.type === 'link');
    if (okType && (!name || name.test(posix.basename(path)))) c.io.out(path + '\n');
    if (n.type === 'dir' && depth < maxDepth)
      for (const [k, v] of [...n.children].sort(([a], [b]) => (a < b ? -1 : 1))) walk(path === '/' ? `/${k}` : `${path}/${k}`, v, depth + 1);
  };
  for (const r of roots) {
    const n = c.host.vfs.lookup(r, c.cwd);
    if (!n) {
      c.io.err(`find: '${r}': No such file or directory\n`);
      status = 1;
      continue;
    }
    walk(r, n, 0);
  }
  return status;
};

/** File and directory commands. */
export const fileCommands: Record<string, CommandFn> = {
  ls,
  mkdir,
  touch,
  rm,
  rmdir,
  cp: cpMv(false),
  mv: cpMv(true),
  ln,
  chmod,
  chown: () => 0,
  readlink,
  realpath: (c) => readlink({ ...c, argv: ['readlink', '-f', ...c.argv.slice(1)] }),
  find,
  basename: (c) => (c.io.out(posix.basename(c.argv[1] ?? '', c.argv[2]) + '\n'), 0),
  dirname: (c) => (c.io.out(posix.dirname(c.argv[1] ?? '.') + '\n'), 0),
};
