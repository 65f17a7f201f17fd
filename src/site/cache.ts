/**
 * `--cache-dir`: a passing result is stored under a hash of everything that decides it (the
 * page, the files it includes, the tool version, the backend, the Kubernetes version); a later
 * run with the same hash takes the result instead of running the page.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { LessonResult } from '../run/types.js';
import { includesOf } from './changed.js';

/** What besides the page's files decides a result. */
export interface CacheContext {
  toolVersion: string;
  backend: string;
  /** The Kubernetes version asked for; `default` when none was. */
  k8sVersion: string;
  examplesDir?: string;
}

/** The cache key of a page: sha256 over the context, the page and each include (path and bytes; a missing include counts as missing). */
export async function cacheKey(page: string, ctx: CacheContext): Promise<string> {
  const h = createHash('sha256');
  h.update(JSON.stringify({ v: 1, tool: ctx.toolVersion, backend: ctx.backend, k8s: ctx.k8sVersion }));
  h.update('\0page\0');
  h.update(await readFile(page));
  const base = resolve(page, '..');
  const includes = (await includesOf(page, ctx.examplesDir)).map((i) => i.file);
  for (const file of [...new Set(includes)].sort()) {
    h.update(`\0include\0${relative(base, file)}\0`);
    h.update(await readFile(file).catch(() => Buffer.from('\0missing\0')));
  }
  return h.digest('hex');
}

/** True when a lesson passed: no failed or errored step, no error finding, no tool error. */
export function isPassing(lesson: LessonResult): boolean {
  return !lesson.error && !lesson.steps.some((s) => s.status === 'fail' || s.status === 'error') && !lesson.findings.some((f) => f.severity === 'error');
}

/** The stored result for a key, marked `cached`, or undefined. */
export async function cacheLookup(dir: string, key: string, path: string): Promise<LessonResult | undefined> {
  const text = await readFile(join(dir, `${key}.json`), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const entry = JSON.parse(text) as { version?: number; lesson?: LessonResult };
    if (entry.version !== 1 || !entry.lesson || !Array.isArray(entry.lesson.steps)) return undefined;
    return { ...entry.lesson, path, cached: true };
  } catch {
    // A torn or foreign file is a miss, not an error: the page just runs.
    return undefined;
  }
}

/** Stores a passing lesson under its key (written to a temporary name, then renamed, so parallel shards never read half a file). */
export async function cacheStore(dir: string, key: string, lesson: LessonResult): Promise<boolean> {
  if (!isPassing(lesson) || lesson.cached) return false;
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${key}.json`);
  const tmp = `${file}.${process.pid}.tmp`;
  const { cached: _c, baseline: _b, keptDir: _k, ...stored } = lesson;
  await writeFile(tmp, JSON.stringify({ version: 1, lesson: stored }) + '\n');
  await rename(tmp, file);
  return true;
}
