/**
 * NetworkPolicy as a policy-enforcing network plugin applies it (networking.k8s.io/v1 semantics):
 * a pod selected by a policy of its namespace with policyType Ingress (Egress) accepts (sends) only
 * the traffic one of those policies' rules allows; a pod no such policy selects is not isolated.
 * A packet the policy drops is never answered, so the client times out.
 */
import type { Api } from '../../api/types.js';
import { type LabelSelector, selectorMatches } from '../../controllers/util.js';
import type { KObject } from '../../types.js';

type Json = Record<string, unknown>;

/** One end of a connection: its IP, and the pod at that IP when there is one. */
interface End {
  ip: string;
  pod: KObject | undefined;
}

interface Peer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}

interface PolicyPort {
  protocol?: string;
  port?: number | string;
  endPort?: number;
}

interface Rule {
  from?: Peer[];
  to?: Peer[];
  ports?: PolicyPort[];
}

const spec = (o: KObject): Json => (o['spec'] as Json) ?? {};

function toInt(ip: string): number | null {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return null;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

function inCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const n = toInt(ip);
  const b = toInt(base ?? '');
  const len = Number(bits ?? 32);
  if (n === null || b === null || !(len >= 0 && len <= 32)) return false;
  const mask = len === 0 ? 0 : (~0 << (32 - len)) >>> 0;
  return (n & mask) === (b & mask);
}

function namespaceLabels(api: Api, name: string): Record<string, string> {
  const ns = api.find(api.resolve('namespaces')!, undefined, name);
  return { ...(ns?.metadata.labels ?? {}), 'kubernetes.io/metadata.name': name };
}

function peerMatches(api: Api, peer: Peer, policyNamespace: string, other: End): boolean {
  if (peer.ipBlock) return inCidr(other.ip, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((c) => inCidr(other.ip, c));
  if (!other.pod) return false;
  const ns = other.pod.metadata.namespace ?? 'default';
  if (peer.namespaceSelector) {
    if (!selectorMatches(peer.namespaceSelector, namespaceLabels(api, ns))) return false;
  } else if (ns !== policyNamespace) return false;
  return peer.podSelector ? selectorMatches(peer.podSelector, other.pod.metadata.labels) : true;
}

/** The container port of `pod` named `name`. */
function namedPort(pod: KObject | undefined, name: string): number | undefined {
  for (const c of (spec(pod ?? ({ metadata: {} } as KObject))['containers'] as Json[]) ?? []) {
    const hit = ((c['ports'] as Json[]) ?? []).find((p) => p['name'] === name);
    if (hit) return Number(hit['containerPort']);
  }
  return undefined;
}

function portMatches(ports: PolicyPort[] | undefined, port: number, destination: KObject | undefined): boolean {
  if (!ports || ports.length === 0) return true;
  return ports.some((p) => {
    if ((p.protocol ?? 'TCP') !== 'TCP') return false;
    if (p.port === undefined) return true;
    const n = typeof p.port === 'number' ? p.port : /^\d+$/.test(p.port) ? Number(p.port) : namedPort(destination, p.port);
    if (n === undefined) return false;
    return p.endPort !== undefined ? port >= n && port <= p.endPort : port === n;
  });
}

/** The policies of the pod's namespace that select it for this direction. */
function isolating(api: Api, pod: KObject, type: 'Ingress' | 'Egress'): KObject[] {
  const policies = api.resolve('networkpolicies', 'networking.k8s.io');
  if (!policies) return [];
  return api.list(policies, pod.metadata.namespace ?? 'default').items.filter((p) => {
    const types = (spec(p)['policyTypes'] as string[] | undefined) ?? ['Ingress'];
    return types.includes(type) && selectorMatches((spec(p)['podSelector'] as LabelSelector) ?? {}, pod.metadata.labels);
  });
}

function allowedBy(api: Api, policies: KObject[], rules: 'ingress' | 'egress', peer: End, port: number, destination: KObject | undefined): boolean {
  return policies.some((policy) =>
    ((spec(policy)[rules] as Rule[] | undefined) ?? []).some((rule) => {
      const peers = rules === 'ingress' ? rule.from : rule.to;
      const fromPeer = !peers || peers.length === 0 || peers.some((p) => peerMatches(api, p, policy.metadata.namespace ?? 'default', peer));
      return fromPeer && portMatches(rule.ports, port, destination);
    }),
  );
}

/**
 * True when the NetworkPolicies let a TCP connection from `fromIP` reach `toIP`:`port`; `podAt`
 * finds the running pod with an IP (none for a node or an outside address).
 */
export function policyAllows(api: Api, podAt: (ip: string) => KObject | undefined, fromIP: string, toIP: string, port: number): boolean {
  if (fromIP === toIP) return true;
  const from: End = { ip: fromIP, pod: podAt(fromIP) };
  const to: End = { ip: toIP, pod: podAt(toIP) };
  if (from.pod) {
    const egress = isolating(api, from.pod, 'Egress');
    if (egress.length && !allowedBy(api, egress, 'egress', to, port, to.pod)) return false;
  }
  if (to.pod) {
    const ingress = isolating(api, to.pod, 'Ingress');
    if (ingress.length && !allowedBy(api, ingress, 'ingress', from, port, to.pod)) return false;
  }
  return true;
}
