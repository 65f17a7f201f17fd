/**
 * Writing a file into a directory the lesson can write, so that no symlink, hard link or FIFO
 * the lesson planted can redirect the write: every directory on the way is opened with
 * O_NOFOLLOW|O_DIRECTORY and the next name is resolved relative to that open directory (through
 * /proc/self/fd, Linux's openat), and the file itself is opened with O_NOFOLLOW|O_NONBLOCK and
 * must be a regular file with one link before it is truncated. Directories and files created
 * are given to `owner` through their descriptors (fchown), never by path.
 */
import { closeSync, constants, existsSync, fchmodSync, fchownSync, fstatSync, ftruncateSync, mkdirSync, openSync, writeSync } from 'node:fs';

const { O_RDONLY, O_WRONLY, O_CREAT, O_NOFOLLOW, O_DIRECTORY, O_NONBLOCK } = constants;

/** Who created files belong to (the lesson's user when kubedoctest runs as root). */
export interface Owner {
  uid: number;
  gid: number;
}

/** Why a write into the sandbox was refused. */
export class UnsafePathError extends Error {
  override name = 'UnsafePathError';
}

const viaFd = (fd: number, name: string): string => `/proc/self/fd/${fd}/${name}`;

function openDir(path: string): number {
  try {
    return openSync(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'ENOTDIR') throw new UnsafePathError(`${path} is not a directory (a symlink or a file was put in its place); not written`);
    throw e;
  }
}

/** Opens `base/parts…` as a directory, creating what is missing, never through a link. Returns the open descriptor. */
function walk(base: string, parts: string[], owner: Owner | undefined): number {
  let dir = openDir(base);
  const own = owner ?? defaultOwner(dir);
  try {
    for (const part of parts) {
      let created = false;
      try {
        mkdirSync(viaFd(dir, part), { mode: 0o755 });
        created = true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const next = openDir(viaFd(dir, part));
      if (created && own) fchownSync(next, own.uid, own.gid);
      closeSync(dir);
      dir = next;
    }
    return dir;
  } catch (e) {
    closeSync(dir);
    throw e;
  }
}

/** Run as root, what is created in a directory belongs to that directory's owner (the lesson's user). */
function defaultOwner(dirFd: number): Owner | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const st = fstatSync(dirFd);
  return st.uid === 0 ? undefined : { uid: st.uid, gid: st.gid };
}

function split(base: string, rel: string): string[] {
  const parts = rel.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) throw new UnsafePathError(`${rel} is not a path inside ${base}`);
  if (!existsSync('/proc/self/fd')) throw new UnsafePathError('writing into the sandbox safely needs /proc/self/fd (Linux)');
  return parts;
}

/** Creates the directory `base/rel` and its parents inside `base`, never through a link. */
export function mkdirInside(base: string, rel: string, options: { owner?: Owner } = {}): string {
  const parts = split(base, rel);
  closeSync(walk(base, parts, options.owner));
  return [base.replace(/\/$/, ''), ...parts].join('/');
}

/**
 * Writes `content` to `base/rel` (rel relative, no `..`), creating directories. Returns the
 * absolute path written. Throws UnsafePathError when a link or special file is in the way.
 * Run as root, created files and dirs belong to the owner of `base` unless `owner` says otherwise.
 */
export function writeInside(base: string, rel: string, content: string | Buffer, options: { owner?: Owner; mode?: number } = {}): string {
  const parts = split(base, rel);
  if (parts.length === 0) throw new UnsafePathError(`${rel} is not a path inside ${base}`);
  const dir = walk(base, parts.slice(0, -1), options.owner);
  try {
    const owner = options.owner ?? defaultOwner(dir);
    let fd: number;
    try {
      fd = openSync(viaFd(dir, parts.at(-1)!), O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK, options.mode ?? 0o644);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ELOOP' || code === 'ENXIO' || code === 'EISDIR')
        throw new UnsafePathError(`${rel} in ${base} is a symlink, FIFO or directory; not written`);
      throw e;
    }
    try {
      const st = fstatSync(fd);
      if (!st.isFile() || st.nlink !== 1) throw new UnsafePathError(`${rel} in ${base} is not a plain file of its own (hard link or device); not written`);
      ftruncateSync(fd, 0);
      writeSync(fd, typeof content === 'string' ? Buffer.from(content) : content);
      if (options.mode !== undefined) fchmodSync(fd, options.mode);
      if (owner) fchownSync(fd, owner.uid, owner.gid);
    } finally {
      closeSync(fd);
    }
    return `${base.replace(/\/$/, '')}/${parts.join('/')}`;
  } finally {
    closeSync(dir);
  }
}
