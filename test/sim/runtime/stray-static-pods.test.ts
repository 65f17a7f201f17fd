import { describe, expect, it } from 'vitest';
import { Vfs } from '../../../src/backends/sim/runtime/fs/vfs.js';
import { STATIC_POD_PATH, strayStaticPodReason, strayStaticPods } from '../../../src/backends/sim/runtime/static-pods.js';

const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: c\n    image: nginx\n`;

describe('strayStaticPods', () => {
  it('finds Pod manifests outside the staticPodPath, not those in it nor other kinds', () => {
    const vfs = new Vfs();
    vfs.mkdir('/etc/kubelet.d', { parents: true });
    vfs.writeFile('/etc/kubelet.d/web.yaml', pod('web'));
    vfs.writeFile('/etc/kubelet.d/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
    vfs.mkdir(STATIC_POD_PATH, { parents: true });
    vfs.writeFile(`${STATIC_POD_PATH}/api.yaml`, pod('api'));
    expect(strayStaticPods('n1', vfs)).toEqual([{ node: 'n1', path: '/etc/kubelet.d/web.yaml', name: 'web' }]);
  });

  it('makes a step expecting its mirror pod unchecked only while the output lacks it', () => {
    const strays = [{ node: 'n1', path: '/etc/kubelet.d/web.yaml', name: 'web' }];
    const expected = 'NAME          READY   STATUS\nweb-my-node1  1/1     Running\n';
    expect(strayStaticPodReason(strays, 'No resources found in default namespace.\n', expected)).toMatch(/staticPodPath \/etc\/kubernetes\/manifests/);
    expect(strayStaticPodReason(strays, 'NAME READY\nweb-kind-worker 1/1\n', expected)).toBeUndefined();
    expect(strayStaticPodReason(strays, 'No resources found\n', 'NAME READY\napi-my-node1 1/1\n')).toBeUndefined();
  });
});
