import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KubectlSim, kubectlSim } from './kubectl-helpers.js';

let k: KubectlSim;
const cat = async (path: string) => {
  const r = await k.kubectl(['exec', 'reader', '--', 'cat', path]);
  expect(r.code, r.err).toBe(0);
  return r.out;
};

const manifests = `apiVersion: v1
kind: ConfigMap
metadata: { name: color }
data: { color: red }
---
apiVersion: v1
kind: Secret
metadata: { name: creds }
stringData: { password: one }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: frozen }
immutable: true
data: { k: v1 }
---
apiVersion: v1
kind: Pod
metadata:
  name: reader
  labels: { tier: a }
spec:
  containers:
  - name: c
    image: busybox:1.36
    command: ['sleep', '36000']
    env:
    - name: COLOR
      valueFrom: { configMapKeyRef: { name: color, key: color } }
    envFrom:
    - prefix: CM_
      configMapRef: { name: color }
    volumeMounts:
    - { name: cfg, mountPath: /etc/cfg }
    - { name: cfg, mountPath: /etc/sub/color, subPath: color }
    - { name: sec, mountPath: /etc/sec }
    - { name: proj, mountPath: /etc/proj }
    - { name: info, mountPath: /etc/info }
  volumes:
  - name: cfg
    configMap: { name: color }
  - name: sec
    secret: { secretName: creds }
  - name: proj
    projected: { sources: [ { configMap: { name: color } }, { secret: { name: creds } } ] }
  - name: info
    downwardAPI: { items: [ { path: labels, fieldRef: { fieldPath: metadata.labels } } ] }
`;

describe('mounted ConfigMap, Secret, projected and downwardAPI files follow changes on the next pod resync', () => {
  let firstData: string;
  beforeAll(async () => {
    // At speed 1 the first resync is 60–90 s of the cluster's time after the pod started: far
    // beyond the few real seconds the checks before passTime take.
    k = await kubectlSim({ speed: 1 });
    await k.apply(manifests);
    await k.until(['pod', 'reader'], (o) => o.status?.phase === 'Running');
    expect(await cat('/etc/cfg/color')).toBe('red');
    firstData = (await k.kubectl(['exec', 'reader', '--', 'readlink', '/etc/cfg/..data'])).out;
    expect(firstData).toMatch(/^\.\.\d{4}_\d\d_\d\d_\d\d_\d\d_\d\d\.\d{9}$/);
    await k.kubectl(['patch', 'configmap', 'color', '-p', '{"data":{"color":"blue"}}']);
    await k.kubectl(['patch', 'secret', 'creds', '-p', '{"stringData":{"password":"two"}}']);
    await k.kubectl(['label', 'pod', 'reader', 'tier=b', '--overwrite']);
  });
  afterAll(async () => {
    await k?.stop();
  });

  it('shows the old files until the kubelet resyncs the pod (at least 1m after it started)', async () => {
    expect(await cat('/etc/cfg/color')).toBe('red');
    await k.sim.passTime(50_000);
    expect(await cat('/etc/cfg/color')).toBe('red');
    expect(await cat('/etc/sec/password')).toBe('one');
  });

  it('shows the new values once a resync period (1m, up to 1.5m with jitter) has passed', async () => {
    await k.sim.passTime(95_000);
    expect(await cat('/etc/cfg/color')).toBe('blue');
    expect(await cat('/etc/sec/password')).toBe('two');
    expect(await cat('/etc/proj/color')).toBe('blue');
    expect(await cat('/etc/proj/password')).toBe('two');
    expect(await cat('/etc/info/labels')).toBe('tier="b"');
  });

  it('switched ..data to a new timestamped directory and removed the old one', async () => {
    const now = (await k.kubectl(['exec', 'reader', '--', 'readlink', '/etc/cfg/..data'])).out;
    expect(now).toMatch(/^\.\.\d{4}_/);
    expect(now).not.toBe(firstData);
    const ls = (await k.kubectl(['exec', 'reader', '--', 'ls', '-a', '/etc/cfg'])).out.split('\n');
    expect(ls).toContain(now);
    expect(ls).not.toContain(firstData);
  });

  it('keeps a subPath mount and the environment as they were when the container started', async () => {
    expect(await cat('/etc/sub/color')).toBe('red');
    const env = (await k.kubectl(['exec', 'reader', '--', 'printenv'])).out.split('\n');
    expect(env).toContain('COLOR=red');
    expect(env).toContain('CM_color=red');
  });

  it('refuses to change an immutable ConfigMap', async () => {
    const r = await k.kubectl(['patch', 'configmap', 'frozen', '-p', '{"data":{"k":"v2"}}']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('field is immutable when `immutable` is set');
  });
});
