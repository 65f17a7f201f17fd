import { distance } from 'fastest-levenshtein';
import { diagnostic, type Diagnostic } from '../../diag/diagnostic.js';
import { findDeprecatedApi } from '../data/deprecated-apis.js';
import { SERVER_REQUIRED } from '../data/server-required.js';
import {
  CLIENT_SIDE_KINDS,
  builtinKinds,
  builtinVersions,
  isBuiltinGroup,
  modelFor,
  splitApiVersion,
  validateObject,
  type SchemaError,
} from '../k8s-models.js';
import { kindDeclaration, unknownFields } from '../k8s-fields.js';
import { isKustomizePatch, kustomizePatchFiles, manifestObjects, objectLine, type ManifestObject } from '../manifest-docs.js';
import { formatPath, lineOfPath, pointerSegments, valuesAt } from '../manifest-paths.js';
import { isPlaceholderValue } from '../placeholders.js';
import { closestWords } from '../similar.js';
import type { LintRule } from '../types.js';

/**
 * Manifests that would be rejected by the API server: unknown apiVersion/kind, or fields that
 * kubernetes-models' validators (generated from the Kubernetes 1.33 OpenAPI) or the server's
 * own required-field checks reject.
 */
export const manifestSchema: LintRule = {
  id: 'manifest-schema',
  severity: 'error',
  description: 'A manifest has an unknown apiVersion/kind or misses required fields (validated with kubernetes-models).',
  check(_plan, ctx) {
    const out: Diagnostic[] = [];
    const objects = manifestObjects(ctx);
    const patches = kustomizePatchFiles(objects);
    for (const m of objects) {
      const report = (segments: string[], message: string): void => {
        const line = objectLine(m, lineOfPath(m.text, segments));
        out.push(diagnostic(this.id, 'error', { line, column: m.step.position.column }, message, { stepId: m.step.id }));
      };
      if (m.apiVersion === undefined && m.kind === undefined) continue;
      if (m.apiVersion === undefined || m.kind === undefined) {
        report([], `${m.apiVersion === undefined ? 'apiVersion' : 'kind'} is required${m.kind ? ` for ${m.kind}` : ''}`);
        continue;
      }
      if (!isBuiltinGroup(m.apiVersion) || findDeprecatedApi(m.apiVersion, m.kind)?.removedIn) continue;
      // A kustomize patch holds only what it changes (and `$patch` directives): not a whole object.
      if (isKustomizePatch(m, patches)) continue;
      if (CLIENT_SIDE_KINDS[m.apiVersion]?.includes(m.kind)) continue;
      const cls = modelFor(m.apiVersion, m.kind);
      if (!cls) {
        report(['kind'], unknownTypeMessage(m.apiVersion, m.kind));
        continue;
      }
      const id = `${m.apiVersion} ${m.kind}`;
      for (const error of validateObject(cls, m.object)) {
        if (isPlaceholderError(m, error)) continue;
        const segments = pointerSegments(error.instancePath);
        report(segments, schemaMessage(error, segments, id));
      }
      const declaration = kindDeclaration(m.apiVersion, m.kind);
      for (const unknown of declaration ? unknownFields(m.object, declaration) : []) {
        const key = unknown.segments[unknown.segments.length - 1]!;
        const near = closestWords(key, unknown.known);
        const hint = near.length > 0 ? ` (did you mean ${near.map((n) => `\`${n}\``).join(' or ')}?)` : '';
        report(unknown.segments, `unknown field ${formatPath(unknown.segments)} in ${id}${hint}; the API server rejects it (strict field validation)`);
      }
      for (const missing of serverRequired(m)) report(missing.slice(0, -1), `${formatPath(missing)} is required for ${id}`);
    }
    return out;
  },
};

function unknownTypeMessage(apiVersion: string, kind: string): string {
  const { group, version } = splitApiVersion(apiVersion);
  const versions = builtinVersions(group);
  if (!versions.includes(version)) {
    return `unknown apiVersion ${apiVersion}: the ${group === '' ? 'core' : group} group has ${versions.map((v) => (group ? `${group}/${v}` : v)).join(', ')}`;
  }
  const kinds = builtinKinds(apiVersion);
  const best = kinds.map((k) => ({ k, d: distance(k.toLowerCase(), kind.toLowerCase()) })).sort((a, b) => a.d - b.d)[0];
  const elsewhere = kinds.includes(kind) ? '' : suggestionFor(kind, best);
  return `unknown kind ${kind} in ${apiVersion}${elsewhere}`;
}

function suggestionFor(kind: string, best: { k: string; d: number } | undefined): string {
  return best && best.d <= Math.max(2, Math.floor(kind.length / 3)) ? ` (did you mean ${best.k}?)` : '';
}

function schemaMessage(error: SchemaError, segments: string[], id: string): string {
  const at = formatPath(segments);
  if (error.keyword === 'required') {
    const field = formatPath([...segments, String(error.params.missingProperty)]);
    return `${field} is required for ${id}`;
  }
  if (error.keyword === 'enum' && segments.length === 1 && (segments[0] === 'apiVersion' || segments[0] === 'kind')) {
    return `${at} does not match ${id}`;
  }
  return `${at || 'the object'} ${error.message ?? error.keyword} (${id})`;
}

/** Format errors on redacted values (`REPLACE_WITH_BASE64_CERT`) are the reader's to fill in. */
function isPlaceholderError(m: ManifestObject, error: SchemaError): boolean {
  if (error.keyword !== 'format' && error.keyword !== 'pattern' && error.keyword !== 'type') return false;
  let value: unknown = m.object;
  for (const seg of pointerSegments(error.instancePath)) value = (value as Record<string, unknown> | undefined)?.[seg];
  return typeof value === 'string' && isPlaceholderValue(value);
}

/** Paths the API server requires that the schema does not; each as segments. */
function serverRequired(m: ManifestObject): string[][] {
  const missing: string[][] = [];
  for (const rule of SERVER_REQUIRED) {
    if (!rule.kinds.includes('*') && !rule.kinds.includes(m.kind!)) continue;
    if (rule.unless && valuesAt(m.object, rule.unless).some((v) => v.present)) continue;
    const excepted = (rule.exceptWhen ?? []).some(({ path, values }) => valuesAt(m.object, path).some((v) => v.present && values.includes(v.value)));
    if (excepted) continue;
    for (const v of valuesAt(m.object, rule.path)) {
      // Report only the outermost missing field: no `metadata.name` when `metadata` is missing.
      if (!v.present && !missing.some((p) => v.segments.join('.').startsWith(`${p.join('.')}.`))) missing.push(v.segments);
    }
  }
  return missing;
}
