import { describe, expect, it } from 'vitest';
import { defaultPullPolicy, imageTag } from '../../../src/backends/sim/admission/defaults/pod-spec.js';
import { podQOSClass } from '../../../src/backends/sim/admission/pod-plugins.js';
import { setup, TYPES } from './fixtures.js';

const pod = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'p' }) => ({ apiVersion: 'v1', kind: 'Pod', metadata, spec });

describe('pod admission', () => {
  it('produces the object a real 1.32 server stores for a minimal pod', () => {
    const { create } = setup();
    const stored = create(
      TYPES.pods,
      pod({ containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] }, { name: 'nginx', labels: { run: 'nginx' } }),
    );
    const volume = (stored.spec as { volumes: { name: string }[] }).volumes[0]!.name;
    expect(volume).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(stored).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'nginx',
        namespace: 'default',
        labels: { run: 'nginx' },
        uid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
        creationTimestamp: '2024-01-01T00:00:00Z',
        resourceVersion: expect.any(String),
      },
      spec: {
        containers: [
          {
            name: 'nginx',
            image: 'nginx:1.27',
            ports: [{ containerPort: 80, protocol: 'TCP' }],
            imagePullPolicy: 'IfNotPresent',
            resources: {},
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
            volumeMounts: [{ name: volume, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }],
          },
        ],
        dnsPolicy: 'ClusterFirst',
        enableServiceLinks: true,
        preemptionPolicy: 'PreemptLowerPriority',
        priority: 0,
        restartPolicy: 'Always',
        schedulerName: 'default-scheduler',
        securityContext: {},
        serviceAccount: 'default',
        serviceAccountName: 'default',
        terminationGracePeriodSeconds: 30,
        tolerations: [
          { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
          { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        ],
        volumes: [
          {
            name: volume,
            projected: {
              defaultMode: 420,
              sources: [
                { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
                { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
                { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
              ],
            },
          },
        ],
      },
      status: { phase: 'Pending', qosClass: 'BestEffort' },
    });
    expect(stored.metadata.generation).toBeUndefined();
  });

  it.each([
    ['nginx', 'latest', 'Always'],
    ['nginx:latest', 'latest', 'Always'],
    ['nginx:1.27', '1.27', 'IfNotPresent'],
    ['registry.k8s.io/pause:3.9', '3.9', 'IfNotPresent'],
    ['localhost:5000/app', 'latest', 'Always'],
    ['localhost:5000/app:v2', 'v2', 'IfNotPresent'],
    ['nginx@sha256:0123abcd', '', 'IfNotPresent'],
    ['nginx:latest@sha256:0123abcd', 'latest', 'Always'],
    ['', 'latest', 'IfNotPresent'],
  ])('image %j has tag %j and pull policy %s', (image, tag, policy) => {
    expect(imageTag(image)).toBe(tag);
    expect(defaultPullPolicy(image)).toBe(policy);
  });

  it.each([
    [
      'livenessProbe',
      { httpGet: { port: 80 } },
      { httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
    ],
    [
      'readinessProbe',
      { tcpSocket: { port: 80 }, periodSeconds: 5 },
      { tcpSocket: { port: 80 }, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 },
    ],
    [
      'env',
      [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
      [{ name: 'NODE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
    ],
  ])('defaults container %s', (field, given, expected) => {
    const { create } = setup();
    const stored = create(TYPES.pods, pod({ containers: [{ name: 'c', image: 'busybox:1.36', [field]: given }] }));
    expect((stored.spec as { containers: Record<string, unknown>[] }).containers[0]![field]).toEqual(expected);
  });

  it.each([
    [
      { name: 'a', secret: { secretName: 's' } },
      { name: 'a', secret: { secretName: 's', defaultMode: 420 } },
    ],
    [
      { name: 'a', configMap: { name: 'c' } },
      { name: 'a', configMap: { name: 'c', defaultMode: 420 } },
    ],
    [{ name: 'a' }, { name: 'a', emptyDir: {} }],
    [
      { name: 'a', hostPath: { path: '/data' } },
      { name: 'a', hostPath: { path: '/data', type: '' } },
    ],
    [
      { name: 'a', persistentVolumeClaim: { claimName: 'c' } },
      { name: 'a', persistentVolumeClaim: { claimName: 'c' } },
    ],
  ])('defaults volume %j', (given, expected) => {
    const { create } = setup();
    const stored = create(TYPES.pods, pod({ containers: [{ name: 'c', image: 'busybox' }], volumes: [given] }));
    expect((stored.spec as { volumes: unknown[] }).volumes[0]).toEqual(expected);
  });

  it('keeps an explicit service account and skips the token volume when automount is off', () => {
    const { create } = setup();
    create(TYPES.serviceaccounts, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'builder' } });
    const stored = create(
      TYPES.pods,
      pod({ serviceAccountName: 'builder', automountServiceAccountToken: false, containers: [{ name: 'c', image: 'busybox' }] }),
    );
    const spec = stored.spec as Record<string, unknown>;
    expect(spec.serviceAccount).toBe('builder');
    expect(spec.volumes).toBeUndefined();
    expect((spec.containers as Record<string, unknown>[])[0]!.volumeMounts).toBeUndefined();
  });

  it('honours automountServiceAccountToken: false on the ServiceAccount', () => {
    const { create } = setup();
    create(TYPES.serviceaccounts, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'quiet' }, automountServiceAccountToken: false });
    const stored = create(TYPES.pods, pod({ serviceAccountName: 'quiet', containers: [{ name: 'c', image: 'busybox' }] }));
    expect((stored.spec as Record<string, unknown>).volumes).toBeUndefined();
  });

  it('does not add default tolerations the pod already has', () => {
    const { create } = setup();
    const mine = { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 };
    const stored = create(TYPES.pods, pod({ tolerations: [mine], containers: [{ name: 'c', image: 'busybox' }] }));
    const tolerations = (stored.spec as { tolerations: unknown[] }).tolerations;
    expect(tolerations).toHaveLength(2);
    expect(tolerations[0]).toEqual(mine);
  });

  it('copies limits into missing requests', () => {
    const { create } = setup();
    const stored = create(TYPES.pods, pod({ containers: [{ name: 'c', image: 'busybox', resources: { limits: { cpu: '500m', memory: '128Mi' } } }] }));
    const c = (stored.spec as { containers: { resources: unknown }[] }).containers[0]!;
    expect(c.resources).toEqual({ limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '500m', memory: '128Mi' } });
    expect((stored.status as { qosClass: string }).qosClass).toBe('Guaranteed');
  });

  it.each([
    [[{ name: 'a', image: 'x' }], 'BestEffort'],
    [[{ name: 'a', image: 'x', resources: { requests: { cpu: '100m' } } }], 'Burstable'],
    [[{ name: 'a', image: 'x', resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } } }], 'Guaranteed'],
    [[{ name: 'a', image: 'x', resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '1Gi' } } }], 'Burstable'],
  ])('QoS of %j is %s', (containers, qos) => {
    expect(podQOSClass({ containers })).toBe(qos);
  });
});
