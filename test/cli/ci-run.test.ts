/**
 * `.ci/run` runs the README's own commands: the sections it cites exist, and every command of the
 * README's test section is one it runs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');
const ci = readFileSync('.ci/run', 'utf8');
const headings = [...readme.matchAll(/^#+\s+(.+)$/gm)].map((m) => m[1]!.trim());

/** The shell block under a README heading. */
function commandsUnder(heading: string): string[] {
  const at = readme.indexOf(`## ${heading}\n`);
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(at))?.[1] ?? '';
  return block.split('\n').filter((l) => l.trim() !== '');
}

describe('.ci/run', () => {
  it('cites only README sections that exist', () => {
    const cited = [...ci.matchAll(/README "([^"]+)"/g)].map((m) => m[1]!);
    expect(cited.length).toBeGreaterThan(0);
    for (const c of cited) expect(headings).toContain(c);
  });

  it("runs every command of the README's test section", () => {
    const commands = commandsUnder('Running the tests');
    expect(commands).toEqual(expect.arrayContaining(['npm run lint', 'npm test']));
    for (const c of commands) expect(ci).toMatch(new RegExp(`^\\s*${c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'm'));
  });

  it('checks formatting unconditionally, and fails the run when it fails', () => {
    expect(ci).toMatch(/^npm run format:check$/m);
    expect(ci).not.toMatch(/KUBEDOCTEST_FORMAT_CHECK/);
    expect(ci).toMatch(/\$format != 0/);
  });
});
