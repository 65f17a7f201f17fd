import type { Api } from '../api/types.js';
import type { KObject, ResourceType, StoreChange } from '../types.js';
import { WorkQueue, type SyncResult } from './queue.js';
import { keyOf, splitKey, tolerate, typeOf } from './util.js';

const TOKEN_TYPE = 'kubernetes.io/service-account-token';
const NAME_KEY = 'kubernetes.io/service-account.name';
const UID_KEY = 'kubernetes.io/service-account.uid';
const ROOT_CA = 'kube-root-ca.crt';

const b64 = (s: string): string => Buffer.from(s).toString('base64');
const b64url = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');

/**
 * The ServiceAccount token controller (kube-controller-manager's tokens_controller.go): a Secret of
 * type `kubernetes.io/service-account-token` that names a ServiceAccount in its
 * `kubernetes.io/service-account.name` annotation gets `ca.crt`, `namespace` and a legacy `token`,
 * and the ServiceAccount's uid in `kubernetes.io/service-account.uid`; a token Secret whose
 * ServiceAccount does not exist (or is another one with the same name: the uid differs) is deleted.
 */
export class TokensController {
  readonly queue: WorkQueue;
  private readonly secrets: ResourceType;
  private readonly serviceaccounts: ResourceType;
  private readonly configmaps: ResourceType;

  constructor(private readonly api: Api) {
    this.secrets = typeOf(api, 'secrets');
    this.serviceaccounts = typeOf(api, 'serviceaccounts');
    this.configmaps = typeOf(api, 'configmaps');
    this.queue = new WorkQueue('tokens-controller', api.ctx.clock, (key) => this.sync(key));
  }

  /** Enqueues changed token Secrets, and the token Secrets of a changed ServiceAccount. */
  handle(change: StoreChange): void {
    const o = change.object;
    if (change.resource === this.secrets) {
      if (o['type'] === TOKEN_TYPE && change.type !== 'DELETED') this.queue.add(keyOf(o));
      return;
    }
    if (change.resource !== this.serviceaccounts || !o.metadata.namespace) return;
    for (const s of this.api.list(this.secrets, o.metadata.namespace).items) {
      if (s['type'] === TOKEN_TYPE && s.metadata.annotations?.[NAME_KEY] === o.metadata.name) this.queue.add(keyOf(s));
    }
  }

  private sync(key: string): SyncResult {
    const { namespace, name } = splitKey(key);
    const secret = this.api.find(this.secrets, namespace, name);
    if (!secret || secret['type'] !== TOKEN_TYPE || secret.metadata.deletionTimestamp) return;
    const ns = secret.metadata.namespace ?? 'default';
    const annotations = secret.metadata.annotations ?? {};
    const sa = this.api.find(this.serviceaccounts, ns, annotations[NAME_KEY] ?? '');
    const uid = annotations[UID_KEY];
    if (!sa || (uid && uid !== sa.metadata.uid)) {
      tolerate(() => this.api.delete(this.secrets, ns, name, {}));
      return;
    }
    const data = (secret['data'] as Record<string, string> | undefined) ?? {};
    if (uid && data['token'] && data['ca.crt'] !== undefined && data['namespace']) return;
    const ca = (this.api.find(this.configmaps, ns, ROOT_CA)?.['data'] as Record<string, string> | undefined)?.['ca.crt'] ?? '';
    const updated: KObject = {
      ...secret,
      metadata: { ...secret.metadata, annotations: { ...annotations, [NAME_KEY]: String(sa.metadata.name), [UID_KEY]: String(sa.metadata.uid) } },
      data: {
        ...data,
        'ca.crt': data['ca.crt'] ?? b64(ca),
        namespace: data['namespace'] ?? b64(ns),
        token: data['token'] ?? b64(this.legacyToken(ns, name, sa)),
      },
    };
    tolerate(() => this.api.update(this.secrets, ns, updated));
  }

  /** A legacy (non-expiring) service account token's claims, as the token generator writes them. */
  private legacyToken(ns: string, secret: string, sa: KObject): string {
    const claims = {
      iss: 'kubernetes/serviceaccount',
      'kubernetes.io/serviceaccount/namespace': ns,
      'kubernetes.io/serviceaccount/secret.name': secret,
      'kubernetes.io/serviceaccount/service-account.name': sa.metadata.name,
      'kubernetes.io/serviceaccount/service-account.uid': sa.metadata.uid,
      sub: `system:serviceaccount:${ns}:${String(sa.metadata.name)}`,
    };
    return `${b64url({ alg: 'RS256', kid: 'sim' })}.${b64url(claims)}.c2lt`;
  }
}
