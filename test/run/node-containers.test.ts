/**
 * Lines for a local cluster's node containers (`docker exec <kind node> …`, `docker ps`), examples of
 * what a container runs, a heading's pod cue and in-pod evidence: on the simulator with the real
 * kubectl (generic fixture), nothing meant for a node, a container or a pod runs on the host.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runOnSim, tempDir } from './helpers.js';

const fixtures = join(import.meta.dirname, '../../fixtures/run');
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('node containers, container examples and pod-only lines', () => {
  it('runs docker exec programs in the node shell, leaves docker ps and crictl unchecked, and runs nothing else on the host', async () => {
    const sandbox = tempDir();
    cleanups.push(sandbox.remove);
    const page = join(sandbox.dir, 'page.md');
    writeFileSync(page, readFileSync(join(fixtures, 'node-containers/page.md'), 'utf8').replaceAll('__SANDBOX__', sandbox.dir));
    const r = await runOnSim(page);
    expect(r.error).toBeUndefined();
    const steps = r.steps.filter((s) => s.kind === 'command');
    expect(steps.map((s) => [s.line, s.status])).toEqual([
      [6, 'skipped'],
      [12, 'unchecked'],
      [26, 'pass'],
      [36, 'pass'],
      [42, 'unchecked'],
      [48, 'skipped'],
      [57, 'skipped'],
      [67, 'skipped'],
      [68, 'skipped'],
      [77, 'pass'],
      [78, 'pass'],
    ]);
    const at = (line: number) => steps.find((s) => s.line === line)!;
    expect(at(12).uncheckedReason).toMatch(/^lists the Docker containers kind \(or minikube\) runs as the page's cluster nodes/);
    // The container id the page's `docker ps` showed names the node: its hostname is the node's.
    expect(at(26).actual?.trim()).toBe('kind-control-plane');
    expect(at(26).rewrites?.map((w) => w.to)).toContain('(node shell on kind-control-plane) cat /etc/hostname');
    expect(at(42).uncheckedReason).toMatch(/^`crictl` is not simulated in the backend's node shell/);
    expect(at(48).skipReason).toMatch(/^runs inside a pod \("\/var\/run\/secrets\/kubernetes\.io\/serviceaccount"\) but which pod is not known/);
    expect(at(57).skipReason).toMatch(/^shows the command a container of the pod runs.*ideas for how to use init containers/);
    expect(at(67).skipReason).toMatch(/^runs inside a pod \("Calling the API from within a Pod"\)/);
    expect(at(78).actual?.trim()).toBe('restarted');
    for (const m of ['node', 'pod', 'init', 'heading']) expect(existsSync(join(sandbox.dir, `host-marker-${m}`))).toBe(false);
  });
});
