import type { FieldCause } from '../../status.js';
import { forbidden, invalidField } from '../field-errors.js';
import { type Dict, clone, isDict, jsonEqual, list } from '../util.js';
import { goLabelSelector } from './selector.js';
import { validatePriorityClassUpdate } from '../priority.js';

/** Update-only rules: immutable fields, with the messages the real server gives. */

const IMMUTABLE = 'field is immutable';

function immutableSelector(obj: Dict, old: Dict): FieldCause[] {
  const a = obj.spec?.selector;
  const b = old.spec?.selector;
  return jsonEqual(a, b) ? [] : [invalidField('spec.selector', goLabelSelector(a), IMMUTABLE)];
}

const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function mutablePodFieldsStripped(spec: Dict | undefined, old: Dict | undefined): Dict {
  const s = clone(spec ?? {});
  for (const key of ['containers', 'initContainers']) for (const c of list(s[key])) delete c.image;
  delete s.activeDeadlineSeconds;
  delete s.tolerations;
  delete s.terminationGracePeriodSeconds;
  delete s.schedulingGates;
  // Changed through the ephemeralcontainers subresource (kubectl debug).
  delete s.ephemeralContainers;
  // Binding (the scheduler) sets nodeName once.
  if (!old?.nodeName) delete s.nodeName;
  return s;
}

function podUpdate(obj: Dict, old: Dict): FieldCause[] {
  const a = mutablePodFieldsStripped(obj.spec, old.spec);
  const b = mutablePodFieldsStripped(old.spec, old.spec);
  if (!old.spec?.nodeName) delete b.nodeName;
  return jsonEqual(a, b) ? [] : [forbidden('spec', POD_UPDATE_FORBIDDEN)];
}

const STATEFULSET_MUTABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

function statefulSetUpdate(obj: Dict, old: Dict): FieldCause[] {
  const strip = (spec: Dict | undefined) => {
    const s = clone(spec ?? {});
    for (const k of STATEFULSET_MUTABLE) delete s[k];
    return s;
  };
  if (jsonEqual(strip(obj.spec), strip(old.spec))) return [];
  return [
    forbidden(
      'spec',
      "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ),
  ];
}

function jobUpdate(obj: Dict, old: Dict): FieldCause[] {
  const errs = immutableSelector(obj, old);
  if (obj.spec?.completions !== old.spec?.completions && obj.spec?.completionMode !== 'Indexed') {
    errs.push(invalidField('spec.completions', obj.spec?.completions ?? null, IMMUTABLE));
  }
  if (!old.spec?.suspend && !jsonEqual(obj.spec?.template, old.spec?.template)) {
    errs.push(invalidField('spec.template', { goString: 'core.PodTemplateSpec{…}' }, IMMUTABLE));
  }
  return errs;
}

function serviceUpdate(obj: Dict, old: Dict): FieldCause[] {
  const a = obj.spec ?? {};
  const b = old.spec ?? {};
  if (a.type === 'ExternalName' || b.type === 'ExternalName') return [];
  const newIPs: string[] = Array.isArray(a.clusterIPs) ? a.clusterIPs : [];
  const oldIPs: string[] = Array.isArray(b.clusterIPs) ? b.clusterIPs : [];
  if (oldIPs[0] && newIPs[0] && oldIPs[0] !== newIPs[0]) {
    return [invalidField('spec.clusterIPs[0]', { goString: `[]string{${newIPs.map((s) => JSON.stringify(s)).join(', ')}}` }, 'may not change once set')];
  }
  return [];
}

const IMMUTABLE_WHEN_SET = 'field is immutable when `immutable` is set';

function immutableData(obj: Dict, old: Dict, fields: string[]): FieldCause[] {
  if (old.immutable !== true) return [];
  const errs: FieldCause[] = [];
  if (obj.immutable !== true) errs.push(forbidden('immutable', IMMUTABLE_WHEN_SET));
  for (const f of fields) if (!jsonEqual(obj[f], old[f])) errs.push(forbidden(f, IMMUTABLE_WHEN_SET));
  return errs;
}

function secretUpdate(obj: Dict, old: Dict): FieldCause[] {
  const errs: FieldCause[] = [];
  if (obj.type !== old.type) errs.push(invalidField('type', obj.type ?? '', IMMUTABLE));
  return [...errs, ...immutableData(obj, old, ['data'])];
}

/** Update rules per resource key. */
export const UPDATE_RULES: Record<string, (obj: Dict, old: Dict) => FieldCause[]> = {
  pods: podUpdate,
  services: serviceUpdate,
  secrets: secretUpdate,
  configmaps: (obj, old) => immutableData(obj, old, ['data', 'binaryData']),
  'deployments.apps': immutableSelector,
  'replicasets.apps': immutableSelector,
  'daemonsets.apps': immutableSelector,
  'statefulsets.apps': (obj, old) => [...statefulSetUpdate(obj, old)],
  'jobs.batch': jobUpdate,
  'priorityclasses.scheduling.k8s.io': validatePriorityClassUpdate,
};

/** Field errors for changing what may not change. */
export function validateUpdate(key: string, obj: Dict, old: Dict | undefined): FieldCause[] {
  if (!old || !isDict(old)) return [];
  return UPDATE_RULES[key]?.(obj, old) ?? [];
}
