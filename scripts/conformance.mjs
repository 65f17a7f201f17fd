#!/usr/bin/env node
/**
 * `npm run conformance`: `check` on every real page of the corpus (fixtures/corpus/docs) on the
 * simulator, a per-page verdict table, and a comparison with the reviewed golden verdicts
 * (fixtures/conformance/golden/<page>.json, one file per page), where every failed step carries the
 * reason the page — not the tool — is wrong for Kubernetes 1.32.
 *
 *   node scripts/conformance.mjs [pages…] [--jobs N] [--write] [--out FILE]
 *
 * --write records the statuses seen as the new golden files of the pages run, keeping the reasons
 * already written for steps that still fail; a new failure gets `why: "TODO"` and the check then fails until a
 * person writes the reason (or fixes the tool).
 * Exit 0 when every step has its golden status and every golden failure has a reason, else 1.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { check, simBackend } = await import(join(root, 'dist/index.js'));

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const write = args.includes('--write');
if (write) args.splice(args.indexOf('--write'), 1);
const jobs = Number(flag('--jobs') ?? 2);
const out = flag('--out');
const GOLDEN_DIR = join(root, 'fixtures/conformance/golden');
const DOCS = 'fixtures/corpus/docs/';
/** The golden file of a page: fixtures/conformance/golden/<path under the corpus docs>.json. */
const goldenFile = (page) => join(GOLDEN_DIR, page.replace(DOCS, '').replace(/\.md$/, '.json'));

const pages = args.length ? args : (await glob(['fixtures/corpus/docs/**/*.md'], { cwd: root })).sort();

/** One line per step: where, what, the verdict and why. */
function stepRow(s) {
  const reason = s.status === 'skipped' ? s.skipReason : s.status === 'unchecked' ? s.uncheckedReason : s.status === 'error' ? s.error : s.status === 'fail' ? firstDifference(s) : undefined;
  return { line: s.line, command: (s.command ?? '').split('\n')[0].slice(0, 100), status: s.status, ...(reason ? { reason: reason.split('\n')[0].slice(0, 240) } : {}) };
}

function firstDifference(s) {
  const d = s.differences?.[0];
  return d ? `${d.kind}: ${d.message}` : `exit ${s.exitCode}`;
}

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
  seen[relative(root, resolve(root, l.path))] = { seconds: Number((l.durationMs / 1000).toFixed(1)), ...(l.error ? { error: `${l.error.code}: ${l.error.message}` } : {}), steps };
}

const golden = {};
for (const page of Object.keys(seen)) {
  const file = goldenFile(page);
  if (existsSync(file)) golden[page] = JSON.parse(readFileSync(file, 'utf8'));
}

// Per-page table.
const count = (steps, st) => steps.filter((s) => s.status === st).length;
const lines = ['| page | steps | pass | fail | unchecked | skipped | error | time (s) |', '|---|---:|---:|---:|---:|---:|---:|---:|'];
const total = { steps: 0, pass: 0, fail: 0, unchecked: 0, skipped: 0, error: 0 };
for (const [page, v] of Object.entries(seen)) {
  const c = { steps: v.steps.length, pass: count(v.steps, 'pass'), fail: count(v.steps, 'fail'), unchecked: count(v.steps, 'unchecked'), skipped: count(v.steps, 'skipped'), error: count(v.steps, 'error') };
  for (const k of Object.keys(total)) total[k] += c[k];
  lines.push(`| ${page.replace(DOCS, '')} | ${c.steps} | ${c.pass} | ${c.fail} | ${c.unchecked} | ${c.skipped} | ${c.error} | ${v.seconds} |`);
}
lines.push(`| **all ${Object.keys(seen).length} pages** | ${total.steps} | ${total.pass} | ${total.fail} | ${total.unchecked} | ${total.skipped} | ${total.error} | ${(wall / 1000).toFixed(1)} wall |`);
const table = lines.join('\n') + '\n';

// Comparison with the golden verdicts.
const problems = [];
const next = {};
for (const [page, v] of Object.entries(seen)) {
  const want = golden[page]?.steps ?? [];
  const rows = v.steps.map((s) => {
    const g = want.find((w) => w.line === s.line);
    if (!g) problems.push(`${page}:${s.line} new step, ${s.status}`);
    else if (g.status !== s.status) problems.push(`${page}:${s.line} ${g.status} in the golden file, ${s.status} now${s.reason ? ` (${s.reason})` : ''}`);
    const why = s.status === 'fail' ? (g?.status === 'fail' && g.why ? g.why : 'TODO') : undefined;
    return { line: s.line, command: s.command, status: s.status, ...(why ? { why } : {}) };
  });
  for (const g of want) if (!v.steps.some((s) => s.line === g.line)) problems.push(`${page}:${g.line} in the golden file, not a step now`);
  for (const g of want) if (g.status === 'fail' && (!g.why || g.why === 'TODO')) problems.push(`${page}:${g.line} fails with no reason why the page is wrong`);
  next[page] = { steps: rows };
}

process.stdout.write(table);
if (out) writeFileSync(out, JSON.stringify({ seconds: wall / 1000, pages: seen }, null, 2) + '\n');
if (write) {
  for (const [page, v] of Object.entries(next)) {
    const file = goldenFile(page);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(v, null, 2) + '\n');
  }
  process.stdout.write(`wrote ${Object.keys(next).length} golden file(s) under ${relative(root, GOLDEN_DIR)}\n`);
}
if (problems.length) {
  process.stdout.write(`\n${problems.length} difference(s) from the golden verdicts:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  process.exitCode = 1;
} else process.stdout.write('\nall steps have their golden verdicts\n');
