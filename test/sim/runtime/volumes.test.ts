import { bootedApi } from './helpers.js';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/backends/sim/clock.js';
import type { KObject } from '../../../src/backends/sim/types.js';
import { createRuntime } from '../../../src/backends/sim/runtime/index.js';

function setup() {
  const clock = new ManualClock('2024-01-01T00:00:00Z');
  const api = bootedApi(clock, 7, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
  const runtime = createRuntime(api);
  const create = (resource: string, obj: Omit<KObject, 'metadata'> & { metadata: KObject['metadata'] }) =>
    api.create(api.resolve(resource)!, obj.metadata.namespace ?? 'default', obj as KObject);
  return { api, runtime, create };
}

const podSpec = {
  nodeName: 'kind-control-plane',
  containers: [
    {
      name: 'app',
      image: 'busybox:1.36',
      command: ['sleep', '3600'],
      envFrom: [{ configMapRef: { name: 'cfg' }, prefix: 'CFG_' }, { secretRef: { name: 'creds' } }],
      env: [
        { name: 'LEVEL', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'level' } } },
        { name: 'PASS', valueFrom: { secretKeyRef: { name: 'creds', key: 'password' } } },
        { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
        { name: 'TIER', valueFrom: { fieldRef: { fieldPath: "metadata.labels['tier']" } } },
        { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } },
      ],
      resources: { limits: { cpu: '500m', memory: '128Mi' } },
      volumeMounts: [
        { name: 'cfg', mountPath: '/etc/cfg' },
        { name: 'picked', mountPath: '/etc/picked' },
        { name: 'creds', mountPath: '/etc/creds', readOnly: true },
        { name: 'shared', mountPath: '/data' },
        { name: 'info', mountPath: '/etc/podinfo' },
        { name: 'cfg', mountPath: '/etc/app.conf', subPath: 'app.conf' },
      ],
    },
    { name: 'side', image: 'nginx', volumeMounts: [{ name: 'shared', mountPath: '/usr/share/nginx/html' }] },
  ],
  volumes: [
    { name: 'cfg', configMap: { name: 'cfg' } },
    { name: 'picked', configMap: { name: 'cfg', items: [{ key: 'level', path: 'conf/level.txt' }], defaultMode: 0o400 } },
    { name: 'creds', secret: { secretName: 'creds' } },
    { name: 'shared', emptyDir: {} },
    {
      name: 'info',
      downwardAPI: {
        items: [
          { path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } },
          { path: 'annotations', fieldRef: { fieldPath: 'metadata.annotations' } },
          { path: 'name', fieldRef: { fieldPath: 'metadata.name' } },
        ],
      },
    },
  ],
};

describe('container files and environment from the pod spec', () => {
  it('mounts volumes with the kubelet layout and computes env', async () => {
    const { runtime, create } = setup();
    create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { level: 'debug', 'app.conf': 'x=1\n' } });
    create('secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds' }, data: { password: Buffer.from('s3cr3t').toString('base64') } });
    const applied = '{"apiVersion":"v1","kind":"Pod"}\n';
    const annotations = { 'kubectl.kubernetes.io/last-applied-configuration': applied, note: 'a \\ b\tc' };
    const pod = create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { tier: 'web', app: 'x' }, annotations }, spec: podSpec });
    runtime.podStarted({ ...pod, status: { phase: 'Running', podIP: '10.244.0.9' } });
    try {
      const sh = (cmd: string, container = 'app') => runtime.exec('default', 'p', container, ['sh', '-c', cmd]);
      const env = (await sh('env')).stdout;
      expect(env).toContain('CFG_level=debug\n');
      expect(env).toContain('password=s3cr3t\n');
      expect(env).toContain('LEVEL=debug\nPASS=s3cr3t\nNODE=kind-control-plane\nTIER=web\nCPU=500\n');
      expect(env).toMatch(/^PATH=.*\nHOSTNAME=p\n/);
      expect(env.endsWith('HOME=/root\n')).toBe(true);

      const ls = (await sh('ls -la /etc/cfg')).stdout;
      expect(ls).toMatch(/drwxr-xr-x +2 root +root +4096 Jan  1 00:00 \.\.2024_01_01_00_00_00\.\d{9}\n/);
      expect(ls).toMatch(/lrwxrwxrwx +1 root +root +\d+ Jan  1 00:00 \.\.data -> \.\.2024_01_01_00_00_00\.\d{9}\n/);
      expect(ls).toContain('level -> ..data/level\n');
      expect((await sh('cat /etc/cfg/level /etc/picked/conf/level.txt /etc/creds/password; echo')).stdout).toBe('debugdebugs3cr3t\n');
      expect((await sh('ls -lL /etc/picked/conf')).stdout).toContain('-r-------- ');
      expect((await sh('cat /etc/app.conf')).stdout).toBe('x=1\n');
      expect((await sh('cat /etc/podinfo/labels; echo; cat /etc/podinfo/name')).stdout).toBe('app="x"\ntier="web"\np');
      // Each value as Go's %q writes it, one per line (pkg/fieldpath FormatMap).
      expect((await sh('cat /etc/podinfo/annotations')).stdout).toBe(
        'kubectl.kubernetes.io/last-applied-configuration="{\\"apiVersion\\":\\"v1\\",\\"kind\\":\\"Pod\\"}\\n"\nnote="a \\\\ b\\tc"',
      );
      expect((await sh('echo hi > /etc/creds/x')).stderr).toBe("sh: can't create /etc/creds/x: Read-only file system\n");
      const sa = await sh('ls /var/run/secrets/kubernetes.io/serviceaccount; cat /var/run/secrets/kubernetes.io/serviceaccount/namespace');
      expect(sa.stdout).toBe('ca.crt\nnamespace\ntoken\ndefault');
      expect((await sh('cat /etc/resolv.conf')).stdout).toBe(
        'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
      );
      expect((await sh('tail -1 /etc/hosts')).stdout).toBe('10.244.0.9\tp\n');

      // emptyDir is shared by the pod's containers
      await sh('echo shared > /data/index.html');
      expect((await sh('cat /usr/share/nginx/html/index.html', 'side')).stdout).toBe('shared\n');
    } finally {
      await runtime.close?.();
    }
  });

  it("hostPath volumes, and claims bound to a hostPath PersistentVolume, are the node's own directories", async () => {
    const { runtime, create } = setup();
    create('persistentvolumes', {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'pv-a' },
      spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/srv/site' } },
    });
    create('persistentvolumeclaims', {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'claim-a' },
      spec: { accessModes: ['ReadWriteOnce'], volumeName: 'pv-a', resources: { requests: { storage: '1Gi' } } },
    });
    create('persistentvolumeclaims', {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'claim-b' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    });
    const node = (cmd: string) => runtime.nodeExec!('kind-control-plane', cmd, 10_000);
    expect((await node('mkdir -p /srv/site && echo from-node > /srv/site/index.html')).exitCode).toBe(0);
    const pod = create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'h' },
      spec: {
        nodeName: 'kind-control-plane',
        containers: [
          {
            name: 'c',
            image: 'busybox:1.36',
            command: ['sleep', '3600'],
            volumeMounts: [
              { name: 'claimed', mountPath: '/www' },
              { name: 'logs', mountPath: '/logs' },
              { name: 'other', mountPath: '/other' },
            ],
          },
        ],
        volumes: [
          { name: 'claimed', persistentVolumeClaim: { claimName: 'claim-a' } },
          { name: 'logs', hostPath: { path: '/var/log/app' } },
          { name: 'other', persistentVolumeClaim: { claimName: 'claim-b' } },
        ],
      },
    });
    runtime.podStarted({ ...pod, status: { phase: 'Running', podIP: '10.244.0.11' } });
    try {
      const sh = (cmd: string) => runtime.exec('default', 'h', 'c', ['sh', '-c', cmd]);
      expect((await sh('cat /www/index.html')).stdout).toBe('from-node\n');
      await sh('echo from-pod > /logs/app.log; echo elsewhere > /other/x');
      expect((await node('cat /var/log/app/app.log')).stdout).toBe('from-pod\n');
      // A claim not bound to a hostPath volume is not on the node.
      expect((await node('ls /srv/site')).stdout).toBe('index.html\n');
      expect((await node('cat /other/x')).exitCode).not.toBe(0);
    } finally {
      await runtime.close?.();
    }
  });

  it('runs processes as the securityContext user, and an fsGroup volume gives new files its group', async () => {
    const { runtime, create } = setup();
    const pod = create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'sc' },
      spec: {
        nodeName: 'kind-control-plane',
        securityContext: { runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000, supplementalGroups: [4000] },
        containers: [
          { name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'], volumeMounts: [{ name: 'v', mountPath: '/data/vol' }] },
          { name: 'other', image: 'busybox:1.36', command: ['sleep', '3600'], securityContext: { runAsUser: 2000 } },
        ],
        volumes: [{ name: 'v', emptyDir: {} }],
      },
    });
    const plain = create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'plain' },
      spec: { nodeName: 'kind-control-plane', containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'] }] },
    });
    runtime.podStarted({ ...pod, status: { phase: 'Running', podIP: '10.244.0.12' } });
    runtime.podStarted({ ...plain, status: { phase: 'Running', podIP: '10.244.0.13' } });
    try {
      const sh = (cmd: string, container = 'app', name = 'sc') => runtime.exec('default', name, container, ['sh', '-c', cmd]);
      expect((await sh('id')).stdout).toBe('uid=1000 gid=3000 groups=2000,3000,4000\n');
      expect((await sh('id -u; id -g')).stdout).toBe('1000\n3000\n');
      expect((await sh('whoami')).stderr).toBe('whoami: unknown uid 1000\n');
      expect((await sh('ps')).stdout).toMatch(/^PID {3}USER {5}TIME {2}COMMAND\n {4}1 1000 {6}0:00 sleep 3600\n/);
      expect((await sh('ls -l /data')).stdout).toMatch(/^drwxrwsrwx +2 root +2000 +4096 .* vol$/m);
      await sh('echo hello > /data/vol/f; mkdir /data/vol/d; echo x > /tmp/t');
      const listed = (await sh('ls -l /data/vol')).stdout;
      expect(listed).toMatch(/^drwxr-sr-x +2 1000 +2000 +4096 .* d$/m);
      expect(listed).toMatch(/^-rw-r--r-- +1 1000 +2000 +6 .* f$/m);
      expect((await sh('ls -l /tmp/t')).stdout).toMatch(/^-rw-r--r-- +1 1000 +3000 /);
      // The container's own runAsUser wins over the pod's.
      expect((await sh('id -u', 'other')).stdout).toBe('2000\n');
      // Without a securityContext: root, and the image's group memberships.
      expect((await sh('id; whoami', 'c', 'plain')).stdout).toBe('uid=0(root) gid=0(root) groups=0(root),10(wheel)\nroot\n');
      expect((await sh('ps', 'c', 'plain')).stdout).toContain('    1 root      0:00 sleep 3600\n');
    } finally {
      await runtime.close?.();
    }
  });

  it('exec of an unknown image warns once', async () => {
    const { runtime, create } = setup();
    const pod = create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'q' },
      spec: { nodeName: 'kind-control-plane', containers: [{ name: 'c', image: 'example.com/team/app:v3' }] },
    });
    runtime.podStarted({ ...pod, status: { phase: 'Running', podIP: '10.244.0.10' } });
    try {
      expect(runtime.warnings().join('\n')).toContain('image example.com/team/app:v3 is not known to the simulator');
      const r = await runtime.exec('default', 'q', 'c', ['ps']);
      expect(r.error).toContain('exec: "ps": executable file not found in $PATH: unknown');
    } finally {
      await runtime.close?.();
    }
  });
});
