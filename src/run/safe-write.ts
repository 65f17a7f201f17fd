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

/**
 * Writes `content` to `base/rel` (rel relative, no `..`), creating directories. Returns the
 * absolute path written. Throws UnsafePathError when a link or special file is in the way.
 */
export function writeInside(base: string, rel: string, content: string | Buffer, options: { owner?: Owner; mode?: number } = {}): string {
  const parts = rel.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.includes('..')) throw new UnsafePathError(`${rel} is not a path inside ${base}`);
  if (!existsSync('/proc/self/fd')) throw new UnsafePathError('writing into the sandbox safely needs /proc/self/fd (Linux)');
  let dir = openDir(base);
  try {
    for (const part of parts.slice(0, -1)) {
      let created = false;
      try {
        mkdirSync(viaFd(dir, part), { mode: 0o755 });
        created = true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const next = openDir(viaFd(dir, part));
      if (created && options.owner) fchownSync(next, options.owner.uid, options.owner.gid);
      closeSync(dir);
      dir = next;
    }
    let fd: number;
    try {
      fd = openSync(viaFd(dir, parts.at(-1)!), O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK, options.mode ?? 0o644);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ELOOP' || code === 'ENXIO' || code === 'EISDIR') throw new UnsafePathError(`${rel} in ${base} is a symlink, FIFO or directory; not written`);
      throw e;
    }
    try {
      const st = fstatSync(fd);
      if (!st.isFile() || st.nlink !== 1) throw new UnsafePathError(`${rel} in ${base} is not a plain file of its own (hard link or device); not written`);
      ftruncateSync(fd, 0);
      writeSync(fd, typeof content === 'string' ? Buffer.from(content) : content);
      if (options.mode !== undefined) fchmodSync(fd, options.mode);
      if (options.owner) fchownSync(fd, options.owner.uid, options.owner.gid);
    } finally {
      closeSync(fd);
    }
    return `${base.replace(/\/$/, '')}/${parts.join('/')}`;
  } finally {
    closeSync(dir);
  }
}
