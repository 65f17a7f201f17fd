import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchOutput } from '../../src/match/index.js';
import { pageObjects } from '../../src/run/absent.js';
import { setupRows } from '../../src/run/setup-rows.js';
import { cmd, manifest } from './plan-builder.js';
import { runOnSim } from './helpers.js';

const fixture = (name: string): string => join(import.meta.dirname, '../../fixtures/run/setup-rows', name);

const ACTUAL = 'NAME                 PROVISIONER             AGE\nstandard (default)   rancher.io/local-path   62s\n';
const differences = (doc: string) =>
  matchOutput({ expected: doc, actual: ACTUAL, mode: 'similar', line: 10, column: 0, command: 'kubectl get storageclass' }).differences;
const CLASS = 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: copper\nprovisioner: rancher.io/local-path\n';

describe('setupRows', () => {
  const doc =
    'NAME                 PROVISIONER             AGE\nstandard (default)   rancher.io/local-path   1d\nsilver               rancher.io/local-path   1d\n';

  it('should read a missing row naming an object the page never creates as the author’s cluster', () => {
    const d = differences(doc);
    const rows = setupRows('kubectl get storageclass', d, pageObjects([cmd(1, 'kubectl get storageclass')], [], new Map()));
    expect(rows?.reason).toMatch(/^the doc lists the author's cluster: storageclass\/silver is made by a setup this page does not include/);
    expect(d.filter((x) => rows?.explains(x)).map((x) => x.message)).toEqual(['row silver: missing in actual output']);
  });

  it('should leave a row of an object the page creates, or a typo of one, to fail', () => {
    const page = pageObjects([cmd(5, 'kubectl apply -f silver.yaml')], [manifest(1, 'silver.yaml', CLASS.replace('copper', 'silver'))], new Map());
    expect(setupRows('kubectl get storageclass', differences(doc), page)).toBeUndefined();
    const typo = pageObjects([cmd(5, 'kubectl apply -f silver.yaml')], [manifest(1, 'silver.yaml', CLASS.replace('copper', 'silvr'))], new Map());
    expect(setupRows('kubectl get storageclass', differences(doc), typo)).toBeUndefined();
  });

  it('should conclude nothing for a command that names one object, or a system namespace, or a page creating objects unread', () => {
    const page = pageObjects([cmd(1, 'kubectl get storageclass')], [], new Map());
    expect(setupRows('kubectl get storageclass silver', differences(doc), page)).toBeUndefined();
    expect(setupRows('kubectl get pods -n kube-system', differences(doc), page)).toBeUndefined();
    const opaque = pageObjects([cmd(1, 'helm install x ./chart')], [], new Map());
    expect(setupRows('kubectl get storageclass', differences(doc), opaque)).toBeUndefined();
  });
});

describe('a listing of the author’s cluster on the simulator', () => {
  it('should leave unchecked a listing whose only missing row is an object a setup outside the page makes', async () => {
    const r = await runOnSim(fixture('listing.md'), { settleMs: 1000 });
    const step = r.steps.find((s) => s.line === 6)!;
    expect(step.status).toBe('unchecked');
    expect(step.uncheckedReason).toMatch(/storageclass\/silver is made by a setup/);
  });

  it('should still fail a listing on a row of the page’s own object it misspells, noting the setup row beside it', async () => {
    const r = await runOnSim(fixture('own-class.md'), { settleMs: 1000 });
    const step = r.steps.find((s) => s.command === 'kubectl get storageclass')!;
    expect(step.status).toBe('fail');
    expect(step.differences.filter((d) => !d.stale && !d.environment).map((d) => d.message)).toEqual(['row coppr: missing in actual output']);
    expect(step.excused?.map((d) => d.message)).toEqual(['row gold: missing in actual output']);
  });
});
