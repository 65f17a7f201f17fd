import type { ResourceType, Store } from '../types.js';
import { StatusError, type FieldCause } from '../status.js';
import { forbidden as forbiddenField, invalidField, notSupported, required } from './field-errors.js';
import type { Dict } from './util.js';

/**
 * The Priority admission plugin (plugin/pkg/admission/priority, v1.32): a new Pod's
 * `priorityClassName` must name an existing PriorityClass, whose value becomes `spec.priority` and
 * whose preemptionPolicy becomes the pod's; a pod that names none gets the globalDefault class (the
 * lowest-valued one when several are marked), or priority 0.
 */

/** The PriorityClasses the API server creates at start (pkg/registry/scheduling/rest: SystemPriorityClasses). */
export const SYSTEM_PRIORITY_CLASSES: readonly Dict[] = [
  {
    name: 'system-node-critical',
    value: 2000001000,
    description: 'Used for system critical pods that must not be moved from their current node.',
  },
  {
    name: 'system-cluster-critical',
    value: 2000000000,
    description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
  },
].map(({ name, ...rest }) => ({
  apiVersion: 'scheduling.k8s.io/v1',
  kind: 'PriorityClass',
  metadata: { name },
  ...rest,
  preemptionPolicy: 'PreemptLowerPriority',
}));

/** HighestUserDefinablePriority: values above it are for the system classes. */
const HIGHEST_USER_DEFINABLE_PRIORITY = 1000000000;
const SYSTEM_PREFIX = 'system-';

/** IsKnownSystemPriorityClass: why a `system-` class is not one of the built-in ones, or undefined. */
function unknownSystemClass(name: string, value: unknown, globalDefault: boolean): string | undefined {
  const known = SYSTEM_PRIORITY_CLASSES.find((c) => c.metadata.name === name);
  if (!known) return `${name} is not a known system priority class`;
  if (known.value !== value) return `value of ${name} PriorityClass must be ${String(known.value)}`;
  if (globalDefault) return `globalDefault of ${name} PriorityClass must be false`;
  return undefined;
}

/**
 * ValidatePriorityClass (pkg/apis/scheduling/validation): `system-` names are reserved for the
 * built-in classes, user classes stop at 1000000000, and preemptionPolicy is one of two.
 */
export function validatePriorityClassFields(pc: Dict): FieldCause[] {
  const errs: FieldCause[] = [];
  const name = String(pc.metadata?.name ?? '');
  if (name.startsWith(SYSTEM_PREFIX)) {
    const why = unknownSystemClass(name, pc.value ?? 0, pc.globalDefault === true);
    if (why) errs.push(forbiddenField('metadata.name', `priority class names with '${SYSTEM_PREFIX}' prefix are reserved for system use only. error: ${why}`));
  } else if (Number(pc.value ?? 0) > HIGHEST_USER_DEFINABLE_PRIORITY) {
    errs.push(forbiddenField('value', `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
  }
  const policy = pc.preemptionPolicy;
  if (policy === '') errs.push(required('preemptionPolicy'));
  else if (policy !== undefined && policy !== 'PreemptLowerPriority' && policy !== 'Never') {
    errs.push(notSupported('preemptionPolicy', policy, ['PreemptLowerPriority', 'Never']));
  }
  return errs;
}

/** ValidatePriorityClassUpdate: value and preemptionPolicy stay as created. */
export function validatePriorityClassUpdate(pc: Dict, old: Dict): FieldCause[] {
  const errs: FieldCause[] = [];
  if ((pc.value ?? 0) !== (old.value ?? 0)) errs.push(forbiddenField('value', 'may not be changed in an update.'));
  if (pc.preemptionPolicy !== old.preemptionPolicy) errs.push(invalidField('preemptionPolicy', pc.preemptionPolicy ?? null, 'field is immutable'));
  return errs;
}

/** The Forbidden a delete of a built-in class gets (the registry's REST.Delete), or undefined. */
export function systemClassDeletion(name: string): StatusError | undefined {
  if (!SYSTEM_PRIORITY_CLASSES.some((c) => c.metadata.name === name)) return undefined;
  return new StatusError({
    message: `priorityclasses.scheduling.k8s.io "${name}" is forbidden: this is a system priority class and cannot be deleted`,
    reason: 'Forbidden',
    details: { name, group: 'scheduling.k8s.io', kind: 'priorityclasses' },
    code: 403,
  });
}

const PRIORITY_CLASSES: ResourceType = {
  group: 'scheduling.k8s.io',
  version: 'v1',
  resource: 'priorityclasses',
  singular: 'priorityclass',
  kind: 'PriorityClass',
  namespaced: false,
  verbs: [],
};

function priorityClasses(store: Store): Dict[] {
  try {
    return store.list(PRIORITY_CLASSES, undefined).items as Dict[];
  } catch {
    return [];
  }
}

function forbidden(name: string, why: string): StatusError {
  return new StatusError({ message: `pods "${name}" is forbidden: ${why}`, reason: 'Forbidden', details: { name, kind: 'pods' }, code: 403 });
}

/** The globalDefault class a pod without a class gets: the lowest value among those marked. */
function defaultClass(classes: Dict[]): Dict | undefined {
  let found: Dict | undefined;
  for (const pc of classes) {
    if (pc.globalDefault === true && (!found || Number(found.value) > Number(pc.value))) found = pc;
  }
  return found;
}

/**
 * Resolves a new pod's priority as the plugin's `admitPod` does on create; `name` is the pod name
 * the request gave. Throws the plugin's 403 for an unknown class or a `priority` or
 * `preemptionPolicy` the pod set that differs from its class's.
 */
export function admitPodPriority(store: Store, spec: Dict, name: string): void {
  const classes = priorityClasses(store);
  let priority = 0;
  let policy: string | undefined;
  if (!spec.priorityClassName) {
    const pc = defaultClass(classes);
    if (pc) {
      spec.priorityClassName = pc.metadata.name;
      priority = Number(pc.value ?? 0);
      policy = pc.preemptionPolicy as string | undefined;
    }
  } else {
    const pc = classes.find((c) => c.metadata?.name === spec.priorityClassName);
    if (!pc) throw forbidden(name, `no PriorityClass with name ${String(spec.priorityClassName)} was found`);
    priority = Number(pc.value ?? 0);
    policy = pc.preemptionPolicy as string | undefined;
  }
  if (spec.priority !== undefined && spec.priority !== null && spec.priority !== priority) {
    throw forbidden(
      name,
      `the integer value of priority (${String(spec.priority)}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`,
    );
  }
  spec.priority = priority;
  if (policy) {
    if (spec.preemptionPolicy && spec.preemptionPolicy !== policy) {
      throw forbidden(
        name,
        `the string value of PreemptionPolicy (${String(spec.preemptionPolicy)}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`,
      );
    }
    spec.preemptionPolicy = policy;
  }
}

/**
 * The plugin's check of a PriorityClass write: only one class may be the global default.
 * `name` is the class being written.
 */
export function validatePriorityClass(store: Store, pc: Dict, op: 'create' | 'update'): void {
  if (pc.globalDefault !== true) return;
  const current = defaultClass(priorityClasses(store));
  const name = String(pc.metadata?.name ?? '');
  if (!current || (op === 'update' && current.metadata.name === name)) return;
  throw new StatusError({
    message: `priorityclasses.scheduling.k8s.io "${name}" is forbidden: PriorityClass ${String(current.metadata.name)} is already marked as default. Only one default can exist`,
    reason: 'Forbidden',
    details: { name, group: 'scheduling.k8s.io', kind: 'priorityclasses' },
    code: 403,
  });
}
