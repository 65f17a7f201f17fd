import type { KObject } from '../types.js';
import { isReady } from './pods.js';
import { type Json, dig, mapSelectorMatches } from './util.js';

/** The selector of a service, when it has one that selects pods. */
export function serviceSelector(svc: KObject): Record<string, string> | undefined {
  const sel = dig<Record<string, string>>(svc, 'spec', 'selector');
  return sel && Object.keys(sel).length > 0 && dig(svc, 'spec', 'type') !== 'ExternalName' ? sel : undefined;
}

/** Pods a service selects that have an IP. */
export function selectedPods(svc: KObject, pods: KObject[]): KObject[] {
  const sel = serviceSelector(svc);
  if (!sel) return [];
  return pods.filter((p) => {
    const phase = dig(p, 'status', 'phase');
    return mapSelectorMatches(sel, p.metadata.labels) && dig(p, 'status', 'podIP') && phase !== 'Succeeded' && phase !== 'Failed';
  });
}

/** A service port's targetPort resolved against a pod's container ports (by name or number); undefined if not found. */
export function resolveTargetPort(servicePort: Json, pod: KObject): number | undefined {
  const target = servicePort['targetPort'] ?? servicePort['port'];
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(String(target))) return Number(target);
  const protocol = servicePort['protocol'] ?? 'TCP';
  for (const c of dig<Json[]>(pod, 'spec', 'containers') ?? []) {
    for (const p of (c['ports'] as Json[]) ?? []) {
      if (p['name'] === target && (p['protocol'] ?? 'TCP') === protocol) return Number(p['containerPort']);
    }
  }
  return undefined;
}

/** A pod reference as endpoints carry it. */
export function podRef(pod: KObject): Json {
  return { kind: 'Pod', name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid };
}

/** Ready, or published anyway. */
export function countsReady(svc: KObject, pod: KObject): boolean {
  return isReady(pod) || dig(svc, 'spec', 'publishNotReadyAddresses') === true;
}

/** Labels endpoints objects copy from their service, plus the headless marker. */
export function endpointLabels(svc: KObject): Record<string, string> {
  const labels = { ...(svc.metadata.labels ?? {}) };
  if (dig(svc, 'spec', 'clusterIP') === 'None') labels['service.kubernetes.io/headless'] = '';
  return labels;
}

/** Compares IPv4 addresses numerically. */
export function compareIP(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
