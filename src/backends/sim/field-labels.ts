/**
 * The field labels each resource type accepts in a field selector, as the Kubernetes 1.32 API
 * server converts them before it lists or watches: a label outside the type's table is refused
 * with 400 BadRequest whatever objects exist (apiserver handlers/get.go ListResource turns the
 * conversion error into `errors.NewBadRequest(err.Error())`). kubectl wraps that message in
 * `Unable to find "<group/version, Resource=…>" that match label selector …`.
 *
 * Sources (kubernetes v1.32): pkg/apis/core/v1/conversion.go (Pod, Node, ReplicationController,
 * Event, Namespace, Secret, Service), pkg/apis/batch/v1/conversion.go (Job), and apimachinery
 * runtime/conversion.go `DefaultMetaV1FieldSelectorConversion` for every built-in type that
 * registers no conversion of its own.
 */
import { badRequest } from './status.js';
import { RESOURCE_TYPES } from './registry.js';
import type { ResourceType } from './types.js';

/** One resource type's accepted labels and how it words a refusal. */
interface FieldLabels {
  /** Accepted labels; a label mapped to another path is read at that path (`spec.host` → `spec.nodeName`). */
  accepted: Readonly<Record<string, string>>;
  /** The conversion function's error for a label it does not know. */
  refuse(label: string): string;
}

const same = (...labels: string[]): Record<string, string> => Object.fromEntries(labels.map((l) => [l, l]));
const notSupported = (label: string): string => `field label not supported: ${label}`;

/** Keyed `group/resource` (core group empty). Types not listed: the default meta conversion, when built in. */
const FIELD_LABELS: Readonly<Record<string, FieldLabels>> = {
  '/pods': {
    accepted: {
      ...same(
        'metadata.name',
        'metadata.namespace',
        'spec.nodeName',
        'spec.restartPolicy',
        'spec.schedulerName',
        'spec.serviceAccountName',
        'spec.hostNetwork',
        'status.phase',
        'status.podIP',
        'status.podIPs',
        'status.nominatedNodeName',
      ),
      // Kept for old v1 clients.
      'spec.host': 'spec.nodeName',
    },
    refuse: notSupported,
  },
  // Nodes are cluster-scoped: no metadata.namespace in their table.
  '/nodes': { accepted: same('metadata.name', 'spec.unschedulable'), refuse: notSupported },
  '/replicationcontrollers': { accepted: same('metadata.name', 'metadata.namespace', 'status.replicas'), refuse: notSupported },
  '/events': {
    accepted: {
      ...same(
        'involvedObject.kind',
        'involvedObject.namespace',
        'involvedObject.name',
        'involvedObject.uid',
        'involvedObject.apiVersion',
        'involvedObject.resourceVersion',
        'involvedObject.fieldPath',
        'reason',
        'reportingComponent',
        'type',
        'metadata.namespace',
        'metadata.name',
      ),
      // The event registry's selectable `source` is the reporting component of source.
      source: 'source.component',
    },
    refuse: notSupported,
  },
  '/namespaces': { accepted: same('status.phase', 'metadata.name'), refuse: notSupported },
  '/secrets': { accepted: same('type', 'metadata.namespace', 'metadata.name'), refuse: notSupported },
  '/services': { accepted: same('metadata.namespace', 'metadata.name', 'spec.clusterIP', 'spec.type'), refuse: notSupported },
  'batch/jobs': {
    accepted: same('metadata.name', 'metadata.namespace', 'status.successful'),
    refuse: (label) => `field label ${JSON.stringify(label)} not supported for batchv1.Job`,
  },
};

/**
 * Types whose 1.32 conversion is not pinned down here (apps StatefulSet and ReplicaSet register
 * their own; events.k8s.io maps its own names): their selectors are not checked rather than
 * refused with a guessed message.
 */
const UNCHECKED = new Set(['apps/statefulsets', 'apps/replicasets', 'events.k8s.io/events']);

const DEFAULT_META: FieldLabels = {
  accepted: same('metadata.name', 'metadata.namespace'),
  refuse: (label) => `${JSON.stringify(label)} is not a known field selector: only "metadata.name", "metadata.namespace"`,
};

const BUILT_IN = new Set(RESOURCE_TYPES.map((t) => `${t.group}/${t.resource}`));

/** The table of a type, or undefined when its selectors are not checked (custom resources, the types above). */
function labelsOf(type: Pick<ResourceType, 'group' | 'resource'>): FieldLabels | undefined {
  const key = `${type.group}/${type.resource}`;
  if (UNCHECKED.has(key) || !BUILT_IN.has(key)) return undefined;
  return FIELD_LABELS[key] ?? DEFAULT_META;
}

/**
 * Converts a field selector's labels for a type as the API server does before a list or watch:
 * throws 400 BadRequest at the first label the type does not accept, and returns the selector
 * with aliases rewritten to the paths they read.
 */
export function convertFieldSelector(type: Pick<ResourceType, 'group' | 'resource'>, selector: string): string {
  const labels = labelsOf(type);
  if (!labels) return selector;
  return selector
    .split(/(?<!\\),/)
    .map((term) => {
      const m = /^(\s*)([^=!]+?)(\s*(?:==|!=|=).*)$/s.exec(term);
      if (!m) return term;
      const path = labels.accepted[m[2]!];
      if (path === undefined) throw badRequest(labels.refuse(m[2]!));
      return `${m[1]}${path}${m[3]}`;
    })
    .join(',');
}
