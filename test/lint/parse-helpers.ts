import { readFileSync } from 'node:fs';
import { parseMarkdown } from '../../src/parse/index.js';
import { buildPlan } from '../../src/plan/index.js';
import type { Plan } from '../../src/plan/types.js';

/** The examples directory of the corpus fixtures (code_sample shortcodes resolve here). */
export const EXAMPLES_DIR = 'fixtures/corpus/examples';

/** Parses a Markdown fixture into a plan, returning the source too. */
export function planOf(path: string): { plan: Plan; source: string } {
  const source = readFileSync(path, 'utf8');
  return { plan: buildPlan(parseMarkdown(source, { path, examplesDir: EXAMPLES_DIR })), source };
}
