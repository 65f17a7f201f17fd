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
 * already written for steps that still fail; a new failure gets `why: "TODO"` and the check then
 * fails until a person writes the reason (or fixes the tool).
 * Exit 0 when every step has its golden status and every golden failure has a reason, else 1.
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { glob } from 'tinyglobby';
import { root, runPages, readGolden, compare, writeGolden, verdictTable, goldenFile } from './conformance-lib.mjs';

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

const pages = args.length ? args.map((p) => relative(root, p)) : (await glob(['fixtures/corpus/docs/**/*.md'], { cwd: root })).sort();

const { wall, seen } = await runPages(pages, { jobs });
const { problems, next } = compare(seen, readGolden(Object.keys(seen)));

process.stdout.write(verdictTable(seen, wall));
if (out) writeFileSync(out, JSON.stringify({ seconds: wall / 1000, pages: seen }, null, 2) + '\n');
if (write) process.stdout.write(`wrote ${writeGolden(next)} golden file(s), e.g. ${relative(root, goldenFile(Object.keys(next)[0] ?? ''))}\n`);
if (problems.length) {
  process.stdout.write(`\n${problems.length} difference(s) from the golden verdicts:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
  process.exitCode = 1;
} else process.stdout.write('\nall steps have their golden verdicts\n');
