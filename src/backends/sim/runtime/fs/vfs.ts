import { posix } from 'node:path';

/** A file, directory or symbolic link in a container's virtual filesystem. */
/** Owner and group of a node; absent means root (0). */
export interface Ownership {
  uid?: number;
  gid?: number;
}

export type VNode =
  | ({ type: 'dir'; children: Map<string, VNode>; mode: number; mtime: Date; readOnly?: boolean } & Ownership)
  | ({ type: 'file'; data: Buffer; mode: number; mtime: Date } & Ownership)
  | ({ type: 'link'; target: string; mode: number; mtime: Date } & Ownership);

const SETGID = 0o2000;

/** A filesystem error carrying the errno name (`ENOENT`, `EISDIR`, …) and the libc text. */
export class VfsError extends Error {
  readonly code: string;
  constructor(
    code: keyof typeof ERRNO_TEXT,
    readonly path: string,
  ) {
    super(ERRNO_TEXT[code]);
    this.code = code;
  }
}
VfsError.prototype.name = 'VfsError';

/** libc `strerror` texts, as tools print them. */
export const ERRNO_TEXT = {
  ENOENT: 'No such file or directory',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  EROFS: 'Read-only file system',
  ENOTEMPTY: 'Directory not empty',
  ELOOP: 'Too many levels of symbolic links',
  EACCES: 'Permission denied',
} as const;

/** Joins `path` onto `cwd` and removes `.`/`..` lexically. */
export function absPath(path: string, cwd = '/'): string {
  return posix.resolve(cwd, path || '.');
}

/**
 * An in-memory POSIX-like tree. Paths are absolute or relative to the `cwd` argument; symbolic
 * links are followed (40 at most); directories marked readOnly (volume mounts) refuse writes.
 */
export class Vfs {
  readonly root: VNode & { type: 'dir' };
  /**
   * Who creates new files (the container's user, from its securityContext). A new node in a
   * set-group-ID directory takes the directory's group, as on Linux (an fsGroup volume).
   */
  owner: { uid: number; gid: number } = { uid: 0, gid: 0 };
  constructor(private readonly now: () => Date = () => new Date()) {
    this.root = { type: 'dir', children: new Map(), mode: 0o755, mtime: now() };
  }

  /** Resolves a path to its node; `follow` says whether a final symlink is followed. */
  lookup(path: string, cwd = '/', follow = true): VNode | undefined {
    try {
      return this.walk(absPath(path, cwd), follow).node;
    } catch {
      return undefined;
    }
  }

  /** Like lookup but throws VfsError(ENOENT/ENOTDIR/ELOOP). */
  stat(path: string, cwd = '/', follow = true): VNode {
    const abs = absPath(path, cwd);
    const { node } = this.walk(abs, follow);
    if (!node) throw new VfsError('ENOENT', abs);
    return node;
  }

  /** The canonical path with every symlink resolved. */
  realpath(path: string, cwd = '/'): string {
    const abs = absPath(path, cwd);
    const { real, node } = this.walk(abs, true);
    if (!node) throw new VfsError('ENOENT', abs);
    return real;
  }

  readFile(path: string, cwd = '/'): Buffer {
    const node = this.stat(path, cwd);
    if (node.type === 'dir') throw new VfsError('EISDIR', path);
    return (node as { data: Buffer }).data;
  }

  readText(path: string, cwd = '/'): string {
    return this.readFile(path, cwd).toString('utf8');
  }

  /** Writes (or appends to) a file, creating it with `mode` when missing. */
  writeFile(path: string, data: string | Buffer, opts: { append?: boolean; mode?: number; cwd?: string; force?: boolean } = {}): void {
    const abs = absPath(path, opts.cwd);
    const { node, parent, name } = this.walk(abs, true);
    const buf = typeof data === 'string' ? Buffer.from(data) : data;
    if (node) {
      if (node.type === 'dir') throw new VfsError('EISDIR', abs);
      if (node.type === 'file') {
        if (!opts.force && this.isReadOnly(parent)) throw new VfsError('EROFS', abs);
        node.data = opts.append ? Buffer.concat([node.data, buf]) : buf;
        node.mtime = this.now();
      }
      return;
    }
    if (!parent) throw new VfsError('ENOENT', abs);
    if (!opts.force && this.isReadOnly(parent)) throw new VfsError('EROFS', abs);
    parent.children.set(name, { type: 'file', data: buf, mode: opts.mode ?? 0o644, mtime: this.now(), ...this.ownershipIn(parent) });
  }

  /** Ownership of a node made in `parent` by {@link owner}; root-owned nodes carry none. */
  private ownershipIn(parent: VNode & { type: 'dir' }): Ownership {
    const gid = parent.mode & SETGID ? (parent.gid ?? 0) : this.owner.gid;
    return { ...(this.owner.uid ? { uid: this.owner.uid } : {}), ...(gid ? { gid } : {}) };
  }

  /** Creates a directory; `parents` behaves as `mkdir -p`. Returns the directory node. */
  mkdir(path: string, opts: { parents?: boolean; mode?: number; cwd?: string; force?: boolean } = {}): VNode & { type: 'dir' } {
    const abs = absPath(path, opts.cwd);
    if (abs === '/') return this.root;
    const existing = this.lookup(abs);
    if (existing) {
      if (existing.type === 'dir' && opts.parents) return existing;
      throw new VfsError('EEXIST', abs);
    }
    const parentPath = posix.dirname(abs);
    const found: VNode | undefined = this.lookup(parentPath) ?? (opts.parents ? this.mkdir(parentPath, opts) : undefined);
    if (!found) throw new VfsError('ENOENT', abs);
    if (found.type !== 'dir') throw new VfsError('ENOTDIR', abs);
    const parent: VNode & { type: 'dir' } = found;
    if (!opts.force && this.isReadOnly(parent)) throw new VfsError('EROFS', abs);
    // A directory made in a set-group-ID directory is set-group-ID too.
    const dir: VNode & { type: 'dir' } = {
      type: 'dir',
      children: new Map(),
      mode: (opts.mode ?? 0o755) | (parent.mode & SETGID),
      mtime: this.now(),
      ...this.ownershipIn(parent),
    };
    parent.children.set(posix.basename(abs), dir);
    return dir;
  }

  symlink(target: string, path: string, cwd = '/'): void {
    const abs = absPath(path, cwd);
    const parent = this.mkdir(posix.dirname(abs), { parents: true, force: true });
    parent.children.set(posix.basename(abs), { type: 'link', target, mode: 0o777, mtime: this.now() });
  }

  /** Sorted entry names of a directory. */
  readdir(path: string, cwd = '/'): string[] {
    const node = this.stat(path, cwd);
    if (node.type !== 'dir') throw new VfsError('ENOTDIR', path);
    return [...node.children.keys()].sort();
  }

  /** Removes a file or link (or a directory with `recursive`). */
  remove(path: string, opts: { recursive?: boolean; cwd?: string } = {}): void {
    const abs = absPath(path, opts.cwd);
    const { node, parent, name } = this.walk(abs, false);
    if (!node || !parent) throw new VfsError('ENOENT', abs);
    if (node.type === 'dir' && !opts.recursive) throw new VfsError('EISDIR', abs);
    if (this.isReadOnly(parent) || (node.type === 'dir' && node.readOnly)) throw new VfsError('EROFS', abs);
    parent.children.delete(name);
  }

  /** Places a prepared node (a whole mounted tree) at a path, replacing what was there. */
  mount(path: string, node: VNode): void {
    const abs = absPath(path);
    if (abs === '/') throw new VfsError('EEXIST', abs);
    const parent = this.mkdir(posix.dirname(abs), { parents: true, force: true });
    parent.children.set(posix.basename(abs), node);
  }

  private isReadOnly(dir: VNode | undefined): boolean {
    return !!dir && dir.type === 'dir' && !!dir.readOnly;
  }

  /** Walks an absolute path; the last component may be missing (node undefined, parent set). */
  private walk(abs: string, follow: boolean, depth = 0): { node?: VNode; parent?: VNode & { type: 'dir' }; name: string; real: string } {
    if (depth > 40) throw new VfsError('ELOOP', abs);
    const parts = abs.split('/').filter(Boolean);
    let dir: VNode & { type: 'dir' } = this.root;
    let real = '/';
    for (let i = 0; i < parts.length; i++) {
      const name = parts[i]!;
      const last = i === parts.length - 1;
      const child = dir.children.get(name);
      if (child?.type === 'link' && (!last || follow)) {
        const target = absPath(child.target, real);
        const rest = parts.slice(i + 1).join('/');
        return this.walk(rest ? `${target}/${rest}` : target, follow, depth + 1);
      }
      if (last) return { node: child, parent: dir, name, real: posix.join(real, name) };
      if (!child) throw new VfsError('ENOENT', abs);
      if (child.type !== 'dir') throw new VfsError('ENOTDIR', abs);
      dir = child;
      real = posix.join(real, name);
    }
    return { node: dir, parent: undefined, name: '', real };
  }
}
