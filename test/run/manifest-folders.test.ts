import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPlan } from '../../src/run/run-plan.js';
import { FakeBackend, plainMatcher } from './fake-backend.js';
import { tempDir } from './helpers.js';
import { cmd, manifest, plan } from './plan-builder.js';

describe('files the prose puts in folders', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    while (cleanups.length) cleanups.pop()!();
  });

  it('are written in their folder under the working directory the shell has at that point, two of one name kept apart', async () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const backend = new FakeBackend(join(t.dir, 'fake'), []);
    const r = await runPlan(
      plan([
        cmd(3, 'mkdir -p layout/common layout/variants/blue && cd layout'),
        { ...manifest(8, 'kustomization.yaml', 'resources:\n- widget.yaml'), folder: 'common' },
        { ...manifest(14, 'kustomization.yaml', 'resources:\n- ../../common'), folder: 'variants/blue' },
        cmd(20, 'cat common/kustomization.yaml variants/blue/kustomization.yaml', { expected: 'resources:\n- widget.yaml\nresources:\n- ../../common' }),
        cmd(24, 'ls "$HOME"', { expected: 'layout' }),
      ]),
      backend,
      { matcher: plainMatcher, tmpDir: t.dir, settleIntervalMs: 10, gatherFacts: false, handleSignals: false },
    );
    expect(r.steps.map((s) => [s.line, s.status])).toEqual([
      [3, 'pass'],
      [8, 'pass'],
      [14, 'pass'],
      [20, 'pass'],
      [24, 'pass'],
    ]);
  });

  it('are known by their folder path to the commands after the cd: a template there is not applied', async () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const backend = new FakeBackend(join(t.dir, 'fake'), []);
    const team = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: <insert-team-name-here>';
    const r = await runPlan(
      plan([
        cmd(3, 'mkdir -p layout/common && cd layout'),
        { ...manifest(8, 'team.yaml', team), folder: 'common' },
        cmd(14, 'kubectl apply -f common/team.yaml'),
      ]),
      backend,
      { matcher: plainMatcher, tmpDir: t.dir, settleIntervalMs: 10, gatherFacts: false, handleSignals: false },
    );
    expect(r.steps[2]).toMatchObject({ status: 'skipped', skipReason: expect.stringMatching(/is a template/) });
    expect(backend.calls()).toEqual([]);
  });
});
