import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { KubedoctestError } from '../diag/errors.js';

/** Folders never searched for lessons. */
const IGNORE = ['**/node_modules/**'];

/**
 * Expands files, directories (every `*.md` below, outside node_modules) and globs into sorted,
 * de-duplicated paths relative to `cwd`. An input that matches nothing is a tool error
 * (ERR_NO_INPUT), so a typo in CI fails loudly. `check` and every CLI command read inputs here.
 */
export async function expandInputs(inputs: string[], cwd: string = process.cwd()): Promise<string[]> {
  if (inputs.length === 0) throw new KubedoctestError('ERR_NO_INPUT', 'no input files given', { hint: 'name a Markdown file, a directory or a glob' });
  const out = new Set<string>();
  for (const input of inputs) {
    const info = await stat(resolve(cwd, input)).catch(() => undefined);
    if (info?.isFile()) {
      out.add(input);
      continue;
    }
    const pattern = info?.isDirectory() ? `${input.replace(/\/+$/, '')}/**/*.md` : input;
    const found = await glob(pattern, { cwd, ignore: IGNORE, onlyFiles: true, expandDirectories: false });
    if (found.length === 0)
      throw new KubedoctestError('ERR_NO_INPUT', `no files match ${JSON.stringify(input)}`, {
        hint: 'check the path; directories are searched for *.md (quote globs so the shell does not expand them)',
      });
    for (const f of found) out.add(f);
  }
  return [...out].sort();
}
