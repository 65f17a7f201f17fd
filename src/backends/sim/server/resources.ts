import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Api, PatchType } from '../api/types.js';
import { groupVersion } from '../registry.js';
import type { PodRuntime } from '../runtime/hooks.js';
import { methodNotAllowed, notSupported, StatusError } from '../status.js';
import { toTable } from '../tables/index.js';
import type { KObject, ResourceType } from '../types.js';
import { bodyFormat, decodeBody, OBJECT_MEDIA, PATCH_MEDIA, readBody } from './body.js';
import { sendJson } from './respond.js';
import type { ResourceRoute } from './route.js';
import { deleteOptions, includeObject, listOptions, wantsTable, writeOptions } from './query.js';
import { listMeta, paginate } from './paging.js';
import { serveSubresource } from './subresources.js';
import { serveWatch, type WatchRegistry } from './watch.js';

/** What resource handlers need. */
export interface HandlerContext {
  api: Api;
  runtime: PodRuntime;
  watches: WatchRegistry;
}

const VERB_OF: Record<string, (named: boolean) => string> = {
  GET: (named) => (named ? 'get' : 'list'),
  POST: () => 'create',
  PUT: () => 'update',
  PATCH: () => 'patch',
  DELETE: (named) => (named ? 'delete' : 'deletecollection'),
};

/** One request to a resource route, as its handlers read it. */
export interface ResourceRequest {
  ctx: HandlerContext;
  route: ResourceRoute;
  req: IncomingMessage;
  res: ServerResponse;
  query: URLSearchParams;
  /** The request's HTTP method (`GET` when it has none). */
  method: string;
}

/** Serves one resource route (CRUD, list, watch, subresources). */
export async function serveResource(
  ctx: HandlerContext,
  route: ResourceRoute,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
): Promise<void> {
  const method = req.method ?? 'GET';
  if (route.subresource) return serveSubresource({ ctx, route, req, res, query, method });
  const { api } = ctx;
  const { type, namespace, name } = route;
  const verb = VERB_OF[method]?.(name !== undefined);
  if (!verb || !type.verbs.includes(verb)) throw methodNotAllowed();
  const accept = req.headers.accept;

  if (verb === 'list') {
    if (query.get('watch') === 'true' || query.get('watch') === '1') return serveWatch(ctx, type, namespace, req, res, query);
    // Served at once: the stored objects are read, not copied.
    const all = api.list(type, namespace, { ...listOptions(query, type), shared: true });
    const page = paginate(all.items, all.resourceVersion, query);
    if (wantsTable(accept)) {
      const t = table(api, type, page.items, query, page.resourceVersion);
      return sendJson(res, 200, { ...t, metadata: listMeta(page) });
    }
    return sendJson(res, 200, { kind: `${type.kind}List`, apiVersion: groupVersion(type), metadata: listMeta(page), items: page.items });
  }
  if (verb === 'get') {
    const o = api.get(type, namespace, name!);
    if (wantsTable(accept)) return sendJson(res, 200, table(api, type, [o], query, o.metadata.resourceVersion ?? ''));
    return sendJson(res, 200, o);
  }
  if (verb === 'create') {
    if (name !== undefined) throw methodNotAllowed();
    const body = await readObject(req, type.kind);
    const created = api.create(type, namespace, body, writeOptions(query));
    return sendJson(res, 201, created);
  }
  if (verb === 'update') {
    const body = await readObject(req, type.kind);
    if (body.metadata?.name && body.metadata.name !== name)
      throw new StatusError({
        message: `the name of the object (${body.metadata.name}) does not match the name on the URL (${name})`,
        reason: 'BadRequest',
        code: 400,
      });
    body.metadata = { ...(body.metadata ?? {}), name: name! };
    return sendJson(res, 200, api.update(type, namespace, body, writeOptions(query)));
  }
  if (verb === 'patch') {
    const { patchType, body } = await readPatch(req);
    const existed = api.find(type, namespace, name!) !== undefined;
    const out = api.patch(type, namespace, name!, patchType, body, writeOptions(query));
    return sendJson(res, existed ? 200 : 201, out);
  }
  if (verb === 'delete') {
    const body = await readOptional(req);
    const removed = api.delete(type, namespace, name!, deleteOptions(query, body));
    return sendJson(res, 200, removed);
  }
  // deletecollection
  const body = await readOptional(req);
  const opts = deleteOptions(query, body);
  const { items } = api.list(type, namespace, listOptions(query, type));
  const deleted: KObject[] = [];
  for (const o of items) {
    try {
      deleted.push(api.delete(type, o.metadata.namespace, o.metadata.name!, opts));
    } catch (error) {
      if (!(error instanceof StatusError && error.code === 404)) throw error;
    }
  }
  return sendJson(res, 200, {
    kind: `${type.kind}List`,
    apiVersion: groupVersion(type),
    metadata: { resourceVersion: api.store.resourceVersion() },
    items: deleted,
  });
}

/** A Table for these objects, via the tables module. */
export function table(api: Api, type: ResourceType, items: KObject[], query: URLSearchParams, resourceVersion: string): Record<string, unknown> {
  return toTable(type, items, { now: api.ctx.clock.now(), includeObject: includeObject(query), resourceVersion });
}

/** Reads and decodes an object body (JSON, YAML or protobuf); `kind` is the type it must be, for error messages. */
export async function readObject(req: IncomingMessage, kind?: string): Promise<KObject> {
  const format = bodyFormat(req.headers['content-type'], OBJECT_MEDIA);
  const value = decodeBody(await readBody(req), format, 'object', kind);
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new StatusError({ message: "Object 'Kind' is missing in request body", reason: 'BadRequest', code: 400 });
  const o = value as KObject;
  if (o.metadata === undefined || o.metadata === null) o.metadata = {};
  if (typeof o.metadata !== 'object' || Array.isArray(o.metadata))
    throw new StatusError({ message: 'json: cannot unmarshal into Go struct field .metadata of type v1.ObjectMeta', reason: 'BadRequest', code: 400 });
  return o;
}

/** Reads a patch body and its type from the Content-Type. */
export async function readPatch(req: IncomingMessage): Promise<{ patchType: PatchType; body: unknown }> {
  const media = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const patchType = PATCH_MEDIA[media];
  if (!patchType) bodyFormat(media, Object.keys(PATCH_MEDIA));
  if (media === 'application/apply-patch+cbor') throw notSupported('application/apply-patch+cbor bodies');
  const body = decodeBody(await readBody(req), patchType === 'apply' ? 'yaml' : 'json', 'patch');
  return { patchType: patchType!, body };
}

/** Reads an optional JSON body (DeleteOptions); empty is fine. */
export async function readOptional(req: IncomingMessage): Promise<unknown> {
  const raw = await readBody(req);
  if (raw.length === 0) return undefined;
  const format = bodyFormat(req.headers['content-type'], OBJECT_MEDIA);
  if (format === 'protobuf') return undefined;
  return decodeBody(raw, format, 'object');
}
