import { readFile, writeFile } from 'node:fs/promises';
import { applyFixes, colorsFor, countFindings, expandInputs, LINT_FORMATS, LINT_REPORTERS, lintFiles, lintRules, VERSION } from '../../index.js';
import { emit, existingDir, oneOf, writableOutput } from '../output.js';

export interface LintCommandOptions {
  format: string;
  output?: string;
  fix?: boolean;
  examplesDir?: string;
}

/** `kubedoctest lint <files|dirs|globs…>`: static findings; exit 1 when any is an error. */
export async function lintCommand(inputs: string[], options: LintCommandOptions): Promise<number> {
  const format = oneOf(options.format, LINT_FORMATS, '--format');
  if (options.output) writableOutput(options.output);
  if (options.examplesDir) existingDir(options.examplesDir, '--examples-dir');
  const paths = await expandInputs(inputs);
  let results = await lintFiles(paths, { examplesDir: options.examplesDir });
  if (options.fix) {
    for (const r of results) {
      const fixable = r.findings.filter((d) => d.fix?.replacement !== undefined && d.fix.range);
      if (fixable.length === 0) continue;
      const source = await readFile(r.path, 'utf8');
      const fixed = applyFixes(source, fixable);
      if (fixed !== source) await writeFile(r.path, fixed);
    }
    results = await lintFiles(paths, { examplesDir: options.examplesDir });
  }
  const text = LINT_REPORTERS[format](results, {
    colors: colorsFor(options.output ? {} : process.stdout),
    toolVersion: VERSION,
    ruleDescriptions: Object.fromEntries(lintRules.map((r) => [r.id, r.description])),
  });
  await emit(text, options.output);
  return countFindings(results).error > 0 ? 1 : 0;
}
