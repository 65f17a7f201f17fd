import type { DeleteOptions, WriteOptions } from '../api/types.js';
import { badRequest } from '../status.js';
import { convertFieldSelector } from '../field-labels.js';
import { parseFieldSelector, parseLabelSelector } from '../store/index.js';
import type { ListOptions, ResourceType } from '../types.js';

/** Write options from query parameters (`dryRun`, `fieldManager`, `fieldValidation`, `force`). */
export function writeOptions(q: URLSearchParams): WriteOptions {
  const out: WriteOptions = {};
  const dryRun = q.getAll('dryRun');
  if (dryRun.length) {
    if (dryRun.some((d) => d !== 'All')) throw badRequest(`Invalid dryRun value: ${dryRun.join(',')}`);
    out.dryRun = true;
  }
  const manager = q.get('fieldManager');
  if (manager) out.fieldManager = manager;
  const validation = q.get('fieldValidation');
  if (validation) {
    const v = validation.charAt(0).toUpperCase() + validation.slice(1).toLowerCase();
    if (v !== 'Strict' && v !== 'Warn' && v !== 'Ignore') throw badRequest(`fieldValidation must be one of: Ignore, Warn, Strict; got ${validation}`);
    out.fieldValidation = v;
  }
  if (q.get('force') === 'true') out.force = true;
  return out;
}

/**
 * Label and field selectors of a list or watch of a type: the field selector's labels are
 * converted for the type first, so one the type does not support is refused (400) as the real
 * server refuses it, whatever objects exist.
 */
export function listOptions(q: URLSearchParams, type: Pick<ResourceType, 'group' | 'resource'>): ListOptions {
  const out: ListOptions = {};
  const l = q.get('labelSelector');
  const f = q.get('fieldSelector');
  // Both are parsed when the query is decoded, before any label is converted.
  if (l) out.labelSelector = l;
  if (l) parseLabelSelector(l);
  if (f) parseFieldSelector(f);
  if (f) out.fieldSelector = convertFieldSelector(type, f);
  return out;
}

/** Delete options from the query and an optional DeleteOptions body. */
export function deleteOptions(q: URLSearchParams, body: unknown): DeleteOptions & { dryRun?: boolean } {
  const b = (body && typeof body === 'object' ? body : {}) as {
    propagationPolicy?: string;
    gracePeriodSeconds?: number;
    dryRun?: string[];
    orphanDependents?: boolean;
  };
  const out: DeleteOptions & { dryRun?: boolean } = {};
  const policy =
    q.get('propagationPolicy') ?? b.propagationPolicy ?? (b.orphanDependents === true || q.get('orphanDependents') === 'true' ? 'Orphan' : undefined);
  if (policy !== undefined) {
    if (policy !== 'Background' && policy !== 'Foreground' && policy !== 'Orphan')
      throw badRequest(
        `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`,
      );
    out.propagationPolicy = policy;
  }
  const grace = q.get('gracePeriodSeconds') ?? b.gracePeriodSeconds;
  if (grace !== undefined && grace !== null) {
    const n = Number(grace);
    if (!Number.isInteger(n)) throw badRequest(`invalid gracePeriodSeconds: ${String(grace)}`);
    out.gracePeriodSeconds = n;
  }
  if (q.getAll('dryRun').includes('All') || b.dryRun?.includes('All')) out.dryRun = true;
  return out;
}

/** `includeObject` for Table answers. */
export function includeObject(q: URLSearchParams): 'None' | 'Metadata' | 'Object' {
  const v = q.get('includeObject');
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}

/** Whether the Accept header asks for a meta.k8s.io Table. */
export const wantsTable = (accept: string | undefined) => Boolean(accept && /as=Table/.test(accept));
