/**
 * The site options of `check` (--changed, --shard, --timings, --cache-dir, --baseline,
 * --write-baseline): which pages run, which come from the cache, and what the baseline makes
 * of the results. `check.ts` calls `selectPages` before the run and `finishSite` after it.
 */
import { readFile } from 'node:fs/promises';
import {
  applyBaseline,
  baselineSummary,
  buildPlan,
  type CacheContext,
  cacheKey,
  cacheLookup,
  cacheStore,
  changedFiles,
  type CheckReport,
  exitCodeFor,
  exitCodeWithBaseline,
  formatSelection,
  KubedoctestError,
  type LessonResult,
  loadLesson,
  pageCosts,
  pageKey,
  parseShard,
  readBaseline,
  selectChanged,
  shardOf,
  summarize,
  timingsFromReport,
  updatedBaseline,
  VERSION,
  writeBaseline,
} from '../index.js';

/** The site options as commander gives them. */
export interface SiteOptions {
  changed?: string;
  shard?: string;
  timings?: string;
  cacheDir?: string;
  baseline?: string;
  writeBaseline?: string;
  backend: string;
  k8sVersion?: string;
  examplesDir?: string;
}

/** The pages to run, and the results taken from the cache. */
export interface SitePlan {
  run: string[];
  cached: LessonResult[];
  /** Cache keys of the pages to run, to store their results after. */
  keys: Map<string, string>;
  /** Every page of this run (run and cached), in order. */
  pages: string[];
}

const log = (text: string) => process.stderr.write(text);

/** Commands that run in a page, for the shard cost estimate. */
async function commandCount(path: string, examplesDir: string | undefined): Promise<number> {
  const plan = buildPlan(await loadLesson(path, examplesDir ? { examplesDir } : {}));
  return plan.steps.filter((s) => s.kind === 'command' && !s.skip).length;
}

/** Applies --changed, then --shard, then --cache-dir to the expanded input pages. */
export async function selectPages(paths: string[], o: SiteOptions): Promise<SitePlan> {
  if (o.timings && !o.shard) throw new KubedoctestError('ERR_INVALID_OPTION', '--timings only shapes --shard k/n', { hint: 'add --shard k/n' });
  // A bad baseline fails before minutes of running, not after.
  if (o.baseline) await readBaseline(o.baseline);
  let pages = paths;
  if (o.changed) {
    const { root, files } = await changedFiles(o.changed);
    const selected = await selectChanged(pages, files, root, o.examplesDir);
    log(formatSelection(selected, pages.length, o.changed));
    pages = selected.map((s) => s.path);
  }
  if (o.shard) {
    const spec = parseShard(o.shard);
    const counts = new Map<string, number>();
    for (const p of pages) counts.set(pageKey(p), await commandCount(p, o.examplesDir));
    const timings = o.timings ? await readTimings(o.timings) : new Map<string, number>();
    const byKey = new Map(pages.map((p) => [pageKey(p), p]));
    pages = shardOf(pageCosts(counts, timings), spec).map((k) => byKey.get(k)!);
    log(`--shard ${spec.index}/${spec.count}: ${pages.length} page${pages.length === 1 ? '' : 's'}\n`);
  }
  const plan: SitePlan = { run: [], cached: [], keys: new Map(), pages };
  if (!o.cacheDir) {
    plan.run = pages;
    return plan;
  }
  const ctx: CacheContext = {
    toolVersion: VERSION,
    backend: o.backend,
    k8sVersion: o.k8sVersion ?? 'default',
    ...(o.examplesDir ? { examplesDir: o.examplesDir } : {}),
  };
  for (const p of pages) {
    const key = await cacheKey(p, ctx);
    const hit = await cacheLookup(o.cacheDir, key, p);
    if (hit) {
      plan.cached.push(hit);
      log(`cached: ${p} (passed before with the same page, includes, tool, backend and Kubernetes version)\n`);
    } else {
      plan.run.push(p);
      plan.keys.set(p, key);
    }
  }
  return plan;
}

async function readTimings(file: string): Promise<Map<string, number>> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (cause) {
    throw new KubedoctestError('ERR_INVALID_REPORT', `--timings ${file}: ${(cause as Error).message}`, {
      hint: 'give a report written by check --format json',
      cause,
    });
  }
  return new Map([...timingsFromReport(data)].map(([p, ms]) => [pageKey(p), ms]));
}

/** An empty run, for when every page was cached or none was selected. */
export function emptyReport(): CheckReport {
  return { version: 1, lessons: [], summary: summarize([]), durationMs: 0 };
}

/**
 * Adds cached results in page order, stores new passing results, applies or writes the
 * baseline; returns the report to print and the exit code.
 */
export async function finishSite(report: CheckReport, plan: SitePlan, o: SiteOptions): Promise<{ report: CheckReport; code: number }> {
  if (o.cacheDir) for (const l of report.lessons) if (plan.keys.has(l.path)) await cacheStore(o.cacheDir, plan.keys.get(l.path)!, l);
  const order = new Map(plan.pages.map((p, i) => [p, i]));
  const lessons = [...report.lessons, ...plan.cached].sort((a, b) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0));
  const out: CheckReport = { ...report, lessons, summary: summarize(lessons) };
  if (o.writeBaseline) {
    const previous = await readBaseline(o.writeBaseline, true);
    const next = updatedBaseline(previous, lessons);
    await writeBaseline(o.writeBaseline, next);
    log(`wrote ${next.entries.length} known failure${next.entries.length === 1 ? '' : 's'} to ${o.writeBaseline}\n`);
    applyBaseline(lessons, next);
    return { report: out, code: exitCodeWithBaseline(lessons) };
  }
  if (o.baseline) {
    const outcome = applyBaseline(lessons, await readBaseline(o.baseline));
    log(baselineSummary(outcome));
    return { report: out, code: exitCodeWithBaseline(lessons) };
  }
  return { report: out, code: exitCodeFor(out) };
}
