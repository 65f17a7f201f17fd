import { posix } from 'node:path';
import * as tarStream from 'tar-stream';
import type { VNode } from '../fs/vfs.js';
import type { CmdCtx, CommandFn } from '../shell/types.js';

function collect(pack: tarStream.Pack): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pack.on('data', (d: unknown) => void chunks.push(d as Buffer));
    pack.on('end', () => resolve(Buffer.concat(chunks)));
    pack.on('error', reject);
  });
}

async function create(c: CmdCtx, paths: string[], dir: string, verbose: boolean): Promise<number> {
  const pack = tarStream.pack();
  const done = collect(pack);
  let status = 0;
  let warned = false;
  const add = (name: string, node: VNode) => {
    const header = { name, mode: node.mode & 0o7777, mtime: node.mtime, uid: 0, gid: 0, uname: 'root', gname: 'root' };
    if (verbose) c.io.err(name + (node.type === 'dir' ? '/' : '') + '\n');
    if (node.type === 'file') pack.entry({ ...header, type: 'file', size: node.data.length }, node.data);
    else if (node.type === 'link') pack.entry({ ...header, type: 'symlink', linkname: node.target });
    else {
      pack.entry({ ...header, name: name + '/', type: 'directory' });
      for (const [k, v] of [...node.children].sort(([a], [b]) => (a < b ? -1 : 1))) add(posix.join(name, k), v);
    }
  };
  for (const p of paths) {
    const node = c.host.vfs.lookup(p, dir, false);
    if (!node) {
      c.io.err(`tar: ${p}: Cannot stat: No such file or directory\n`);
      status = 2;
      continue;
    }
    let name = posix.normalize(p);
    if (name.startsWith('/')) {
      if (!warned && c.host.profile.userland === 'gnu') c.io.err("tar: Removing leading `/' from member names\n");
      warned = true;
      name = name.replace(/^\/+/, '') || '.';
    }
    add(name, node.type === 'link' && p.endsWith('/') ? c.host.vfs.stat(p, dir) : node);
  }
  pack.finalize();
  c.io.out(await done);
  if (status) c.io.err('tar: Exiting with failure status due to previous errors\n');
  return status;
}

function extract(c: CmdCtx, data: Buffer, dir: string, verbose: boolean): Promise<number> {
  return new Promise((resolve) => {
    const ex = tarStream.extract();
    let status = 0;
    ex.on('entry', (h, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (d: unknown) => void chunks.push(d as Buffer));
      stream.on('end', () => {
        const target = posix.resolve(dir, h.name.replace(/^\/+/, ''));
        try {
          if (verbose) c.io.out(h.name + '\n');
          if (h.type === 'directory') c.host.vfs.mkdir(target, { parents: true });
          else if (h.type === 'symlink') c.host.vfs.symlink(h.linkname ?? '', target);
          else {
            c.host.vfs.mkdir(posix.dirname(target), { parents: true });
            c.host.vfs.writeFile(target, Buffer.concat(chunks), { mode: h.mode ?? 0o644 });
          }
        } catch (e) {
          c.io.err(`tar: ${h.name}: Cannot open: ${(e as Error).message}\n`);
          status = 2;
        }
        next();
      });
      stream.resume();
    });
    ex.on('finish', () => resolve(status));
    ex.on('error', () => {
      c.io.err('tar: This does not look like a tar archive\ntar: Exiting with failure status due to previous errors\n');
      resolve(2);
    });
    ex.end(data);
  });
}

/** tar c/x/t with f (stdin/stdout `-` or a vfs file), C, v; enough for `kubectl cp`. */
export const tar: CommandFn = async (c) => {
  const args = c.argv.slice(1);
  let mode = '';
  let file = '-';
  let dir = c.cwd;
  let verbose = false;
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-C' || a === '--directory') dir = posix.resolve(c.cwd, args[++i] ?? '.');
    else if (a.startsWith('--')) continue;
    else if (a.startsWith('-') || (i === 0 && /^[cxtvfzmpCo]+$/.test(a))) {
      const flags = a.replace(/^-/, '');
      for (let j = 0; j < flags.length; j++) {
        const f = flags[j]!;
        if ('cxt'.includes(f)) mode = f;
        else if (f === 'v') verbose = true;
        else if (f === 'f') {
          file = j + 1 < flags.length ? flags.slice(j + 1) : (args[++i] ?? '-');
          break;
        } else if (f === 'C') {
          dir = posix.resolve(c.cwd, args[++i] ?? '.');
        }
      }
    } else operands.push(a);
  }
  if (mode === 'c') {
    if (file === '-') return create(c, operands, dir, verbose);
    const chunks: Buffer[] = [];
    const st = await create({ ...c, io: { ...c.io, out: (d) => void chunks.push(Buffer.from(d)) } }, operands, dir, verbose);
    c.host.vfs.writeFile(file, Buffer.concat(chunks), { cwd: c.cwd });
    return st;
  }
  const data = file === '-' ? c.io.stdin.readAll() : c.host.vfs.readFile(file, c.cwd);
  if (mode === 'x') return extract(c, data, dir, verbose);
  if (mode === 't') {
    return new Promise<number>((resolve) => {
      const ex = tarStream.extract();
      ex.on('entry', (h, stream, next) => {
        c.io.out(h.name + '\n');
        stream.on('end', next);
        stream.resume();
      });
      ex.on('finish', () => resolve(0));
      ex.on('error', () => resolve(2));
      ex.end(data);
    });
  }
  c.io.err("tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options\nTry 'tar --help' or 'tar --usage' for more information.\n");
  return 2;
};
