import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/index.js';
import { buildPlan } from '../../src/plan/index.js';
import type { LessonResult } from '../../src/run/types.js';
import { mergeOutput, updateDoc, updatePatch } from '../../src/update/update.js';

describe('mergeOutput', () => {
  it('keeps doc lines that differ only in volatile values, takes the rest from the actual output', () => {
    const doc = 'KUBERNETES_SERVICE_PORT=443\nMY_NGINX_SERVICE_HOST=10.0.162.149\nKUBERNETES_SERVICE_HOST=10.0.0.1';
    const actual = 'KUBERNETES_SERVICE_PORT=443\nKUBERNETES_SERVICE_HOST=10.96.0.1\n';
    expect(mergeOutput(doc, actual)).toBe('KUBERNETES_SERVICE_PORT=443\nKUBERNETES_SERVICE_HOST=10.0.0.1');
  });

  it('keeps table rows whose only differences are hashes and ages when the header is the same', () => {
    const header = 'NAME                        READY   STATUS    RESTARTS   AGE';
    const doc = `${header}\nmy-nginx-3800858182-jr4a2   1/1     Running   0          13s\nmy-nginx-3800858182-kna2y   1/1     Running   0          13s`;
    const actual = `${header}\nmy-nginx-7d9c6f8b4-k2x9p    1/1     Running   0          2s\nmy-nginx-7d9c6f8b4-zz8t4    0/1     Pending   0          2s`;
    const merged = mergeOutput(doc, actual).split('\n');
    expect(merged[1]).toBe('my-nginx-3800858182-jr4a2   1/1     Running   0          13s');
    // Only the cells that really differ change; the doc's pod name and age stay.
    expect(merged[2]).toBe('my-nginx-3800858182-kna2y   0/1     Pending   0          13s');
  });

  it('merges a table whose header changed cell by cell and realigns it as kubectl does', () => {
    const doc =
      'NAME       TYPE           CLUSTER-IP     EXTERNAL-IP        PORT(S)               AGE\nmy-nginx   LoadBalancer   10.0.162.149     xx.xxx.xxx.xxx     8080:30163/TCP        21s';
    const actual =
      'NAME       TYPE           CLUSTER-IP      EXTERNAL-IP    PORT(S)                        AGE\nmy-nginx   LoadBalancer   10.111.109.41   172.18.255.1   8080:32525/TCP,443:31519/TCP   34s';
    expect(mergeOutput(doc, actual)).toBe(
      'NAME       TYPE           CLUSTER-IP     EXTERNAL-IP      PORT(S)                        AGE\nmy-nginx   LoadBalancer   10.0.162.149   xx.xxx.xxx.xxx   8080:32525/TCP,443:31519/TCP   21s',
    );
    expect(mergeOutput('NAME    AGE\nx       1d', 'NAME   READY   AGE\nx      1/1     5s')).toBe('NAME   READY   AGE\nx      1/1     1d');
  });

  it("keeps blank lines blank and gives new fields the doc's value column", () => {
    const doc = 'Server:    10.0.0.10\nAddress 1: 10.0.0.10\n\nName:      my-nginx';
    const actual = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tmy-nginx.default.svc.cluster.local\n';
    expect(mergeOutput(doc, actual)).toBe('Server:    10.0.0.10\nAddress:   10.96.0.10:53\n\nName:      my-nginx.default.svc.cluster.local');
    const describe = 'Name:                my-nginx\nLabels:              run=my-nginx\nEvents:              <none>';
    const now = 'Name:                     my-nginx\nLabels:                   <none>\nInternal Traffic Policy:  Cluster\nEvents:                   <none>';
    expect(mergeOutput(describe, now)).toBe(
      'Name:                my-nginx\nLabels:              <none>\nInternal Traffic Policy:  Cluster\nEvents:              <none>',
    );
  });
});

describe('updateDoc', () => {
  const source = [
    '# Lesson',
    '',
    '1. Check the variables:',
    '',
    '   ```shell',
    '   kubectl exec deploy/my-nginx -- printenv | grep SERVICE',
    '   ```',
    '',
    '   ```',
    '   KUBERNETES_SERVICE_HOST=10.0.0.1',
    '   MY_NGINX_SERVICE_HOST=10.0.162.149',
    '   ```',
    '',
    'Unrelated  text   kept  as is.  ',
    '',
  ].join('\n');
  const plan = buildPlan(parseMarkdown(source, { path: 'l.md' }));
  const step = plan.steps.find((s) => s.kind === 'command')!;
  const lesson: LessonResult = {
    path: 'l.md',
    backend: 'sim',
    durationMs: 1,
    findings: [],
    steps: [
      {
        stepId: step.id,
        line: step.line,
        kind: 'command',
        status: 'fail',
        attempts: 1,
        exitCode: 0,
        expected: null,
        actual: 'KUBERNETES_SERVICE_HOST=10.96.0.1\n',
        differences: [],
        bindings: [],
        rewrites: [],
        durationMs: 1,
      },
    ],
  };

  it('replaces only the expected block, keeping list indentation and every other byte', () => {
    const { text, changes } = updateDoc(source, plan, lesson);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.line).toBe(10);
    const want = source.replace('   KUBERNETES_SERVICE_HOST=10.0.0.1\n   MY_NGINX_SERVICE_HOST=10.0.162.149\n', '   KUBERNETES_SERVICE_HOST=10.0.0.1\n');
    expect(text).toBe(want);
  });

  it('leaves the doc alone when every step passed', () => {
    const passed = { ...lesson, steps: lesson.steps.map((s) => ({ ...s, status: 'pass' as const })) };
    expect(updateDoc(source, plan, passed).text).toBe(source);
  });

  it('prints a unified patch for --dry-run', () => {
    const { text } = updateDoc(source, plan, lesson);
    const patch = updatePatch('l.md', source, text);
    expect(patch).toContain('-   MY_NGINX_SERVICE_HOST=10.0.162.149');
    expect(patch).toContain('--- l.md');
  });
});
