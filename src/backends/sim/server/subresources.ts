import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { stamp } from '../api/delete.js';
import { toScale } from '../api/objects.js';
import { methodNotAllowed, notFound, notSupported } from '../status.js';
import type { KObject } from '../types.js';
import type { HandlerContext } from './resources.js';
import { readObject, readOptional, readPatch } from './resources.js';
import { sendJson } from './respond.js';
import type { ResourceRoute } from './route.js';
import { deleteOptions, writeOptions } from './query.js';

const success = (code: number) => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code });

/** Serves `…/NAME/<subresource>`: status, scale, log, binding, eviction, token, finalize. */
export async function serveSubresource(ctx: HandlerContext, route: ResourceRoute, req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void> {
  const { api } = ctx;
  const { type, namespace, subresource } = route;
  const name = route.name!;
  const method = req.method ?? 'GET';
  if (!type.subresources?.includes(subresource!)) throw notFound(`${type.resource}/${subresource}`, type.group, name);
  const bad = () => methodNotAllowed('the server does not allow this method on the requested resource');

  switch (subresource) {
    case 'status':
    case 'scale': {
      const sub = subresource;
      const view = (o: KObject) => (sub === 'scale' ? toScale(o) : o);
      if (method === 'GET') return sendJson(res, 200, view(api.get(type, namespace, name)));
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
      throw bad();
    }
    case 'log': {
      if (method !== 'GET') throw bad();
      const pod = api.get(type, namespace, name);
      ctx.runtime.log(pod, query, req, res);
      return;
    }
    case 'binding': {
      if (method !== 'POST') throw bad();
      const body = await readObject(req);
      const node = (body.target as { name?: string } | undefined)?.name;
      api.patch(type, namespace, name, 'merge', { spec: { nodeName: node } }, writeOptions(query));
      return sendJson(res, 201, success(201));
    }
    case 'eviction': {
      if (method !== 'POST') throw bad();
      const body = (await readOptional(req)) as { deleteOptions?: unknown } | undefined;
      api.delete(type, namespace, name, deleteOptions(new URLSearchParams(), body?.deleteOptions));
      return sendJson(res, 201, success(201));
    }
    case 'token': {
      if (method !== 'POST') throw bad();
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
      if (method !== 'PUT') throw bad();
      const body = await readObject(req);
      const current = api.get(type, namespace, name);
      const next = { ...current, spec: { ...(current.spec as object), finalizers: (body.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [] } };
      return sendJson(res, 200, api.update(type, namespace, next, writeOptions(query)));
    }
    default:
      throw notSupported(`${type.resource}/${subresource}`);
  }
}
