import { describe, expect, it } from 'vitest';
import { computeHash, safeEncodeString } from '../../../src/backends/sim/controllers/hash.js';
import { conds, deployment, setup } from './helpers.js';

const rsOf = (api: any) =>
  api.all('replicasets', 'apps').map((r: any) => `${r.metadata.name} ${r.spec.replicas} rev=${r.metadata.annotations['deployment.kubernetes.io/revision']}`);

describe('pod-template-hash', () => {
  it('encodes with the safe alphabet, digit by digit', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
    const h = computeHash({ metadata: { labels: { run: 'my-nginx' } }, spec: { containers: [{ name: 'my-nginx', image: 'nginx' }] } });
    expect(h).toMatch(/^[456789bcdf]{6,10}$/);
    expect(computeHash({ a: 1 }, 1)).not.toBe(computeHash({ a: 1 }));
  });
});

describe('deployment controller', () => {
  it('creates a ReplicaSet and pods, and reports a complete rollout', () => {
    const { api, type } = setup();
    api.create(api.resolve('deployments', 'apps')!, 'default', deployment('my-nginx', 2));
    api.run(2000);
    const [rs] = api.all('replicasets', 'apps') as any[];
    const hash = rs.metadata.labels['pod-template-hash'];
    expect(rs.metadata.name).toBe(`my-nginx-${hash}`);
    expect(rs.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '2',
      'deployment.kubernetes.io/max-replicas': '3',
      'deployment.kubernetes.io/revision': '1',
    });
    expect(rs.metadata.ownerReferences[0]).toMatchObject({ kind: 'Deployment', name: 'my-nginx', controller: true, blockOwnerDeletion: true });
    expect(rs.spec.selector.matchLabels).toEqual({ run: 'my-nginx', 'pod-template-hash': hash });
    expect(rs.status).toEqual({ replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 });
    const pods = api.all('pods') as any[];
    expect(pods).toHaveLength(2);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^my-nginx-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.metadata.labels).toEqual({ run: 'my-nginx', 'pod-template-hash': hash });
      expect(p.status.phase).toBe('Running');
    }
    const d = api.get(api.resolve('deployments', 'apps')!, 'default', 'my-nginx') as any;
    expect(d.metadata.annotations['deployment.kubernetes.io/revision']).toBe('1');
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 });
    expect(d.status.unavailableReplicas).toBeUndefined();
    expect(d.status.conditions.map((c: any) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "my-nginx-${hash}" has successfully progressed.`],
    ]);
    const events = api
      .all('events')
      .filter((e: any) => e.involvedObject.kind !== 'Pod')
      .map((e: any) => `${e.source.component} ${e.reason}: ${e.message}`);
    expect(events[0]).toBe(`deployment-controller ScalingReplicaSet: Scaled up replica set my-nginx-${hash} from 0 to 2`);
    expect(events.filter((e: string) => e.includes('SuccessfulCreate'))).toHaveLength(2);
    expect(type('pods')).toBeDefined();
  });

  it('rolls out a new template within maxSurge/maxUnavailable and keeps history', () => {
    const { api } = setup();
    const deploys = api.resolve('deployments', 'apps')!;
    api.create(deploys, 'default', deployment('web', 4));
    api.run(2000);
    const d = api.get(deploys, 'default', 'web') as any;
    d.spec.template.spec.containers[0].image = 'nginx:1.16.1';
    api.update(deploys, 'default', d);
    let maxPods = 0;
    let minAvailable = Infinity;
    for (let t = 0; t < 8000; t += 50) {
      api.run(50);
      const pods = api.all('pods') as any[];
      maxPods = Math.max(maxPods, pods.filter((p) => !p.metadata.deletionTimestamp).length);
      minAvailable = Math.min(
        minAvailable,
        pods.filter((p) => p.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True') && !p.metadata.deletionTimestamp).length,
      );
    }
    expect(maxPods).toBeLessThanOrEqual(5);
    expect(minAvailable).toBeGreaterThanOrEqual(3);
    expect(
      rsOf(api)
        .map((s: string) => s.split(' ').slice(1).join(' '))
        .sort(),
    ).toEqual(['0 rev=1', '4 rev=2']);
    const after = api.get(deploys, 'default', 'web') as any;
    expect(after.metadata.annotations['deployment.kubernetes.io/revision']).toBe('2');
    expect(after.status.conditions[1].reason).toBe('NewReplicaSetAvailable');
    const pods = api.all('pods') as any[];
    expect(pods.every((p) => p.spec.containers[0].image === 'nginx:1.16.1')).toBe(true);
    const scaling = api
      .all('events')
      .filter((e: any) => e.reason === 'ScalingReplicaSet')
      .map((e: any) => e.message.replace(/web-\w+/, 'RS'));
    expect(scaling[0]).toBe('Scaled up replica set RS from 0 to 4');
    expect(scaling[1]).toBe('Scaled up replica set RS from 0 to 1');
    expect(scaling[2]).toBe('Scaled down replica set RS from 4 to 3');
  });

  it('rolls back to a previous template: the old ReplicaSet gets the next revision', () => {
    const { api } = setup();
    const deploys = api.resolve('deployments', 'apps')!;
    api.create(deploys, 'default', deployment('web', 2));
    api.run(2000);
    const d = api.get(deploys, 'default', 'web') as any;
    const original = structuredClone(d.spec.template);
    d.spec.template.spec.containers[0].image = 'nginx:1.16.1';
    api.update(deploys, 'default', d);
    api.run(5000);
    const d2 = api.get(deploys, 'default', 'web') as any;
    d2.spec.template = original;
    api.update(deploys, 'default', d2);
    api.run(5000);
    const rss = api.all('replicasets', 'apps') as any[];
    expect(rss).toHaveLength(2);
    const back = rss.find((r) => r.spec.template.spec.containers[0].image === 'nginx');
    expect(back.metadata.annotations['deployment.kubernetes.io/revision']).toBe('3');
    expect(back.metadata.annotations['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(back.spec.replicas).toBe(2);
    expect((api.get(deploys, 'default', 'web') as any).metadata.annotations['deployment.kubernetes.io/revision']).toBe('3');
  });

  it('scales to 0 and back, creating new pods', () => {
    const { api, type } = setup();
    const deploys = api.resolve('deployments', 'apps')!;
    api.create(deploys, 'default', deployment('web', 2));
    api.run(2000);
    const before = api.all('pods').map((p) => p.metadata.name);
    api.patch(deploys, 'default', 'web', 'merge', { spec: { replicas: 0 } });
    api.run(2000);
    expect(api.all('pods')).toHaveLength(0);
    expect((api.get(deploys, 'default', 'web') as any).status.conditions.map((c: any) => c.type)).toEqual(['Available', 'Progressing']);
    api.patch(deploys, 'default', 'web', 'merge', { spec: { replicas: 2 } });
    api.run(2000);
    const after = api.all('pods') as any[];
    expect(after).toHaveLength(2);
    expect(after.every((p) => !before.includes(p.metadata.name) && p.status.phase === 'Running')).toBe(true);
    expect(api.all('replicasets', 'apps')).toHaveLength(1);
    const rs = api.all('replicasets', 'apps')[0] as any;
    expect(rs.metadata.annotations['deployment.kubernetes.io/desired-replicas']).toBe('2');
    expect(type('pods')).toBeDefined();
  });

  it('Recreate scales the old ReplicaSet to 0 before creating the new one', () => {
    const { api } = setup();
    const deploys = api.resolve('deployments', 'apps')!;
    api.create(deploys, 'default', deployment('web', 2, 'nginx', { run: 'web' }, { strategy: { type: 'Recreate' } }));
    api.run(2000);
    const d = api.get(deploys, 'default', 'web') as any;
    d.spec.template.spec.containers[0].image = 'nginx:1.16.1';
    api.update(deploys, 'default', d);
    api.run(300);
    expect(api.all('replicasets', 'apps')).toHaveLength(1);
    api.run(4000);
    expect(
      rsOf(api)
        .map((s: string) => s.split(' ').slice(1).join(' '))
        .sort(),
    ).toEqual(['0 rev=1', '2 rev=2']);
    const rs2 = (api.all('replicasets', 'apps') as any[]).find((r) => r.spec.replicas === 2);
    expect(rs2.metadata.annotations['deployment.kubernetes.io/max-replicas']).toBe('2');
  });

  it('keeps at most revisionHistoryLimit old ReplicaSets', () => {
    const { api } = setup();
    const deploys = api.resolve('deployments', 'apps')!;
    api.create(deploys, 'default', deployment('web', 1, 'nginx', { run: 'web' }, { revisionHistoryLimit: 1 }));
    api.run(2000);
    for (const tag of ['1.1', '1.2', '1.3']) {
      const d = api.get(deploys, 'default', 'web') as any;
      d.spec.template.spec.containers[0].image = `nginx:${tag}`;
      api.update(deploys, 'default', d);
      api.run(4000);
    }
    expect(
      rsOf(api)
        .map((s: string) => s.split(' ').slice(1).join(' '))
        .sort(),
    ).toEqual(['0 rev=3', '1 rev=4']);
  });

  it('a new deployment shows Available=False while pods start', () => {
    const { api } = setup();
    const deploys = api.resolve('deployments', 'apps')!;
    api.create(deploys, 'default', deployment('web', 2));
    api.run(100);
    const d = api.get(deploys, 'default', 'web') as any;
    expect(conds(d)).toEqual(['Available=False', 'Progressing=True']);
    expect(d.status.unavailableReplicas).toBe(2);
  });
});

describe('deployment conditions', () => {
  it('reports a paused deployment and its resumption', () => {
    const { api } = setup();
    const deploys = api.resolve('deployments', 'apps')!;
    api.create(deploys, 'default', deployment('web', 1));
    api.run(2000);
    api.patch(deploys, 'default', 'web', 'merge', { spec: { paused: true } });
    api.run(100);
    let p = (api.get(deploys, 'default', 'web') as any).status.conditions.find((c: any) => c.type === 'Progressing');
    expect([p.status, p.reason, p.message]).toEqual(['Unknown', 'DeploymentPaused', 'Deployment is paused']);
    api.patch(deploys, 'default', 'web', 'merge', { spec: { paused: false } });
    api.run(100);
    p = (api.get(deploys, 'default', 'web') as any).status.conditions.find((c: any) => c.type === 'Progressing');
    expect(p.reason).toBe('NewReplicaSetAvailable');
  });

  it('times out a rollout stuck on an image that cannot be pulled', () => {
    const { api } = setup({}, ['nginx:nope']);
    const deploys = api.resolve('deployments', 'apps')!;
    api.create(deploys, 'default', deployment('web', 1, 'nginx:nope', { run: 'web' }, { progressDeadlineSeconds: 30 }));
    api.run(20_000, 100);
    let p = (api.get(deploys, 'default', 'web') as any).status.conditions.find((c: any) => c.type === 'Progressing');
    expect(p.status).toBe('True');
    api.run(15_000, 100);
    p = (api.get(deploys, 'default', 'web') as any).status.conditions.find((c: any) => c.type === 'Progressing');
    expect([p.status, p.reason]).toEqual(['False', 'ProgressDeadlineExceeded']);
    expect(p.message).toMatch(/^ReplicaSet "web-\w+" has timed out progressing\.$/);
  });
});

describe('proportional scaling (sync.go scale)', () => {
  // A rollout stuck on an image that cannot be pulled: the old ReplicaSet keeps replicas - maxUnavailable,
  // the new one gets what maxSurge leaves.
  function stuckRollout(strategy: Record<string, unknown>) {
    const { api } = setup({}, ['nginx:nope']);
    const deploys = api.resolve('deployments', 'apps')!;
    api.create(deploys, 'default', deployment('web', 10, 'nginx', { run: 'web' }, { strategy }));
    api.run(3000);
    const d = api.get(deploys, 'default', 'web') as any;
    d.spec.template.spec.containers[0].image = 'nginx:nope';
    api.update(deploys, 'default', d);
    api.run(3000);
    const sizes = () => {
      const rss = api.all('replicasets', 'apps') as any[];
      const size = (image: string) => rss.find((r) => r.spec.template.spec.containers[0].image === image)?.spec.replicas;
      return { old: size('nginx'), new: size('nginx:nope') };
    };
    const scaleEvents = () =>
      api
        .all('events')
        .filter((e: any) => e.reason === 'ScalingReplicaSet')
        .map((e: any) => e.message.replace(/web-\w+/, (n: string) => (n === `web-${rsHash(api, 'nginx')}` ? 'OLD' : 'NEW')));
    return { api, deploys, sizes, scaleEvents };
  }
  const rsHash = (api: any, image: string) =>
    (api.all('replicasets', 'apps') as any[]).find((r) => r.spec.template.spec.containers[0].image === image).metadata.labels['pod-template-hash'];

  it('adds replicas to every active ReplicaSet in proportion to its size (maxSurge=3, maxUnavailable=2)', () => {
    const { api, deploys, sizes, scaleEvents } = stuckRollout({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } });
    expect(sizes()).toEqual({ old: 8, new: 5 });
    api.patch(deploys, 'default', 'web', 'merge', { spec: { replicas: 15 } });
    api.run(3000);
    // allowed 15+3 = 18, 5 to add: old 8·18/13 = 11.08 → 11 (+3), new 5·18/13 = 6.92 → 7 (+2).
    expect(sizes()).toEqual({ old: 11, new: 7 });
    expect(scaleEvents().slice(-2)).toEqual(['Scaled up replica set OLD from 8 to 11', 'Scaled up replica set NEW from 5 to 7']);
    const rss = api.all('replicasets', 'apps') as any[];
    expect(rss.map((r) => r.metadata.annotations['deployment.kubernetes.io/max-replicas'])).toEqual(['18', '18']);
  });

  it('recomputes maxSurge for the new size: 25% of 15 rounds up to 4', () => {
    const { api, deploys, sizes } = stuckRollout({ type: 'RollingUpdate' });
    expect(sizes()).toEqual({ old: 8, new: 5 });
    api.patch(deploys, 'default', 'web', 'merge', { spec: { replicas: 15 } });
    api.run(3000);
    // allowed 15+4 = 19, 6 to add: old 8·19/13 = 11.69 → 12 (+4), new 5·19/13 = 7.31 → 7 (+2).
    expect(sizes()).toEqual({ old: 12, new: 7 });
  });

  it('removes replicas in proportion too', () => {
    const { api, deploys, sizes, scaleEvents } = stuckRollout({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } });
    api.patch(deploys, 'default', 'web', 'merge', { spec: { replicas: 15 } });
    api.run(3000);
    api.patch(deploys, 'default', 'web', 'merge', { spec: { replicas: 5 } });
    api.run(100);
    // allowed 5+3 = 8, 10 to remove: old 11·8/18 = 4.89 → 5 (−6), new 7·8/18 = 3.11 → 3 (−4).
    expect(scaleEvents()).toContain('Scaled down replica set OLD from 11 to 5');
    expect(scaleEvents()).toContain('Scaled down replica set NEW from 7 to 3');
    // The rollout then goes on from 5 + 3 within the new bounds.
    expect(sizes().old! + sizes().new!).toBeLessThanOrEqual(8);
  });
});
