import { describe, expect, it } from 'vitest';
import type { ResourceType } from '../../../src/backends/sim/types.js';
import { deployment, nginx, setup, TYPES } from './fixtures.js';

const TEMPLATE_SPEC = {
  containers: [
    {
      name: 'nginx',
      image: 'nginx',
      imagePullPolicy: 'Always',
      resources: {},
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
    },
  ],
  dnsPolicy: 'ClusterFirst',
  restartPolicy: 'Always',
  schedulerName: 'default-scheduler',
  securityContext: {},
  terminationGracePeriodSeconds: 30,
};

const template = (labels: Record<string, string>, spec: Record<string, unknown> = { containers: [nginx()] }) => ({ metadata: { labels }, spec });

interface Case {
  name: string;
  type: ResourceType;
  object: Record<string, unknown>;
  /** Expected values at dotted paths of the stored object. */
  expect: Record<string, unknown>;
}

const get = (obj: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((cur, k) => (cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined), obj);

const cases: Case[] = [
  {
    name: 'Deployment',
    type: TYPES.deployments,
    object: deployment('web'),
    expect: {
      'metadata.generation': 1,
      'spec.replicas': 1,
      'spec.strategy': { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      'spec.revisionHistoryLimit': 10,
      'spec.progressDeadlineSeconds': 600,
      'spec.template': { metadata: { creationTimestamp: null, labels: { app: 'web' } }, spec: TEMPLATE_SPEC },
      status: {},
    },
  },
  {
    name: 'Deployment with Recreate',
    type: TYPES.deployments,
    object: deployment('web', { app: 'web' }, { strategy: { type: 'Recreate' }, replicas: 3 }),
    expect: { 'spec.strategy': { type: 'Recreate' }, 'spec.replicas': 3 },
  },
  {
    name: 'ReplicaSet',
    type: TYPES.replicasets,
    object: {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'rs' },
      spec: { selector: { matchLabels: { a: 'b' } }, template: template({ a: 'b' }) },
    },
    expect: { 'spec.replicas': 1, 'metadata.generation': 1, 'spec.template.spec': TEMPLATE_SPEC, status: { replicas: 0 } },
  },
  {
    name: 'StatefulSet',
    type: TYPES.statefulsets,
    object: {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: {
        serviceName: 'db',
        selector: { matchLabels: { app: 'db' } },
        template: template({ app: 'db' }),
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      },
    },
    expect: {
      'spec.replicas': 1,
      'spec.podManagementPolicy': 'OrderedReady',
      'spec.updateStrategy': { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      'spec.revisionHistoryLimit': 10,
      'spec.persistentVolumeClaimRetentionPolicy': { whenDeleted: 'Retain', whenScaled: 'Retain' },
      'spec.volumeClaimTemplates': [
        {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: { name: 'data', creationTimestamp: null },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' },
          status: { phase: 'Pending' },
        },
      ],
    },
  },
  {
    name: 'DaemonSet',
    type: TYPES.daemonsets,
    object: {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'ds' },
      spec: { selector: { matchLabels: { a: 'b' } }, template: template({ a: 'b' }) },
    },
    expect: { 'spec.updateStrategy': { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }, 'spec.revisionHistoryLimit': 10 },
  },
  {
    name: 'Job',
    type: TYPES.jobs,
    object: {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pi' },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34.0' }] } } },
    },
    expect: {
      'metadata.generation': 1,
      'spec.completions': 1,
      'spec.parallelism': 1,
      'spec.backoffLimit': 6,
      'spec.completionMode': 'NonIndexed',
      'spec.suspend': false,
      'spec.podReplacementPolicy': 'TerminatingOrFailed',
    },
  },
  {
    name: 'Job with parallelism only',
    type: TYPES.jobs,
    object: {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'q' },
      spec: { parallelism: 3, template: { spec: { restartPolicy: 'OnFailure', containers: [nginx()] } } },
    },
    expect: { 'spec.completions': undefined, 'spec.parallelism': 3 },
  },
  {
    name: 'CronJob',
    type: TYPES.cronjobs,
    object: {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'hello' },
      spec: {
        schedule: '* * * * *',
        jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'hello', image: 'busybox:1.28' }] } } } },
      },
    },
    expect: {
      'spec.concurrencyPolicy': 'Allow',
      'spec.suspend': false,
      'spec.successfulJobsHistoryLimit': 3,
      'spec.failedJobsHistoryLimit': 1,
      'spec.jobTemplate.metadata': { creationTimestamp: null },
      'spec.jobTemplate.spec.template.spec.containers': [
        {
          name: 'hello',
          image: 'busybox:1.28',
          imagePullPolicy: 'IfNotPresent',
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      'spec.jobTemplate.spec.completions': undefined,
    },
  },
  {
    name: 'Secret',
    type: TYPES.secrets,
    object: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { password: 'hunter2' }, data: { user: 'YWRtaW4=' } },
    expect: { type: 'Opaque', data: { user: 'YWRtaW4=', password: 'aHVudGVyMg==' }, stringData: undefined },
  },
  {
    name: 'Namespace',
    type: TYPES.namespaces,
    object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } },
    expect: {
      'metadata.labels': { 'kubernetes.io/metadata.name': 'dev' },
      'metadata.namespace': undefined,
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    },
  },
  {
    name: 'PersistentVolumeClaim',
    type: TYPES.pvcs,
    object: {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'c' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    },
    expect: { 'spec.volumeMode': 'Filesystem', status: { phase: 'Pending' }, 'metadata.generation': undefined },
  },
  {
    name: 'EndpointSlice',
    type: TYPES.endpointslices,
    object: { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'e' }, addressType: 'IPv4', ports: [{ port: 80 }], endpoints: [] },
    expect: { ports: [{ port: 80, name: '', protocol: 'TCP' }], 'metadata.generation': 1 },
  },
  {
    name: 'Ingress',
    type: TYPES.ingresses,
    object: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'i' },
      spec: { defaultBackend: { service: { name: 's', port: { number: 80 } } } },
    },
    expect: { 'metadata.generation': 1, status: { loadBalancer: {} } },
  },
  {
    name: 'ConfigMap',
    type: TYPES.configmaps,
    object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'app.properties': 'a=b' } },
    expect: { 'metadata.generation': undefined, data: { 'app.properties': 'a=b' }, status: undefined },
  },
  {
    name: 'HorizontalPodAutoscaler v2',
    type: TYPES.hpas,
    object: {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'h' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 5 },
    },
    expect: {
      'spec.minReplicas': 1,
      'spec.metrics': [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
      status: { currentReplicas: 0, desiredReplicas: 0 },
    },
  },
  {
    name: 'HorizontalPodAutoscaler v1',
    type: TYPES.hpas,
    object: {
      apiVersion: 'autoscaling/v1',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'h' },
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 5, targetCPUUtilizationPercentage: 50 },
    },
    expect: { 'spec.minReplicas': 1, 'spec.metrics': undefined },
  },
  {
    name: 'custom resource',
    type: TYPES.widgets,
    object: { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { size: 1 } },
    expect: { 'metadata.generation': 1 },
  },
];

describe('defaulting', () => {
  it.each(cases)('$name', ({ type, object, expect: expected }) => {
    const { create } = setup();
    const stored = create(type, object);
    for (const [path, value] of Object.entries(expected)) expect(get(stored, path), path).toEqual(value);
  });

  it('derives Job labels and selector from the uid', () => {
    const { create } = setup();
    const job = create(TYPES.jobs, cases.find((c) => c.name === 'Job')!.object);
    const uid = job.metadata.uid!;
    const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'job-name': 'pi' };
    expect(job.metadata.labels).toEqual(labels);
    expect(get(job, 'spec.template.metadata.labels')).toEqual(labels);
    expect(get(job, 'spec.selector')).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
  });

  it("keeps a Job's own labels", () => {
    const { create } = setup();
    const job = create(TYPES.jobs, {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pi', labels: { team: 'a' } },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [nginx()] } } },
    });
    expect(job.metadata.labels).toEqual({ team: 'a' });
  });

  it.each([
    [
      { type: 'ClusterIP', ports: [{ port: 80 }] },
      { sessionAffinity: 'None', internalTrafficPolicy: 'Cluster', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] },
    ],
    [{ ports: [{ port: 80, targetPort: 'http' }] }, { type: 'ClusterIP', ports: [{ port: 80, protocol: 'TCP', targetPort: 'http' }] }],
    [
      { type: 'NodePort', ports: [{ port: 80 }] },
      { externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster' },
    ],
    [
      { type: 'LoadBalancer', ports: [{ port: 80 }] },
      { externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true },
    ],
    [{ sessionAffinity: 'ClientIP', ports: [{ port: 80 }] }, { sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } }],
    [
      { type: 'ExternalName', externalName: 'db.example.com' },
      { clusterIP: undefined, clusterIPs: undefined, ipFamilies: undefined, internalTrafficPolicy: undefined },
    ],
  ])('Service spec %j gets %j', (spec, expected) => {
    const { create } = setup();
    const stored = create(TYPES.services, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'svc' }, spec });
    for (const [k, v] of Object.entries(expected)) expect((stored.spec as Record<string, unknown>)[k], k).toEqual(v);
    expect(stored.status).toEqual({ loadBalancer: {} });
  });
});
