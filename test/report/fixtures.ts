import type { LessonResult, StepResult } from '../../src/run/types.js';

/** A step result with defaults, for report tests. */
export function step(over: Partial<StepResult>): StepResult {
  return {
    stepId: 's1',
    line: 10,
    kind: 'command',
    command: 'kubectl get pods',
    status: 'pass',
    attempts: 1,
    exitCode: 0,
    expected: null,
    actual: '',
    differences: [],
    bindings: [],
    rewrites: [],
    durationMs: 120,
    ...over,
  };
}

/** A lesson with one passing, one failing (env-var case) and one skipped step. */
export function sampleLesson(): LessonResult {
  return {
    path: 'docs/env & <vars>.md',
    backend: 'sim',
    durationMs: 2500,
    findings: [{ ruleId: 'typographic-dash', severity: 'error', line: 3, column: 20, message: 'en dash "–" where "--" was meant', source: 'kubedoctest' }],
    steps: [
      step({ stepId: 's1', line: 5, command: 'kubectl apply -f run-my-nginx.yaml' }),
      step({
        stepId: 's2',
        line: 20,
        command: 'kubectl exec my-nginx-3800858182-jr4a2 -- printenv | grep SERVICE',
        ran: 'kubectl exec my-nginx-7d9c6f8b4-k2x9p -- printenv | grep SERVICE',
        status: 'fail',
        attempts: 3,
        expected: 'KUBERNETES_SERVICE_HOST=10.0.0.1\nMY_NGINX_SERVICE_HOST=10.0.162.149\n',
        actual: 'KUBERNETES_SERVICE_HOST=10.96.0.1\n',
        diff: '--- doc\n+++ actual\n@@ -1,2 +1,1 @@\n KUBERNETES_SERVICE_HOST=10.0.0.1\n-MY_NGINX_SERVICE_HOST=10.0.162.149\n',
        differences: [{ kind: 'missing-line', message: 'MY_NGINX_SERVICE_HOST=10.0.162.149 is not in the output', line: 23, column: 1 }],
        rewrites: [{ kind: 'binding', from: 'my-nginx-3800858182-jr4a2', to: 'my-nginx-7d9c6f8b4-k2x9p', reason: 'pod name seen at line 12' }],
        hint: { id: 'service-env-before-pods', message: 'pod created before Service my-nginx', fix: 'kubectl rollout restart deployment my-nginx' },
      }),
      step({ stepId: 's3', line: 30, command: 'kubectl edit svc my-nginx', status: 'skipped', skipReason: 'interactive edit with no change described' }),
    ],
  };
}
