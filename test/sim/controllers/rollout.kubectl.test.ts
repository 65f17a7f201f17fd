import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimFixture, startFixture } from '../server/helpers.js';

let fx: SimFixture;
const kubectl = async (...args: string[]) => {
  const r = await fx.kubectl(args);
  return { out: r.stdout, err: r.stderr, code: r.exitCode };
};
const apply = async (manifest: unknown) => (await fx.kubectl(['apply', '-f', '-'], { input: JSON.stringify(manifest) })).stdout;

/** Polls until `check` holds (at most ~30 s), returning the last value. */
async function until<T>(read: () => Promise<T>, check: (v: T) => boolean): Promise<T> {
  let v = await read();
  for (let i = 0; i < 300 && !check(v); i++) {
    await new Promise((r) => setTimeout(r, 100));
    v = await read();
  }
  return v;
}

const images = async (selector: string) =>
  (await kubectl('get', 'pods', '-l', selector, '-o', 'jsonpath={range .items[*]}{.spec.containers[0].image}{"\\n"}{end}')).out.split('\n').filter(Boolean).sort();

describe('rollout history and undo behind real kubectl', () => {
  beforeAll(async () => {
    fx = await startFixture({ controllers: true, speed: 4, nodes: 3 });
  });
  afterAll(async () => {
    await fx?.stop();
  });

  it('keeps DaemonSet revisions: history, --revision, undo renumbers the revision it goes back to', async () => {
    const ds = {
      apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'fluentd', namespace: 'default' },
      spec: {
        selector: { matchLabels: { name: 'fluentd' } },
        template: { metadata: { labels: { name: 'fluentd' } }, spec: { containers: [{ name: 'fluentd', image: 'quay.io/fluentd_elasticsearch/fluentd:v2.5.2' }] } },
      },
    };
    expect(await apply(ds)).toBe('daemonset.apps/fluentd created');
    expect((await kubectl('rollout', 'status', 'ds/fluentd', '--timeout=30s')).out).toContain('daemon set "fluentd" successfully rolled out');
    expect((await kubectl('set', 'image', 'ds/fluentd', 'fluentd=quay.io/fluentd_elasticsearch/fluentd:v2.6.0')).out).toBe('daemonset.apps/fluentd image updated');
    const status = await kubectl('rollout', 'status', 'ds/fluentd', '--timeout=30s');
    expect(status.out).toContain('daemon set "fluentd" successfully rolled out');
    expect(await until(() => images('name=fluentd'), (i) => i.length === 2 && i.every((x) => x.endsWith('v2.6.0')))).toEqual([
      'quay.io/fluentd_elasticsearch/fluentd:v2.6.0', 'quay.io/fluentd_elasticsearch/fluentd:v2.6.0',
    ]);
    const history = await kubectl('rollout', 'history', 'ds/fluentd');
    expect(history.out).toBe('daemonset.apps/fluentd \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n');
    const one = await kubectl('rollout', 'history', 'ds/fluentd', '--revision=1');
    expect(one.code).toBe(0);
    expect(one.out).toMatch(/daemonset.apps\/fluentd with revision #1\nPod Template:\n\s+Labels:\s+name=fluentd\n\s+Containers:\n\s+fluentd:\n\s+Image:\s+quay.io\/fluentd_elasticsearch\/fluentd:v2.5.2/);

    expect((await kubectl('rollout', 'undo', 'ds/fluentd')).out).toBe('daemonset.apps/fluentd rolled back');
    expect((await kubectl('rollout', 'status', 'ds/fluentd', '--timeout=30s')).out).toContain('successfully rolled out');
    expect(await until(() => images('name=fluentd'), (i) => i.length === 2 && i.every((x) => x.endsWith('v2.5.2')))).toHaveLength(2);
    expect((await kubectl('rollout', 'history', 'ds/fluentd')).out).toBe('daemonset.apps/fluentd \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n');
    const revs = await kubectl('get', 'controllerrevisions', '-l', 'name=fluentd', '-o', 'jsonpath={range .items[*]}{.metadata.name} {.revision}{"\\n"}{end}');
    expect(revs.out.split('\n').map((l) => l.replace(/^fluentd-\w+ /, '')).sort()).toEqual(['2', '3']);
  });
});
