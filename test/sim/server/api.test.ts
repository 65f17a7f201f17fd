import { describe, expect, it } from 'vitest';
import { bootstrap } from '../../../src/backends/sim/api/bootstrap.js';
import { createApi } from '../../../src/backends/sim/api/index.js';
import { ManualClock, seededIds } from '../../../src/backends/sim/clock.js';
import { StatusError } from '../../../src/backends/sim/status.js';
import { createStore } from '../../../src/backends/sim/store/index.js';
import type { KObject } from '../../../src/backends/sim/types.js';

function setup() {
  const clock = new ManualClock('2024-01-01T00:00:00Z');
  const api = createApi({
    store: createStore(),
    ctx: {
      clock,
      ids: seededIds(7),
      speed: 1,
      version: { major: '1', minor: '32', gitVersion: 'v1.32.4' },
      nodes: ['kind-control-plane'],
      loadBalancer: false,
    },
  });
  bootstrap(api, 'CA');
  const t = (r: string) => api.resolve(r)!;
  return { api, clock, t };
}
const failure = (fn: () => unknown): StatusError => {
  try {
    fn();
  } catch (error) {
    return error as StatusError;
  }
  throw new Error('expected a StatusError');
};
const cm = (name: string, data: Record<string, string> = {}): KObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data });

describe('createApi', () => {
  it('boots the four namespaces, their defaults and the kubernetes service', () => {
    const { api, t } = setup();
    expect(api.list(t('ns'), undefined).items.map((n) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    expect(api.get(t('sa'), 'kube-system', 'default').metadata.uid).toBeTruthy();
    expect(api.get(t('cm'), 'kube-public', 'kube-root-ca.crt').data).toEqual({ 'ca.crt': 'CA' });
    const svc = api.get(t('svc'), 'default', 'kubernetes');
    expect((svc.spec as { clusterIP: string }).clusterIP).toBe('10.96.0.1');
    expect(api.get(api.resolve('endpointslices', 'discovery.k8s.io')!, 'default', 'kubernetes').ports).toEqual([
      { name: 'https', port: 6443, protocol: 'TCP' },
    ]);
  });

  it('resolves by plural, singular, short name and kind', () => {
    const { api } = setup();
    expect(api.resolve('deploy')?.resource).toBe('deployments');
    expect(api.resolve('Deployment')?.group).toBe('apps');
    expect(api.resolve('pod')?.resource).toBe('pods');
    expect(api.resolve('events')?.group).toBe('');
    expect(api.typeFor('batch/v1', 'CronJob')?.resource).toBe('cronjobs');
  });

  it('refuses writes into missing and terminating namespaces with the real messages', () => {
    const { api, t } = setup();
    const missing = failure(() => api.create(t('cm'), 'nope', cm('a')));
    expect(missing.code).toBe(404);
    expect(missing.message).toBe('namespaces "nope" not found');
    api.create(t('ns'), undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'going' } });
    api.create(t('cm'), 'going', cm('keep'));
    const ns = api.delete(t('ns'), undefined, 'going');
    expect((ns.status as { phase: string }).phase).toBe('Terminating');
    const forbidden = failure(() => api.create(t('cm'), 'going', cm('b')));
    expect(forbidden.code).toBe(403);
    expect(forbidden.message).toBe('configmaps "b" is forbidden: unable to create new content in namespace going because it is being terminated');
  });

  it('updates with optimistic concurrency and leaves unchanged objects alone', () => {
    const { api, t } = setup();
    const a = api.create(t('cm'), 'default', cm('a', { k: 'v' }));
    const same = api.update(t('cm'), 'default', a);
    expect(same.metadata.resourceVersion).toBe(a.metadata.resourceVersion);
    const b = api.update(t('cm'), 'default', { ...a, data: { k: 'w' } });
    expect(b.metadata.resourceVersion).not.toBe(a.metadata.resourceVersion);
    const stale = failure(() => api.update(t('cm'), 'default', { ...a, data: { k: 'x' } }));
    expect(stale.code).toBe(409);
    expect(stale.message).toContain('the object has been modified; please apply your changes to the latest version and try again');
  });

  it('patches with all four patch types, apply creating when absent', () => {
    const { api, t } = setup();
    api.create(t('cm'), 'default', cm('a', { k: 'v' }));
    expect(api.patch(t('cm'), 'default', 'a', 'merge', { data: { k: null, m: '1' } }).data).toEqual({ m: '1' });
    expect(api.patch(t('cm'), 'default', 'a', 'json', [{ op: 'add', path: '/data/n', value: '2' }]).data).toEqual({ m: '1', n: '2' });
    expect(api.patch(t('cm'), 'default', 'a', 'strategic', { metadata: { labels: { x: 'y' } } }).metadata.labels).toEqual({ x: 'y' });
    const applied = api.patch(
      t('cm'),
      'default',
      'b',
      'apply',
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' }, data: { z: '1' } },
      { fieldManager: 'me' },
    );
    expect(applied.data).toEqual({ z: '1' });
    expect((applied.metadata.managedFields as { manager: string }[]).map((m) => m.manager)).toContain('me');
    expect(failure(() => api.patch(t('cm'), 'default', 'zz', 'merge', {})).code).toBe(404);
  });

  it('rejects unknown fields under fieldValidation=Strict', () => {
    const { api, t } = setup();
    const e = failure(() => api.create(t('cm'), 'default', { ...cm('s'), spec: { foo: 1 } }, { fieldValidation: 'Strict' }));
    expect(e.code).toBe(400);
    expect(e.message).toBe('ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "spec"');
    const deploy = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: {
        foo: 1,
        selector: { matchLabels: { a: 'b' } },
        template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i', imagex: 1 }] } },
      },
    };
    const p = failure(() =>
      api.patch(t('cm'), 'default', 'kube-root-ca.crt', 'strategic', { metadata: { $patch: 'merge', labelz: {} } }, { fieldValidation: 'Strict' }),
    );
    expect(p.message).toContain('unknown field "metadata.labelz"');
    expect(
      api.patch(t('cm'), 'default', 'kube-root-ca.crt', 'strategic', { metadata: { labels: { a: 'b' } } }, { fieldValidation: 'Strict' }).metadata.labels,
    ).toEqual({ a: 'b' });
    expect(failure(() => api.create(t('deploy'), 'default', deploy as KObject, { fieldValidation: 'Strict' })).message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo", unknown field "spec.template.spec.containers[0].imagex"',
    );
  });

  it('writes only status through the status subresource, and spec.replicas through scale', () => {
    const { api, t } = setup();
    const d = api.create(t('deploy'), 'default', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { a: 'b' } },
        template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i' }] } },
      },
    });
    const s = api.update(t('deploy'), 'default', { ...d, spec: { ...(d.spec as object), replicas: 9 }, status: { replicas: 4 } }, { subresource: 'status' });
    expect((s.spec as { replicas: number }).replicas).toBe(1);
    expect((s.status as { replicas: number }).replicas).toBe(4);
    const ignored = api.update(t('deploy'), 'default', { ...s, status: { replicas: 0 } });
    expect((ignored.status as { replicas: number }).replicas).toBe(4);
    const scale = api.patch(t('deploy'), 'default', 'd', 'merge', { spec: { replicas: 5 } }, { subresource: 'scale' });
    expect(scale).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 5 }, status: { replicas: 4, selector: 'a=b' } });
    expect((api.get(t('deploy'), 'default', 'd').spec as { replicas: number }).replicas).toBe(5);
  });

  it('keeps objects with finalizers until the last one goes, and adds propagation finalizers', () => {
    const { api, t } = setup();
    api.create(t('cm'), 'default', { ...cm('f'), metadata: { name: 'f', finalizers: ['x/y'] } });
    const pending = api.delete(t('cm'), 'default', 'f');
    expect(pending.metadata.deletionTimestamp).toBe('2024-01-01T00:00:00Z');
    const cur = api.get(t('cm'), 'default', 'f');
    api.update(t('cm'), 'default', { ...cur, metadata: { ...cur.metadata, finalizers: [] } });
    expect(api.find(t('cm'), 'default', 'f')).toBeUndefined();
    api.create(t('cm'), 'default', cm('fg'));
    expect(api.delete(t('cm'), 'default', 'fg', { propagationPolicy: 'Foreground' }).metadata.finalizers).toEqual(['foregroundDeletion']);
    api.create(t('cm'), 'default', cm('or'));
    expect(api.delete(t('cm'), 'default', 'or', { propagationPolicy: 'Orphan' }).metadata.finalizers).toEqual(['orphan']);
    api.create(t('cm'), 'default', cm('now'));
    api.delete(t('cm'), 'default', 'now');
    expect(api.find(t('cm'), 'default', 'now')).toBeUndefined();
  });

  it('gives pods on a node a grace period, and removes them at once with gracePeriodSeconds=0', () => {
    const { api, t } = setup();
    const pod = (name: string, nodeName?: string): KObject => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name },
      spec: { ...(nodeName ? { nodeName } : {}), containers: [{ name: 'c', image: 'busybox' }] },
    });
    api.create(t('po'), 'default', pod('bound', 'kind-control-plane'));
    const d = api.delete(t('po'), 'default', 'bound');
    expect(d.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(d.metadata.deletionTimestamp).toBe('2024-01-01T00:00:30Z');
    api.delete(t('po'), 'default', 'bound', { gracePeriodSeconds: 0 });
    expect(api.find(t('po'), 'default', 'bound')).toBeUndefined();
    api.create(t('po'), 'default', pod('unbound'));
    api.delete(t('po'), 'default', 'unbound');
    expect(api.find(t('po'), 'default', 'unbound')).toBeUndefined();
  });

  it('names objects from generateName and refuses objects without a name', () => {
    const { api, t } = setup();
    const o = api.create(t('cm'), 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'gen-' } });
    expect(o.metadata.name).toMatch(/^gen-[a-z0-9]{5}$/);
    expect(failure(() => api.create(t('cm'), 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: {} })).code).toBe(422);
  });
});
