/**
 * `prepare` (run by `npm ci` and by the first `npx kubedoctest` in a checkout) builds dist/ only
 * when a build input is newer than it. A fake tsc records whether it was called.
 */
import { copyFileSync, existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../run/helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function checkout(): string {
  const t = tempDir();
  cleanups.push(t.remove);
  const d = t.dir;
  for (const f of ['scripts', 'src/cli', 'dist/cli', 'node_modules/typescript/bin']) mkdirSync(join(d, f), { recursive: true });
  copyFileSync('scripts/prepare.mjs', join(d, 'scripts/prepare.mjs'));
  for (const f of ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'src/cli/main.ts', 'dist/cli/main.js']) writeFileSync(join(d, f), '{}\n');
  writeFileSync(
    join(d, 'node_modules/typescript/bin/tsc'),
    `require('node:fs').writeFileSync(${JSON.stringify(join(d, 'built'))}, process.argv.slice(2).join(' '));\n`,
  );
  return d;
}

const at = (d: string, file: string, seconds: number) => utimesSync(join(d, file), seconds, seconds);
const prepare = (d: string) => execa(process.execPath, [join(d, 'scripts/prepare.mjs')], { reject: false, env: { KUBEDOCTEST_REBUILD: '' } });

describe('prepare', () => {
  it('does not rebuild when dist/ is newer than every input', async () => {
    const d = checkout();
    for (const f of ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'src/cli/main.ts']) at(d, f, 1_000_000);
    at(d, 'dist/cli/main.js', 2_000_000);
    const r = await prepare(d);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('not rebuilding');
    expect(existsSync(join(d, 'built'))).toBe(false);
  });

  it('rebuilds when a source file changed after the build, and when dist/ is missing', async () => {
    const d = checkout();
    at(d, 'dist/cli/main.js', 2_000_000);
    at(d, 'src/cli/main.ts', 3_000_000);
    expect((await prepare(d)).exitCode).toBe(0);
    expect(existsSync(join(d, 'built'))).toBe(true);

    const fresh = checkout();
    await execa('rm', ['-r', join(fresh, 'dist')]);
    expect((await prepare(fresh)).exitCode).toBe(0);
    expect(existsSync(join(fresh, 'built'))).toBe(true);
  });
});
