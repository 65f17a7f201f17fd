import { describe, expect, it } from 'vitest';
import { lintPlan } from '../../src/lint/index.js';
import { planOf } from './parse-helpers.js';

const GOOD_DOCS = [
  'fixtures/corpus/docs/tutorials/services/connect-applications-service.md',
  'fixtures/corpus/docs/tutorials/services/connect-applications-service.2023.md',
  'fixtures/corpus/docs/tutorials/kubernetes-basics/deploy-app/deploy-intro.md',
  'fixtures/corpus/docs/tutorials/kubernetes-basics/explore/explore-intro.md',
  'fixtures/corpus/docs/tutorials/kubernetes-basics/expose/expose-intro.md',
  'fixtures/corpus/docs/tutorials/kubernetes-basics/scale/scale-intro.md',
  'fixtures/corpus/docs/tutorials/kubernetes-basics/update/update-intro.md',
  'fixtures/corpus/docs/tasks/inject-data-application/define-environment-variable-container.md',
  'fixtures/corpus/docs/tasks/job/parallel-processing-expansion.md',
  'fixtures/corpus/docs/tasks/configure-pod-container/configure-pod-configmap.md',
  'fixtures/corpus/k8s-examples/https-nginx/README.md',
];

describe('real Kubernetes docs', () => {
  it('connect-applications-service.md has no errors; its warnings are the ones a runner must handle and two 1.32 defects', () => {
    const { plan, source } = planOf(GOOD_DOCS[0]!);
    const found = lintPlan(plan, { source });
    expect(found.filter((d) => d.severity === 'error')).toEqual([]);
    expect(found.filter((d) => d.severity === 'warning').map((d) => `${d.line} ${d.ruleId}`)).toEqual([
      '132 expose-labels', // expose copies run-my-nginx.yaml's (absent) labels
      '244 interactive-command', // kubectl run -i --tty
      '256 busybox-nslookup', // busybox 1.28 output for busybox:1.37
      '278 missing-file', // make keys: Makefile from the linked examples repo
      '293 missing-file', // default.conf: from the linked examples repo
      '356 host-specific-path',
      '356 host-specific-path',
      '358 host-specific-path',
      '359 host-specific-path',
      '491 interactive-command', // kubectl edit
    ]);
  });

  it('also lints the file itself when no source is passed (reads plan.path)', () => {
    const { plan } = planOf(GOOD_DOCS[0]!);
    expect(lintPlan(plan).filter((d) => d.severity === 'error')).toEqual([]);
  });

  for (const path of GOOD_DOCS.slice(1)) {
    it(`${path.split('/').pop()} has no errors`, () => {
      const { plan, source } = planOf(path);
      expect(lintPlan(plan, { source }).filter((d) => d.severity === 'error')).toEqual([]);
    });
  }

  it('finds the real defects of distribute-credentials-secure.md (early example revisions)', () => {
    const { plan, source } = planOf('fixtures/corpus/docs/tasks/inject-data-application/distribute-credentials-secure.md');
    const errors = lintPlan(plan, { source }).filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.ruleId}: ${d.message}`)).toEqual([
      'manifest-schema: apiVersion is required for Pod',
      'yaml-syntax: YAML does not parse: tab characters must not be used in indentation (line 15 of the manifest pods/inject/pod-multiple-secret-env-variable.yaml)',
    ]);
  });
});
