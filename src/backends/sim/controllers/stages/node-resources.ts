/**
 * What a kind node reports as capacity and allocatable: the machine kind runs on (kind sets no
 * kube/system reservations, so allocatable equals capacity). An 8-CPU, 16 GiB Linux host with the
 * kubelet's default 110 pods; the scheduler fits pod requests against these.
 */
export const KIND_NODE_RESOURCES: Readonly<Record<string, string>> = {
  cpu: '8',
  'ephemeral-storage': '102625208Ki',
  'hugepages-1Gi': '0',
  'hugepages-2Mi': '0',
  memory: '16351080Ki',
  pods: '110',
};
