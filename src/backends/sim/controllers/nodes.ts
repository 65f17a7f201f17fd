import { createHash } from 'node:crypto';
import type { Api } from '../api/types.js';
import type { KObject } from '../types.js';
import { kindAddons, staticPods } from './stages/kind-system.js';
import { KIND_NODE_RESOURCES } from './stages/node-resources.js';
import { microTimestamp, timestamp, typeOf } from './util.js';

/** Facts about one simulated node that other controllers need. */
export interface NodeInfo {
  name: string;
  index: number;
  internalIP: string;
  podCIDR: string;
  controlPlane: boolean;
}

/** The nodes of the simulated cluster, as kind lays them out (172.18.0.2…, 10.244.N.0/24). */
export function nodeInfos(names: readonly string[]): NodeInfo[] {
  return names.map((name, index) => ({
    name,
    index,
    internalIP: `172.18.0.${index + 2}`,
    podCIDR: `10.244.${index}.0/24`,
    controlPlane: name.endsWith('control-plane') || (index === 0 && !names.some((n) => n.endsWith('control-plane'))),
  }));
}

function hex(seed: string, n: number): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, n);
}

function uuidFrom(seed: string): string {
  const h = hex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** A Node object as kind's kubelet registers it. */
export function nodeObject(api: Api, node: NodeInfo, all: readonly NodeInfo[]): KObject {
  const now = timestamp(api.ctx.clock.now());
  const git = api.ctx.version.gitVersion;
  const tainted = node.controlPlane && all.length > 1;
  const resources = { ...KIND_NODE_RESOURCES };
  const condition = (type: string, status: string, reason: string, message: string) => ({
    lastHeartbeatTime: now,
    lastTransitionTime: now,
    message,
    reason,
    status,
    type,
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: node.name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': node.name,
        'kubernetes.io/os': 'linux',
        ...(node.controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
      },
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: node.podCIDR,
      podCIDRs: [node.podCIDR],
      providerID: `kind://docker/kind/${node.name}`,
      ...(tainted ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }] } : {}),
    },
    status: {
      addresses: [
        { address: node.internalIP, type: 'InternalIP' },
        { address: node.name, type: 'Hostname' },
      ],
      allocatable: resources,
      capacity: resources,
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: uuidFrom(`boot/${node.name}`),
        containerRuntimeVersion: 'containerd://1.7.24',
        kernelVersion: '6.8.0-49-generic',
        kubeProxyVersion: git,
        kubeletVersion: git,
        machineID: hex(`machine/${node.name}`, 32),
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: uuidFrom(`system/${node.name}`),
      },
    },
  };
}

/** Registers every configured node that does not exist yet (status written through the status subresource). */
export function registerNodes(api: Api, nodes: readonly NodeInfo[]): void {
  const type = typeOf(api, 'nodes');
  for (const node of nodes) {
    if (api.find(type, undefined, node.name)) continue;
    const desired = nodeObject(api, node, nodes);
    const created = api.create(type, undefined, desired);
    const status = desired['status'];
    if (JSON.stringify(created['status']) !== JSON.stringify(status)) {
      api.update(type, undefined, { ...created, status }, { subresource: 'status' });
    }
    registerLease(api, created);
    if (node.controlPlane) registerStaticPods(api, created, node);
  }
}

/** The control plane's mirror pods (etcd, kube-apiserver, kube-controller-manager, kube-scheduler). */
function registerStaticPods(api: Api, created: KObject, node: NodeInfo): void {
  const pods = typeOf(api, 'pods');
  if (!api.find(typeOf(api, 'namespaces'), undefined, 'kube-system')) return;
  const seen = new Date(api.ctx.clock.now().getTime()).toISOString().replace('Z', '000000Z');
  for (const pod of staticPods({ name: node.name, uid: String(created.metadata.uid), ip: node.internalIP }, api.ctx.version.gitVersion, seen, (seed) =>
    hex(seed, 32),
  )) {
    if (api.find(pods, 'kube-system', String(pod.metadata.name))) continue;
    api.create(pods, 'kube-system', pod);
  }
}

/** The add-ons kind installs besides CoreDNS and kube-proxy (kindnet, the local-path provisioner). */
export function ensureKindAddons(api: Api): void {
  // Only a bootstrapped cluster (one with kube-system) has them.
  if (!api.find(typeOf(api, 'namespaces'), undefined, 'kube-system')) return;
  for (const { resource, group, object } of kindAddons()) {
    const type = api.resolve(resource, group);
    if (!type || api.find(type, object.metadata.namespace, String(object.metadata.name))) continue;
    try {
      api.create(type, object.metadata.namespace, object);
    } catch {
      // Already made by another writer, or the API does not serve its namespace: leave it.
    }
  }
}

/** The node's heartbeat Lease in kube-node-lease, which `kubectl describe node` shows. */
function registerLease(api: Api, node: KObject): void {
  const leases = api.resolve('leases', 'coordination.k8s.io');
  const name = String(node.metadata.name);
  if (!leases || !api.find(typeOf(api, 'namespaces'), undefined, 'kube-node-lease') || api.find(leases, 'kube-node-lease', name)) return;
  api.create(leases, 'kube-node-lease', {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      name,
      namespace: 'kube-node-lease',
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: String(node.metadata.uid) }],
    },
    spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime: microTimestamp(api.ctx.clock.now()) },
  });
}
