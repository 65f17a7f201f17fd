// The command model on every command of the corpus: parse time with mvdan/sh (uncached) vs the
// hand-written tolerant splitter, and the cost of deciding line continuation with the parser.
import { readFileSync } from 'node:fs';
import { glob } from 'tinyglobby';
import { parseMarkdown } from '../dist/parse/index.js';
import { buildPlan } from '../dist/plan/index.js';
import { parseCommandLine } from '../dist/shell/index.js';
import { splitTolerant } from '../dist/shell/tolerant.js';
import { continues, feedLine, newContinuation } from '../dist/shell/continuation.js';
import { paired, report } from './util.js';

export default async function shellBench() {
  const files = (await glob(['fixtures/**/*.md'], { ignore: ['fixtures/ATTRIBUTION.md'] })).sort();
  const commands = [
    ...new Set(
      files.flatMap((path) =>
        buildPlan(parseMarkdown(readFileSync(path, 'utf8'), { path }))
          .steps.filter((s) => s.kind === 'command')
          .map((s) => s.command),
      ),
    ),
  ];
  let round = 0;
  // A different trailing comment each round, so the cache never answers.
  const parseAll = () => {
    round++;
    for (const c of commands) parseCommandLine(`${c} #${round}`);
  };
  const splitAll = () => {
    for (const c of commands) splitTolerant(c);
  };
  const continueAll = () => {
    for (const c of commands) {
      const s = newContinuation();
      for (const line of c.split('\n')) {
        feedLine(s, line);
        if (!continues(s)) break;
      }
    }
  };
  const cold = performance.now();
  parseAll();
  console.log(`shell: ${commands.length} corpus commands, first (cold) parse ${(performance.now() - cold).toFixed(0)}ms`);
  for (let i = 0; i < 3; i++) {
    parseAll();
    splitAll();
  }
  const p = await paired(
    15,
    async () => parseAll(),
    async () => splitAll(),
  );
  report(`parse ${commands.length} commands: mvdan/sh vs tolerant splitter`, p.a, p.b, 'ms');
  const c = await paired(
    15,
    async () => continueAll(),
    async () => parseAll(),
  );
  report('continuation line by line vs one parse each', c.a, c.b, 'ms');
}
