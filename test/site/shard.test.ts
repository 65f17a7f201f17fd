import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { loadLesson } from '../../src/parse/index.js';
import { buildPlan } from '../../src/plan/index.js';
import { COST_MODEL, pageCosts, parseShard, shardOf, splitShards, timingsFromReport, type PageCost } from '../../src/site/shard.js';

const total = (pages: PageCost[]) => pages.reduce((n, p) => n + p.cost, 0);

let counted: Promise<Map<string, number>> | undefined;
/** Command steps per corpus page (parsed once: parsing 45 pages takes seconds here). */
function corpusCounts(): Promise<Map<string, number>> {
  counted ??= countCorpus();
  return counted;
}

async function countCorpus(): Promise<Map<string, number>> {
  const files = (await glob('fixtures/corpus/docs/**/*.md')).sort();
  const counts = new Map<string, number>();
  for (const f of files) {
    const plan = buildPlan(await loadLesson(f));
    counts.set(f, plan.steps.filter((s) => s.kind === 'command' && !s.skip).length);
  }
  return counts;
}

describe('--shard k/n', () => {
  it('parses k/n and refuses anything else', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    for (const bad of ['0/3', '4/3', '1/0', '1', 'a/b', '1/2/3']) expect(() => parseShard(bad)).toThrow(/--shard takes k\/n/);
  });

  it('on the corpus: every page in exactly one shard, each shard within 20% of the mean cost', { timeout: 240_000 }, async () => {
    const counts = await corpusCounts();
    expect(counts.size).toBeGreaterThanOrEqual(40);
    const costs = pageCosts(counts);
    for (const n of [2, 3, 4, 5, 8]) {
      const shards = splitShards(costs, n);
      const all = shards.flatMap((s) => s.map((p) => p.path));
      expect(all.sort()).toEqual([...counts.keys()].sort());
      const mean = total(costs) / n;
      for (const s of shards) expect(Math.abs(total(s) - mean) / mean).toBeLessThanOrEqual(0.2);
    }
  });

  it('is deterministic: the same split whatever the input order', { timeout: 240_000 }, async () => {
    const counts = await corpusCounts();
    const reversed = new Map([...counts].reverse());
    for (let k = 1; k <= 4; k++) expect(shardOf(pageCosts(reversed), { index: k, count: 4 })).toEqual(shardOf(pageCosts(counts), { index: k, count: 4 }));
  });

  it('more shards than pages leaves some empty, never a page twice', () => {
    const shards = splitShards(
      pageCosts(
        new Map([
          ['a.md', 1],
          ['b.md', 2],
        ]),
      ),
      4,
    );
    expect(shards.map((s) => s.map((p) => p.path))).toEqual([['b.md'], ['a.md'], [], []]);
  });

  it('uses measured durations from a report, and scales the estimate of pages it lacks', () => {
    const counts = new Map([
      ['slow.md', 1],
      ['fast.md', 10],
      ['new.md', 2],
    ]);
    const timings = timingsFromReport({
      files: [
        { path: 'slow.md', duration_ms: 90_000 },
        { path: 'fast.md', duration_ms: 2_000 },
        { path: 'gone.md', duration_ms: 5 },
      ],
    });
    const costs = Object.fromEntries(pageCosts(counts, timings).map((p) => [p.path, p.cost]));
    expect(costs['slow.md']).toBe(90_000);
    expect(costs['fast.md']).toBe(2_000);
    const estimate = (c: number) => COST_MODEL.pageMs + c * COST_MODEL.commandMs;
    const scale = 92_000 / (estimate(1) + estimate(10));
    expect(costs['new.md']).toBeCloseTo(estimate(2) * scale, 6);
    // Measured costs decide: the slow page alone, the rest together.
    expect(splitShards(pageCosts(counts, timings), 2).map((s) => s.map((p) => p.path))).toEqual([['slow.md'], ['fast.md', 'new.md']]);
  });

  it('a cached page in the timings report does not count (its duration is the lookup)', () => {
    expect([...timingsFromReport({ files: [{ path: 'a.md', duration_ms: 10, cached: true }] })]).toEqual([]);
    expect(() => timingsFromReport({ nope: 1 })).toThrow(/--timings needs a JSON report/);
  });
});
