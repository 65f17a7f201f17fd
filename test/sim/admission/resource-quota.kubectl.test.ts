import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimFixture, startFixture } from '../server/helpers.js';
import { until } from '../controllers/until.js';

let fx: SimFixture;
const kubectl = async (...args: string[]) => {
  const r = await fx.kubectl(args);
  return { out: r.stdout, err: r.stderr, code: r.exitCode };
};
const create = async (...manifests: unknown[]) => {
  const input = manifests.length === 1 ? manifests[0] : { apiVersion: 'v1', kind: 'List', items: manifests };
  const r = await fx.kubectl(['create', '-f', '-'], { input: JSON.stringify(input) });
  return { out: r.stdout, err: r.stderr, code: r.exitCode };
};
const quota = (namespace: string, name: string, hard: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'ResourceQuota',
  metadata: { name, namespace },
  spec: { hard },
});
const resources = (requests: Record<string, string>, limits: Record<string, string>) => ({ requests, limits });
const pod = (namespace: string, name: string, containers: Record<string, unknown>[]) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace },
  spec: { containers: containers.map((c) => ({ image: 'nginx', ...c })) },
});
const refusal = (message: string) => `Error from server (Forbidden): error when creating "STDIN": ${message}`;

describe('ResourceQuota admission behind real kubectl', () => {
  beforeAll(async () => {
    fx = await startFixture({ controllers: true, speed: 4 });
    for (const ns of ['mem-cpu', 'counts', 'workload', 'jobs', 'sets']) await kubectl('create', 'namespace', ns);
    await create(quota('mem-cpu', 'mem-cpu-demo', { 'requests.cpu': '1', 'requests.memory': '1Gi', 'limits.cpu': '2', 'limits.memory': '2Gi' }));
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it('refuses a pod that would take requests.memory over the quota, naming requested, used and limited', async () => {
    const first = await create(
      pod('mem-cpu', 'quota-mem-cpu-demo', [{ name: 'ctr', resources: resources({ memory: '600Mi', cpu: '400m' }, { memory: '800Mi', cpu: '800m' }) }]),
    );
    expect(first.out).toBe('pod/quota-mem-cpu-demo created');
    const second = await create(
      pod('mem-cpu', 'quota-mem-cpu-demo-2', [{ name: 'ctr', resources: resources({ memory: '700Mi', cpu: '400m' }, { memory: '1Gi', cpu: '800m' }) }]),
    );
    expect(second.code).toBe(1);
    expect(second.err).toBe(
      refusal(
        'pods "quota-mem-cpu-demo-2" is forbidden: exceeded quota: mem-cpu-demo, requested: requests.memory=700Mi, used: requests.memory=600Mi, limited: requests.memory=1Gi',
      ),
    );
    expect((await kubectl('get', 'pod', 'quota-mem-cpu-demo-2', '-n', 'mem-cpu')).code).toBe(1);
  });

  it('names every resource a pod goes over, sorted', async () => {
    const r = await create(pod('mem-cpu', 'greedy', [{ name: 'ctr', resources: resources({ memory: '1Gi', cpu: '1' }, { memory: '1Gi', cpu: '1' }) }]));
    expect(r.err).toBe(
      refusal(
        'pods "greedy" is forbidden: exceeded quota: mem-cpu-demo, requested: requests.cpu=1,requests.memory=1Gi, used: requests.cpu=400m,requests.memory=600Mi, limited: requests.cpu=1,requests.memory=1Gi',
      ),
    );
  });

  it('refuses a pod whose containers do not state what the quota tracks, per resource and container', async () => {
    const r = await create(
      pod('mem-cpu', 'no-resources', [
        { name: 'web', resources: resources({ cpu: '100m' }, {}) },
        { name: 'sidecar' },
        { name: 'app', resources: resources({ cpu: '100m', memory: '64Mi' }, { cpu: '100m', memory: '64Mi' }) },
      ]),
    );
    expect(r.err).toBe(
      refusal(
        'pods "no-resources" is forbidden: failed quota: mem-cpu-demo: must specify limits.cpu for: sidecar,web; limits.memory for: sidecar,web; requests.cpu for: sidecar; requests.memory for: sidecar,web',
      ),
    );
  });

  it('counts a create at once: the second of two pods in one request sees the first', async () => {
    await create(quota('counts', 'pod-demo', { pods: '1' }));
    const r = await create(pod('counts', 'a', [{ name: 'app' }]), pod('counts', 'b', [{ name: 'app' }]));
    expect(r.out).toBe('pod/a created');
    expect(r.err).toBe(refusal('pods "b" is forbidden: exceeded quota: pod-demo, requested: pods=1, used: pods=1, limited: pods=1'));
  });

  it('counts objects: legacy names, count/<resource>.<group>, NodePorts and claimed storage', async () => {
    await create(
      quota('counts', 'object-counts', {
        // The namespace's kube-root-ca.crt is one of them.
        configmaps: '2',
        'count/deployments.apps': '1',
        'services.nodeports': '0',
        'requests.storage': '1Gi',
      }),
    );
    const configMap = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'counts' } });
    expect((await create(configMap('one'))).out).toBe('configmap/one created');
    expect((await create(configMap('two'))).err).toBe(
      refusal('configmaps "two" is forbidden: exceeded quota: object-counts, requested: configmaps=1, used: configmaps=2, limited: configmaps=2'),
    );

    const deployment = (name: string) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: 'counts' },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: name } },
        template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: 'nginx' }] } },
      },
    });
    expect((await create(deployment('first'))).out).toBe('deployment.apps/first created');
    expect((await create(deployment('second'))).err).toBe(
      refusal(
        'deployments.apps "second" is forbidden: exceeded quota: object-counts, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1',
      ),
    );

    const service = (name: string, type: string) => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace: 'counts' },
      spec: { type, selector: { app: name }, ports: [{ port: 80 }] },
    });
    expect((await create(service('internal', 'ClusterIP'))).out).toBe('service/internal created');
    expect((await create(service('exposed', 'NodePort'))).err).toBe(
      refusal(
        'services "exposed" is forbidden: exceeded quota: object-counts, requested: services.nodeports=1, used: services.nodeports=0, limited: services.nodeports=0',
      ),
    );

    const claim = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'big', namespace: 'counts' } };
    const big = await create({ ...claim, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } } } });
    expect(big.err).toBe(
      refusal(
        'persistentvolumeclaims "big" is forbidden: exceeded quota: object-counts, requested: requests.storage=2Gi, used: requests.storage=0, limited: requests.storage=1Gi',
      ),
    );
  });

  it("shows a Deployment's refused pods as FailedCreate events and ReplicaFailure, until the quota allows them", async () => {
    await create(quota('workload', 'two-pods', { pods: '2' }));
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'workload' },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } },
      },
    };
    expect((await create(deployment)).out).toBe('deployment.apps/web created');
    const condition = (kind: string) =>
      kubectl(
        'get',
        kind,
        '-n',
        'workload',
        '-o',
        'jsonpath={range .items[*].status.conditions[?(@.type=="ReplicaFailure")]}{.status} {.reason}: {.message}{end}',
      );
    const refused =
      /^True FailedCreate: pods "web-[a-z0-9]{8,10}-[a-z0-9]{5}" is forbidden: exceeded quota: two-pods, requested: pods=1, used: pods=2, limited: pods=2$/;
    expect(
      (
        await until(
          () => condition('replicaset'),
          (r) => r.out !== '',
        )
      ).out,
    ).toMatch(refused);
    expect(
      (
        await until(
          () => condition('deployment'),
          (r) => r.out !== '',
        )
      ).out,
    ).toMatch(refused);
    const events = await kubectl(
      'get',
      'events',
      '-n',
      'workload',
      '--field-selector',
      'reason=FailedCreate',
      '-o',
      'jsonpath={.items[0].source.component} {.items[0].message}',
    );
    expect(events.out).toMatch(/^replicaset-controller Error creating: pods "web-[a-z0-9]+-[a-z0-9]{5}" is forbidden: exceeded quota: two-pods/);
    expect((await kubectl('get', 'pods', '-n', 'workload', '-o', 'name')).out.split('\n')).toHaveLength(2);

    await kubectl('patch', 'quota', 'two-pods', '-n', 'workload', '-p', '{"spec":{"hard":{"pods":"3"}}}');
    const pods = await until(
      () => kubectl('get', 'pods', '-n', 'workload', '-o', 'name'),
      (r) => r.out.split('\n').length === 3,
      60,
    );
    expect(pods.out.split('\n')).toHaveLength(3);
    expect(
      (
        await until(
          () => condition('deployment'),
          (r) => r.out === '',
        )
      ).out,
    ).toBe('');
    expect((await condition('replicaset')).out).toBe('');
  });

  it("shows a Job's refused pods as FailedCreate events", async () => {
    await create(quota('jobs', 'one-pod', { pods: '1' }));
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'work', namespace: 'jobs' },
      spec: {
        parallelism: 2,
        completions: 2,
        template: { spec: { restartPolicy: 'Never', containers: [{ name: 'work', image: 'busybox', command: ['sleep', '3600'] }] } },
      },
    };
    expect((await create(job)).out).toBe('job.batch/work created');
    const events = await until(
      () =>
        kubectl('get', 'events', '-n', 'jobs', '--field-selector', 'reason=FailedCreate', '-o', 'jsonpath={.items[0].source.component} {.items[0].message}'),
      (r) => r.out !== '',
    );
    expect(events.out).toMatch(
      /^job-controller Error creating: pods "work-[a-z0-9]{5}" is forbidden: exceeded quota: one-pod, requested: pods=1, used: pods=1, limited: pods=1$/,
    );
    expect((await kubectl('get', 'pods', '-n', 'jobs', '-o', 'name')).out.split('\n')).toHaveLength(1);
  });

  it("shows a StatefulSet's refused claim and pod as FailedCreate events", async () => {
    await create(quota('sets', 'one-claim', { persistentvolumeclaims: '1' }));
    const set = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web', namespace: 'sets' },
      spec: {
        replicas: 2,
        podManagementPolicy: 'Parallel',
        serviceName: 'web',
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } },
        volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      },
    };
    expect((await create(set)).out).toBe('statefulset.apps/web created');
    const failed = await until(
      () => kubectl('get', 'events', '-n', 'sets', '--field-selector', 'reason=FailedCreate', '-o', 'jsonpath={range .items[*]}{.message}{"\\n"}{end}'),
      (r) => r.out.split('\n').length >= 2,
    );
    const refusal =
      'persistentvolumeclaims "www-web-1" is forbidden: exceeded quota: one-claim, requested: persistentvolumeclaims=1, used: persistentvolumeclaims=1, limited: persistentvolumeclaims=1';
    expect(failed.out.split('\n').slice(0, 2)).toEqual([
      `create Claim www-web-1 for Pod web-1 in StatefulSet web failed error: ${refusal}`,
      `create Pod web-1 in StatefulSet web failed error: failed to create PVC www-web-1: ${refusal}`,
    ]);
    expect((await kubectl('get', 'pods', '-n', 'sets', '-o', 'name')).out).toBe('pod/web-0');
  });
});
