import type { Api } from '../api/types.js';

/** Who a request is, as the authenticators say. */
export interface UserInfo {
  username: string;
  uid?: string;
  groups: string[];
}

/** Who the simulator's bearer token is: kind's (kubeadm's) admin user. */
export const ADMIN_USER: UserInfo = { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };

/** A request no authenticator claims, with anonymous auth on (kube-apiserver's default, so kind's). */
export const ANONYMOUS_USER: UserInfo = { username: 'system:anonymous', groups: ['system:unauthenticated'] };

/** The warning the bearer token authenticator adds for `Bearer  <token>` (two spaces). */
export const TOKEN_WITH_SPACE_WARNING = 'the provided Authorization header contains extra space before the bearer token, and is ignored';

/** What authentication made of a request: a user (maybe anonymous), or a rejected token (401). */
export type Authentication = { user: UserInfo; warning?: string } | { rejected: true };

interface Claims {
  sub?: string;
  'kubernetes.io'?: { namespace?: string; serviceaccount?: { name?: string; uid?: string } };
  'kubernetes.io/serviceaccount/namespace'?: string;
  'kubernetes.io/serviceaccount/service-account.uid'?: string;
}

/**
 * Who a token is: the simulator's own token is the admin; a ServiceAccount token the simulator
 * issued (a TokenRequest's, a projected volume's, or a legacy token Secret's) names its account in
 * its claims, and counts while that ServiceAccount exists. Anything else is not authenticated.
 */
export function userOf(token: string, adminToken: string, api?: Api): UserInfo | undefined {
  if (token === adminToken) return ADMIN_USER;
  const claims = token.split('.')[1];
  if (!claims) return undefined;
  let c: Claims;
  try {
    c = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as Claims;
  } catch {
    return undefined;
  }
  const sub = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(c.sub ?? '');
  if (!sub) return undefined;
  const ns = c['kubernetes.io']?.namespace ?? c['kubernetes.io/serviceaccount/namespace'] ?? sub[1]!;
  if (ns !== sub[1]) return undefined;
  const uid = c['kubernetes.io']?.serviceaccount?.uid ?? c['kubernetes.io/serviceaccount/service-account.uid'];
  if (api) {
    const accounts = api.resolve('serviceaccounts');
    const sa = accounts && api.find(accounts, ns, sub[2]!);
    if (!sa || (uid && sa.metadata.uid !== uid)) return undefined;
  }
  return {
    username: c.sub!,
    ...(uid ? { uid } : {}),
    groups: ['system:serviceaccounts', `system:serviceaccounts:${ns}`, 'system:authenticated'],
  };
}

/**
 * Authenticates a request by its Authorization header, as kube-apiserver's bearer token
 * authenticator and anonymous fallback do: no header, an empty one, a scheme other than Bearer, or
 * `Bearer` with no token claims nothing, so the request is anonymous; a token nobody knows is
 * rejected (401 Unauthorized).
 */
export function authenticate(header: string | undefined, adminToken: string, api?: Api): Authentication {
  const auth = (header ?? '').trim();
  if (auth === '') return { user: ANONYMOUS_USER };
  // strings.SplitN(auth, " ", 3)
  const first = auth.indexOf(' ');
  const parts = first < 0 ? [auth] : [auth.slice(0, first), ...splitOnce(auth.slice(first + 1))];
  if (parts.length < 2 || parts[0]!.toLowerCase() !== 'bearer') return { user: ANONYMOUS_USER };
  const token = parts[1]!;
  if (token === '') return parts.length === 3 ? { user: ANONYMOUS_USER, warning: TOKEN_WITH_SPACE_WARNING } : { user: ANONYMOUS_USER };
  const user = userOf(token, adminToken, api);
  return user ? { user } : { rejected: true };
}

function splitOnce(s: string): string[] {
  const i = s.indexOf(' ');
  return i < 0 ? [s] : [s.slice(0, i), s.slice(i + 1)];
}
