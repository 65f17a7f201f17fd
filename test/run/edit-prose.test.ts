/** A `kubectl edit` whose change the prose states plainly is made by the runner's editor. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editFromProse } from '../../src/plan/data/edit-prose.js';
import { runOnSim } from './helpers.js';

const fixtures = join(import.meta.dirname, '../../fixtures/run/edit-prose');
const statuses = (r: Awaited<ReturnType<typeof runOnSim>>) => r.steps.filter((s) => s.kind === 'command').map((s) => [s.line, s.status]);

describe('an edit the prose describes', () => {
  it('makes the change the prose states, and the steps after it are checked', async () => {
    const r = await runOnSim(join(fixtures, 'replicas.md'));
    expect(statuses(r)).toEqual([
      [4, 'pass'],
      [10, 'pass'],
      [29, 'pass'],
    ]);
    expect(r.steps[1]!.rewrites.at(-1)!.reason).toBe(
      'kubectl edit opens an editor; the change comes from the prose at line 24 ("Change the number of replicas to 3, and then save the file.")',
    );
  });

  it('leaves an edit the prose does not state plainly skipped', async () => {
    const r = await runOnSim(join(fixtures, 'vague.md'));
    expect(statuses(r)).toEqual([
      [4, 'pass'],
      [10, 'skipped'],
      [29, 'skipped'],
    ]);
  });

  it.each([
    ['Change the number of replicas to 4, and then save the manifest.', 'replicas', '4'],
    ['Update the `replicas` field to 5.', 'replicas', '5'],
    ['Set replicas from 3 to 1 and save.', 'replicas', '1'],
    ['Change the container image to `nginx:1.16.1`.', 'image', 'nginx:1.16.1'],
    ['Update the image to registry.k8s.io/busybox:1.36, then save.', 'image', 'registry.k8s.io/busybox:1.36'],
  ])('reads %j as %s = %s', (text, id, value) => {
    expect(editFromProse(text)).toMatchObject({ id, value });
  });

  it.each([
    'The line you need to change is the `replicas` field.',
    'The StatefulSet now scales to run with 4 Pods.',
    'Change whatever you like, and then save the file.',
    'The image is pulled again when you change it.',
  ])('takes no change from %j', (text) => {
    expect(editFromProse(text)).toBeUndefined();
  });
});
