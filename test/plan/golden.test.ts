import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/index.js';
import { buildPlan } from '../../src/plan/index.js';

/** Corpus pages and the seed, each with the golden plan it must produce. */
const PAGES: Array<[name: string, path: string]> = [
  ['connect-applications-service', 'fixtures/corpus/docs/tutorials/services/connect-applications-service.md'],
  ['connect-applications-service.2023', 'fixtures/corpus/docs/tutorials/services/connect-applications-service.2023.md'],
  ['deploy-intro', 'fixtures/corpus/docs/tutorials/kubernetes-basics/deploy-app/deploy-intro.md'],
  ['explore-intro', 'fixtures/corpus/docs/tutorials/kubernetes-basics/explore/explore-intro.md'],
  ['expose-intro', 'fixtures/corpus/docs/tutorials/kubernetes-basics/expose/expose-intro.md'],
  ['scale-intro', 'fixtures/corpus/docs/tutorials/kubernetes-basics/scale/scale-intro.md'],
  ['update-intro', 'fixtures/corpus/docs/tutorials/kubernetes-basics/update/update-intro.md'],
  ['define-environment-variable-container', 'fixtures/corpus/docs/tasks/inject-data-application/define-environment-variable-container.md'],
  ['distribute-credentials-secure', 'fixtures/corpus/docs/tasks/inject-data-application/distribute-credentials-secure.md'],
  ['parallel-processing-expansion', 'fixtures/corpus/docs/tasks/job/parallel-processing-expansion.md'],
  ['configure-pod-configmap', 'fixtures/corpus/docs/tasks/configure-pod-container/configure-pod-configmap.md'],
  ['https-nginx-readme', 'fixtures/corpus/k8s-examples/https-nginx/README.md'],
  ['connecting-applications-seed', 'fixtures/seed/connecting-applications-seed.md'],
  ['connecting-applications-seed.fenced', 'fixtures/seed/connecting-applications-seed.fenced.md'],
];

describe('golden plans', () => {
  it.each(PAGES)('should plan %s as recorded', async (name, path) => {
    const plan = buildPlan(parseMarkdown(readFileSync(path, 'utf8'), { path, examplesDir: 'fixtures/corpus/examples' }));
    await expect(JSON.stringify(plan, null, 2) + '\n').toMatchFileSnapshot(`./__golden__/${name}.plan.json`);
  });
});
