import { badRequest } from '../status.js';
import type { KObject } from '../types.js';

/** One page of a list, with what the ListMeta says about the rest. */
export interface Page {
  items: KObject[];
  /** `metadata.continue`, when there are more items. */
  continueToken?: string;
  /** `metadata.remainingItemCount`, when there are more items. */
  remaining?: number;
  /** The resourceVersion the list is read at (the first page's, on later pages). */
  resourceVersion: string;
}

const keyOf = (o: KObject) => `${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name ?? ''}`;

/**
 * `limit` and `continue` as the API server serves them: items in key order, a continue token
 * that is base64 JSON `{"v":"meta.k8s.io/v1","rv":N,"start":"<last key>\u0000"}` like the etcd3
 * store's, and `remainingItemCount`. Later pages read the store as it is now (the simulator keeps
 * no snapshots), but report the first page's resourceVersion.
 */
export function paginate(items: KObject[], resourceVersion: string, query: URLSearchParams): Page {
  const limitText = query.get('limit');
  const token = query.get('continue');
  let start = '';
  let rv = resourceVersion;
  if (token) {
    const parsed = decodeContinue(token);
    start = parsed.start;
    rv = String(parsed.rv);
  }
  // etcd returns keys in byte order; paging relies on the same order the start key is compared in.
  const sorted = [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const rest = start ? sorted.filter((o) => keyOf(o) >= start) : sorted;
  const limit = limitText ? Number(limitText) : 0;
  if (!Number.isInteger(limit) || limit <= 0 || rest.length <= limit) return { items: rest, resourceVersion: rv };
  const page = rest.slice(0, limit);
  const next = `${keyOf(page[page.length - 1]!)}\u0000`;
  return {
    items: page,
    continueToken: Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: Number(rv), start: next })).toString('base64'),
    remaining: rest.length - limit,
    resourceVersion: rv,
  };
}

function decodeContinue(token: string): { rv: number; start: string } {
  let value: { v?: string; rv?: number; start?: string };
  try {
    value = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as typeof value;
  } catch {
    throw badRequest('continue key is not valid: invalid continue token: invalid character');
  }
  if (value.v !== 'meta.k8s.io/v1') throw badRequest('continue key is not valid: continue key is not valid: server does not recognize this encoded key');
  if (typeof value.rv !== 'number' || value.rv <= 0 || typeof value.start !== 'string' || value.start === '')
    throw badRequest('continue key is not valid: continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  return { rv: value.rv, start: value.start };
}

/** The ListMeta of a page. */
export function listMeta(page: Page): Record<string, unknown> {
  return {
    resourceVersion: page.resourceVersion,
    ...(page.continueToken ? { continue: page.continueToken } : {}),
    ...(page.remaining !== undefined ? { remainingItemCount: page.remaining } : {}),
  };
}
