import type { Redirect } from './ast.js';
import { expandString } from './expand.js';
import { VfsError, absPath } from '../fs/vfs.js';
import { Input, type Io, type Sink } from './types.js';
import type { Shell } from './interp.js';

/** A redirection could not be set up; `message` is the shell's full error line. */
export class RedirectError extends Error {}

const discard: Sink = () => undefined;

/** Applies redirections left to right, returning the command's Io. */
export async function applyRedirects(sh: Shell, redirs: Redirect[], base: Io): Promise<Io> {
  if (!redirs.length) return base;
  const io: Io = { ...base };
  const fl = sh.flavor;
  const n = sh.opts.name;
  for (const r of redirs) {
    if (r.op === '<<' || r.op === '<<-') {
      io.stdin = new Input(Buffer.from(r.body ? await expandString(r.body, sh) : ''));
      continue;
    }
    const target = await expandString(r.target, sh);
    if (r.op === '<<<') {
      io.stdin = new Input(Buffer.from(target + '\n'));
      continue;
    }
    if (r.op === '>&' || r.op === '<&') {
      if (target === '-') continue;
      if (/^\d+$/.test(target)) {
        const src = target === '1' ? io.out : target === '2' ? io.err : undefined;
        if (!src) continue;
        if (r.fd === 1) io.out = src;
        else if (r.fd === 2) io.err = src;
        continue;
      }
      // `>&file` means `&>file`
    }
    if (r.op === '<' || r.op === '<>') {
      if (target === '/dev/null') {
        io.stdin = new Input();
        continue;
      }
      try {
        io.stdin = new Input(Buffer.from(sh.vfs.readFile(target, sh.cwd)));
      } catch (e) {
        if (e instanceof VfsError) throw new RedirectError(fl.cannotOpen(n, sh.line, target, e.message));
        throw e;
      }
      continue;
    }
    const append = r.op === '>>' || r.op === '&>>';
    const sink = openSink(sh, target, append, io);
    if (r.op === '&>' || r.op === '&>>' || r.op === '>&') {
      io.out = sink;
      io.err = sink;
    } else if (r.fd === 1) io.out = sink;
    else if (r.fd === 2) io.err = sink;
  }
  return io;
}

function openSink(sh: Shell, target: string, append: boolean, io: Io): Sink {
  if (target === '/dev/null') return discard;
  if (target === '/dev/stdout' || target === '/proc/self/fd/1') return io.out;
  if (target === '/dev/stderr' || target === '/proc/self/fd/2') return io.err;
  const path = absPath(target, sh.cwd);
  try {
    sh.vfs.writeFile(path, '', { append: true });
    if (!append) sh.vfs.writeFile(path, '');
  } catch (e) {
    if (e instanceof VfsError) throw new RedirectError(sh.flavor.cannotCreate(sh.opts.name, sh.line, target, e.message));
    throw e;
  }
  return (chunk) => {
    try {
      sh.vfs.writeFile(path, Buffer.from(chunk), { append: true });
    } catch {
      // the file went away mid-write: drop, as a closed descriptor would
    }
  };
}
