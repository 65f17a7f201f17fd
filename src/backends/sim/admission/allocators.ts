import type { IdSource } from '../clock.js';
import type { FieldCause } from '../status.js';
import { goStringSlice, invalidField } from './field-errors.js';
import { type Dict, ensureDict, list } from './util.js';

/**
 * Service IP and port allocation as the kube-apiserver's registry does it: ClusterIPs come at
 * random from the dynamic band of 10.96.0.0/12 (the low addresses, like 10.96.0.1 for
 * `kubernetes` and 10.96.0.10 for kube-dns, are only handed out on request), NodePorts from
 * 30000–32767. Used values are read from the stored Services each time, so nothing leaks.
 */

/** The service CIDR and NodePort range of a default (kind) cluster. */
export const SERVICE_CIDR = { base: ipToInt('10.96.0.0'), bits: 12, text: '10.96.0.0/12' } as const;
export const NODE_PORT_RANGE = { min: 30000, max: 32767 } as const;

/** Values already taken by other Services. */
export interface UsedValues {
  ips: Set<string>;
  ports: Set<number>;
}

/** `a.b.c.d` → 32-bit unsigned integer. */
export function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

/** 32-bit unsigned integer → `a.b.c.d`. */
export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
}

const CIDR_SIZE = 2 ** (32 - SERVICE_CIDR.bits);
/** The first 256 addresses are kept for static (requested) allocation. */
const STATIC_BAND = Math.min(Math.max(16, Math.floor(CIDR_SIZE / 16)), 256);
/** NodePorts below 30000 + 86 are kept for static allocation. */
const PORT_STATIC_BAND = Math.min(Math.max(16, Math.floor((NODE_PORT_RANGE.max - NODE_PORT_RANGE.min + 1) / 32)), 128);

/** Whether an IPv4 address lies inside the service CIDR (network and broadcast excluded). */
export function inServiceRange(ip: string): boolean {
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) return false;
  const offset = ipToInt(ip) - SERVICE_CIDR.base;
  return offset > 0 && offset < CIDR_SIZE - 1;
}

function pickRandom(ids: IdSource, lo: number, hi: number, taken: (n: number) => boolean): number | undefined {
  const size = hi - lo + 1;
  const start = ids.int(size);
  for (let i = 0; i < size; i++) {
    const n = lo + ((start + i) % size);
    if (!taken(n)) return n;
  }
  return undefined;
}

/** A free ClusterIP from the dynamic band (falling back to the static one). */
export function allocateClusterIP(ids: IdSource, used: Set<string>): string {
  const taken = (n: number) => used.has(intToIp(SERVICE_CIDR.base + n));
  const n = pickRandom(ids, STATIC_BAND, CIDR_SIZE - 2, taken) ?? pickRandom(ids, 1, STATIC_BAND - 1, taken);
  if (n === undefined) throw new Error('range is full');
  const ip = intToIp(SERVICE_CIDR.base + n);
  used.add(ip);
  return ip;
}

/** A free NodePort from the dynamic band (falling back to the static one). */
export function allocateNodePort(ids: IdSource, used: Set<number>): number {
  const { min, max } = NODE_PORT_RANGE;
  const taken = (n: number) => used.has(n);
  const port = pickRandom(ids, min + PORT_STATIC_BAND, max, taken) ?? pickRandom(ids, min, min + PORT_STATIC_BAND - 1, taken);
  if (port === undefined) throw new Error('range is full');
  used.add(port);
  return port;
}

/** ClusterIPs and NodePorts held by a stored Service. */
export function heldValues(service: Dict): { ips: string[]; ports: number[] } {
  const spec = service.spec ?? {};
  const ips = (Array.isArray(spec.clusterIPs) ? spec.clusterIPs : [spec.clusterIP]).filter(
    (ip: unknown): ip is string => typeof ip === 'string' && ip !== '' && ip !== 'None',
  );
  const ports = list(spec.ports)
    .map((p) => p.nodePort)
    .filter((p): p is number => typeof p === 'number' && p > 0);
  if (typeof spec.healthCheckNodePort === 'number' && spec.healthCheckNodePort > 0) ports.push(spec.healthCheckNodePort);
  return { ips, ports };
}

function needsClusterIP(spec: Dict): boolean {
  return spec.type !== 'ExternalName';
}

/** Whether a Service of this spec gets NodePorts. */
export function needsNodePorts(spec: Dict): boolean {
  if (spec.type === 'NodePort') return true;
  return spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false;
}

function allocateIPs(spec: Dict, ids: IdSource, used: UsedValues, errors: FieldCause[]): void {
  if (!needsClusterIP(spec)) return;
  const requested = typeof spec.clusterIP === 'string' && spec.clusterIP ? spec.clusterIP : (spec.clusterIPs?.[0] as string | undefined);
  if (requested === 'None') {
    spec.clusterIP = 'None';
    spec.clusterIPs = ['None'];
    const hasSelector = spec.selector && Object.keys(spec.selector).length > 0;
    spec.ipFamilyPolicy ??= hasSelector ? 'SingleStack' : 'RequireDualStack';
    spec.ipFamilies ??= spec.ipFamilyPolicy === 'SingleStack' ? ['IPv4'] : ['IPv4', 'IPv6'];
    return;
  }
  if (requested) {
    const fail = (why: string): void => {
      errors.push(invalidField('spec.clusterIPs', goStringSlice([requested]), `failed to allocate IP ${requested}: ${why}`));
    };
    if (!inServiceRange(requested)) {
      return fail(`the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR.text}`);
    }
    if (used.ips.has(requested)) return fail('provided IP is already allocated');
    used.ips.add(requested);
    spec.clusterIP = requested;
  } else {
    spec.clusterIP = allocateClusterIP(ids, used.ips);
  }
  spec.clusterIPs = [spec.clusterIP];
  spec.ipFamilyPolicy ??= 'SingleStack';
  spec.ipFamilies ??= ['IPv4'];
}

function claimPort(field: string, port: number, used: Set<number>, errors: FieldCause[]): void {
  const { min, max } = NODE_PORT_RANGE;
  if (port < min || port > max) {
    errors.push(invalidField(field, port, `provided port is not in the valid range. The range of valid ports is ${min}-${max}`));
  } else if (used.has(port)) {
    errors.push(invalidField(field, port, 'provided port is already allocated'));
  } else {
    used.add(port);
  }
}

function allocatePorts(spec: Dict, ids: IdSource, used: UsedValues, errors: FieldCause[]): void {
  if (!needsNodePorts(spec)) return;
  list(spec.ports).forEach((port, i) => {
    if (typeof port.nodePort === 'number' && port.nodePort !== 0) {
      claimPort(`spec.ports[${i}].nodePort`, port.nodePort, used.ports, errors);
    } else {
      port.nodePort = allocateNodePort(ids, used.ports);
    }
  });
  if (spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local') {
    if (typeof spec.healthCheckNodePort === 'number' && spec.healthCheckNodePort !== 0) {
      claimPort('spec.healthCheckNodePort', spec.healthCheckNodePort, used.ports, errors);
    } else {
      spec.healthCheckNodePort = allocateNodePort(ids, used.ports);
    }
  }
}

/**
 * Allocates what a new (or changed) Service still lacks: ClusterIP(s), IP families and
 * NodePorts. Returns field errors for requested values that are out of range or taken.
 */
export function allocateService(service: Dict, ids: IdSource, used: UsedValues): FieldCause[] {
  const spec = ensureDict(service, 'spec');
  const errors: FieldCause[] = [];
  allocateIPs(spec, ids, used, errors);
  allocatePorts(spec, ids, used, errors);
  return errors;
}

/**
 * The registry's normalizeClusterIPs on update: a client that changed only `clusterIP` (a patch of
 * that field) changed `clusterIPs` too, so validation sees `clusterIPs[0]` change ("may not
 * change once set"); one that cleared it with `clusterIPs` untouched cleared both.
 */
function normalizeClusterIPs(spec: Dict, oldSpec: Dict): void {
  const same = JSON.stringify(spec.clusterIPs ?? []) === JSON.stringify(oldSpec.clusterIPs ?? []);
  if (oldSpec.clusterIPs?.length && !spec.clusterIPs?.length && spec.clusterIP === oldSpec.clusterIP) spec.clusterIPs = [...oldSpec.clusterIPs];
  if ((spec.clusterIP ?? '') === (oldSpec.clusterIP ?? '') || !same) return;
  if (oldSpec.clusterIP && !spec.clusterIP) delete spec.clusterIPs;
  else spec.clusterIPs = [spec.clusterIP];
}

/**
 * On update, fills in what the client left out but the old Service had (`patchAllocatedValues`)
 * and drops what the new type no longer uses (`dropTypeDependentFields`).
 */
export function carryOverAllocations(service: Dict, old: Dict): void {
  const spec = ensureDict(service, 'spec');
  const oldSpec = old.spec ?? {};
  normalizeClusterIPs(spec, oldSpec);
  if (needsClusterIP(oldSpec) && needsClusterIP(spec)) {
    if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
    if (!spec.clusterIP && oldSpec.clusterIP) spec.clusterIP = oldSpec.clusterIP;
    if (!spec.clusterIPs?.length && oldSpec.clusterIPs) spec.clusterIPs = [...oldSpec.clusterIPs];
    if (!spec.ipFamilies && oldSpec.ipFamilies) spec.ipFamilies = [...oldSpec.ipFamilies];
    if (!spec.ipFamilyPolicy && oldSpec.ipFamilyPolicy) spec.ipFamilyPolicy = oldSpec.ipFamilyPolicy;
  }
  if (needsClusterIP(oldSpec) && !needsClusterIP(spec)) {
    if (spec.clusterIP === oldSpec.clusterIP) delete spec.clusterIP;
    if (JSON.stringify(spec.clusterIPs) === JSON.stringify(oldSpec.clusterIPs)) delete spec.clusterIPs;
    delete spec.ipFamilies;
    delete spec.ipFamilyPolicy;
  }
  const oldPorts = list(oldSpec.ports);
  if (needsNodePorts(oldSpec) && needsNodePorts(spec)) {
    const inNew = new Set(
      list(spec.ports)
        .map((p) => p.nodePort)
        .filter(Boolean),
    );
    const byName = new Map(oldPorts.map((p) => [p.name ?? '', p.nodePort]));
    for (const p of list(spec.ports)) {
      const oldPort = byName.get(p.name ?? '');
      if (!p.nodePort && oldPort && !inNew.has(oldPort)) p.nodePort = oldPort;
    }
  } else if (needsNodePorts(oldSpec)) {
    const oldValues = new Set(oldPorts.map((p) => p.nodePort));
    for (const p of list(spec.ports)) if (oldValues.has(p.nodePort)) delete p.nodePort;
  }
  if (!spec.healthCheckNodePort && oldSpec.healthCheckNodePort && spec.externalTrafficPolicy === 'Local' && spec.type === 'LoadBalancer') {
    spec.healthCheckNodePort = oldSpec.healthCheckNodePort;
  }
}
