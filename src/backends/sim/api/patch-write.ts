import { badRequest, notFound } from '../status.js';
import type { KObject, ResourceType } from '../types.js';
import { applyConflicts, dropUnapplied, lastAppliedUnchanged, throwConflicts } from './apply.js';
import { toScale } from './objects.js';
import { applyJsonPatch, mergePatch, strategicMergePatch } from './patch.js';
import { checkSecretData, checkStrict } from './strict.js';
import { checkPatchedShape } from './typed-check.js';
import { checkKind } from './guards.js';
import { createObject, replaceObject, writeScale, type Writer } from './writes.js';
import type { PatchType, WriteOptions } from './types.js';

/**
 * Patches an object (JSON, merge, strategic) or applies a configuration to it (server-side apply,
 * which creates a missing object and takes fields over only when forced).
 */
export function patchObject(
  w: Writer,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
  patchType: PatchType,
  body: unknown,
  opts: WriteOptions = {},
): KObject {
  const old = w.reads.find(type, namespace, name);
  if (!old) {
    if (patchType !== 'apply' || opts.subresource) throw notFound(type.resource, type.group, name);
    const applied = structuredClone(body) as KObject;
    checkKind(type, applied);
    if (applied.metadata.name && applied.metadata.name !== name) throw badRequest('the name of the object does not match the name on the URL');
    applied.metadata.name = name;
    return createObject(w, type, namespace, applied, { ...opts, operation: 'Apply', appliedBody: body });
  }
  const base: KObject = opts.subresource === 'scale' ? toScale(old, type) : old;
  let patched: unknown;
  if (patchType === 'json') patched = applyJsonPatch(base, body);
  else if (patchType === 'merge') patched = mergePatch(base, body);
  else patched = strategicMergePatch(base, body);
  if (patched === null || typeof patched !== 'object' || Array.isArray(patched)) throw badRequest('the patch did not produce an object');
  if (opts.subresource !== 'scale') checkPatchedShape(type, patched as Record<string, unknown>, body, patchType as 'json' | 'merge' | 'strategic');
  const next = patched as KObject;
  if (typeof next.metadata !== 'object' || next.metadata === null) next.metadata = {};
  if (opts.subresource === 'scale') return writeScale(w, type, namespace, { ...next, metadata: { ...next.metadata, name } }, opts);
  // Like the real server, strict validation looks at what the patch sets, not at what was stored before.
  if (opts.fieldValidation === 'Strict' && patchType !== 'json') checkStrict(type, body);
  checkSecretData(type, next);
  if (next.metadata.resourceVersion === old.metadata.resourceVersion) delete next.metadata.resourceVersion;
  if (patchType !== 'apply') return replaceObject(w, type, old, next, opts);
  let force = opts.force === true;
  if (!force) {
    const conflicts = applyConflicts(type, old, body, opts.fieldManager ?? '');
    // kubectl's own manager may take over what client-side apply set, as long as the live value
    // is still the last-applied one (the fieldmanager's lastAppliedManager); others must force.
    if (conflicts.length > 0 && !(opts.fieldManager === 'kubectl' && conflicts.every((c) => lastAppliedUnchanged(old).has(JSON.stringify(c.path)))))
      throwConflicts(conflicts);
    force = conflicts.length > 0;
  }
  dropUnapplied(type, old, next, body, opts.fieldManager ?? '');
  return replaceObject(w, type, old, next, { ...opts, force, operation: 'Apply', appliedBody: body });
}
