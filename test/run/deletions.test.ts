/**
 * A failure caused by the page's own deletion names it: the object, the line and the command that
 * removed it; an object made again since is not explained so. The sim run reads a fixture page.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deletedEarlier, deletionsOf } from '../../src/run/deletions.js';
import type { EarlierStep } from '../../src/run/hints/types.js';
import type { CommandStep } from '../../src/plan/types.js';
import { cmd, manifest } from './plan-builder.js';
import { runOnSim } from './helpers.js';

const APP = `apiVersion: v1
kind: Service
metadata:
  name: web-svc
spec:
  ports: [{port: 80}]
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
`;
const app = manifest(2, 'app.yaml', APP);
const ran = (step: CommandStep, status: EarlierStep['status'] = 'pass', exitCode = 0): EarlierStep => ({ step, ran: step.command, status, exitCode });
const withRefs = (step: CommandStep): CommandStep => ({ ...step, references: [app.id] });
const notFound = (resource: string, name: string): string => `Error from server (NotFound): ${resource} "${name}" not found\n`;

describe('deletionsOf', () => {
  it.each([
    ['kubectl delete deployment web', [{ kind: 'deployment', name: 'web' }]],
    [
      'kubectl delete deployments/web svc/web-svc',
      [
        { kind: 'deployment', name: 'web' },
        { kind: 'service', name: 'web-svc' },
      ],
    ],
    [
      'kubectl delete deploy,svc -l app=web',
      [
        { kind: 'deployment', selector: 'app=web' },
        { kind: 'service', selector: 'app=web' },
      ],
    ],
    ['kubectl delete ns scratch', [{ kind: 'namespace', name: 'scratch' }]],
    ['kubectl delete pod web-x2x5q -n shop', [{ kind: 'pod', name: 'web-x2x5q', namespace: 'shop' }]],
    ['kubectl scale deployment/web --replicas=0', [{ kind: 'deployment', name: 'web', scaled: true }]],
    ['kubectl scale deployment/web --replicas=2', []],
    ['kubectl get deployment web', []],
    // A type without names or a selector deletes nothing (kubectl refuses it).
    ['kubectl delete deployment', []],
  ])('should read %s', (command, deletions) => {
    const step = cmd(1, command);
    expect(deletionsOf(step, command, [])).toEqual(deletions);
  });

  it('should read the objects of the manifests a delete -f reads', () => {
    const step = withRefs(cmd(9, 'kubectl delete -f app.yaml'));
    expect(deletionsOf(step, step.command, [app])).toEqual([
      { kind: 'service', name: 'web-svc' },
      { kind: 'deployment', name: 'web' },
    ]);
  });
});

describe('deletedEarlier', () => {
  const apply = withRefs(cmd(5, 'kubectl apply -f app.yaml'));
  const del = withRefs(cmd(9, 'kubectl delete -f app.yaml'));

  it('should name the object, the line and the command that deleted it', () => {
    const cause = deletedEarlier('kubectl get deployment web', notFound('deployments.apps', 'web'), [ran(apply), ran(del)], [app]);
    expect(cause?.message).toBe('deployment "web" was deleted at line 9 (kubectl delete -f app.yaml)');
    expect(cause?.line).toBe(9);
  });

  it("should explain an empty listing and a pod by its workload's deletion or scale to 0", () => {
    const byName = cmd(9, 'kubectl delete deployment web');
    expect(deletedEarlier('kubectl get pods -l app=web', 'No resources found in default namespace.\n', [ran(apply), ran(byName)], [app])?.message).toBe(
      'deployment "web" was deleted at line 9 (kubectl delete deployment web), and its pods with it',
    );
    const scaled = cmd(11, 'kubectl scale deployment/web --replicas=0');
    expect(deletedEarlier('kubectl logs web-7768647bf9-b4b9s', notFound('pods', 'web-7768647bf9-b4b9s'), [ran(apply), ran(scaled)], [app])?.message).toBe(
      'deployment "web" was scaled to 0 replicas at line 11 (kubectl scale deployment/web --replicas=0)',
    );
    expect(deletedEarlier('kubectl get deployments', 'No resources found in default namespace.\n', [ran(apply), ran(byName)], [app])?.line).toBe(9);
  });

  it('should explain what was in a deleted namespace', () => {
    const ns = cmd(3, 'kubectl delete namespace scratch');
    expect(deletedEarlier('kubectl get cm settings -n scratch', notFound('configmaps', 'settings'), [ran(ns)], [])?.message).toBe(
      'namespace "scratch" was deleted at line 3 (kubectl delete namespace scratch), with everything in it',
    );
    // Another namespace's object is not explained by it.
    expect(deletedEarlier('kubectl get cm settings -n other', notFound('configmaps', 'settings'), [ran(ns)], [])).toBeUndefined();
  });

  it('should not blame a deletion undone since, one that did not run, or another object', () => {
    const again = withRefs(cmd(12, 'kubectl apply -f app.yaml'));
    expect(deletedEarlier('kubectl get deployment web', notFound('deployments.apps', 'web'), [ran(apply), ran(del), ran(again)], [app])).toBeUndefined();
    const scaledUp = cmd(13, 'kubectl scale deployment web --replicas=3');
    const scaled = cmd(11, 'kubectl scale deployment/web --replicas=0');
    expect(
      deletedEarlier('kubectl logs web-7768647bf9-b4b9s', notFound('pods', 'web-7768647bf9-b4b9s'), [ran(apply), ran(scaled), ran(scaledUp)], [app]),
    ).toBeUndefined();
    expect(deletedEarlier('kubectl get deployment web', notFound('deployments.apps', 'web'), [ran(apply), ran(del, 'skipped')], [app])).toBeUndefined();
    expect(deletedEarlier('kubectl get deployment web', notFound('deployments.apps', 'web'), [ran(apply), ran(del, 'fail', 1)], [app])).toBeUndefined();
    expect(deletedEarlier('kubectl get deployment shop', notFound('deployments.apps', 'shop'), [ran(apply), ran(del)], [app])).toBeUndefined();
    // The doc shows the absence itself: a failure of that step is about its wording, not the deletion.
    const empty = 'No resources found in default namespace.\n';
    expect(deletedEarlier('kubectl get pods -l app=web', empty, [ran(apply), ran(del)], [app], 'No resources found.')).toBeUndefined();
    expect(deletedEarlier('kubectl get pods -l app=web', empty, [ran(apply), ran(del)], [app], 'NAME   READY')?.line).toBe(9);
    // Objects a selector picked explain an empty listing, not a name they may not have had.
    const bySelector = cmd(9, 'kubectl delete deployment -l app=web');
    expect(deletedEarlier('kubectl get deployment shop', notFound('deployments.apps', 'shop'), [ran(bySelector)], [])).toBeUndefined();
    expect(deletedEarlier('kubectl get deployments', 'No resources found in default namespace.\n', [ran(bySelector)], [])?.message).toBe(
      'the deployments labelled app=web were deleted at line 9 (kubectl delete deployment -l app=web)',
    );
  });
});

const fixture = (name: string): string => join(import.meta.dirname, '../../fixtures/run/deleted-objects', name);

describe('a page that deletes objects, then uses them (real kubectl against the simulator)', () => {
  it('fails those steps, and their cause names the line that deleted the object', async () => {
    const r = await runOnSim(fixture('delete-then-read.md'), { settleMs: 2000 });
    expect(r.error).toBeUndefined();
    const commands = r.steps.filter((s) => s.kind === 'command');
    const at = (line: number) => commands.find((s) => s.line === line)!;
    expect(commands.map((s) => [s.line, s.status])).toEqual([
      [37, 'pass'],
      [48, 'pass'],
      [59, 'fail'],
      [70, 'pass'],
      [71, 'pass'],
      [72, 'pass'],
      [76, 'fail'],
    ]);
    expect(at(59).hint?.message).toBe('deployment "my-nginx" was deleted at line 48 (kubectl delete -f nginx-app.yaml)');
    expect(at(76).hint?.message).toBe('namespace "scratch" was deleted at line 72 (kubectl delete namespace scratch), with everything in it');
    // The finding the reports show carries the cause.
    const findings = r.findings.filter((f) => f.line >= 59 && f.line < 70 && f.severity === 'error').map((f) => f.message);
    expect(findings.filter((m) => m.includes('(deployment "my-nginx" was deleted at line 48 (kubectl delete -f nginx-app.yaml))'))).toHaveLength(1);
  });
});
