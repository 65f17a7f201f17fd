/** A value the page tells the reader to choose from the output before it. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { choiceCue, literalAssignment } from '../../src/plan/data/reader-choice.js';
import { onlyChoice } from '../../src/run/reader-choice.js';
import { runPlan } from '../../src/run/run-plan.js';
import { FakeBackend, plainMatcher } from './fake-backend.js';
import { runOnSim, tempDir } from './helpers.js';
import { cmd, plan } from './plan-builder.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('a value the reader chooses from the previous output', () => {
  it('binds the only choice the previous output offers, so the steps using it are checked', async () => {
    const r = await runOnSim(join(import.meta.dirname, '../../fixtures/run/reader-choice/cluster-name.md'));
    const steps = r.steps.filter((s) => s.kind === 'command');
    expect(steps.map((s) => [s.line, s.status])).toEqual([
      [5, 'pass'],
      [8, 'pass'],
      [11, 'pass'],
    ]);
    expect(steps[1]!.ran).toBe('export CLUSTER_NAME=kubedoctest-sim');
    expect(steps[1]!.rewrites.at(-1)!.reason).toMatch(
      /^the page asks the reader to choose CLUSTER_NAME .* from the output of line 5, which offers one: kubedoctest-sim$/,
    );
  });

  it('skips the assignment, naming why, when the output offers several', async () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const backend = new FakeBackend(join(t.dir, 'fake'), []);
    const choose = {
      ...cmd(6, 'export CLUSTER_NAME="some_server_name"'),
      readerChoice: { cue: 'Select name of cluster from above output:', name: 'CLUSTER_NAME' },
    };
    const r = await runPlan(plan([cmd(3, "printf 'Cluster name\\tServer\\na\\thttps://a\\nb\\thttps://b\\n'"), choose]), backend, {
      matcher: plainMatcher,
      tmpDir: t.dir,
      gatherFacts: false,
      handleSignals: false,
    });
    expect(r.steps[1]).toMatchObject({ status: 'skipped' });
    expect(r.steps[1]!.skipReason).toMatch(/from the output of line 3, which offers 2 choices; which one is the reader's$/);
  });

  it.each([
    ['# Select name of cluster you want to interact with from above output:', true],
    ['Choose one of the contexts from the previous output', true],
    ['# Replace with the name from the output above', true],
    ['# Point to the API server referring the cluster name', false],
    ['Select the Deployment you created earlier', false],
  ])('reads %j as a choice cue: %s', (text, yes) => {
    expect(choiceCue([text]) !== undefined).toBe(yes);
  });

  it('takes only a literal assignment as a stand-in', () => {
    expect(literalAssignment('export CLUSTER_NAME="some_server_name"')).toEqual({ name: 'CLUSTER_NAME', value: 'some_server_name' });
    expect(literalAssignment('APISERVER=$(kubectl config view --minify)')).toBeUndefined();
    expect(literalAssignment('export A="$B"')).toBeUndefined();
  });

  it('finds the column the variable names', () => {
    expect(onlyChoice('Cluster name\tServer\nprod\thttps://1.2.3.4\n', 'CLUSTER_NAME')).toEqual({ value: 'prod' });
    expect(onlyChoice('NAME   SERVER\nprod   https://1.2.3.4\n', 'SERVER')).toEqual({ value: 'https://1.2.3.4' });
    expect(onlyChoice('NAME\n', 'NAME')).toEqual({ rows: 0 });
  });
});
