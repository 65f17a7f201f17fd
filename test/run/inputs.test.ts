import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/run/inputs.js';
import { tempDir } from './helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function tree(files: string[]): string {
  const t = tempDir();
  cleanups.push(t.remove);
  for (const f of files) {
    mkdirSync(join(t.dir, f, '..'), { recursive: true });
    writeFileSync(join(t.dir, f), '# x\n');
  }
  return t.dir;
}

describe('expandInputs', () => {
  it('searches a directory for *.md outside node_modules, the same for a directory and a glob', async () => {
    const cwd = tree(['docs/a.md', 'docs/sub/b.md', 'docs/node_modules/pkg/readme.md', 'docs/notes.txt']);
    expect(await expandInputs(['docs'], cwd)).toEqual(['docs/a.md', 'docs/sub/b.md']);
    expect(await expandInputs(['docs/**/*.md'], cwd)).toEqual(['docs/a.md', 'docs/sub/b.md']);
  });

  it('resolves a named file against cwd, keeps each path once, sorted', async () => {
    const cwd = tree(['b.md', 'a.md']);
    expect(await expandInputs(['b.md', 'a.md', 'b.md', '*.md'], cwd)).toEqual(['a.md', 'b.md']);
  });

  it('refuses an input that matches nothing even when others match, and no input at all', async () => {
    const cwd = tree(['a.md']);
    await expect(expandInputs(['a.md', 'typo.md'], cwd)).rejects.toMatchObject({ code: 'ERR_NO_INPUT', message: expect.stringContaining('typo.md') });
    await expect(expandInputs([], cwd)).rejects.toMatchObject({ code: 'ERR_NO_INPUT' });
  });
});
