import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlSim, type KubectlSim } from './kubectl-helpers.js';

const NODE = 'kind-control-plane';
const manifest = (image: string) => `cat <<EOF >/etc/kubernetes/manifests/static-web.yaml
apiVersion: v1
kind: Pod
metadata:
  name: static-web
  labels:
    role: myrole
spec:
  containers:
    - name: web
      image: ${image}
      ports:
        - name: web
          containerPort: 80
          protocol: TCP
EOF`;

let k: KubectlSim;
const onNode = (command: string) => k.sim.runtime.nodeExec!(NODE, command, 10_000);

beforeAll(async () => {
  k = await kubectlSim();
}, 60_000);
afterAll(async () => {
  await k.stop();
});

describe("static pods from a node's manifest directory", () => {
  it('publishes a mirror pod <name>-<node>, owned by the Node, that runs', async () => {
    expect((await onNode(manifest('nginx'))).exitCode).toBe(0);
    const pod = await k.until(['pod', `static-web-${NODE}`], (o) => o.status?.phase === 'Running');
    const node = JSON.parse((await k.kubectl(['get', 'node', NODE, '-o', 'json'])).out);
    expect(pod.metadata.namespace).toBe('default');
    expect(pod.metadata.labels).toEqual({ role: 'myrole' });
    expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: NODE, uid: node.metadata.uid, controller: true }]);
    expect(pod.metadata.annotations['kubernetes.io/config.source']).toBe('file');
    expect(pod.metadata.annotations['kubernetes.io/config.mirror']).toBe(pod.metadata.annotations['kubernetes.io/config.hash']);
    expect(pod.spec.nodeName).toBe(NODE);
    expect(pod.spec.tolerations).toContainEqual({ operator: 'Exists', effect: 'NoExecute' });
    const table = (await k.kubectl(['get', 'pods'])).out;
    expect(table).toMatch(new RegExp(`^static-web-${NODE}\\s+1/1\\s+Running\\s+0\\s+`, 'm'));
  });

  it('replaces the mirror pod when the file changes, and deletes it when the file goes', async () => {
    const before = JSON.parse((await k.kubectl(['get', 'pod', `static-web-${NODE}`, '-o', 'json'])).out);
    await onNode(manifest('nginx:1.27'));
    const after = await k.until(['pod', `static-web-${NODE}`], (o) => o.spec.containers[0].image === 'nginx:1.27');
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(after.metadata.annotations['kubernetes.io/config.hash']).not.toBe(before.metadata.annotations['kubernetes.io/config.hash']);
    await onNode('mv /etc/kubernetes/manifests/static-web.yaml /tmp');
    await k.until(['pods'], (o) => !o.items.some((p: { metadata: { name: string } }) => p.metadata.name === `static-web-${NODE}`));
  });

  it('ignores files that are not a Pod, and dot files', async () => {
    await onNode('echo "kind: ConfigMap" > /etc/kubernetes/manifests/cm.yaml; mkdir -p /tmp/x; echo "{" > /etc/kubernetes/manifests/broken.yaml');
    await onNode(`${manifest('nginx').replace('static-web.yaml', '.hidden.yaml')}`);
    expect((await onNode('ls -A /etc/kubernetes/manifests')).stdout.split('\n')).toEqual(['.hidden.yaml', 'broken.yaml', 'cm.yaml', '']);
    const names = JSON.parse((await k.kubectl(['get', 'pods', '-A', '-o', 'json'])).out).items.map((p: { metadata: { name: string } }) => p.metadata.name);
    expect(names.filter((n: string) => !/^(?:etcd|kube-|coredns|kindnet|local-path)/.test(n))).toEqual([]);
  });
});
