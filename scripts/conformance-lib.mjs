/**
 * The corpus conformance check as a library: run `check` on corpus pages with the simulator,
 * reduce each lesson to one row per command step, and compare the rows with the reviewed golden
 * verdicts (fixtures/conformance/golden/<page>.json). Used by scripts/conformance.mjs (every page)
 * and by test/conformance (a fast subset inside `npm test`).
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DOCS = 'fixtures/corpus/docs/';
const GOLDEN_DIR = join(root, 'fixtures/conformance/golden');

/** The golden file of a page: fixtures/conformance/golden/<path under the corpus docs>.json. */
export const goldenFile = (page) => join(GOLDEN_DIR, page.replace(DOCS, '').replace(/\.md$/, '.json'));

function firstDifference(s) {
  const d = s.differences?.[0];
  return d ? `${d.kind}: ${d.message}` : `exit ${s.exitCode}`;
}

/** One row per command step: where, what, the verdict and why. */
function stepRow(s) {
  const reason =
    s.status === 'skipped'
      ? s.skipReason
      : s.status === 'unchecked'
        ? s.uncheckedReason
        : s.status === 'error'
          ? s.error
          : s.status === 'fail'
            ? firstDifference(s)
            : undefined;
  return {
    line: s.line,
    command: (s.command ?? '').split('\n')[0].slice(0, 100),
    status: s.status,
    ...(reason ? { reason: reason.split('\n')[0].slice(0, 240) } : {}),
  };
}

/** Runs the pages (paths relative to the project root) and returns `{ wall, seen }`, `seen` keyed by page. */
export async function runPages(pages, { jobs = 2 } = {}) {
  const { check, simBackend } = await import(join(root, 'dist/index.js'));
  const started = Date.now();
  const report = await check(pages, {
    cwd: root,
    jobs,
    createBackend: () => simBackend(),
    examplesDir: join(root, 'fixtures/corpus/examples'),
    filesDir: join(root, 'fixtures/corpus/k8s-examples'),
    handleSignals: true,
    gatherFacts: false,
  });
  const wall = Date.now() - started;
  const seen = {};
  for (const l of report.lessons) {
    const steps = l.steps.filter((s) => s.kind === 'command').map(stepRow);
    seen[relative(root, resolve(root, l.path))] = {
      seconds: Number((l.durationMs / 1000).toFixed(1)),
      ...(l.error ? { error: `${l.error.code}: ${l.error.message}` } : {}),
      steps,
    };
  }
  return { wall, seen };
}

/** The golden verdicts of the pages that have a golden file. */
export function readGolden(pages) {
  const golden = {};
  for (const page of pages) {
    const file = goldenFile(page);
    if (existsSync(file)) golden[page] = JSON.parse(readFileSync(file, 'utf8'));
  }
  return golden;
}

/**
 * Compares what was seen with the golden verdicts. Returns the problems (one line each) and the
 * golden files as they would be written now, keeping the reasons of steps that still fail.
 */
export function compare(seen, golden) {
  const problems = [];
  const next = {};
  for (const [page, v] of Object.entries(seen)) {
    if (!golden[page]) problems.push(`${page}: no golden file (${relative(root, goldenFile(page))})`);
    const want = golden[page]?.steps ?? [];
    const rows = v.steps.map((s) => {
      const g = want.find((w) => w.line === s.line);
      if (golden[page] && !g) problems.push(`${page}:${s.line} new step, ${s.status}`);
      else if (g && g.status !== s.status)
        problems.push(`${page}:${s.line} ${g.status} in the golden file, ${s.status} now${s.reason ? ` (${s.reason})` : ''}`);
      const why = s.status === 'fail' ? (g?.status === 'fail' && g.why ? g.why : 'TODO') : undefined;
      return { line: s.line, command: s.command, status: s.status, ...(why ? { why } : {}) };
    });
    for (const g of want) if (!v.steps.some((s) => s.line === g.line)) problems.push(`${page}:${g.line} in the golden file, not a step now`);
    for (const g of want)
      if (g.status === 'fail' && (!g.why || g.why === 'TODO')) problems.push(`${page}:${g.line} fails with no reason why the page is wrong`);
    next[page] = { steps: rows };
  }
  return { problems, next };
}

/** Writes golden files; returns how many. */
export function writeGolden(next) {
  for (const [page, v] of Object.entries(next)) {
    const file = goldenFile(page);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(v, null, 2) + '\n');
  }
  return Object.keys(next).length;
}

/** The per-page verdict table (Markdown). */
export function verdictTable(seen, wall) {
  const count = (steps, st) => steps.filter((s) => s.status === st).length;
  const lines = ['| page | steps | pass | fail | unchecked | skipped | error | time (s) |', '|---|---:|---:|---:|---:|---:|---:|---:|'];
  const total = { steps: 0, pass: 0, fail: 0, unchecked: 0, skipped: 0, error: 0 };
  for (const [page, v] of Object.entries(seen)) {
    const c = {
      steps: v.steps.length,
      pass: count(v.steps, 'pass'),
      fail: count(v.steps, 'fail'),
      unchecked: count(v.steps, 'unchecked'),
      skipped: count(v.steps, 'skipped'),
      error: count(v.steps, 'error'),
    };
    for (const k of Object.keys(total)) total[k] += c[k];
    lines.push(`| ${page.replace(DOCS, '')} | ${c.steps} | ${c.pass} | ${c.fail} | ${c.unchecked} | ${c.skipped} | ${c.error} | ${v.seconds} |`);
  }
  lines.push(
    `| **all ${Object.keys(seen).length} pages** | ${total.steps} | ${total.pass} | ${total.fail} | ${total.unchecked} | ${total.skipped} | ${total.error} | ${(wall / 1000).toFixed(1)} wall |`,
  );
  return lines.join('\n') + '\n';
}
