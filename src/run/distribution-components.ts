/**
 * The system components each Kubernetes distribution installs, by the names of their pods: static
 * control-plane pods named after the distribution's node (`etcd-minikube`), its own add-ons
 * (`storage-provisioner`, `kindnet-x7k2p`). A listing of a system namespace the doc shows with
 * another distribution's components cannot be checked on this backend's cluster: those rows are
 * the author's distribution, not the doc's facts. `trigger` names must be read as a
 * distribution's component and `clean` names must not (test/run/distribution-components.test.ts).
 */
import { systemNamespaceOf } from '../match/distribution.js';

interface Distribution {
  name: string;
  /** Pod (or Service) names only this distribution's system namespace has. */
  components: readonly RegExp[];
}

export const DISTRIBUTIONS: readonly Distribution[] = [
  {
    name: 'minikube',
    components: [/^(?:etcd|kube-apiserver|kube-controller-manager|kube-scheduler|kube-addon-manager)-minikube(?:-m\d+)?$/, /^storage-provisioner$/],
  },
  { name: 'kind', components: [/^(?:etcd|kube-apiserver|kube-controller-manager|kube-scheduler)-[\w-]*-control-plane\d*$/, /^kindnet-[a-z0-9]{5}$/] },
  { name: 'Docker Desktop', components: [/^(?:etcd|kube-apiserver|kube-controller-manager|kube-scheduler)-docker-desktop$/, /^vpnkit-controller$/] },
  {
    name: 'GKE',
    components: [/^(?:fluentbit-gke|gke-metrics-agent|pdcsi-node|event-exporter-gke|l7-default-backend)(?:-[a-z0-9-]+)?$/, /^kube-proxy-gke-[\w-]+$/],
  },
];

export const COMPONENT_FIXTURES = {
  trigger: [
    ['etcd-minikube', 'minikube'],
    ['kube-addon-manager-minikube', 'minikube'],
    ['storage-provisioner', 'minikube'],
    ['kube-scheduler-kind-control-plane', 'kind'],
    ['kindnet-mbx2w', 'kind'],
    ['fluentbit-gke-4xq2z', 'GKE'],
  ],
  clean: ['coredns-5644d7b6d9-mh9ll', 'kube-proxy-rnlps', 'metrics-server-67fb648c5', 'etcd-main', 'storage-provisioner-test', 'web-minikube-1'],
} as const;

/** The distribution whose system component a pod or Service name is, or undefined. */
export function distributionOf(name: string): string | undefined {
  return DISTRIBUTIONS.find((d) => d.components.some((c) => c.test(name)))?.name;
}

/** The first words of the table rows of an output (`pod/etcd-minikube` → `etcd-minikube`), headers left out. */
function rowNames(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim().split(/\s+/)[0] ?? '')
    .filter((w) => w !== '' && w !== 'NAME' && w !== 'NAMESPACE')
    .map((w) => w.slice(w.indexOf('/') + 1));
}

const headers = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim().split(/\s+/).join(' '))
    .filter((l) => /^(?:NAMESPACE )?NAME\b/.test(l));

/**
 * Why a listing of a system namespace cannot be checked, or undefined: the doc's rows name
 * components of a distribution the actual output has none of, while its tables' headers are the
 * actual's (a stale column list still fails).
 */
export function otherDistributionRows(command: string, expected: string, actual: string): string | undefined {
  const ns = systemNamespaceOf(command);
  if (ns === undefined) return undefined;
  const shown = headers(expected);
  if (shown.length === 0 || !shown.every((h) => headers(actual).includes(h))) return undefined;
  const here = new Set(
    rowNames(actual)
      .map(distributionOf)
      .filter((d) => d !== undefined),
  );
  const theirs = rowNames(expected).filter((n) => {
    const d = distributionOf(n);
    return d !== undefined && !here.has(d);
  });
  if (theirs.length === 0) return undefined;
  const name = distributionOf(theirs[0]!)!;
  return `the doc lists ${ns} as its own distribution (${name}) installs it (${theirs.slice(0, 3).join(', ')}${theirs.length > 3 ? ', …' : ''}); this cluster's distribution installs other components and add-ons, so the listing cannot be checked`;
}
