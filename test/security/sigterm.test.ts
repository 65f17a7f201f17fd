/**
 * `npx kubedoctest …`: npm does not forward SIGTERM, and when it is killed it leaves the CLI
 * running the whole lesson. Here a shell stands in for npm (with npm's environment marker): when
 * it goes away, the CLI must stop and take the lesson's processes with it.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, processesMatching, tempDir } from '../run/helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('the kubedoctest bin started by npm', () => {
  it('should stop, with its lesson, when npm is terminated', { timeout: 60_000 }, async () => {
    const t = tempDir('kdt-sigterm-');
    cleanups.push(t.remove);
    const tag = `kdt-npx-${randomBytes(4).toString('hex')}`;
    const doc = join(t.dir, 'slow.md');
    writeFileSync(doc, `# Slow\n\n\`\`\`shell\nbash -c 'exec -a ${tag} sleep 300'\n\`\`\`\n`);
    const bin = join(process.cwd(), 'bin/kubedoctest.js');
    // npm runs the bin through a shell and does not forward signals to it.
    const npm = execa('sh', ['-c', `node ${bin} check --no-confine ${doc} >/dev/null 2>&1; true`], {
      env: { ...process.env, npm_command: 'exec', npm_lifecycle_event: 'npx', CI: '' },
      reject: false,
      detached: true,
    });
    expect(await eventually(() => processesMatching(tag).length > 0, 30_000)).toBe(true);
    const cli = processesMatching(`${bin} check --no-confine ${doc}`).filter((p) => p !== npm.pid);
    expect(cli.length).toBe(1);
    process.kill(npm.pid!, 'SIGKILL');
    await npm;
    expect(await eventually(() => processesMatching(`${bin} check --no-confine ${doc}`).length === 0, 20_000)).toBe(true);
    expect(await eventually(() => processesMatching(tag).length === 0, 20_000)).toBe(true);
  });
});
