import { describe, expect, it } from 'vitest';
import type { KObject, ResourceType } from '../../../src/backends/sim/types.js';
import { printerFor, toTable } from '../../../src/backends/sim/tables/index.js';

const NOW = new Date('2024-01-04T00:00:00Z');
const CREATED = '2024-01-01T00:00:00Z';
type Dict = Record<string, unknown>;

const type = (group: string, resource: string, kind: string): ResourceType => ({
  group,
  version: 'v1',
  resource,
  singular: kind.toLowerCase(),
  kind,
  namespaced: true,
  verbs: [],
});

const obj = (kind: string, body: Dict, meta: Dict = {}): KObject => ({
  apiVersion: 'v1',
  kind,
  metadata: { name: 'x', namespace: 'default', creationTimestamp: CREATED, ...meta },
  ...body,
});

const template = {
  metadata: { labels: { app: 'web' } },
  spec: {
    containers: [
      { name: 'nginx', image: 'nginx:1.27' },
      { name: 'sidecar', image: 'busybox' },
    ],
  },
};

const T = {
  deployments: type('apps', 'deployments', 'Deployment'),
  replicasets: type('apps', 'replicasets', 'ReplicaSet'),
  statefulsets: type('apps', 'statefulsets', 'StatefulSet'),
  daemonsets: type('apps', 'daemonsets', 'DaemonSet'),
  jobs: type('batch', 'jobs', 'Job'),
  cronjobs: type('batch', 'cronjobs', 'CronJob'),
  services: type('', 'services', 'Service'),
  endpoints: type('', 'endpoints', 'Endpoints'),
  endpointslices: type('discovery.k8s.io', 'endpointslices', 'EndpointSlice'),
  configmaps: type('', 'configmaps', 'ConfigMap'),
  secrets: type('', 'secrets', 'Secret'),
  namespaces: type('', 'namespaces', 'Namespace'),
  nodes: type('', 'nodes', 'Node'),
  events: type('', 'events', 'Event'),
  serviceaccounts: type('', 'serviceaccounts', 'ServiceAccount'),
  pvcs: type('', 'persistentvolumeclaims', 'PersistentVolumeClaim'),
  ingresses: type('networking.k8s.io', 'ingresses', 'Ingress'),
  clusterroles: type('rbac.authorization.k8s.io', 'clusterroles', 'ClusterRole'),
  rolebindings: type('rbac.authorization.k8s.io', 'rolebindings', 'RoleBinding'),
  storageclasses: type('storage.k8s.io', 'storageclasses', 'StorageClass'),
  hpas: type('autoscaling', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler'),
  widgets: type('example.com', 'widgets', 'Widget'),
  crds: type('apiextensions.k8s.io', 'customresourcedefinitions', 'CustomResourceDefinition'),
  revisions: type('apps', 'controllerrevisions', 'ControllerRevision'),
  priorityclasses: type('scheduling.k8s.io', 'priorityclasses', 'PriorityClass'),
  quotas: type('', 'resourcequotas', 'ResourceQuota'),
};

const COLUMNS: [ResourceType, string[]][] = [
  [T.deployments, ['Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers*', 'Images*', 'Selector*']],
  [T.replicasets, ['Name', 'Desired', 'Current', 'Ready', 'Age', 'Containers*', 'Images*', 'Selector*']],
  [T.statefulsets, ['Name', 'Ready', 'Age', 'Containers*', 'Images*']],
  [T.daemonsets, ['Name', 'Desired', 'Current', 'Ready', 'Up-to-date', 'Available', 'Node Selector', 'Age', 'Containers*', 'Images*', 'Selector*']],
  [T.jobs, ['Name', 'Status', 'Completions', 'Duration', 'Age', 'Containers*', 'Images*', 'Selector*']],
  [T.cronjobs, ['Name', 'Schedule', 'Timezone', 'Suspend', 'Active', 'Last Schedule', 'Age', 'Containers*', 'Images*', 'Selector*']],
  [T.services, ['Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age', 'Selector*']],
  [T.endpoints, ['Name', 'Endpoints', 'Age']],
  [T.endpointslices, ['Name', 'AddressType', 'Ports', 'Endpoints', 'Age']],
  [T.configmaps, ['Name', 'Data', 'Age']],
  [T.secrets, ['Name', 'Type', 'Data', 'Age']],
  [T.namespaces, ['Name', 'Status', 'Age']],
  [T.nodes, ['Name', 'Status', 'Roles', 'Age', 'Version', 'Internal-IP*', 'External-IP*', 'OS-Image*', 'Kernel-Version*', 'Container-Runtime*']],
  [T.events, ['Last Seen', 'Type', 'Reason', 'Object', 'Subobject*', 'Source*', 'Message', 'First Seen*', 'Count*', 'Name*']],
  [T.serviceaccounts, ['Name', 'Secrets', 'Age']],
  [T.pvcs, ['Name', 'Status', 'Volume', 'Capacity', 'Access Modes', 'StorageClass', 'VolumeAttributesClass', 'Age', 'VolumeMode*']],
  [T.ingresses, ['Name', 'Class', 'Hosts', 'Address', 'Ports', 'Age']],
  [T.clusterroles, ['Name', 'Created At']],
  [T.widgets, ['Name', 'Age']],
];

describe('column definitions', () => {
  it.each(COLUMNS)('$resource', (t, names) => {
    const table = toTable(t, [], { now: NOW, includeObject: 'Metadata', resourceVersion: '1' });
    const defs = table.columnDefinitions as { name: string; priority: number; format: string }[];
    expect(defs.map((d) => `${d.name}${d.priority === 1 ? '*' : ''}`)).toEqual(names);
    const nameDef = defs.find((d) => d.name === 'Name');
    expect(nameDef?.format).toBe('name');
    expect(table.rows).toEqual([]);
  });
});

const CELLS: [string, ResourceType, KObject, unknown[]][] = [
  [
    'deployment',
    T.deployments,
    obj('Deployment', {
      spec: { replicas: 3, selector: { matchLabels: { app: 'web', tier: 'fe' } }, template },
      status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
    }),
    ['x', '2/3', 3, 2, '3d', 'nginx,sidecar', 'nginx:1.27,busybox', 'app=web,tier=fe'],
  ],
  [
    'deployment without status',
    T.deployments,
    obj('Deployment', { spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template } }),
    ['x', '0/1', 0, 0, '3d', 'nginx,sidecar', 'nginx:1.27,busybox', 'app=web'],
  ],
  [
    'replicaset with expressions',
    T.replicasets,
    obj('ReplicaSet', {
      spec: {
        replicas: 2,
        selector: {
          matchExpressions: [
            { key: 'env', operator: 'In', values: ['prod', 'dev'] },
            { key: 'app', operator: 'Exists' },
          ],
        },
        template,
      },
      status: { replicas: 2, readyReplicas: 1 },
    }),
    ['x', 2, 2, 1, '3d', 'nginx,sidecar', 'nginx:1.27,busybox', 'app,env in (dev,prod)'],
  ],
  [
    'statefulset',
    T.statefulsets,
    obj('StatefulSet', { spec: { replicas: 3, template }, status: { readyReplicas: 3 } }),
    ['x', '3/3', '3d', 'nginx,sidecar', 'nginx:1.27,busybox'],
  ],
  [
    'daemonset',
    T.daemonsets,
    obj('DaemonSet', {
      spec: { selector: { matchLabels: { app: 'web' } }, template: { ...template, spec: { ...template.spec, nodeSelector: { 'kubernetes.io/os': 'linux' } } } },
      status: { desiredNumberScheduled: 1, currentNumberScheduled: 1, numberReady: 1, updatedNumberScheduled: 1, numberAvailable: 1 },
    }),
    ['x', 1, 1, 1, 1, 1, 'kubernetes.io/os=linux', '3d', 'nginx,sidecar', 'nginx:1.27,busybox', 'app=web'],
  ],
  [
    'complete job',
    T.jobs,
    obj('Job', {
      spec: { completions: 1, parallelism: 1, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u' } }, template },
      status: { succeeded: 1, startTime: '2024-01-01T00:00:00Z', completionTime: '2024-01-01T00:00:34Z', conditions: [{ type: 'Complete', status: 'True' }] },
    }),
    ['x', 'Complete', '1/1', '34s', '3d', 'nginx,sidecar', 'nginx:1.27,busybox', 'batch.kubernetes.io/controller-uid=u'],
  ],
  [
    'running job',
    T.jobs,
    obj('Job', { spec: { completions: 3, template }, status: { succeeded: 1, startTime: '2024-01-03T23:58:00Z' } }),
    ['x', 'Running', '1/3', '2m', '3d', 'nginx,sidecar', 'nginx:1.27,busybox', '<none>'],
  ],
  [
    'work queue job',
    T.jobs,
    obj('Job', { spec: { parallelism: 2, template }, status: {} }),
    ['x', 'Running', '0/1 of 2', '', '3d', 'nginx,sidecar', 'nginx:1.27,busybox', '<none>'],
  ],
  [
    'failed job',
    T.jobs,
    obj('Job', {
      spec: { completions: 1, template },
      status: {
        conditions: [
          { type: 'FailureTarget', status: 'True' },
          { type: 'Failed', status: 'True' },
        ],
      },
    }),
    ['x', 'Failed', '0/1', '', '3d', 'nginx,sidecar', 'nginx:1.27,busybox', '<none>'],
  ],
  [
    'suspended job',
    T.jobs,
    obj('Job', { spec: { completions: 1, template }, status: { conditions: [{ type: 'Suspended', status: 'True' }] } }),
    ['x', 'Suspended', '0/1', '', '3d', 'nginx,sidecar', 'nginx:1.27,busybox', '<none>'],
  ],
  [
    'cronjob',
    T.cronjobs,
    obj('CronJob', {
      spec: { schedule: '*/1 * * * *', suspend: false, jobTemplate: { spec: { template } } },
      status: { active: [{ name: 'a' }], lastScheduleTime: '2024-01-03T23:59:00Z' },
    }),
    ['x', '*/1 * * * *', '<none>', 'False', 1, '60s', '3d', 'nginx,sidecar', 'nginx:1.27,busybox', '<none>'],
  ],
  [
    'cronjob never run',
    T.cronjobs,
    obj('CronJob', { spec: { schedule: '@hourly', timeZone: 'Etc/UTC', jobTemplate: { spec: { template } } } }),
    ['x', '@hourly', 'Etc/UTC', '<unset>', 0, '<none>', '3d', 'nginx,sidecar', 'nginx:1.27,busybox', '<none>'],
  ],
  [
    'ClusterIP service',
    T.services,
    obj('Service', {
      spec: { type: 'ClusterIP', clusterIP: '10.96.12.34', clusterIPs: ['10.96.12.34'], ports: [{ port: 80, protocol: 'TCP' }], selector: { app: 'web' } },
    }),
    ['x', 'ClusterIP', '10.96.12.34', '<none>', '80/TCP', '3d', 'app=web'],
  ],
  [
    'NodePort service',
    T.services,
    obj('Service', {
      spec: {
        type: 'NodePort',
        clusterIPs: ['10.96.1.2'],
        ports: [
          { port: 8080, nodePort: 31234, protocol: 'TCP' },
          { port: 443, nodePort: 30443, protocol: 'TCP' },
        ],
      },
    }),
    ['x', 'NodePort', '10.96.1.2', '<none>', '8080:31234/TCP,443:30443/TCP', '3d', '<none>'],
  ],
  [
    'pending LoadBalancer',
    T.services,
    obj('Service', {
      spec: { type: 'LoadBalancer', clusterIPs: ['10.96.1.3'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] },
      status: { loadBalancer: {} },
    }),
    ['x', 'LoadBalancer', '10.96.1.3', '<pending>', '80:30080/TCP', '3d', '<none>'],
  ],
  [
    'LoadBalancer with IP',
    T.services,
    obj('Service', {
      spec: { type: 'LoadBalancer', clusterIPs: ['10.96.1.3'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] },
      status: { loadBalancer: { ingress: [{ ip: '172.18.0.5', ipMode: 'VIP' }] } },
    }),
    ['x', 'LoadBalancer', '10.96.1.3', '172.18.0.5', '80:30080/TCP', '3d', '<none>'],
  ],
  [
    'ExternalName',
    T.services,
    obj('Service', { spec: { type: 'ExternalName', externalName: 'db.example.com' } }),
    ['x', 'ExternalName', '<none>', 'db.example.com', '<none>', '3d', '<none>'],
  ],
  [
    'headless',
    T.services,
    obj('Service', { spec: { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], ports: [{ port: 5432, protocol: 'TCP' }], selector: { app: 'db' } } }),
    ['x', 'ClusterIP', 'None', '<none>', '5432/TCP', '3d', 'app=db'],
  ],
  [
    'externalIPs',
    T.services,
    obj('Service', { spec: { type: 'ClusterIP', clusterIPs: ['10.96.1.4'], externalIPs: ['1.2.3.4'], ports: [{ port: 80, protocol: 'UDP' }] } }),
    ['x', 'ClusterIP', '10.96.1.4', '1.2.3.4', '80/UDP', '3d', '<none>'],
  ],
  [
    'endpoints',
    T.endpoints,
    obj('Endpoints', { subsets: [{ addresses: [{ ip: '10.244.0.5' }, { ip: '10.244.0.6' }], ports: [{ port: 80 }] }] }),
    ['x', '10.244.0.5:80,10.244.0.6:80', '3d'],
  ],
  ['no endpoints', T.endpoints, obj('Endpoints', {}), ['x', '<none>', '3d']],
  [
    'only unready endpoints',
    T.endpoints,
    obj('Endpoints', { subsets: [{ notReadyAddresses: [{ ip: '10.244.0.5' }], ports: [{ port: 80 }] }] }),
    ['x', '', '3d'],
  ],
  [
    'many endpoints',
    T.endpoints,
    obj('Endpoints', { subsets: [{ addresses: [1, 2, 3, 4, 5].map((i) => ({ ip: `10.244.0.${i}` })), ports: [{ port: 80 }] }] }),
    ['x', '10.244.0.1:80,10.244.0.2:80,10.244.0.3:80 + 2 more...', '3d'],
  ],
  [
    'endpointslice',
    T.endpointslices,
    obj('EndpointSlice', {
      addressType: 'IPv4',
      ports: [{ name: '', port: 80, protocol: 'TCP' }],
      endpoints: [1, 2, 3, 4].map((i) => ({ addresses: [`10.244.0.${i}`] })),
    }),
    ['x', 'IPv4', '80', '10.244.0.1,10.244.0.2,10.244.0.3 + 1 more...', '3d'],
  ],
  [
    'empty endpointslice',
    T.endpointslices,
    obj('EndpointSlice', { addressType: 'IPv4', ports: null, endpoints: [] }),
    ['x', 'IPv4', '<unset>', '<unset>', '3d'],
  ],
  ['configmap', T.configmaps, obj('ConfigMap', { data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } }), ['x', 3, '3d']],
  ['secret', T.secrets, obj('Secret', { type: 'kubernetes.io/tls', data: { 'tls.crt': 'AA==', 'tls.key': 'AA==' } }), ['x', 'kubernetes.io/tls', 2, '3d']],
  ['namespace', T.namespaces, obj('Namespace', { status: { phase: 'Active' } }, { namespace: undefined }), ['x', 'Active', '3d']],
  [
    'node',
    T.nodes,
    obj(
      'Node',
      {
        spec: {},
        status: {
          conditions: [
            { type: 'MemoryPressure', status: 'False' },
            { type: 'Ready', status: 'True' },
          ],
          addresses: [
            { type: 'InternalIP', address: '172.18.0.2' },
            { type: 'Hostname', address: 'kind-control-plane' },
          ],
          nodeInfo: {
            kubeletVersion: 'v1.32.4',
            osImage: 'Debian GNU/Linux 12 (bookworm)',
            kernelVersion: '6.8.0',
            containerRuntimeVersion: 'containerd://2.0.3',
          },
        },
      },
      { labels: { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/hostname': 'x' } },
    ),
    ['x', 'Ready', 'control-plane', '3d', 'v1.32.4', '172.18.0.2', '<none>', 'Debian GNU/Linux 12 (bookworm)', '6.8.0', 'containerd://2.0.3'],
  ],
  [
    'cordoned node without status',
    T.nodes,
    obj('Node', { spec: { unschedulable: true } }),
    ['x', 'Unknown,SchedulingDisabled', '<none>', '3d', '', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>'],
  ],
  [
    'event',
    T.events,
    obj(
      'Event',
      {
        type: 'Normal',
        reason: 'Scheduled',
        message: 'Successfully assigned default/web to kind-control-plane ',
        involvedObject: { kind: 'Pod', name: 'web', fieldPath: 'spec.containers{nginx}' },
        source: { component: 'kubelet', host: 'kind-control-plane' },
        firstTimestamp: '2024-01-03T23:55:00Z',
        lastTimestamp: '2024-01-03T23:59:30Z',
        count: 3,
      },
      { name: 'web.17a' },
    ),
    [
      '30s',
      'Normal',
      'Scheduled',
      'pod/web',
      'spec.containers{nginx}',
      'kubelet, kind-control-plane',
      'Successfully assigned default/web to kind-control-plane',
      '5m',
      3,
      'web.17a',
    ],
  ],
  [
    'event with only eventTime',
    T.events,
    obj(
      'Event',
      {
        type: 'Warning',
        reason: 'X',
        message: 'm',
        involvedObject: { kind: 'Node' },
        eventTime: '2024-01-03T23:59:50.123456Z',
        reportingComponent: 'default-scheduler',
        reportingController: 'default-scheduler',
      },
      { name: 'e' },
    ),
    ['9s', 'Warning', 'X', 'node', '', 'default-scheduler', 'm', '9s', 1, 'e'],
  ],
  ['serviceaccount', T.serviceaccounts, obj('ServiceAccount', { secrets: [{ name: 'a' }] }), ['x', 1, '3d']],
  [
    'pending pvc',
    T.pvcs,
    obj('PersistentVolumeClaim', {
      spec: { storageClassName: 'standard', volumeMode: 'Filesystem', resources: { requests: { storage: '1Gi' } } },
      status: { phase: 'Pending' },
    }),
    ['x', 'Pending', '', '', '', 'standard', '<unset>', '3d', 'Filesystem'],
  ],
  [
    'bound pvc',
    T.pvcs,
    obj('PersistentVolumeClaim', {
      spec: { volumeName: 'pvc-1', storageClassName: 'standard', volumeMode: 'Filesystem' },
      status: { phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteMany', 'ReadWriteOnce'] },
    }),
    ['x', 'Bound', 'pvc-1', '1Gi', 'RWO,RWX', 'standard', '<unset>', '3d', 'Filesystem'],
  ],
  [
    'ingress',
    T.ingresses,
    obj('Ingress', {
      spec: { ingressClassName: 'nginx', rules: [{ host: 'a.example.com' }, { host: 'b.example.com' }], tls: [{ hosts: ['a.example.com'] }] },
      status: { loadBalancer: { ingress: [{ hostname: 'localhost' }] } },
    }),
    ['x', 'nginx', 'a.example.com,b.example.com', 'localhost', '80, 443', '3d'],
  ],
  ['ingress without hosts', T.ingresses, obj('Ingress', { spec: { rules: [{ http: { paths: [] } }] } }), ['x', '<none>', '*', '', '80', '3d']],
  ['clusterrole', T.clusterroles, obj('ClusterRole', {}, { namespace: undefined }), ['x', CREATED]],
  [
    'rolebinding',
    T.rolebindings,
    obj('RoleBinding', {
      roleRef: { kind: 'ClusterRole', name: 'view' },
      subjects: [
        { kind: 'User', name: 'jane' },
        { kind: 'ServiceAccount', name: 'bot', namespace: 'ci' },
      ],
    }),
    ['x', 'ClusterRole/view', '3d', 'jane', '', 'ci/bot'],
  ],
  [
    'default storageclass',
    T.storageclasses,
    obj(
      'StorageClass',
      { provisioner: 'rancher.io/local-path', reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer' },
      { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    ),
    ['x (default)', 'rancher.io/local-path', 'Delete', 'WaitForFirstConsumer', false, '3d'],
  ],
  [
    'hpa',
    T.hpas,
    obj('HorizontalPodAutoscaler', {
      spec: {
        scaleTargetRef: { kind: 'Deployment', name: 'php-apache' },
        minReplicas: 1,
        maxReplicas: 10,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
      },
      status: { currentReplicas: 1, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 0 } } }] },
    }),
    ['x', 'Deployment/php-apache', 'cpu: 0%/50%', '1', 10, 1, '3d'],
  ],
  [
    'hpa with three metrics',
    T.hpas,
    obj('HorizontalPodAutoscaler', {
      spec: {
        scaleTargetRef: { kind: 'Deployment', name: 'web' },
        maxReplicas: 5,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } },
          { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } },
          { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '1k' } } },
        ],
      },
    }),
    ['x', 'Deployment/web', 'cpu: <unknown>/50%, memory: <unknown>/100Mi + 1 more...', '<unset>', 5, 0, '3d'],
  ],
  [
    'resourcequota',
    T.quotas,
    obj('ResourceQuota', {
      status: {
        hard: { 'requests.cpu': '1', 'limits.memory': '2Gi', 'requests.memory': '1Gi', pods: '10' },
        used: { 'requests.cpu': '0', 'limits.memory': '0', 'requests.memory': '0', pods: '1' },
      },
    }),
    ['x', 'pods: 1/10, requests.cpu: 0/1, requests.memory: 0/1Gi', 'limits.memory: 0/2Gi', '3d'],
  ],
  [
    'autoscaling/v1 hpa',
    T.hpas,
    obj('HorizontalPodAutoscaler', {
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'php-apache' }, minReplicas: 1, maxReplicas: 10, targetCPUUtilizationPercentage: 50 },
      status: { currentReplicas: 1 },
    }),
    ['x', 'Deployment/php-apache', 'cpu: <unknown>/50%', '1', 10, 1, '3d'],
  ],
  ['custom resource', T.widgets, obj('Widget', {}), ['x', '3d']],
  ['crd', T.crds, obj('CustomResourceDefinition', {}, { name: 'widgets.example.com' }), ['widgets.example.com', CREATED]],
  [
    'controllerrevision',
    T.revisions,
    obj(
      'ControllerRevision',
      { revision: 2 },
      { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'fluentd', uid: 'u', controller: true }] },
    ),
    ['x', 'daemonset.apps/fluentd', 2, '3d'],
  ],
  [
    'priorityclass',
    T.priorityclasses,
    obj('PriorityClass', { value: 2000000000, preemptionPolicy: 'PreemptLowerPriority' }),
    ['x', 2000000000, false, '3d', 'PreemptLowerPriority'],
  ],
  ['no creationTimestamp', T.widgets, obj('Widget', {}, { creationTimestamp: undefined }), ['x', '<unknown>']],
];

describe('cells', () => {
  it.each(CELLS)('%s', (_name, t, object, expected) => {
    const table = toTable(t, [object], { now: NOW, includeObject: 'None', resourceVersion: '1' });
    expect((table.rows as { cells: unknown[] }[])[0]!.cells).toEqual(expected);
    expect(expected).toHaveLength(printerFor(t).columns.length);
  });
});
