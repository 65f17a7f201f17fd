import type { KObject, ListOptions, ResourceType, SimContext, Store, StoreChange } from '../types.js';

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions {
  propagationPolicy?: PropagationPolicy;
  gracePeriodSeconds?: number;
}

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

export interface WriteOptions {
  /** `fieldManager` query parameter. */
  fieldManager?: string;
  /** `fieldValidation` query parameter: Strict rejects unknown fields. */
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
  /** `dryRun=All`. */
  dryRun?: boolean;
  /** Write the status subresource (controllers, kubelet): spec changes are ignored, no generation bump. */
  subresource?: 'status' | 'scale';
  /** Server-side apply: take over conflicting fields. */
  force?: boolean;
  /** Internal: the operation recorded in managedFields, and for Apply the applied configuration. */
  operation?: 'Apply' | 'Update';
  appliedBody?: unknown;
}

/**
 * The simulator's API layer: admission (defaulting, validation, allocation) in front of the store.
 * The HTTP server and every controller write through it, as all writers go through the real
 * kube-apiserver. Errors are StatusError with Kubernetes' own messages.
 */
export interface Api {
  readonly store: Store;
  readonly ctx: SimContext;
  /** Looks a type up by plural resource, singular, short name or kind (case-insensitive), optionally in a group. */
  resolve(nameOrKind: string, group?: string): ResourceType | undefined;
  /** The type for an apiVersion + kind pair. */
  typeFor(apiVersion: string, kind: string): ResourceType | undefined;
  /** Every served type. */
  types(): readonly ResourceType[];
  get(type: ResourceType, namespace: string | undefined, name: string): KObject;
  /** Like get, but undefined instead of NotFound. */
  find(type: ResourceType, namespace: string | undefined, name: string): KObject | undefined;
  list(type: ResourceType, namespace: string | undefined, options?: ListOptions): { items: KObject[]; resourceVersion: string };
  create(type: ResourceType, namespace: string | undefined, object: KObject, options?: WriteOptions): KObject;
  update(type: ResourceType, namespace: string | undefined, object: KObject, options?: WriteOptions): KObject;
  patch(type: ResourceType, namespace: string | undefined, name: string, patchType: PatchType, body: unknown, options?: WriteOptions): KObject;
  /**
   * Deletes as the real server does: objects with finalizers (and pods with a grace period on a
   * node) get a deletionTimestamp and stay until finalizers are gone; returns the object as it
   * now is (or as it was, when removed at once).
   */
  delete(type: ResourceType, namespace: string | undefined, name: string, options?: DeleteOptions): KObject;
  /** Every change, for controllers. */
  subscribe(onChange: (change: StoreChange) => void): () => void;
}
