import { createHash } from 'node:crypto';
import { groupVersions } from '../registry.js';
import type { ResourceType } from '../types.js';
import { componentSchemas, schemaRef } from './openapi-schemas.js';

const gvPath = (gv: { group: string; version: string }) => (gv.group ? `apis/${gv.group}/${gv.version}` : `api/${gv.version}`);

const cache = new WeakMap<readonly ResourceType[], Map<string, { doc: unknown; hash: string }>>();

/** One group-version's document and its hash, computed once per type list. */
function cached(types: readonly ResourceType[], group: string, version: string, gitVersion: string) {
  let byGv = cache.get(types);
  if (!byGv) cache.set(types, (byGv = new Map()));
  const key = `${group}/${version}/${gitVersion}`;
  let hit = byGv.get(key);
  if (!hit) {
    const doc = buildDocument(types, group, version, gitVersion);
    hit = { doc, hash: createHash('sha512').update(JSON.stringify(doc)).digest('hex').slice(0, 128).toUpperCase() };
    byGv.set(key, hit);
  }
  return hit;
}

/** One group-version's OpenAPI v3 document: a patch path per kind (GVK + fieldValidation) and the kinds' schemas. */
export function openApiDocument(types: readonly ResourceType[], group: string, version: string, gitVersion: string) {
  return cached(types, group, version, gitVersion).doc;
}

function buildDocument(types: readonly ResourceType[], group: string, version: string, gitVersion: string) {
  const served = types.filter((t) => t.group === group && t.version === version);
  if (served.length === 0) return undefined;
  const paths: Record<string, unknown> = {};
  for (const t of served) {
    const base = `/${gvPath(t)}${t.namespaced ? '/namespaces/{namespace}' : ''}/${t.resource}/{name}`;
    const gvk = { group: t.group, version: t.version, kind: t.kind };
    const ok = { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: schemaRef(t) } } } } };
    paths[base] = {
      get: { operationId: `read${t.kind}`, 'x-kubernetes-action': 'get', 'x-kubernetes-group-version-kind': gvk, responses: ok },
      patch: {
        operationId: `patch${t.kind}`,
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': gvk,
        parameters: [
          { name: 'dryRun', in: 'query', schema: { type: 'string', uniqueItems: true } },
          { name: 'fieldManager', in: 'query', schema: { type: 'string', uniqueItems: true } },
          { name: 'fieldValidation', in: 'query', schema: { type: 'string', uniqueItems: true } },
          { name: 'force', in: 'query', schema: { type: 'boolean', uniqueItems: true } },
        ],
        responses: ok,
      },
    };
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: gitVersion },
    paths,
    components: { schemas: componentSchemas(served) },
  };
}

/** The `/openapi/v3` root: every group-version with a hash of its document. */
export function openApiRoot(types: readonly ResourceType[], gitVersion: string) {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const gv of groupVersions(types)) {
    const { hash } = cached(types, gv.group, gv.version, gitVersion);
    paths[gvPath(gv)] = { serverRelativeURL: `/openapi/v3/${gvPath(gv)}?hash=${hash}` };
  }
  return { paths };
}

/** Parses `/openapi/v3/api/v1` or `/openapi/v3/apis/apps/v1` into a group-version. */
export function openApiPath(pathname: string): { group: string; version: string } | undefined {
  const m = /^\/openapi\/v3\/(?:api\/([^/]+)|apis\/([^/]+)\/([^/]+))\/?$/.exec(pathname);
  if (!m) return undefined;
  return m[1] ? { group: '', version: m[1] } : { group: m[2]!, version: m[3]! };
}

/** The media type kubectl asks `/openapi/v2` for. */
export const OPENAPI_V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

function protoString(field: number, value: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  return Buffer.concat([Buffer.from([(field << 3) | 2, bytes.length]), bytes]);
}

/**
 * `/openapi/v2` without definitions: kubectl falls back to it for client-side validation of a
 * group-version the v3 root does not list (`extensions/v1beta1` Deployments in an old doc). A
 * document that knows no type lets kubectl skip validation and fail as a real cluster makes it
 * fail: "resource mapping not found … no matches for kind". The types themselves are in v3.
 */
export function openApiV2(gitVersion: string, accept: string | undefined): { body: Buffer; contentType: string } {
  if (accept?.includes('protobuf')) {
    // gnostic's openapi_v2.Document: swagger = 1, info = 2 (Info: title = 1, version = 2).
    const info = Buffer.concat([protoString(1, 'Kubernetes'), protoString(2, gitVersion)]);
    const body = Buffer.concat([protoString(1, '2.0'), Buffer.from([(2 << 3) | 2, info.length]), info]);
    return { body, contentType: OPENAPI_V2_PROTOBUF };
  }
  const json = JSON.stringify({ swagger: '2.0', info: { title: 'Kubernetes', version: gitVersion }, paths: {}, definitions: {} });
  return { body: Buffer.from(json), contentType: 'application/json' };
}
