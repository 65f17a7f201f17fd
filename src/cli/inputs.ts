import { stat } from 'node:fs/promises';
import { glob } from 'tinyglobby';
import { KubedoctestError } from '../diag/errors.js';

/**
 * Expands files, directories (every `*.md` below) and globs into a sorted list of files.
 * A name that matches nothing is a tool error (ERR_NO_INPUT), so a typo in CI fails loudly.
 */
export async function expandInputs(inputs: string[], cwd = process.cwd()): Promise<string[]> {
  if (inputs.length === 0) throw new KubedoctestError('ERR_NO_INPUT', 'no input files given', { hint: 'name a Markdown file, a directory or a glob' });
  const out = new Set<string>();
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (info?.isFile()) {
      out.add(input);
      continue;
    }
    const pattern = info?.isDirectory() ? `${input.replace(/\/+$/, '')}/**/*.md` : input;
    const found = await glob(pattern, { cwd, ignore: ['**/node_modules/**'], expandDirectories: false });
    if (found.length === 0)
      throw new KubedoctestError('ERR_NO_INPUT', `no files match ${JSON.stringify(input)}`, {
        hint: 'check the path; directories are searched for *.md',
      });
    for (const f of found.sort()) out.add(f);
  }
  return [...out];
}
