import type { KObject } from '../types.js';

/** The `k8s-app` labels of the add-ons' pods. */
export const ADDON_APPS: readonly string[] = ['kube-dns', 'kube-proxy', 'kindnet'];

/** True for a pod of the simulator's own add-ons (not something a lesson started): kube-system's, and kind's local-path provisioner. */
export function isAddonPod(pod: KObject): boolean {
  const labels = pod.metadata.labels ?? {};
  if (pod.metadata.namespace === 'local-path-storage') return labels['app'] === 'local-path-provisioner';
  return pod.metadata.namespace === 'kube-system' && (ADDON_APPS.includes(String(labels['k8s-app'] ?? '')) || labels['tier'] === 'control-plane');
}

/**
 * The cluster add-ons a fresh kind cluster runs in kube-system, as data: CoreDNS behind the
 * `kube-dns` Service at 10.96.0.10 (the address every pod's resolv.conf names) and kube-proxy
 * on every node. Tutorials look these up (`kubectl get services kube-dns --namespace=kube-system`).
 */
export function clusterAddons(version: string): { resource: string; group: string; object: KObject }[] {
  const dnsLabels = { 'k8s-app': 'kube-dns' };
  return [
    {
      resource: 'deployments',
      group: 'apps',
      object: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'coredns', namespace: 'kube-system', labels: dnsLabels },
        spec: {
          replicas: 2,
          selector: { matchLabels: dnsLabels },
          strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '25%' } },
          template: {
            metadata: { labels: dnsLabels },
            spec: {
              priorityClassName: 'system-cluster-critical',
              serviceAccountName: 'default',
              nodeSelector: { 'kubernetes.io/os': 'linux' },
              tolerations: [
                { key: 'CriticalAddonsOnly', operator: 'Exists' },
                { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
              ],
              containers: [
                {
                  name: 'coredns',
                  image: 'registry.k8s.io/coredns/coredns:v1.11.3',
                  args: ['-conf', '/etc/coredns/Corefile'],
                  ports: [
                    { name: 'dns', containerPort: 53, protocol: 'UDP' },
                    { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
                    { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
                  ],
                  resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
                },
              ],
              dnsPolicy: 'Default',
            },
          },
        },
      },
    },
    {
      resource: 'services',
      group: '',
      object: {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: {
          name: 'kube-dns',
          namespace: 'kube-system',
          labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
          annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
        },
        spec: {
          selector: dnsLabels,
          clusterIP: '10.96.0.10',
          clusterIPs: ['10.96.0.10'],
          ports: [
            { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
            { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
            { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
          ],
        },
      },
    },
    {
      resource: 'daemonsets',
      group: 'apps',
      object: {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { 'k8s-app': 'kube-proxy' } },
        spec: {
          selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
          template: {
            metadata: { labels: { 'k8s-app': 'kube-proxy' } },
            spec: {
              priorityClassName: 'system-node-critical',
              hostNetwork: true,
              nodeSelector: { 'kubernetes.io/os': 'linux' },
              tolerations: [{ operator: 'Exists' }],
              containers: [
                {
                  name: 'kube-proxy',
                  image: `registry.k8s.io/kube-proxy:${version}`,
                  command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
                  securityContext: { privileged: true },
                },
              ],
            },
          },
        },
      },
    },
  ];
}
