/**
 * Files a step needs that the doc does not show but links to: "You can find an example for
 * `default.conf` in [the examples repo](https://github.com/…/https-nginx/)", `make keys` with the
 * Makefile of a linked folder. With a folder of local copies (`linkedDir`) the file is copied
 * into the lesson's working directory; without one the step is skipped with the link as reason,
 * because no reader could run it from the page alone.
 */
import { readFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative } from 'node:path';
import { globSync } from 'tinyglobby';
import type { DocLink } from '../plan/types.js';
import { kubectlCall, parseCommandLine } from '../shell/index.js';
import { UnsafePathError, writeInside, type Owner } from './safe-write.js';

/** kubectl flags whose value is a file the command reads (`--from-file` may be `key=path`). */
const FILE_FLAGS = ['-f', '--filename', '--from-file', '--from-env-file', '--key', '--cert', '--kustomize', '-k'];

/** Programs that read a file named by their first argument. */
const SCRIPT_RUNNERS = new Set(['bash', 'sh', 'source', '.', 'python', 'python3', 'node']);

function localPath(word: string | undefined): string | undefined {
  if (!word || word === '-' || word.startsWith('/') || word.startsWith('~') || word.includes('$') || /^[a-z]+:\/\//i.test(word)) return undefined;
  const path = word.replace(/^\.\//, '');
  return path && !path.startsWith('../') ? path : undefined;
}

/** Relative paths of files the host command reads: kubectl file flags, a Makefile for make, a script. */
export function filesReadBy(command: string): string[] {
  const out = new Set<string>();
  for (const c of parseCommandLine(command).commands) {
    const program = c.program?.value;
    const args = c.args.map((w) => w.value);
    const call = kubectlCall(c);
    if (program === 'make') {
      if (!args.some((a) => a === '-f' || a.startsWith('--file') || a === '-C' || a.startsWith('--directory'))) out.add('Makefile');
    } else if (call) {
      for (const [name, given] of call.flags) {
        if (!FILE_FLAGS.includes(name)) continue;
        for (const { value } of given) {
          if (value === true) continue;
          // `--from-file=key=path`: the file is after the key.
          const path = localPath(name === '--from-file' && value.includes('=') ? value.slice(value.indexOf('=') + 1) : value);
          if (path) out.add(path);
        }
      }
    } else if (program && SCRIPT_RUNNERS.has(program)) {
      const path = localPath(args.find((a) => !a.startsWith('-')));
      if (path) out.add(path);
    } else if (program?.startsWith('./')) {
      const path = localPath(program);
      if (path) out.add(path);
    }
  }
  return [...out];
}

/** `…/blob/<ref>/a/b/default.conf` → file link ['a','b','default.conf']; `…/tree/<ref>/a/b/` → folder link ['a','b']. */
function linkShape(url: string): { kind: 'file' | 'folder'; segments: string[] } | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const parts = u.pathname
    .split('/')
    .filter(Boolean)
    .map((p) => decodeURIComponent(p));
  if (u.hostname === 'raw.githubusercontent.com') return parts.length > 3 ? { kind: 'file', segments: parts.slice(3) } : null;
  const at = parts.findIndex((p) => p === 'blob' || p === 'tree' || p === 'raw');
  if (at < 0 || at + 1 >= parts.length) return null;
  // owner/repo/(blob|tree)/<ref>/<path…>; GitLab adds a `-` segment before blob/tree.
  const segments = parts.slice(at + 2);
  return parts[at] === 'tree' ? { kind: 'folder', segments } : segments.length ? { kind: 'file', segments } : null;
}

/**
 * The doc link a missing file most likely comes from: a link to the file itself, else the nearest
 * linked folder that can hold it. A path with folders (`docs/x/nginx/`, `project/k8s/dev`) comes
 * only from a folder link whose path names one of them; a bare file name (`default.conf`) from
 * the nearest folder link.
 */
export function linkFor(file: string, links: readonly DocLink[], line: number): DocLink | undefined {
  const name = basename(file);
  const toFile = links.find((l) => {
    const s = linkShape(l.url);
    return s?.kind === 'file' && s.segments.at(-1) === name;
  });
  if (toFile) return toFile;
  const folders = file.replace(/^\.\//, '').split('/').filter(Boolean);
  // A path ending in `/` is a folder itself; otherwise its last segment is the file.
  if (!file.endsWith('/')) folders.pop();
  let best: DocLink | undefined;
  for (const l of links) {
    const shape = linkShape(l.url);
    if (shape?.kind !== 'folder') continue;
    if (folders.length && !shape.segments.some((s) => folders.includes(s))) continue;
    if (!best || Math.abs(l.line - line) < Math.abs(best.line - line)) best = l;
  }
  return best;
}

/** Trailing path segments two lists share. */
function sharedTail(a: string[], b: string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/**
 * The local copy of `file` in `dir` that stands for the linked one: a file of that name whose
 * folders share the most trailing names with the link's path; for a folder link the folder's
 * own name must match. Undefined when none fits or two fit equally well.
 */
export function findLocalCopy(dir: string, file: string, link: DocLink): string | undefined {
  const shape = linkShape(link.url);
  if (!shape) return undefined;
  const name = basename(file);
  const folders = shape.kind === 'file' ? shape.segments.slice(0, -1) : shape.segments;
  const candidates = globSync(`**/${name.replace(/[*?[\]{}()!]/g, '\\$&')}`, { cwd: dir, dot: false, onlyFiles: true, followSymbolicLinks: false });
  let best: { path: string; score: number } | undefined;
  let tie = false;
  for (const c of candidates) {
    const dirs = c.split('/').slice(0, -1);
    const score = sharedTail(dirs, folders);
    if (shape.kind === 'folder' && score === 0 && folders.length > 0) continue;
    if (!best || score > best.score) {
      best = { path: c, score };
      tie = false;
    } else if (score === best.score) tie = true;
  }
  return best && !tie ? join(dir, best.path) : undefined;
}

/** What to do about the files a step needs that are missing from its working directory. */
export type LinkedPlan =
  { action: 'copy'; copies: Array<{ file: string; from: string; link: DocLink }> } | { action: 'skip'; reason: string } | { action: 'none' };

/** Decides, for the missing files of a step at `line`, whether they come from linked copies or the step must be skipped. */
export function planLinkedFiles(missing: string[], links: readonly DocLink[], line: number, linkedDir: string | undefined): LinkedPlan {
  const copies: Array<{ file: string; from: string; link: DocLink }> = [];
  for (const file of missing) {
    const link = linkFor(file, links, line);
    if (!link) continue;
    const from = linkedDir ? findLocalCopy(linkedDir, file, link) : undefined;
    if (!from) {
      const where = linkedDir ? `no copy of it was found in ${linkedDir}` : 'give a folder with a copy of it with --files-dir';
      return { action: 'skip', reason: `needs ${file}, which the doc does not show but links to (${link.url}, line ${link.line}); ${where}` };
    }
    copies.push({ file, from, link });
  }
  return copies.length ? { action: 'copy', copies } : { action: 'none' };
}

/**
 * Copies the planned files into `cwd` (the lesson's working directory, which must be inside
 * `home`); returns how each is described in the report. A copy that would leave `home` or go
 * through a link the lesson planted is not made (see safe-write.ts).
 */
export function copyLinkedFiles(
  copies: Array<{ file: string; from: string; link: DocLink }>,
  cwd: string,
  linkedDir: string,
  inside: { home: string; owner?: Owner } = { home: cwd },
): Array<{ from: string; to: string; reason: string }> {
  const base = relative(inside.home, cwd);
  if (base.startsWith('..') || isAbsolute(base)) return [];
  const out: Array<{ from: string; to: string; reason: string }> = [];
  for (const c of copies) {
    try {
      writeInside(inside.home, join(base, c.file), readFileSync(c.from), inside.owner ? { owner: inside.owner } : {});
    } catch (e) {
      if (e instanceof UnsafePathError) continue;
      throw e;
    }
    out.push({
      from: c.link.url,
      to: `./${c.file}`,
      reason: `the file the doc links to at line ${c.link.line}, copied from ${relative(linkedDir, c.from) || c.from} in the files folder`,
    });
  }
  return out;
}
