import { posix } from 'node:path';
import type { Vfs } from '../fs/vfs.js';

const MAGIC = '\x7fELF\x02\x01\x01\x00';

/** The bytes of a simulated executable that runs `applet`. */
export function binaryFor(applet: string): Buffer {
  return Buffer.from(`${MAGIC}applet=${applet}\n`, 'latin1');
}

/** The applet a simulated executable runs, or undefined for any other file. */
export function appletOf(data: Buffer): string | undefined {
  const s = data.subarray(0, 64).toString('latin1');
  if (!s.startsWith(MAGIC)) return undefined;
  return /applet=([^\n]+)/.exec(s)?.[1];
}

/** What a command name resolved to. */
export type Resolved =
  | { kind: 'applet'; applet: string; path: string }
  | { kind: 'script'; path: string; interpreter?: string }
  | { kind: 'missing' }
  | { kind: 'noexec'; path: string };

/** Finds a command as execvp does: a path with `/` is used as is, otherwise PATH is searched. */
export function resolveCommand(vfs: Vfs, name: string, path: string, cwd: string): Resolved {
  const candidates = name.includes('/')
    ? [posix.resolve(cwd, name)]
    : path
        .split(':')
        .filter(Boolean)
        .map((d) => posix.join(d, name));
  for (const p of candidates) {
    const node = vfs.lookup(p);
    if (!node) continue;
    if (node.type === 'dir') {
      if (name.includes('/')) return { kind: 'noexec', path: p };
      continue;
    }
    if (node.type !== 'file') continue;
    if ((node.mode & 0o111) === 0) {
      if (name.includes('/')) return { kind: 'noexec', path: p };
      continue;
    }
    const applet = appletOf(node.data);
    if (applet) return { kind: 'applet', applet: applet === 'busybox' && posix.basename(p) !== 'busybox' ? posix.basename(p) : applet, path: p };
    const first = node.data.subarray(0, 128).toString('utf8').split('\n')[0] ?? '';
    const interp = first.startsWith('#!') ? first.slice(2).trim().split(/\s+/)[0] : undefined;
    return { kind: 'script', path: p, interpreter: interp ? posix.basename(interp) : undefined };
  }
  return { kind: 'missing' };
}
