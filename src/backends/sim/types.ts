import type { Clock, IdSource } from './clock.js';

/** Any Kubernetes object as stored: JSON with apiVersion, kind and metadata. */
export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: unknown[];
  [key: string]: unknown;
}

/** One API resource type, as discovery describes it. The registry is a data table of these. */
export interface ResourceType {
  group: string;
  version: string;
  /** Plural resource name, e.g. `deployments`. */
  resource: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  verbs: string[];
  subresources?: string[];
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';

export interface WatchEvent {
  type: WatchEventType;
  object: KObject;
}

/** A change in the store, for controllers (old is the previous version, when there was one). */
export interface StoreChange {
  type: Exclude<WatchEventType, 'BOOKMARK'>;
  resource: ResourceType;
  object: KObject;
  old?: KObject;
}

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  /**
   * The stored objects themselves, not copies: for a reader that only serializes them at once
   * (the server answering a list). Nothing may change them.
   */
  shared?: boolean;
}

/**
 * The in-memory object store. It assigns resourceVersions, keeps a bounded event history for
 * watches (410 Gone when asked for one it no longer has) and tells controllers of every change.
 * It does no defaulting or validation: that is the API layer's job.
 */
export interface Store {
  get(type: ResourceType, namespace: string | undefined, name: string): KObject | undefined;
  list(type: ResourceType, namespace: string | undefined, options?: ListOptions): { items: KObject[]; resourceVersion: string };
  /** Stores a new object (name must be set); throws StatusError AlreadyExists. */
  create(type: ResourceType, object: KObject): KObject;
  /** Replaces an object; throws NotFound, or Conflict when `metadata.resourceVersion` is set and stale. */
  update(type: ResourceType, object: KObject): KObject;
  /** Removes an object now; returns it, or undefined if it was not there. */
  remove(type: ResourceType, namespace: string | undefined, name: string): KObject | undefined;
  /**
   * Watches one type (optionally one namespace) from a resourceVersion; throws StatusError 410 if
   * that version is too old. Returns an unsubscribe function.
   */
  watch(
    type: ResourceType,
    namespace: string | undefined,
    fromResourceVersion: string | undefined,
    options: ListOptions,
    onEvent: (event: WatchEvent) => void,
  ): () => void;
  /** Every change, for controllers. Returns an unsubscribe function. */
  subscribe(onChange: (change: StoreChange) => void): () => void;
  /** The current (latest) resourceVersion. */
  resourceVersion(): string;
}

/** Shared simulator context: injectable time and randomness, speed, options. */
export interface SimContext {
  clock: Clock;
  ids: IdSource;
  /** Multiplier on simulated delays (2 = twice as fast). */
  speed: number;
  /** Reported server version, e.g. { major: '1', minor: '32', gitVersion: 'v1.32.4' }. */
  version: { major: string; minor: string; gitVersion: string };
  /** Node names, e.g. ['kind-control-plane']. */
  nodes: string[];
  /** Emulate a cloud load balancer (as cloud-provider-kind does): LoadBalancer services get an external IP. */
  loadBalancer: boolean;
  /** metrics-server is already enabled (as `minikube addons enable metrics-server`): the metrics API is served from the start. */
  metricsServer?: boolean;
}
