/** An interactive ssh to a node of the cluster: its lines run in the backend's node shell (generic fixture, real kubectl). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runOnSim, tempDir } from './helpers.js';

const fixture = join(import.meta.dirname, '../../fixtures/run/node-session/page.md');
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** The fixture with its sandbox and the mirror pod name the doc shows filled in. */
function page(mirror: string): { path: string; dir: string } {
  const sandbox = tempDir();
  cleanups.push(sandbox.remove);
  const path = join(sandbox.dir, 'page.md');
  writeFileSync(path, readFileSync(fixture, 'utf8').replaceAll('__SANDBOX__', sandbox.dir).replace('__MIRROR__', mirror.padEnd(19)));
  return { path, dir: sandbox.dir };
}

describe('ssh to a node', () => {
  it('runs the session in the node shell, where a static pod manifest makes the mirror pod the page then lists', async () => {
    const { path, dir } = page('static-web-my-node1');
    const r = await runOnSim(path);
    expect(r.error).toBeUndefined();
    const steps = r.steps.filter((s) => s.kind === 'command');
    expect(steps.map((s) => [s.line, s.status])).toEqual([
      [6, 'pass'],
      [12, 'pass'],
      [13, 'pass'],
      [14, 'pass'],
      [29, 'pass'],
      [35, 'pass'],
      [46, 'skipped'],
      [50, 'skipped'],
    ]);
    // The node's mirror pod, named after the backend's node, stands for the doc's `static-web-my-node1`.
    expect(steps[5]!.actual).toMatch(/^static-web-kind-[\w-]+\s+1\/1\s+Running/m);
    expect(steps[6]!.skipReason).toMatch(/another machine/);
    expect(steps[7]!.skipReason).toMatch(/typed in the session on bastion\.example\.com/);
    // Neither the node's line nor the other machine's ran here.
    expect(existsSync(join(dir, 'host-marker-node'))).toBe(false);
    expect(existsSync(join(dir, 'host-marker-remote'))).toBe(false);
  });

  it('still fails a mirror pod the page names after another static pod', async () => {
    const { path } = page('static-api-my-node1');
    const r = await runOnSim(path);
    expect(r.error).toBeUndefined();
    const get = r.steps.find((s) => s.kind === 'command' && s.line === 35)!;
    expect(get.status).toBe('fail');
  });
});
