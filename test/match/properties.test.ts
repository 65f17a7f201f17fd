import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isTolerated, matchOutput } from '../../src/match/index.js';
import type { MatchMode } from '../../src/plan/types.js';

const kubectlish = fc
  .array(
    fc.constantFrom(
      'NAME                       READY   STATUS    RESTARTS   AGE',
      'my-nginx-cf54cdbf7-vr96x   1/1     Running   0          2m',
      'NAME       TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE',
      'my-nginx   ClusterIP   10.0.162.149   <none>        80/TCP    21s',
      'MY_NGINX_SERVICE_HOST=10.0.162.149',
      'apiVersion: v1',
      'kind: Service',
      '  name: <pod-name>',
      '...',
      '',
      '   ',
      '{',
      '}',
      '- a',
      'Name:   my-nginx',
      'xx.xxx.xxx.xxx',
    ),
    { maxLength: 12 },
  )
  .map((lines) => lines.join('\n'));
const text = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }), kubectlish);
const modes: MatchMode[] = ['exact', 'similar', 'contains', 'lines'];
const commands = fc.option(
  fc.constantFrom(
    'kubectl get all',
    'kubectl get svc -o yaml',
    'printenv',
    'kubectl get svc my-nginx -o yaml | grep nodePort -C 5',
    'kubectl get pods -n kube-system',
  ),
  { nil: undefined },
);

describe('matchOutput properties', () => {
  test('should match any text against itself in every mode but regex', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...modes), commands, (x, mode, command) => {
        const r = matchOutput({ expected: x, actual: x, mode, line: 1, column: 1, ...(command ? { command } : {}) });
        expect(r.differences).toEqual([]);
        expect(r.ok).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  test('should never throw, in any mode', () => {
    fc.assert(
      fc.property(text, text, fc.constantFrom<MatchMode>(...modes, 'regex'), commands, (expected, actual, mode, command) => {
        const r = matchOutput({ expected, actual, mode, line: 3, column: 2, ...(command ? { command } : {}) });
        // Tolerated differences (stale fields, values a distribution sets) are reported on a passing step.
        expect(r.ok).toBe(r.differences.every((d) => isTolerated(d, mode)));
        for (const d of r.differences) expect(d.line).toBeGreaterThanOrEqual(3);
      }),
      { numRuns: 400 },
    );
  });
});
