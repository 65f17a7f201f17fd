import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { parseMarkdown } from '../../src/parse/index.js';
import { buildPlan } from '../../src/plan/index.js';
import { lintPlan } from '../../src/lint/index.js';
it('dev', () => {
  const path = process.env.DOC!;
  const source = readFileSync(path, 'utf8');
  const plan = buildPlan(parseMarkdown(source, { path, examplesDir: 'fixtures/corpus/examples' }));
  const lines: string[] = [];
  if (process.env.STEPS) for (const s of plan.steps) lines.push(JSON.stringify(s.kind === 'command' ? { l: s.line, c: s.position.column, cmd: s.command, host: s.host.kind, inf: s.inferred, exp: s.expected?.text.slice(0, 30) } : { l: s.line, c: s.position.column, file: s.file, origin: s.origin, inf: s.inferred, content: process.env.FULL ? s.content : s.content?.slice(0, 30) }));
  for (const d of lintPlan(plan, { source })) lines.push(`${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`);
  console.log('\n' + lines.join('\n'));
});
