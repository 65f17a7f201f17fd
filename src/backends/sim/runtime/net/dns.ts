import type { Api } from '../../api/types.js';
import type { KObject } from '../../types.js';
import type { DnsAnswer } from './types.js';

type Json = Record<string, unknown>;

/** The cluster domain (kind's default). */
export const CLUSTER_DOMAIN = 'cluster.local';

/** Ready endpoint addresses of a service, from its Endpoints object (with pod names for hostnames). */
export function readyAddresses(api: Api, ns: string, name: string): { ip: string; hostname?: string; pod?: string }[] {
  const ep = api.find(api.resolve('endpoints')!, ns, name);
  const out: { ip: string; hostname?: string; pod?: string }[] = [];
  for (const s of (ep?.['subsets'] as Json[]) ?? []) {
    for (const a of (s['addresses'] as Json[]) ?? []) {
      const ref = a['targetRef'] as Json | undefined;
      out.push({ ip: String(a['ip']), ...(a['hostname'] ? { hostname: String(a['hostname']) } : {}), ...(ref?.['name'] ? { pod: String(ref['name']) } : {}) });
    }
  }
  if (!ep) {
    // No Endpoints object (yet): select pods directly, as the endpoints controller would.
    const svc = api.find(api.resolve('services')!, ns, name);
    const sel = ((svc?.['spec'] as Json)?.['selector'] as Record<string, string>) ?? undefined;
    if (sel && Object.keys(sel).length) {
      for (const p of api.list(api.resolve('pods')!, ns).items) {
        const labels = p.metadata.labels ?? {};
        const st = (p['status'] as Json) ?? {};
        const ready = ((st['conditions'] as Json[]) ?? []).some((c) => c['type'] === 'Ready' && c['status'] === 'True');
        if (ready && st['podIP'] && Object.entries(sel).every(([k, v]) => labels[k] === v)) out.push({ ip: String(st['podIP']), pod: p.metadata.name! });
      }
    }
  }
  return out;
}

function serviceAnswer(api: Api, svc: KObject, fqdn: string): DnsAnswer | undefined {
  const spec = (svc['spec'] as Json) ?? {};
  if (spec['type'] === 'ExternalName') return { fqdn, addresses: [], cname: String(spec['externalName']) } as DnsAnswer;
  const ip = spec['clusterIP'];
  if (ip && ip !== 'None') return { fqdn, addresses: [String(ip)] };
  const addrs = readyAddresses(api, svc.metadata.namespace ?? 'default', svc.metadata.name!).map((a) => a.ip);
  return addrs.length ? { fqdn, addresses: addrs } : undefined;
}

/** Answers one fully-qualified name from cluster state (CoreDNS's kubernetes plugin). */
export function lookupFqdn(api: Api, fqdn: string): DnsAnswer | undefined {
  const name = fqdn.replace(/\.$/, '').toLowerCase();
  const suffix = `.${CLUSTER_DOMAIN}`;
  if (!name.endsWith(suffix)) return undefined;
  const labels = name.slice(0, -suffix.length).split('.');
  const services = api.resolve('services')!;
  // <svc>.<ns>.svc  or  <host>.<svc>.<ns>.svc
  if (labels.length >= 3 && labels[labels.length - 1] === 'svc') {
    const ns = labels[labels.length - 2]!;
    const svcName = labels[labels.length - 3]!;
    const svc = api.find(services, ns, svcName);
    if (!svc) return undefined;
    if (labels.length === 3) return serviceAnswer(api, svc, name);
    if (labels.length === 4) {
      const host = labels[0]!;
      const hit = readyAddresses(api, ns, svcName).find((a) => a.hostname === host || a.pod === host);
      return hit ? { fqdn: name, addresses: [hit.ip] } : undefined;
    }
    return undefined;
  }
  // <a-b-c-d>.<ns>.pod
  if (labels.length === 3 && labels[2] === 'pod') {
    const ip = labels[0]!.replace(/-/g, '.');
    return /^\d+\.\d+\.\d+\.\d+$/.test(ip) ? { fqdn: name, addresses: [ip] } : undefined;
  }
  return undefined;
}

/** Resolves a name as a pod's resolver does with `ndots:5` and the search list of `namespace`. */
export function resolveName(api: Api, name: string, namespace: string): DnsAnswer | undefined {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return { fqdn: name, addresses: [name] };
  if (name === 'localhost') return { fqdn: 'localhost', addresses: ['127.0.0.1'] };
  const absolute = name.endsWith('.');
  const search = [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
  const candidates = absolute
    ? [name]
    : name.split('.').length - 1 < 5
      ? [...search.map((s) => `${name}.${s}`), name]
      : [name, ...search.map((s) => `${name}.${s}`)];
  for (const c of candidates) {
    const hit = lookupFqdn(api, c);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * PTR lookup as CoreDNS's kubernetes plugin answers it (reverse.go `serviceRecordForIP`): a
 * Service's ClusterIP gives the Service's name; an endpoint address gives
 * `<hostname>.<service>.<ns>.svc.<zone>` only when the endpoint has a hostname (a Pod with
 * `hostname` and `subdomain` naming a headless Service, as a StatefulSet's Pods); any other pod IP
 * has no PTR record.
 */
export function reverseName(api: Api, ip: string): string | undefined {
  for (const svc of api.list(api.resolve('services')!, undefined).items) {
    if ((svc['spec'] as Json)?.['clusterIP'] === ip) return `${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
  }
  for (const ep of api.list(api.resolve('endpoints')!, undefined).items) {
    for (const s of (ep['subsets'] as Json[]) ?? []) {
      for (const a of (s['addresses'] as Json[]) ?? []) {
        if (a['ip'] === ip && a['hostname']) return `${String(a['hostname'])}.${ep.metadata.name}.${ep.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
      }
    }
  }
  return undefined;
}
