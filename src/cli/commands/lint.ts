import { readFile, writeFile } from 'node:fs/promises';
import { colorsFor } from '../../report/colors.js';
import {
  countFindings,
  formatFindingsGithub,
  formatFindingsJunit,
  formatFindingsText,
  type FileFindings,
} from '../../report/findings.js';
import { formatSarif } from '../../report/sarif.js';
import { lintFiles } from '../../lint-files.js';
import { applyFixes } from '../../lint/fix.js';
import { lintRules } from '../../lint/index.js';
import { planToJson } from '../../plan/index.js';
import { VERSION } from '../../version.js';
import { expandInputs } from '../inputs.js';
import { emit, existingDir, oneOf, writableOutput } from '../output.js';

export const LINT_FORMATS = ['text', 'json', 'junit', 'github', 'sarif'] as const;

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
  const files: FileFindings[] = results.map((r) => ({ path: r.path, findings: r.findings }));
  const text =
    format === 'text'
      ? formatFindingsText(files, colorsFor(options.output ? {} : process.stdout))
      : format === 'json'
        ? JSON.stringify(planToJson(results.map((r) => r.plan), new Map(results.map((r) => [r.plan.path, r.findings]))), null, 2) + '\n'
        : format === 'junit'
          ? formatFindingsJunit(files)
          : format === 'github'
            ? formatFindingsGithub(files)
            : formatSarif(files, {
                toolVersion: VERSION,
                ruleDescriptions: Object.fromEntries(lintRules.map((r) => [r.id, r.description])),
              });
  await emit(text, options.output);
  return countFindings(files).error > 0 ? 1 : 0;
}
