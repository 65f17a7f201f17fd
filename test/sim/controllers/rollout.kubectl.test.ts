import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimFixture, startFixture } from '../server/helpers.js';
import { until as poll } from './until.js';

let fx: SimFixture;
const kubectl = async (...args: string[]) => {
  const r = await fx.kubectl(args);
  return { out: r.stdout, err: r.stderr, code: r.exitCode };
};
const apply = async (manifest: unknown) => (await fx.kubectl(['apply', '-f', '-'], { input: JSON.stringify(manifest) })).stdout;

const images = async (selector: string) =>
  (await kubectl('get', 'pods', '-l', selector, '-o', 'jsonpath={range .items[*]}{.spec.containers[0].image}{"\\n"}{end}')).out
    .split('\n')
    .filter(Boolean)
    .sort();

const until = <T>(read: () => Promise<T>, check: (v: T) => boolean): Promise<T> => poll(read, check, 30);

describe('rollout history and undo behind real kubectl', () => {
  beforeAll(async () => {
    fx = await startFixture({ controllers: true, speed: 4, nodes: 3 });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it('keeps DaemonSet revisions: history, --revision, undo renumbers the revision it goes back to', async () => {
    const ds = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'fluentd', namespace: 'default' },
      spec: {
        selector: { matchLabels: { name: 'fluentd' } },
        template: {
          metadata: { labels: { name: 'fluentd' } },
          spec: { containers: [{ name: 'fluentd', image: 'quay.io/fluentd_elasticsearch/fluentd:v2.5.2' }] },
        },
      },
    };
    expect(await apply(ds)).toBe('daemonset.apps/fluentd created');
    expect((await kubectl('rollout', 'status', 'ds/fluentd', '--timeout=30s')).out).toContain('daemon set "fluentd" successfully rolled out');
    expect((await kubectl('set', 'image', 'ds/fluentd', 'fluentd=quay.io/fluentd_elasticsearch/fluentd:v2.6.0')).out).toBe(
      'daemonset.apps/fluentd image updated',
    );
    const status = await kubectl('rollout', 'status', 'ds/fluentd', '--timeout=30s');
    expect(status.out).toContain('daemon set "fluentd" successfully rolled out');
    expect(
      await until(
        () => images('name=fluentd'),
        (i) => i.length === 2 && i.every((x) => x.endsWith('v2.6.0')),
      ),
    ).toEqual(['quay.io/fluentd_elasticsearch/fluentd:v2.6.0', 'quay.io/fluentd_elasticsearch/fluentd:v2.6.0']);
    const history = await kubectl('rollout', 'history', 'ds/fluentd');
    expect(history.out).toBe('daemonset.apps/fluentd \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n');
    const one = await kubectl('rollout', 'history', 'ds/fluentd', '--revision=1');
    expect(one.code).toBe(0);
    expect(one.out).toMatch(
      /daemonset.apps\/fluentd with revision #1\nPod Template:\n\s+Labels:\s+name=fluentd\n\s+Containers:\n\s+fluentd:\n\s+Image:\s+quay.io\/fluentd_elasticsearch\/fluentd:v2.5.2/,
    );

    expect((await kubectl('rollout', 'undo', 'ds/fluentd')).out).toBe('daemonset.apps/fluentd rolled back');
    expect((await kubectl('rollout', 'status', 'ds/fluentd', '--timeout=30s')).out).toContain('successfully rolled out');
    expect(
      await until(
        () => images('name=fluentd'),
        (i) => i.length === 2 && i.every((x) => x.endsWith('v2.5.2')),
      ),
    ).toHaveLength(2);
    expect((await kubectl('rollout', 'history', 'ds/fluentd')).out).toBe(
      'daemonset.apps/fluentd \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n',
    );
    const revs = await kubectl('get', 'controllerrevisions', '-l', 'name=fluentd', '-o', 'jsonpath={range .items[*]}{.metadata.name} {.revision}{"\\n"}{end}');
    expect(
      revs.out
        .split('\n')
        .map((l) => l.replace(/^fluentd-\w+ /, ''))
        .sort(),
    ).toEqual(['2', '3']);
  });

  it('StatefulSet: change-cause in history, undo renumbers, partition holds on recreate, orphans are adopted and collected', async () => {
    const svc = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'nginx', namespace: 'default', labels: { app: 'nginx' } },
      spec: { clusterIP: 'None', selector: { app: 'nginx' }, ports: [{ port: 80, name: 'web' }] },
    };
    const web = (replicas: number) => ({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web', namespace: 'default', annotations: { 'kubernetes.io/change-cause': 'create web' } },
      spec: {
        serviceName: 'nginx',
        replicas,
        selector: { matchLabels: { app: 'nginx' } },
        template: {
          metadata: { labels: { app: 'nginx' } },
          spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.24', ports: [{ containerPort: 80, name: 'web' }] }] },
        },
      },
    });
    expect(await apply(svc)).toBe('service/nginx created');
    expect(await apply(web(3))).toBe('statefulset.apps/web created');
    expect((await kubectl('rollout', 'status', 'sts/web', '--timeout=60s')).out).toContain('partitioned roll out complete: 3 new pods have been updated...');
    const patch = {
      metadata: { annotations: { 'kubernetes.io/change-cause': 'image 0.21' } },
      spec: { template: { spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.21' }] } } },
    };
    expect((await kubectl('patch', 'sts', 'web', '-p', JSON.stringify(patch))).out).toBe('statefulset.apps/web patched');
    expect((await kubectl('rollout', 'status', 'sts/web', '--timeout=60s')).out).toContain('partitioned roll out complete: 3 new pods have been updated...');
    expect(await images('app=nginx')).toEqual(Array(3).fill('registry.k8s.io/nginx-slim:0.21'));
    expect((await kubectl('rollout', 'history', 'sts/web')).out).toBe(
      'statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         create web\n2         image 0.21\n',
    );

    expect((await kubectl('rollout', 'undo', 'sts/web')).out).toBe('statefulset.apps/web rolled back');
    expect((await kubectl('rollout', 'status', 'sts/web', '--timeout=60s')).out).toContain('partitioned roll out complete: 3 new pods have been updated...');
    expect(await images('app=nginx')).toEqual(Array(3).fill('registry.k8s.io/nginx-slim:0.24'));
    expect((await kubectl('rollout', 'history', 'sts/web')).out).toBe(
      'statefulset.apps/web \nREVISION  CHANGE-CAUSE\n2         image 0.21\n3         create web\n',
    );

    // A partitioned update leaves ordinals below the partition on the current revision, even when recreated.
    const staged = {
      spec: {
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } },
        template: { spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.22' }] } },
      },
    };
    expect((await kubectl('patch', 'sts', 'web', '-p', JSON.stringify(staged))).out).toBe('statefulset.apps/web patched');
    const image = (pod: string) => kubectl('get', 'pod', pod, '-o', 'jsonpath={.spec.containers[0].image}');
    expect(
      (
        await until(
          () => image('web-2'),
          (r) => r.out.endsWith('0.22'),
        )
      ).out,
    ).toBe('registry.k8s.io/nginx-slim:0.22');
    const uid0 = (await kubectl('get', 'pod', 'web-0', '-o', 'jsonpath={.metadata.uid}')).out;
    expect((await kubectl('delete', 'pod', 'web-0')).out).toBe('pod "web-0" deleted');
    const back = await until(
      () => kubectl('get', 'pod', 'web-0', '-o', 'jsonpath={.metadata.uid} {.status.phase}'),
      (r) => !r.out.startsWith(uid0) && r.out.endsWith('Running'),
    );
    expect(back.out).toMatch(/ Running$/);
    expect((await image('web-0')).out).toBe('registry.k8s.io/nginx-slim:0.24');
    expect((await image('web-1')).out).toBe('registry.k8s.io/nginx-slim:0.24');

    // Orphaned pods are adopted by a new set with the same selector; surplus ordinals go.
    expect((await kubectl('delete', 'sts', 'web', '--cascade=orphan')).out).toBe('statefulset.apps "web" deleted');
    const orphans = await until(
      () => kubectl('get', 'pods', '-l', 'app=nginx', '-o', 'jsonpath={range .items[*]}{.metadata.name}={.metadata.ownerReferences[0].kind}{" "}{end}'),
      (r) => !r.out.includes('StatefulSet'),
    );
    expect(orphans.out.trim()).toBe('web-0= web-1= web-2=');
    expect(await apply(web(2))).toBe('statefulset.apps/web created');
    const adopted = await until(
      () => kubectl('get', 'pods', '-l', 'app=nginx', '-o', 'jsonpath={range .items[*]}{.metadata.name}={.metadata.ownerReferences[0].kind}{" "}{end}'),
      (r) => r.out.trim() === 'web-0=StatefulSet web-1=StatefulSet',
    );
    expect(adopted.out.trim()).toBe('web-0=StatefulSet web-1=StatefulSet');
    expect((await kubectl('delete', 'sts', 'web')).out).toBe('statefulset.apps "web" deleted');
    const collected = await until(
      () => kubectl('get', 'pods', '-l', 'app=nginx', '-o', 'name'),
      (r) => r.out === '',
    );
    expect(collected.out).toBe('');
  });
});
