import type { ResourceType, KObject, SimContext, Store } from '../types.js';
import type { WriteOptions } from '../api/types.js';

/** Admission: defaulting, allocation (ClusterIPs, NodePorts, names) and validation. */
export interface Admission {
  /** Returns the object to store (defaulted, allocated) or throws StatusError (Invalid, BadRequest). */
  admit(op: 'create' | 'update', type: ResourceType, object: KObject, old: KObject | undefined, options: WriteOptions): KObject;
  /** Frees what an object held (ClusterIP, NodePort) once it is removed. */
  release(type: ResourceType, object: KObject): void;
}

/** Placeholder until the admission module lands: passes objects through. */
export function createAdmission(_store: Store, _ctx: SimContext): Admission {
  return { admit: (_op, _type, object) => object, release: () => undefined };
}
