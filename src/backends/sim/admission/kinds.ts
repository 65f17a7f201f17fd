import type { FieldCause } from '../status.js';
import { invalidField } from './field-errors.js';
import { defaultConfigMapLike, defaultSecretData } from './defaults/data.js';
import {
  defaultEndpoints,
  defaultEndpointSlice,
  defaultHorizontalPodAutoscaler,
  defaultNamespace,
  defaultNetworkPolicy,
  defaultPersistentVolume,
  defaultPersistentVolumeClaim,
  defaultSecret,
  defaultService,
  prepareNewNamespace,
} from './defaults/core.js';
import { defaultPodOnly, defaultPodSpec } from './defaults/pod-spec.js';
import {
  defaultCronJob,
  defaultReplicationController,
  defaultDaemonSet,
  defaultDeployment,
  defaultJob,
  defaultReplicaSet,
  defaultStatefulSet,
  generateJobSelector,
} from './defaults/workloads.js';
import { defaultLimitRange } from './limit-ranger.js';
import { validatePriorityClassFields } from './priority.js';
import { ensureDict, setDefault, type Dict } from './util.js';
import { validateConfigMap, validateIngressSpec, validatePod, validateSecret, validateServiceSpec } from './validation/core.js';
import type { NameRule } from './validation/meta.js';
import {
  validateCronJobSpec,
  validateDaemonSetSpec,
  validateDeploymentSpec,
  validateJobSpec,
  validateReplicaSetSpec,
  validateStatefulSetSpec,
} from './validation/workloads.js';

/** How admission treats one resource kind: behaviour as data. */
export interface KindRules {
  /** The rule metadata.name must follow (default: subdomain). */
  name?: NameRule;
  /** metadata.generation is set to 1 on create and bumped when the spec changes. */
  generation?: boolean;
  /** The status a new object starts with (its status is reset on create), if any. */
  initialStatus?: () => Dict;
  /** Has a status subresource: a main update keeps the stored status. Implied by initialStatus. */
  statusSubresource?: boolean;
  /** Preparation of a new object only (`PrepareForCreate`), after defaulting. */
  onCreate?: (obj: Dict) => void;
  /** Defaulting applied on create and update. */
  defaults?: (obj: Dict) => void;
  /** Validation of the defaulted object (apart from metadata). */
  validate?: (obj: Dict) => FieldCause[];
}

/** Jobs get an 11-character suffix, so CronJob names stop at 52 characters. */
const cronJobNameLength = (o: Dict): FieldCause[] => {
  const name = String(o.metadata?.name ?? '');
  return name.length > 52 ? [invalidField('metadata.name', name, 'must be no more than 52 characters')] : [];
};

const spec = (f: (s: Dict) => FieldCause[]) => (obj: Dict) => f(ensureDict(obj, 'spec'));
const emptyStatus = () => ({});

/** Admission rules of the kinds the simulator serves; each kind's row in ../kinds.ts names its rules. */
export const RULES = {
  pods: {
    statusSubresource: true,
    defaults: (o) => {
      defaultPodSpec(ensureDict(o, 'spec'));
      defaultPodOnly(o);
    },
    validate: validatePod,
  },
  services: { name: 'dns1035', initialStatus: () => ({ loadBalancer: {} }), defaults: defaultService, validate: spec(validateServiceSpec) },
  secrets: { defaults: (o) => (defaultSecretData(o), defaultSecret(o)), validate: validateSecret },
  configmaps: { defaults: defaultConfigMapLike, validate: validateConfigMap },
  namespaces: { name: 'label', initialStatus: () => ({ phase: 'Active' }), defaults: defaultNamespace, onCreate: prepareNewNamespace },
  persistentvolumeclaims: { initialStatus: () => ({ phase: 'Pending' }), defaults: defaultPersistentVolumeClaim },
  persistentvolumes: { initialStatus: () => ({ phase: 'Pending' }), defaults: defaultPersistentVolume },
  endpoints: { defaults: defaultEndpoints },
  serviceaccounts: {},
  events: { name: 'any' },
  nodes: { statusSubresource: true },
  replicationcontrollers: { generation: true, initialStatus: () => ({ replicas: 0 }), defaults: defaultReplicationController },
  deployments: { generation: true, initialStatus: emptyStatus, defaults: defaultDeployment, validate: spec(validateDeploymentSpec) },
  replicasets: { generation: true, initialStatus: () => ({ replicas: 0 }), defaults: defaultReplicaSet, validate: spec(validateReplicaSetSpec) },
  statefulsets: {
    generation: true,
    initialStatus: () => ({ replicas: 0, availableReplicas: 0 }),
    defaults: defaultStatefulSet,
    validate: spec(validateStatefulSetSpec),
  },
  daemonsets: {
    generation: true,
    initialStatus: () => ({ currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 }),
    defaults: defaultDaemonSet,
    validate: spec(validateDaemonSetSpec),
  },
  controllerrevisions: {},
  jobs: {
    generation: true,
    initialStatus: emptyStatus,
    defaults: defaultJob,
    onCreate: generateJobSelector,
    validate: (o) => validateJobSpec(o.spec, 'spec', true),
  },
  cronjobs: {
    generation: true,
    initialStatus: emptyStatus,
    defaults: defaultCronJob,
    validate: (o) => [...validateCronJobSpec(ensureDict(o, 'spec')), ...cronJobNameLength(o)],
  },
  ingresses: { generation: true, initialStatus: () => ({ loadBalancer: {} }), validate: spec(validateIngressSpec) },
  ingressclasses: { generation: true },
  networkpolicies: { generation: true, defaults: defaultNetworkPolicy },
  endpointslices: { generation: true, defaults: defaultEndpointSlice },
  poddisruptionbudgets: { generation: true, initialStatus: () => ({ currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 }) },
  horizontalpodautoscalers: { initialStatus: () => ({ currentReplicas: 0, desiredReplicas: 0 }), defaults: defaultHorizontalPodAutoscaler },
  customresourcedefinitions: { generation: true },
  leases: {},
  limitranges: { defaults: defaultLimitRange },
  // SetDefaults_PriorityClass.
  priorityclasses: { defaults: (o) => void setDefault(o, 'preemptionPolicy', 'PreemptLowerPriority'), validate: validatePriorityClassFields },
  // RBAC names are path segments (ValidateRBACName), so `system:discovery` is a valid name.
  roles: { name: 'path' },
  clusterroles: { name: 'path' },
  rolebindings: { name: 'path' },
  clusterrolebindings: { name: 'path' },
} satisfies Record<string, KindRules>;

/** Groups served by the kube-apiserver itself; other groups are custom resources. */
const BUILTIN_GROUP = /^(|apps|batch|autoscaling|policy|[a-z0-9.-]*\.k8s\.io)$/;

/** The rules a kind's row declares; a kind without a row that is a custom resource gets generation tracking. */
export function rulesFor(declared: KindRules | undefined, group: string, subresources: readonly string[] = []): KindRules {
  return declared ?? (BUILTIN_GROUP.test(group) ? {} : { generation: true, statusSubresource: subresources.includes('status') });
}
