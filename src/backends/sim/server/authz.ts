import type { Api } from '../api/types.js';
import type { KObject } from '../types.js';
import { StatusError } from '../status.js';
import { type LabelSelector, selectorMatches } from '../controllers/util.js';
import type { UserInfo } from './authn.js';

type Json = Record<string, unknown>;

/** What the authorizer is asked about a request (apiserver's RequestInfo). */
export interface RequestAttributes {
  verb: string;
  path: string;
  resourceRequest: boolean;
  apiGroup: string;
  namespace: string;
  resource: string;
  subresource: string;
  name: string;
}

/** Namespace subresources, which stay part of the namespace's own path (`namespaces/x/status`). */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

const METHOD_VERBS: Record<string, string> = { POST: 'create', GET: 'get', HEAD: 'get', PUT: 'update', PATCH: 'patch', DELETE: 'delete' };

/**
 * Reads a request as apiserver's RequestInfoFactory does: `/api/v1/…` and `/apis/<group>/<version>/…`
 * with at least a resource are resource requests (namespace, resource, name, subresource; a get
 * without a name is a list or a watch, a delete a deletecollection); anything else is a path, whose
 * verb is the method in lower case.
 */
export function requestAttributes(method: string, url: URL): RequestAttributes {
  const path = url.pathname;
  const base: RequestAttributes = {
    verb: method.toLowerCase(),
    path,
    resourceRequest: false,
    apiGroup: '',
    namespace: '',
    resource: '',
    subresource: '',
    name: '',
  };
  let parts = path.split('/').filter((p) => p !== '');
  if (parts.length < 3 || (parts[0] !== 'api' && parts[0] !== 'apis')) return base;
  const grouped = parts[0] === 'apis';
  parts = parts.slice(1);
  if (grouped && parts.length < 3) return base;
  const apiGroup = grouped ? parts.shift()! : '';
  parts = parts.slice(1);
  let verb = METHOD_VERBS[method] ?? '';
  if (parts[0] === 'watch' || parts[0] === 'proxy') {
    verb = parts[0];
    parts = parts.slice(1);
  }
  let namespace = '';
  if (parts[0] === 'namespaces' && parts.length > 1) {
    namespace = parts[1]!;
    if (parts.length > 2 && !NAMESPACE_SUBRESOURCES.has(parts[2]!)) parts = parts.slice(2);
  }
  const resource = parts[0] ?? '';
  const name = parts[1] ?? '';
  const subresource = parts.length >= 3 && verb !== 'proxy' ? parts[2]! : '';
  if (!name && verb === 'get') verb = /^(?:1|true)$/i.test(url.searchParams.get('watch') ?? '') ? 'watch' : 'list';
  if (!name && verb === 'delete') verb = 'deletecollection';
  return { verb, path, resourceRequest: true, apiGroup, namespace, resource, subresource, name };
}

interface Rule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

const has = (list: string[] | undefined, value: string) => (list ?? []).some((x) => x === '*' || x === value);

function resourceMatches(rule: Rule, a: RequestAttributes): boolean {
  const combined = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  return (rule.resources ?? []).some((r) => r === '*' || r === combined || (a.subresource !== '' && r === `*/${a.subresource}`));
}

function urlMatches(rule: Rule, path: string): boolean {
  return (rule.nonResourceURLs ?? []).some((u) => u === '*' || u === path || (u.endsWith('*') && path.startsWith(u.slice(0, -1))));
}

/** Does one RBAC rule allow the request (rbac/v1 RuleAllows)? */
export function ruleAllows(rule: Rule, a: RequestAttributes): boolean {
  if (!has(rule.verbs, a.verb)) return false;
  if (!a.resourceRequest) return urlMatches(rule, a.path);
  return has(rule.apiGroups, a.apiGroup) && resourceMatches(rule, a) && (!rule.resourceNames?.length || rule.resourceNames.includes(a.name));
}

function subjectMatches(subject: Json, user: UserInfo, bindingNamespace: string): boolean {
  const name = String(subject['name'] ?? '');
  switch (subject['kind']) {
    case 'User':
      return name === user.username;
    case 'Group':
      return user.groups.includes(name);
    case 'ServiceAccount':
      return user.username === `system:serviceaccount:${String(subject['namespace'] ?? bindingNamespace)}:${name}`;
    default:
      return false;
  }
}

/** A ClusterRole's rules, with those of the ClusterRoles its aggregationRule selects (as the aggregation controller fills them). */
function clusterRoleRules(api: Api, role: KObject): Rule[] {
  const own = (role['rules'] as Rule[] | undefined) ?? [];
  const selectors = ((role['aggregationRule'] as Json | undefined)?.['clusterRoleSelectors'] as Json[] | undefined) ?? [];
  if (!selectors.length) return own;
  const roles = api.list(api.resolve('clusterroles')!, undefined).items;
  const picked = roles.filter((r) => r !== role && selectors.some((s) => selectorMatches(s as LabelSelector, r.metadata.labels)));
  return [...own, ...picked.flatMap((r) => (r['rules'] as Rule[] | undefined) ?? [])];
}

/**
 * Does RBAC, over the cluster's stored roles and bindings, allow this user the request? The
 * ClusterRoleBindings apply everywhere; a namespace's RoleBindings (to a Role of that namespace or
 * a ClusterRole) only to requests in it.
 */
export function rbacAllows(api: Api, user: UserInfo, a: RequestAttributes): boolean {
  const type = (name: string) => api.resolve(name, 'rbac.authorization.k8s.io');
  const crbs = type('clusterrolebindings');
  const crs = type('clusterroles');
  if (!crbs || !crs) return false;
  const rulesOf = (ref: Json, namespace: string): Rule[] => {
    const name = String(ref['name'] ?? '');
    if (ref['kind'] === 'ClusterRole') {
      const role = api.find(crs, undefined, name);
      return role ? clusterRoleRules(api, role) : [];
    }
    const roles = type('roles');
    const role = ref['kind'] === 'Role' && roles ? api.find(roles, namespace, name) : undefined;
    return (role?.['rules'] as Rule[] | undefined) ?? [];
  };
  const bindings: [KObject, string][] = api.list(crbs, undefined).items.map((b) => [b, '']);
  const rbs = type('rolebindings');
  if (a.namespace && rbs) for (const b of api.list(rbs, a.namespace).items) bindings.push([b, a.namespace]);
  return bindings.some(
    ([b, ns]) =>
      ((b['subjects'] as Json[] | undefined) ?? []).some((s) => subjectMatches(s, user, ns)) &&
      rulesOf((b['roleRef'] as Json | undefined) ?? {}, ns).some((r) => ruleAllows(r, a)),
  );
}

/** The 403 the API server answers a request RBAC does not allow, with the authorizer's wording. */
export function forbidden(user: UserInfo, a: RequestAttributes): StatusError {
  if (!a.resourceRequest) {
    return new StatusError({
      message: `forbidden: User "${user.username}" cannot ${a.verb} path "${a.path}"`,
      reason: 'Forbidden',
      details: {},
      code: 403,
    });
  }
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const where = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
  const why = `User "${user.username}" cannot ${a.verb} resource "${resource}" in API group "${a.apiGroup}" ${where}`;
  const qualified = a.apiGroup ? `${a.resource}.${a.apiGroup}` : a.resource;
  return new StatusError({
    message: a.name ? `${qualified} "${a.name}" is forbidden: ${why}` : `${qualified} is forbidden: ${why}`,
    reason: 'Forbidden',
    details: { ...(a.name ? { name: a.name } : {}), ...(a.apiGroup ? { group: a.apiGroup } : {}), kind: a.resource },
    code: 403,
  });
}
