import type { Api } from '../../api/types.js';
import type { KObject } from '../../types.js';
import { readyAddresses, resolveName, reverseName } from './dns.js';
import { policyAllows } from './policy.js';
import type { Connect, Network, Service } from './types.js';

type Json = Record<string, unknown>;

/** Finds who listens at a pod IP (running pods only). */
export interface PodDirectory {
  listenersAt(ip: string): Map<number, Service> | undefined;
  /** The pod running at an IP (its current object), for NetworkPolicy. */
  podAt?(ip: string): KObject | undefined;
}

/** kube-dns's ClusterIP in a kind cluster. */
export const NAMESERVER = '10.96.0.10';

function nodeIPs(api: Api): string[] {
  const nodes = api.resolve('nodes');
  if (!nodes) return [];
  return api
    .list(nodes, undefined)
    .items.flatMap((n) => (((n['status'] as Json)?.['addresses'] as Json[]) ?? []).filter((a) => a['type'] === 'InternalIP').map((a) => String(a['address'])));
}

/** Service port → the Endpoints target port number for it. */
function targetPort(api: Api, svc: KObject, sp: Json): number | string {
  const ep = api.find(api.resolve('endpoints')!, svc.metadata.namespace, svc.metadata.name!);
  for (const s of (ep?.['subsets'] as Json[]) ?? []) {
    const p = ((s['ports'] as Json[]) ?? []).find((x) => (x['name'] ?? '') === (sp['name'] ?? ''));
    if (p) return Number(p['port']);
  }
  return (sp['targetPort'] as number | string | undefined) ?? Number(sp['port']);
}

function namedPort(api: Api, ns: string, ip: string, name: string): number | undefined {
  for (const p of api.list(api.resolve('pods')!, ns).items) {
    if ((p['status'] as Json)?.['podIP'] !== ip) continue;
    for (const c of ((p['spec'] as Json)?.['containers'] as Json[]) ?? []) {
      const hit = ((c['ports'] as Json[]) ?? []).find((x) => x['name'] === name);
      if (hit) return Number(hit['containerPort']);
    }
  }
  return undefined;
}

/** Top-level domains besides the two-letter country codes (a namespace is rarely called so). */
const GENERIC_TLDS = new Set(
  'com org net io dev app edu gov mil int info biz name pro cloud ai xyz site tech online page run sh me co tv cc ly gg ws wiki blog news'.split(' '),
);

/**
 * A name that no cluster record answers and that is not the cluster's own (`example.com`,
 * `info.cern.ch`: a top-level domain; not `web`, `web.default`, `web.prod`, `x.svc.cluster.local`): on a cluster, a public DNS
 * server would answer it, which the simulator does not reach.
 */
export function isInternetName(api: Api, name: string): boolean {
  const labels = name.replace(/\.$/, '').toLowerCase().split('.');
  const last = labels[labels.length - 1]!;
  if (labels.length < 2 || !(/^[a-z]{2}$/.test(last) || GENERIC_TLDS.has(last))) return false;
  const namespaces = api.resolve('namespaces');
  return !namespaces || !api.find(namespaces, undefined, last);
}

/**
 * The cluster network as seen from `selfIP` in `namespace`: kube-proxy (ClusterIP, NodePort,
 * LoadBalancer ingress IPs → a random ready endpoint → targetPort) and pod IPs, with the
 * NetworkPolicies of both ends applied.
 */
export function createNetwork(
  api: Api,
  pods: PodDirectory,
  namespace: string,
  selfIP: string,
  pick: (n: number) => number = (n) => Math.floor(Math.random() * n),
  onInternetName?: (name: string) => void,
): Network {
  const toPod = (ip: string, port: number): Connect => {
    const l = pods.listenersAt(ip);
    if (!l) return 'timeout';
    // A connection a NetworkPolicy drops is never answered.
    if (pods.podAt && !policyAllows(api, (a) => pods.podAt!(a), selfIP, ip, port)) return 'timeout';
    return l.get(port) ?? 'refused';
  };
  const viaService = (svc: KObject, sp: Json): Connect => {
    const ns = svc.metadata.namespace ?? 'default';
    const addrs = readyAddresses(api, ns, svc.metadata.name!);
    if (!addrs.length) return 'refused';
    const a = addrs[pick(addrs.length)]!;
    let tp = targetPort(api, svc, sp);
    if (typeof tp === 'string') tp = /^\d+$/.test(tp) ? Number(tp) : (namedPort(api, ns, a.ip, tp) ?? -1);
    return toPod(a.ip, tp);
  };
  return {
    namespace,
    nameserver: NAMESERVER,
    resolve: (name, ns) => {
      const answer = resolveName(api, name, ns);
      if (!answer && onInternetName && isInternetName(api, name)) onInternetName(name.replace(/\.$/, ''));
      return answer;
    },
    reverse: (ip) => reverseName(api, ip),
    connect(ip, port) {
      if (ip === '127.0.0.1' || ip === 'localhost') ip = selfIP;
      const services = api.list(api.resolve('services')!, undefined).items;
      const isNode = nodeIPs(api).includes(ip);
      for (const svc of services) {
        const spec = (svc['spec'] as Json) ?? {};
        const ports = (spec['ports'] as Json[]) ?? [];
        const ingress = ((((svc['status'] as Json)?.['loadBalancer'] as Json)?.['ingress'] as Json[]) ?? []).map((i) => i['ip']);
        if (spec['clusterIP'] === ip || ingress.includes(ip)) {
          const sp = ports.find((p) => Number(p['port']) === port);
          return sp ? viaService(svc, sp) : 'timeout';
        }
        if (isNode) {
          const sp = ports.find((p) => Number(p['nodePort']) === port);
          if (sp) return viaService(svc, sp);
        }
      }
      if (isNode) return 'refused';
      return toPod(ip, port);
    },
  };
}
