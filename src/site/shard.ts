/**
 * `--shard k/n`: a deterministic split of pages into n parts of about equal expected cost.
 * Cost is the page's measured duration from a previous report when there is one, else an
 * estimate from its steps (a fixed start-up cost for the backend plus a cost per command).
 */
import { KubedoctestError } from '../diag/errors.js';

/** Shard `index` (1-based) of `count`. */
export interface ShardSpec {
  index: number;
  count: number;
}

/** Estimated cost, in milliseconds, of starting a page's backend and of one command step. */
export const COST_MODEL = { pageMs: 4000, commandMs: 1500 } as const;

/** Parses `k/n` (1 ≤ k ≤ n). */
export function parseShard(text: string): ShardSpec {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count)
    throw new KubedoctestError('ERR_INVALID_OPTION', `--shard takes k/n with 1 ≤ k ≤ n, such as 2/5, not ${JSON.stringify(text)}`);
  return { index, count };
}

/** A page and its expected cost. */
export interface PageCost {
  path: string;
  cost: number;
}

/**
 * Expected costs: the measured duration where `timings` has one; else the step estimate scaled
 * by how measured pages compared with their estimates, so measured and estimated pages mix.
 */
export function pageCosts(commandCounts: ReadonlyMap<string, number>, timings: ReadonlyMap<string, number> = new Map()): PageCost[] {
  const estimate = (commands: number) => COST_MODEL.pageMs + commands * COST_MODEL.commandMs;
  let measured = 0;
  let estimated = 0;
  for (const [path, commands] of commandCounts) {
    const t = timings.get(path);
    if (t === undefined) continue;
    measured += t;
    estimated += estimate(commands);
  }
  const scale = measured > 0 && estimated > 0 ? measured / estimated : 1;
  return [...commandCounts].map(([path, commands]) => ({ path, cost: timings.get(path) ?? estimate(commands) * scale }));
}

/**
 * Splits pages into `count` shards: the costliest page first onto the least loaded shard
 * (ties: the lower shard), pages of equal cost in path order. Every page is in exactly one
 * shard; the same input gives the same split on every runner.
 */
export function splitShards(pages: PageCost[], count: number): PageCost[][] {
  const shards: PageCost[][] = Array.from({ length: count }, () => []);
  const load = new Array<number>(count).fill(0);
  const order = [...pages].sort((a, b) => b.cost - a.cost || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const page of order) {
    let best = 0;
    for (let i = 1; i < count; i++) if (load[i]! < load[best]!) best = i;
    shards[best]!.push(page);
    load[best]! += page.cost;
  }
  for (const s of shards) s.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return shards;
}

/** The pages of one shard, in path order. */
export function shardOf(pages: PageCost[], spec: ShardSpec): string[] {
  return splitShards(pages, spec.count)[spec.index - 1]!.map((p) => p.path);
}

/** Durations per page from a previous JSON report (`files[].path`, `files[].duration_ms`). */
export function timingsFromReport(report: unknown): Map<string, number> {
  const out = new Map<string, number>();
  const files = (report as { files?: unknown })?.files;
  if (!Array.isArray(files)) throw new KubedoctestError('ERR_INVALID_REPORT', '--timings needs a JSON report of check (files[] with duration_ms)');
  for (const f of files as Array<{ path?: unknown; duration_ms?: unknown; cached?: unknown }>) {
    // A cached page's duration is the lookup, not the run.
    if (typeof f.path === 'string' && typeof f.duration_ms === 'number' && !f.cached) out.set(f.path, f.duration_ms);
  }
  return out;
}
