import { posix } from 'node:path';
import type { VNode } from '../fs/vfs.js';
import type { CmdCtx, CommandFn } from '../shell/types.js';
import { has, isBusybox, parseArgs } from './util.js';
import { groupLabel, userLabel } from '../identity.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `drwxr-xr-x` for a node. */
export function modeString(n: VNode): string {
  const t = n.type === 'dir' ? 'd' : n.type === 'link' ? 'l' : '-';
  const m = n.type === 'link' ? 0o777 : n.mode;
  let s = '';
  for (let i = 8; i >= 0; i--) s += m & (1 << i) ? 'rwx'[(8 - i) % 3] : '-';
  if (m & 0o4000) s = s.slice(0, 2) + (m & 0o100 ? 's' : 'S') + s.slice(3);
  if (m & 0o2000) s = s.slice(0, 5) + (m & 0o10 ? 's' : 'S') + s.slice(6);
  if (m & 0o1000) s = s.slice(0, 8) + (m & 1 ? 't' : 'T');
  return t + s;
}

function size(n: VNode): number {
  return n.type === 'dir' ? 4096 : n.type === 'link' ? Buffer.byteLength(n.target) : n.data.length;
}

function when(d: Date, now: Date): string {
  const day = String(d.getUTCDate()).padStart(2);
  const recent = Math.abs(now.getTime() - d.getTime()) < 182 * 86400_000;
  const tail = recent ? `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}` : ` ${d.getUTCFullYear()}`;
  return `${MONTHS[d.getUTCMonth()]} ${day} ${tail}`;
}

function links(n: VNode): number {
  if (n.type !== 'dir') return 1;
  return 2 + [...n.children.values()].filter((c) => c.type === 'dir').length;
}

function longRows(c: CmdCtx, entries: { name: string; node: VNode }[]): string[] {
  const now = c.host.clock.now();
  const cols = entries.map(({ name, node }) => ({
    mode: modeString(node),
    nlink: String(links(node)),
    size: String(size(node)),
    date: when(node.mtime, now),
    name: node.type === 'link' ? `${name} -> ${node.target}` : name,
    // Owner and group by name from the image's files, else by number (a runAsUser the image does not know).
    user: userLabel(c.host.vfs, node.uid ?? 0),
    group: groupLabel(c.host.vfs, node.gid ?? 0),
  }));
  if (isBusybox(c)) {
    return cols.map((r) => `${r.mode} ${r.nlink.padStart(4)} ${r.user.padEnd(8)} ${r.group.padEnd(8)} ${r.size.padStart(9)} ${r.date} ${r.name}`);
  }
  const wl = Math.max(...cols.map((r) => r.nlink.length));
  const ws = Math.max(...cols.map((r) => r.size.length));
  const wu = Math.max(...cols.map((r) => r.user.length));
  const wg = Math.max(...cols.map((r) => r.group.length));
  return cols.map((r) => `${r.mode} ${r.nlink.padStart(wl)} ${r.user.padEnd(wu)} ${r.group.padEnd(wg)} ${r.size.padStart(ws)} ${r.date} ${r.name}`);
}

function blocks(entries: { node: VNode }[]): number {
  return entries.reduce((a, { node }) => a + (node.type === 'link' ? 0 : Math.ceil(size(node) / 4096) * 4), 0);
}

/** ls with -l -a -A -1 -d -R -h (sizes plain), output one name per line (not a terminal). */
export const ls: CommandFn = (c) => {
  const p = parseArgs(c.argv.slice(1));
  const all = has(p, 'a');
  const almost = has(p, 'A');
  const long = has(p, 'l', 'n', 'g', 'o');
  const targets = p.operands.length ? p.operands : ['.'];
  let status = 0;
  const files: { name: string; node: VNode }[] = [];
  const dirs: { name: string; node: VNode & { type: 'dir' } }[] = [];
  for (const t of targets) {
    const node = c.host.vfs.lookup(t, c.cwd, !long || t.endsWith('/'));
    if (!node) {
      c.io.err(isBusybox(c) ? `ls: ${t}: No such file or directory\n` : `ls: cannot access '${t}': No such file or directory\n`);
      status = isBusybox(c) ? 1 : 2;
      continue;
    }
    const resolved = node.type === 'link' ? c.host.vfs.lookup(t, c.cwd) : node;
    if (resolved?.type === 'dir' && !has(p, 'd')) dirs.push({ name: t, node: resolved });
    else files.push({ name: t, node });
  }
  const out: string[] = [];
  if (files.length) out.push(...(long ? longRows(c, files) : files.map((f) => f.name)));
  const header = targets.length > 1 || has(p, 'R');
  const listDir = (name: string, dir: VNode & { type: 'dir' }, path: string) => {
    const entries: { name: string; node: VNode }[] = [];
    if (all) {
      entries.push({ name: '.', node: dir });
      entries.push({ name: '..', node: c.host.vfs.lookup(posix.dirname(path)) ?? dir });
    }
    for (const [n, node] of [...dir.children].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (n.startsWith('.') && !all && !almost) continue;
      entries.push({ name: n, node });
    }
    if (out.length) out.push('');
    if (header) out.push(`${name}:`);
    if (long) {
      out.push(`total ${blocks(entries)}`);
      if (entries.length) out.push(...longRows(c, entries));
    } else out.push(...entries.map((e) => e.name));
    if (has(p, 'R')) {
      for (const e of entries)
        if (e.node.type === 'dir' && e.name !== '.' && e.name !== '..') listDir(posix.join(name, e.name), e.node, posix.join(path, e.name));
    }
  };
  for (const d of dirs) listDir(d.name, d.node, c.host.vfs.realpath(d.name, c.cwd));
  if (out.length) c.io.out(out.join('\n') + '\n');
  return status;
};
