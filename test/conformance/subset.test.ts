/**
 * A fast subset of the corpus conformance check (`npm run conformance` runs every page): real
 * kubernetes.io pages checked on the simulator, each step's status pinned by the reviewed golden
 * verdicts in fixtures/conformance/golden, where every failed step says why the page is wrong.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error — a plain ES module shared with scripts/conformance.mjs, without type declarations.
import { compare, readGolden, runPages } from '../../scripts/conformance-lib.mjs';

/** Pages that take a few seconds each, from different areas of the docs. */
const SUBSET = [
  'fixtures/corpus/docs/tasks/access-application-cluster/list-all-running-container-images.md',
  'fixtures/corpus/docs/tasks/administer-cluster/manage-resources/cpu-constraint-namespace.md',
  'fixtures/corpus/docs/tasks/configmap-secret/managing-secret-using-kubectl.md',
  'fixtures/corpus/docs/tutorials/kubernetes-basics/deploy-app/deploy-intro.md',
  'fixtures/corpus/docs/tutorials/services/connect-applications-service.md',
];

describe('corpus conformance (fast subset)', () => {
  it('gives every step of the subset its golden verdict, and every golden failure a reason', { timeout: 240_000 }, async () => {
    const { seen } = await runPages(SUBSET, { jobs: 2 });
    expect(Object.keys(seen).sort()).toEqual([...SUBSET].sort());
    const { problems } = compare(seen, readGolden(SUBSET));
    expect(problems).toEqual([]);
    // The subset is not trivially green: the golden verdicts include real page defects.
    const failed = Object.values(seen).flatMap((v: any) => v.steps.filter((s: any) => s.status === 'fail'));
    expect(failed.length).toBeGreaterThan(0);
  });
});
