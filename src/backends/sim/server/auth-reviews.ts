import type { IncomingMessage, ServerResponse } from 'node:http';
import { methodNotAllowed } from '../status.js';
import type { ResourceType } from '../types.js';
import { readOptional } from './resources.js';
import { sendJson } from './respond.js';

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

/** Who the simulator's bearer token is: kind's (kubeadm's) admin user. */
export const ADMIN_USER = { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };

interface UserInfo {
  username: string;
  uid?: string;
  groups: string[];
}

/**
 * Who a token is: the simulator's own token is the admin; a ServiceAccount token the simulator
 * issued (TokenRequest) names its account in its claims. Anything else is not authenticated.
 */
function userOf(token: string, adminToken: string): UserInfo | undefined {
  if (token === adminToken) return ADMIN_USER;
  const claims = token.split('.')[1];
  if (!claims) return undefined;
  try {
    const c = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as {
      sub?: string;
      'kubernetes.io'?: { namespace?: string; serviceaccount?: { uid?: string } };
    };
    const ns = c['kubernetes.io']?.namespace;
    if (!c.sub?.startsWith('system:serviceaccount:') || !ns) return undefined;
    return {
      username: c.sub,
      ...(c['kubernetes.io']?.serviceaccount?.uid ? { uid: c['kubernetes.io'].serviceaccount.uid } : {}),
      groups: ['system:serviceaccounts', `system:serviceaccounts:${ns}`, 'system:authenticated'],
    };
  } catch {
    return undefined;
  }
}

/** Serves a POST of a SelfSubjectReview or TokenReview; the reviews are answered, never stored. */
export async function serveAuthReview(type: ResourceType, req: IncomingMessage, res: ServerResponse, adminToken: string): Promise<void> {
  if (req.method !== 'POST') throw methodNotAllowed();
  const body = ((await readOptional(req)) ?? {}) as { spec?: { token?: string; audiences?: string[] } };
  const head = { kind: type.kind, apiVersion: 'authentication.k8s.io/v1', metadata: { creationTimestamp: null } };
  if (type.resource === 'selfsubjectreviews') return sendJson(res, 201, { ...head, status: { userInfo: ADMIN_USER } });
  const user = userOf(body.spec?.token ?? '', adminToken);
  return sendJson(res, 201, {
    ...head,
    spec: body.spec ?? {},
    status: user ? { authenticated: true, user, audiences: body.spec?.audiences ?? ['https://kubernetes.default.svc.cluster.local'] } : { user: {} },
  });
}
