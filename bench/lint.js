// Lint of every corpus page vs bare remark-parse of the same bytes (target ≤ 2×).
import { readFileSync } from 'node:fs';
import { glob } from 'tinyglobby';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { parseMarkdown } from '../dist/parse/index.js';
import { buildPlan } from '../dist/plan/index.js';
import { lintPlan } from '../dist/lint/index.js';
import { paired, report } from './util.js';

export default async function lintBench() {
  const files = (await glob(['fixtures/corpus/**/*.md', 'fixtures/seed/*.md'])).sort();
  const docs = files.map((f) => ({ path: f, source: readFileSync(f, 'utf8') }));
  const lintAll = () => {
    for (const d of docs) lintPlan(buildPlan(parseMarkdown(d.source, { path: d.path })));
  };
  const parseAll = () => {
    for (const d of docs) unified().use(remarkParse).parse(d.source);
  };
  for (let i = 0; i < 3; i++) {
    lintAll();
    parseAll();
  }
  const { a, b } = await paired(
    15,
    async () => lintAll(),
    async () => parseAll(),
  );
  report(`lint ${docs.length} corpus pages vs remark-parse`, a, b, 'ms', 2);
}
