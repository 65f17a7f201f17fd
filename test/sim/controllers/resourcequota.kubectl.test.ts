import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimFixture, startFixture } from '../server/helpers.js';
import { until } from './until.js';

let fx: SimFixture;
const kubectl = async (...args: string[]) => {
  const r = await fx.kubectl(args);
  return { out: r.stdout, err: r.stderr, code: r.exitCode };
};
const apply = async (manifest: unknown) => (await fx.kubectl(['apply', '-f', '-'], { input: JSON.stringify(manifest) })).stdout;
const container = (name: string) => ({
  name,
  image: 'nginx',
  resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
});
const pod = (name: string, spec: Record<string, unknown>, namespace = 'quota-test') => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec });
const quota = (name: string, spec: Record<string, unknown>, namespace = 'quota-test') => ({
  apiVersion: 'v1',
  kind: 'ResourceQuota',
  metadata: { name, namespace },
  spec,
});
const used = (name: string, namespace = 'quota-test') => kubectl('get', 'quota', name, '-n', namespace, '-o', 'jsonpath={.status.used}');

describe('ResourceQuota status behind real kubectl', () => {
  beforeAll(async () => {
    fx = await startFixture({ controllers: true, speed: 4 });
    await kubectl('create', 'namespace', 'quota-test');
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it("fills status.hard and status.used from the namespace's objects, and describe prints them", async () => {
    await apply(pod('one', { containers: [container('a')] }));
    await apply(pod('two', { containers: [container('a'), container('b')] }));
    await apply(
      quota('compute', {
        hard: {
          pods: '4',
          'requests.cpu': '1',
          'requests.memory': '1Gi',
          'limits.cpu': '2',
          'limits.memory': '2Gi',
          configmaps: '10',
          services: '5',
          'count/deployments.apps': '2',
        },
      }),
    );
    const status = await until(
      () => used('compute'),
      (r) => r.out.includes('pods'),
    );
    expect(JSON.parse(status.out)).toEqual({
      // The namespace's kube-root-ca.crt is a ConfigMap like any other.
      configmaps: '1',
      'count/deployments.apps': '0',
      'limits.cpu': '1500m',
      'limits.memory': '1536Mi',
      pods: '2',
      'requests.cpu': '750m',
      'requests.memory': '768Mi',
      services: '0',
    });
    const described = (await kubectl('describe', 'quota', 'compute', '-n', 'quota-test')).out;
    expect(described).toMatch(/^Resource\s+Used\s+Hard$/m);
    expect(described).toMatch(/^limits\.memory\s+1536Mi\s+2Gi$/m);
    expect(described).toMatch(/^requests\.cpu\s+750m\s+1$/m);
    expect(described).toMatch(/^pods\s+2\s+4$/m);
  });

  it('follows the objects as they come and go', async () => {
    await apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'quota-test' }, data: { a: 'b' } });
    await kubectl('delete', 'pod', 'two', '-n', 'quota-test', '--grace-period=0', '--force');
    const status = await until(
      () => used('compute'),
      (r) => r.out.includes('"pods":"1"') && r.out.includes('"configmaps":"2"'),
    );
    expect(JSON.parse(status.out)).toMatchObject({ pods: '1', configmaps: '2', 'requests.cpu': '250m', 'limits.memory': '512Mi' });
  });

  it('counts only the pods in its scopes: BestEffort, and a PriorityClass selector', async () => {
    // A namespace of its own: the compute quota above would refuse the BestEffort pod.
    await kubectl('create', 'namespace', 'quota-scopes');
    await apply({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 });
    await apply(pod('plain', { containers: [{ name: 'a', image: 'nginx' }] }, 'quota-scopes'));
    await apply(pod('urgent', { priorityClassName: 'high', containers: [container('a')] }, 'quota-scopes'));
    await apply(quota('best-effort', { hard: { pods: '5' }, scopes: ['BestEffort'] }, 'quota-scopes'));
    await apply(
      quota(
        'pods-high',
        {
          hard: { pods: '10', cpu: '1000' },
          scopeSelector: { matchExpressions: [{ operator: 'In', scopeName: 'PriorityClass', values: ['high'] }] },
        },
        'quota-scopes',
      ),
    );
    const bestEffort = await until(
      () => used('best-effort', 'quota-scopes'),
      (r) => r.out.includes('pods'),
    );
    expect(JSON.parse(bestEffort.out)).toEqual({ pods: '1' });
    const high = await until(
      () => used('pods-high', 'quota-scopes'),
      (r) => r.out.includes('pods'),
    );
    expect(JSON.parse(high.out)).toEqual({ pods: '1', cpu: '250m' });
  });
});
