/** The few git questions site runs ask, through the git CLI. */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { KubedoctestError } from '../diag/errors.js';

const run = promisify(execFile);

/** Runs git in `cwd` and returns stdout; a failure is ERR_GIT naming the command. */
export async function git(args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (cause) {
    const e = cause as { stderr?: string; message: string; code?: string };
    if (e.code === 'ENOENT') throw new KubedoctestError('ERR_GIT', 'git is not on PATH', { hint: 'install git', cause });
    const why = (e.stderr ?? e.message).trim().split('\n')[0];
    throw new KubedoctestError('ERR_GIT', `git ${args.join(' ')}: ${why}`, {
      hint: 'run inside a git checkout and name a ref it has (CI checkouts may need fetch-depth: 0)',
      cause,
    });
  }
}

/**
 * The top folder of the repository holding `cwd`, reached from `cwd` (not `--show-toplevel`,
 * which resolves symlinks: under a symlinked /tmp its paths would never equal the pages' paths).
 */
export async function repoRoot(cwd: string): Promise<string> {
  return resolve(cwd, (await git(['rev-parse', '--show-cdup'], cwd)).trim() || '.');
}

/**
 * Files changed since `ref`, relative to the repository root: committed, staged, unstaged and
 * untracked. Compared with the merge base, as a pull request diff is, so commits that reached
 * `ref` after the branch started are not counted.
 */
export async function changedSince(ref: string, cwd: string): Promise<string[]> {
  const base = (await git(['merge-base', ref, 'HEAD'], cwd)).trim();
  const diff = await git(['diff', '--name-only', '--no-renames', '-z', base, '--'], cwd);
  const untracked = await git(['ls-files', '--others', '--exclude-standard', '-z'], cwd);
  const files = new Set([...diff.split('\0'), ...untracked.split('\0')].filter(Boolean));
  return [...files].sort();
}

/** The hash of the last commit that touched `file`, or undefined when none did. */
export async function lastCommit(file: string, cwd: string): Promise<string | undefined> {
  const out = (await git(['log', '-1', '--format=%H', '--', file], cwd)).trim();
  return out || undefined;
}

/** True when commit `a` is an ancestor of (or equal to) `b`. */
export async function isAncestor(a: string, b: string, cwd: string): Promise<boolean> {
  try {
    await run('git', ['merge-base', '--is-ancestor', a, b], { cwd });
    return true;
  } catch {
    return false;
  }
}

/** Line numbers of `file` in the working tree that differ from `base` (added or changed lines). */
export async function changedLines(base: string, file: string, cwd: string): Promise<Set<number>> {
  const diff = await git(['diff', '-U0', '--no-color', base, '--', file], cwd);
  const lines = new Set<number>();
  for (const m of diff.matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
    const start = Number(m[1]);
    const count = m[2] === undefined ? 1 : Number(m[2]);
    // A pure deletion (count 0) changes the text around its position.
    if (count === 0) lines.add(Math.max(1, start));
    for (let i = 0; i < count; i++) lines.add(start + i);
  }
  return lines;
}
