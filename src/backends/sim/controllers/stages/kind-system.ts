import type { KObject } from '../../types.js';

/**
 * What kind (v0.27, node image for Kubernetes 1.32) runs besides CoreDNS and kube-proxy, as data:
 * the control plane's static pods (mirror pods owned by the Node), the kindnet CNI DaemonSet and
 * the local-path provisioner behind the `standard` StorageClass. Images are the ones that kind
 * release ships; `kubectl get pods -A` on a fresh cluster lists all of these Running 1/1.
 */

/** kind's own images (kind v0.27.0). */
export const KIND_IMAGES = {
  etcd: 'registry.k8s.io/etcd:3.5.16-0',
  kindnetd: 'docker.io/kindest/kindnetd:v20250214-acbabc1a',
  localPathProvisioner: 'docker.io/kindest/local-path-provisioner:v20250214-acbabc1a',
  localPathHelper: 'docker.io/kindest/local-path-helper:v20241212-8ac705d0',
} as const;

/** One control-plane component as kubeadm writes its manifest. */
interface StaticPod {
  component: string;
  image: (version: string) => string;
  command: (ip: string) => string[];
  requests: Record<string, string>;
  annotations?: (ip: string) => Record<string, string>;
}

const STATIC_PODS: readonly StaticPod[] = [
  {
    component: 'etcd',
    image: () => KIND_IMAGES.etcd,
    command: (ip) => [
      'etcd',
      `--advertise-client-urls=https://${ip}:2379`,
      '--cert-file=/etc/kubernetes/pki/etcd/server.crt',
      '--client-cert-auth=true',
      '--data-dir=/var/lib/etcd',
      `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`,
      '--name=kind-control-plane',
    ],
    requests: { cpu: '100m', memory: '100Mi' },
    annotations: (ip) => ({ 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${ip}:2379` }),
  },
  {
    component: 'kube-apiserver',
    image: (v) => `registry.k8s.io/kube-apiserver:${v}`,
    command: (ip) => [
      'kube-apiserver',
      `--advertise-address=${ip}`,
      '--allow-privileged=true',
      '--authorization-mode=Node,RBAC',
      '--enable-admission-plugins=NodeRestriction',
      '--etcd-servers=https://127.0.0.1:2379',
      '--secure-port=6443',
      '--service-cluster-ip-range=10.96.0.0/16',
    ],
    requests: { cpu: '250m' },
    annotations: (ip) => ({ 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${ip}:6443` }),
  },
  {
    component: 'kube-controller-manager',
    image: (v) => `registry.k8s.io/kube-controller-manager:${v}`,
    command: () => [
      'kube-controller-manager',
      '--allocate-node-cidrs=true',
      '--cluster-cidr=10.244.0.0/16',
      '--cluster-name=kind',
      '--controllers=*,bootstrapsigner,tokencleaner',
      '--leader-elect=true',
      '--service-cluster-ip-range=10.96.0.0/16',
      '--use-service-account-credentials=true',
    ],
    requests: { cpu: '200m' },
  },
  {
    component: 'kube-scheduler',
    image: (v) => `registry.k8s.io/kube-scheduler:${v}`,
    command: () => [
      'kube-scheduler',
      '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf',
      '--bind-address=127.0.0.1',
      '--kubeconfig=/etc/kubernetes/scheduler.conf',
      '--leader-elect=true',
    ],
    requests: { cpu: '100m' },
  },
];

/**
 * The mirror pods the control-plane kubelet publishes for its static pods: `<component>-<node>`,
 * owned by the Node, on the host network, system-node-critical.
 */
export function staticPods(node: { name: string; uid: string; ip: string }, version: string, seen: string, hash: (seed: string) => string): KObject[] {
  return STATIC_PODS.map((s) => {
    const configHash = hash(`${s.component}/${node.name}/${version}`);
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${s.component}-${node.name}`,
        namespace: 'kube-system',
        labels: { component: s.component, tier: 'control-plane' },
        annotations: {
          ...(s.annotations?.(node.ip) ?? {}),
          'kubernetes.io/config.hash': configHash,
          'kubernetes.io/config.mirror': configHash,
          'kubernetes.io/config.seen': seen,
          'kubernetes.io/config.source': 'file',
        },
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.name, uid: node.uid, controller: true }],
      },
      spec: {
        nodeName: node.name,
        hostNetwork: true,
        priorityClassName: 'system-node-critical',
        securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
        tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
        containers: [
          { name: s.component, image: s.image(version), imagePullPolicy: 'IfNotPresent', command: s.command(node.ip), resources: { requests: s.requests } },
        ],
      },
    };
  });
}

/** Where the objects kind adds at cluster creation are stored. */
export interface AddonObject {
  resource: string;
  group: string;
  object: KObject;
}

/** kindnet (CNI) in kube-system and the local-path provisioner in local-path-storage. */
export function kindAddons(): AddonObject[] {
  const kindnetLabels = { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' };
  const lpp = { app: 'local-path-provisioner' };
  const ns = 'local-path-storage';
  const sa = 'local-path-provisioner-service-account';
  return [
    { resource: 'serviceaccounts', group: '', object: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'kindnet', namespace: 'kube-system' } } },
    {
      resource: 'daemonsets',
      group: 'apps',
      object: {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: { name: 'kindnet', namespace: 'kube-system', labels: kindnetLabels },
        spec: {
          selector: { matchLabels: { app: 'kindnet' } },
          template: {
            metadata: { labels: kindnetLabels },
            spec: {
              hostNetwork: true,
              serviceAccountName: 'kindnet',
              tolerations: [{ operator: 'Exists' }],
              containers: [
                {
                  name: 'kindnet-cni',
                  image: KIND_IMAGES.kindnetd,
                  env: [
                    { name: 'HOST_IP', valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } } },
                    { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
                    { name: 'POD_SUBNET', value: '10.244.0.0/16' },
                    { name: 'CONTROL_PLANE_ENDPOINT', value: 'kind-control-plane:6443' },
                  ],
                  resources: { limits: { cpu: '100m', memory: '50Mi' }, requests: { cpu: '100m', memory: '50Mi' } },
                  securityContext: { capabilities: { add: ['NET_RAW', 'NET_ADMIN'] }, privileged: false },
                },
              ],
            },
          },
        },
      },
    },
    {
      resource: 'namespaces',
      group: '',
      object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns } } },
    },
    { resource: 'serviceaccounts', group: '', object: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: sa, namespace: ns } } },
    {
      resource: 'configmaps',
      group: '',
      object: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'local-path-config', namespace: ns },
        data: {
          'config.json':
            '{\n        "nodePathMap":[\n        {\n                "node":"DEFAULT_PATH_FOR_NON_LISTED_NODES",\n                "paths":["/var/local-path-provisioner"]\n        }\n        ]\n}',
          'helperPod.yaml': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: helper-pod\nspec:\n  priorityClassName: system-node-critical\n  tolerations:\n    - key: node.kubernetes.io/disk-pressure\n      operator: Exists\n      effect: NoSchedule\n  containers:\n  - name: helper-pod\n    image: ${KIND_IMAGES.localPathHelper}\n    imagePullPolicy: IfNotPresent`,
          setup: '#!/bin/sh\nset -eu\nmkdir -m 0777 -p "$VOL_DIR"',
          teardown: '#!/bin/sh\nset -eu\nrm -rf "$VOL_DIR"',
        },
      },
    },
    {
      resource: 'deployments',
      group: 'apps',
      object: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'local-path-provisioner', namespace: ns },
        spec: {
          replicas: 1,
          selector: { matchLabels: lpp },
          template: {
            metadata: { labels: lpp },
            spec: {
              priorityClassName: 'system-node-critical',
              serviceAccountName: sa,
              nodeSelector: { 'kubernetes.io/os': 'linux' },
              tolerations: [
                { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
                { key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' },
              ],
              containers: [
                {
                  name: 'local-path-provisioner',
                  image: KIND_IMAGES.localPathProvisioner,
                  imagePullPolicy: 'IfNotPresent',
                  command: ['local-path-provisioner', '--debug', 'start', '--helper-image', KIND_IMAGES.localPathHelper, '--config', '/etc/config/config.json'],
                  env: [
                    { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                    { name: 'CONFIG_MOUNT_PATH', value: '/etc/config/' },
                  ],
                  volumeMounts: [{ name: 'config-volume', mountPath: '/etc/config/' }],
                },
              ],
              volumes: [{ name: 'config-volume', configMap: { name: 'local-path-config' } }],
            },
          },
        },
      },
    },
  ];
}
