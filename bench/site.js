// A whole site: `check` of every corpus page with --jobs 2 on this machine (wall time, and the
// sum of page times it overlapped), then the wall time projected for a site of 500 pages split
// into 20 shards (20 runners like this one): pages cost what corpus pages cost, in turn; each
// runner's shard takes its summed page time divided by the overlap measured here.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { splitShards } from '../dist/site/shard.js';
import { time } from './util.js';

const CORPUS = 'fixtures/corpus/docs';
const PAGES = 500;
const RUNNERS = 20;

const s = (ms) => `${(ms / 1000).toFixed(1)} s`;

export default async function siteBench() {
  const dir = mkdtempSync(join(tmpdir(), 'kdt-bench-site-'));
  const out = join(dir, 'report.json');
  let code;
  try {
    const wall = await time(async () => {
      const r = await execa(process.execPath, ['bin/kubedoctest.js', 'check', CORPUS, '--jobs', '2', '--format', 'json', '--output', out], {
        reject: false,
        stdin: 'ignore',
        timeout: 3_600_000,
        env: { ...process.env, NO_COLOR: '1' },
      });
      code = r.exitCode;
    });
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const durations = report.files.map((f) => f.duration_ms);
    const sum = durations.reduce((a, b) => a + b, 0);
    const overlap = sum / wall;
    const sm = report.summary;
    console.log(
      `site: corpus of ${durations.length} pages, --jobs 2 (exit ${code})`.padEnd(48),
      `${s(wall)} wall; pages summed ${s(sum)}; overlap ${overlap.toFixed(2)}×`,
    );
    console.log(`site: steps`.padEnd(48), `${sm.passed} passed, ${sm.failed} failed, ${sm.skipped} skipped, ${sm.errors} errors`);
    const slowest = [...report.files].sort((a, b) => b.duration_ms - a.duration_ms).slice(0, 3);
    console.log(`site: slowest pages`.padEnd(48), slowest.map((f) => `${f.path.split('/').pop()} ${s(f.duration_ms)}`).join(', '));

    // The corpus itself, split by the durations just measured (what --timings does).
    const measured = report.files.map((f) => ({ path: f.path, cost: f.duration_ms }));
    const spread = [2, 4, 8].map((n) => {
      const loads = splitShards(measured, n).map((sh) => sh.reduce((a, p) => a + p.cost, 0));
      return `${n}: ${(100 * (Math.max(...loads) / (sum / n) - 1)).toFixed(1)}%`;
    });
    console.log(`site: corpus shards by measured time, over mean`.padEnd(48), spread.join(', '));

    const site = Array.from({ length: PAGES }, (_, i) => ({ path: `page-${String(i).padStart(3, '0')}.md`, cost: durations[i % durations.length] }));
    const shards = splitShards(site, RUNNERS).map((sh) => sh.reduce((a, p) => a + p.cost, 0));
    const longest = Math.max(...shards);
    const mean = shards.reduce((a, b) => a + b, 0) / RUNNERS;
    console.log(
      `site: projected ${PAGES} pages on ${RUNNERS} runners`.padEnd(48),
      `${s(longest / overlap)} wall (longest shard ${s(longest)} of page time, ${(100 * (longest / mean - 1)).toFixed(1)}% over the mean; one runner alone: ${s(site.reduce((a, p) => a + p.cost, 0) / overlap)})`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
