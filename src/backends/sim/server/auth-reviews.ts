import type { IncomingMessage, ServerResponse } from 'node:http';
import { methodNotAllowed } from '../status.js';
import type { Api } from '../api/types.js';
import type { ResourceType } from '../types.js';
import { readOptional } from './resources.js';
import { sendJson } from './respond.js';
import { ADMIN_USER, authenticate, userOf } from './authn.js';

const review = (resource: string, kind: string): ResourceType => ({
  group: 'authentication.k8s.io',
  version: 'v1',
  resource,
  singular: '',
  kind,
  namespaced: false,
  verbs: ['create'],
});

/** authentication.k8s.io/v1: SelfSubjectReview (`kubectl auth whoami`) and TokenReview, create only. */
export const AUTH_REVIEW_TYPES: readonly ResourceType[] = [review('selfsubjectreviews', 'SelfSubjectReview'), review('tokenreviews', 'TokenReview')];

/** Serves a POST of a SelfSubjectReview or TokenReview; the reviews are answered, never stored. */
export async function serveAuthReview(type: ResourceType, req: IncomingMessage, res: ServerResponse, adminToken: string, api?: Api): Promise<void> {
  if (req.method !== 'POST') throw methodNotAllowed();
  const body = ((await readOptional(req)) ?? {}) as { spec?: { token?: string; audiences?: string[] } };
  const head = { kind: type.kind, apiVersion: 'authentication.k8s.io/v1', metadata: { creationTimestamp: null } };
  if (type.resource === 'selfsubjectreviews') {
    // Who asks: the admin, or the ServiceAccount whose token came with the request.
    const who = authenticate(req.headers.authorization, adminToken, api);
    return sendJson(res, 201, { ...head, status: { userInfo: 'user' in who ? who.user : ADMIN_USER } });
  }
  const user = userOf(body.spec?.token ?? '', adminToken, api);
  return sendJson(res, 201, {
    ...head,
    spec: body.spec ?? {},
    status: user ? { authenticated: true, user, audiences: body.spec?.audiences ?? ['https://kubernetes.default.svc.cluster.local'] } : { user: {} },
  });
}
