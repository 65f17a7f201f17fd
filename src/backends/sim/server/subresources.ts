import { randomBytes } from 'node:crypto';
import { stamp } from '../api/delete.js';
import { toScale } from '../api/objects.js';
import { methodNotAllowed, notSupported } from '../status.js';
import { int, nameColumn } from '../tables/columns.js';
import { toTable, type Printer } from '../tables/index.js';
import type { ResourceType } from '../types.js';
import type { KObject } from '../types.js';
import { readObject, readOptional, readPatch, table, type ResourceRequest } from './resources.js';
import { pathNotFound, sendJson } from './respond.js';
import { deleteOptions, includeObject, wantsTable, writeOptions } from './query.js';

const SCALE_TYPE: ResourceType = { group: 'autoscaling', version: 'v1', resource: 'scale', singular: 'scale', kind: 'Scale', namespaced: true, verbs: [] };

/** The API server's printer for autoscaling/v1 Scale. */
const SCALE_PRINTER: Printer = {
  columns: [
    nameColumn,
    int('Desired', 'replicas is the desired number of instances for the scaled object.', (o) => o.spec?.replicas ?? 0),
    int('Available', 'replicas is the actual number of observed instances of the scaled object.', (o) => o.status?.replicas ?? 0),
  ],
};

const success = (code: number) => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code });

/** Serves `…/NAME/<subresource>`: status, scale, log, binding, eviction, token, finalize. */
export async function serveSubresource({ ctx, route, req, res, query, method }: ResourceRequest): Promise<void> {
  const { api } = ctx;
  const { type, namespace, subresource } = route;
  const name = route.name!;
  // An unknown subresource is an unknown path, as on the real server (not "pods/x not found").
  if (!type.subresources?.includes(subresource!)) throw pathNotFound();

  switch (subresource) {
    case 'status':
    case 'scale': {
      const sub = subresource;
      const view = (o: KObject) => (sub === 'scale' ? toScale(o, type) : o);
      if (method === 'GET') {
        const o = api.get(type, namespace, name);
        // `kubectl get --subresource=status|scale` asks for a Table: status rows use the resource's
        // printer, scale rows the Scale printer (Name, Desired, Available).
        if (wantsTable(req.headers.accept)) {
          const rv = o.metadata.resourceVersion ?? '';
          if (sub === 'status') return sendJson(res, 200, table(api, type, [o], query, rv));
          return sendJson(
            res,
            200,
            toTable(SCALE_TYPE, [toScale(o, type)], { now: api.ctx.clock.now(), includeObject: includeObject(query), resourceVersion: rv }, SCALE_PRINTER),
          );
        }
        return sendJson(res, 200, view(o));
      }
      if (method === 'PUT') {
        const body = await readObject(req);
        body.metadata.name = name;
        const out = api.update(type, namespace, body, { ...writeOptions(query), subresource: sub });
        return sendJson(res, 200, view(out));
      }
      if (method === 'PATCH') {
        const { patchType, body } = await readPatch(req);
        const out = api.patch(type, namespace, name, patchType, body, { ...writeOptions(query), subresource: sub });
        return sendJson(res, 200, view(out));
      }
      throw methodNotAllowed();
    }
    case 'log': {
      if (method !== 'GET') throw methodNotAllowed();
      const pod = api.get(type, namespace, name);
      ctx.runtime.log(pod, query, req, res);
      return;
    }
    case 'binding': {
      if (method !== 'POST') throw methodNotAllowed();
      const body = await readObject(req);
      const node = (body.target as { name?: string } | undefined)?.name;
      api.patch(type, namespace, name, 'merge', { spec: { nodeName: node } }, writeOptions(query));
      return sendJson(res, 201, success(201));
    }
    case 'eviction': {
      if (method !== 'POST') throw methodNotAllowed();
      const body = (await readOptional(req)) as { deleteOptions?: unknown } | undefined;
      api.delete(type, namespace, name, deleteOptions(new URLSearchParams(), body?.deleteOptions));
      return sendJson(res, 201, success(201));
    }
    case 'token': {
      if (method !== 'POST') throw methodNotAllowed();
      const sa = api.get(type, namespace, name);
      const body = (await readOptional(req)) as { spec?: { expirationSeconds?: number; audiences?: string[] } } | undefined;
      const seconds = body?.spec?.expirationSeconds ?? 3600;
      const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const now = api.ctx.clock.now();
      const token = `${b64({ alg: 'RS256', kid: 'sim' })}.${b64({ sub: `system:serviceaccount:${namespace}:${name}`, aud: body?.spec?.audiences ?? ['https://kubernetes.default.svc.cluster.local'], exp: Math.floor(now.getTime() / 1000) + seconds, iat: Math.floor(now.getTime() / 1000), 'kubernetes.io': { namespace, serviceaccount: { name, uid: sa.metadata.uid } } })}.${randomBytes(32).toString('base64url')}`;
      return sendJson(res, 201, {
        kind: 'TokenRequest',
        apiVersion: 'authentication.k8s.io/v1',
        metadata: { name, namespace, creationTimestamp: null },
        spec: { audiences: body?.spec?.audiences ?? ['https://kubernetes.default.svc.cluster.local'], expirationSeconds: seconds, boundObjectRef: null },
        status: { token, expirationTimestamp: stamp(new Date(now.getTime() + seconds * 1000)) },
      });
    }
    case 'finalize': {
      if (method !== 'PUT') throw methodNotAllowed();
      const body = await readObject(req);
      const current = api.get(type, namespace, name);
      const next = { ...current, spec: { ...(current.spec as object), finalizers: (body.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [] } };
      return sendJson(res, 200, api.update(type, namespace, next, writeOptions(query)));
    }
    default:
      throw notSupported(`${type.resource}/${subresource}`);
  }
}
