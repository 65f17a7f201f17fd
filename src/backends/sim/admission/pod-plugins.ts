import type { IdSource } from '../clock.js';
import { StatusError } from '../status.js';
import { randomString } from './names.js';
import { parseQuantity } from './quantity.js';
import { type Dict, ensureDict, list, setDefault } from './util.js';

/**
 * What the default admission plugins add to a new Pod (not to templates): ServiceAccount
 * (serviceAccountName, the projected `kube-api-access-*` volume and the ServiceAccount's
 * imagePullSecrets), DefaultTolerationSeconds
 * and Priority.
 */

/** Where the ServiceAccount plugin mounts the token volume. */
export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/** The projected volume the ServiceAccount plugin adds, with its defaults applied. */
export function kubeApiAccessVolume(name: string): Dict {
  return {
    name,
    projected: {
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        {
          downwardAPI: {
            items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
          },
        },
      ],
      defaultMode: 420,
    },
  };
}

function addServiceAccountVolume(spec: Dict, ids: IdSource, serviceAccount: Dict | undefined): void {
  if (spec.automountServiceAccountToken === false) return;
  if (spec.automountServiceAccountToken === undefined && serviceAccount?.automountServiceAccountToken === false) return;
  const containers = [...list(spec.initContainers), ...list(spec.containers)];
  const mounted = containers.some((c) => list(c.volumeMounts).some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH));
  if (mounted) return;
  const name = `kube-api-access-${randomString(ids, 5)}`;
  spec.volumes = [...list(spec.volumes), kubeApiAccessVolume(name)];
  for (const c of containers) {
    c.volumeMounts = [...list(c.volumeMounts), { name, readOnly: true, mountPath: SERVICE_ACCOUNT_MOUNT_PATH }];
  }
}

const DEFAULT_TOLERATIONS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];

function addDefaultTolerations(spec: Dict): void {
  const tolerations = list(spec.tolerations);
  for (const key of DEFAULT_TOLERATIONS) {
    const tolerated = tolerations.some((t) => (t.key === key || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoExecute'));
    if (!tolerated) tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
  spec.tolerations = tolerations;
}

/**
 * The ServiceAccount plugin's check that a named (non-default) ServiceAccount exists; `name` is
 * the pod name as the request gave it (the generateName prefix for generated names).
 */
export function requireServiceAccount(name: string, namespace: string, serviceAccount: string, found: boolean): void {
  if (found || serviceAccount === 'default') return;
  const why = `error looking up service account ${namespace}/${serviceAccount}: serviceaccount "${serviceAccount}" not found`;
  throw new StatusError({ message: `pods "${name}" is forbidden: ${why}`, reason: 'Forbidden', details: { name, kind: 'pods' }, code: 403 });
}

/**
 * Applies the pod admission plugins. `serviceAccount` is the pod's ServiceAccount object when it
 * is known (its automountServiceAccountToken is honoured).
 */
export function admitNewPod(pod: Dict, ids: IdSource, serviceAccount?: Dict): void {
  const spec = ensureDict(pod, 'spec');
  if (!spec.serviceAccountName) spec.serviceAccountName = 'default';
  spec.serviceAccount = spec.serviceAccountName;
  addServiceAccountVolume(spec, ids, serviceAccount);
  // A pod that names no pull secrets gets its ServiceAccount's (plugin/pkg/admission/serviceaccount).
  const pullSecrets = list(serviceAccount?.imagePullSecrets);
  if (list(spec.imagePullSecrets).length === 0 && pullSecrets.length > 0) {
    spec.imagePullSecrets = pullSecrets.map((s) => ({ name: s.name }));
  }
  addDefaultTolerations(spec);
  // The Priority plugin (priority.ts) has set spec.priority from the pod's class already.
  setDefault(spec, 'priority', 0);
  setDefault(spec, 'preemptionPolicy', 'PreemptLowerPriority');
}

function quantityMap(value: unknown): Record<string, string> {
  return value && typeof value === 'object' ? (value as Record<string, string>) : {};
}

/** The pod's QoS class (`qos.GetPodQOS`), from container requests and limits. */
export function podQOSClass(spec: Dict): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...list(spec.initContainers), ...list(spec.containers)];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const requests = quantityMap(c.resources?.requests);
    const limits = quantityMap(c.resources?.limits);
    const relevant = (m: Record<string, string>) => Object.keys(m).filter((k) => k === 'cpu' || k === 'memory');
    if (relevant(requests).length || relevant(limits).length) any = true;
    for (const r of ['cpu', 'memory']) {
      if (limits[r] === undefined) guaranteed = false;
      else if (requests[r] !== undefined && parseQuantity(requests[r]) !== parseQuantity(limits[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
