import type { KObject, ResourceType } from '../types.js';
import { resourceKey, type Dict } from '../admission/util.js';
import { kindRow } from '../kinds.js';
import { ageColumn, type Column, nameColumn, type Printer } from './columns.js';
import { runtimeClassPrinter } from './cluster.js';
import { eventPrinter } from './core.js';
import { customVersion } from '../crd/types.js';
import { customPrinter } from '../crd/printer.js';

export type { Column, Printer } from './columns.js';
export { humanDuration, since } from './duration.js';

export interface TableOptions {
  now: Date;
  /** `includeObject` query parameter; the default is Metadata. */
  includeObject: 'None' | 'Metadata' | 'Object';
  resourceVersion: string;
}

/** Printers of types served without a row of their own (events.k8s.io/v1 events by conversion, real-only kinds). */
const OTHER_PRINTERS: Record<string, Printer> = {
  'events.events.k8s.io': eventPrinter,
  'runtimeclasses.node.k8s.io': runtimeClassPrinter,
};

/** Name and Age, for anything without a printer (as for a custom resource without printer columns). */
export const DEFAULT_PRINTER: Printer = { columns: [nameColumn, ageColumn] };

/** The printer for a resource type. */
export function printerFor(type: ResourceType): Printer {
  const custom = customVersion(type);
  if (custom) return customPrinter(custom.version);
  return kindRow(type)?.printer ?? OTHER_PRINTERS[resourceKey(type)] ?? DEFAULT_PRINTER;
}

function columnDefinition(c: Column): Record<string, unknown> {
  return { name: c.name, type: c.type, format: c.format ?? '', description: c.description, priority: c.priority ?? 0 };
}

function rowObject(type: ResourceType, obj: KObject, mode: TableOptions['includeObject']): Record<string, unknown> | undefined {
  if (mode === 'None') return undefined;
  if (mode === 'Object') {
    return { ...obj, kind: obj.kind || type.kind, apiVersion: obj.apiVersion || (type.group ? `${type.group}/${type.version}` : type.version) };
  }
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

/** Builds a meta.k8s.io/v1 Table for these objects with the columns a real 1.32 server prints (or `printer`'s). */
export function toTable(type: ResourceType, objects: KObject[], options: TableOptions, printer: Printer = printerFor(type)): Record<string, unknown> {
  const ctx = { now: options.now };
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: options.resourceVersion },
    columnDefinitions: printer.columns.map(columnDefinition),
    rows: objects.map((obj) => {
      const row: Record<string, unknown> = { cells: printer.columns.map((c) => c.cell(obj as Dict, ctx)) };
      const conditions = printer.conditions?.(obj as Dict);
      if (conditions) row.conditions = conditions;
      const object = rowObject(type, obj, options.includeObject);
      if (object) row.object = object;
      return row;
    }),
  };
}
