import { escapeRegex, type Normalizer } from './types.js';

/** The alphabet Kubernetes uses for generated name suffixes and pod-template hashes. */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const SAFE = `[${SAFE_ALPHABET}]`;
const ACTUAL_HASH = `(?:${SAFE}{6,10}|\\d{6,10})`;
const ACTUAL_SUFFIX = `${SAFE}{5}`;

/** A pod-template hash as docs show it: `cf54cdbf7`, old numeric `3800858182`. */
function isHash(part: string): boolean {
  return /^[a-z0-9]{6,10}$/.test(part) && (/\d/.test(part) || new RegExp(`^${SAFE}+$`).test(part));
}

/** A generated 5-character suffix as docs show it: `vr96x`, old `jr4a2`; not a word like `nginx`. */
function isSuffix(part: string): boolean {
  return /^[a-z0-9]{5}$/.test(part) && (/\d/.test(part) || new RegExp(`^${SAFE}+$`).test(part));
}

type Shape = { prefix: string; hash: boolean; suffix: boolean };

/** Splits a generated name into its fixed prefix and generated parts, or null when it is not one. */
export function podNameShape(name: string): Shape | null {
  const parts = name.split('-');
  if (parts.length < 2 || parts.some((p) => p === '')) return null;
  const last = parts[parts.length - 1] ?? '';
  const before = parts[parts.length - 2] ?? '';
  // After a pod-template hash the last part can only be the generated suffix: old clusters drew it
  // from all letters and digits (`my-nginx-3800858182-kixwv`).
  if (parts.length >= 3 && isHash(before) && (isSuffix(last) || /^[a-z0-9]{5}$/.test(last))) {
    return { prefix: parts.slice(0, -2).join('-'), hash: true, suffix: true };
  }
  if (isSuffix(last)) return { prefix: parts.slice(0, -1).join('-'), hash: false, suffix: true };
  if (isHash(last)) return { prefix: parts.slice(0, -1).join('-'), hash: true, suffix: false };
  return null;
}

const NAME = /(?<![A-Za-z0-9_.-])[a-z0-9]+(?:-[a-z0-9]+)+(?![A-Za-z0-9_-])/g;
const HASH_LABEL = /(?<=pod-template-hash"?\s*[=:]\s*"?)[a-z0-9]{6,10}(?![\w-])/g;

/**
 * Generated object names: `my-nginx-cf54cdbf7-vr96x` (ReplicaSet pod), `my-nginx-3800858182-jr4a2`
 * (old numeric hash), `my-nginx-cf54cdbf7` (ReplicaSet), `busybox-vr96x` (generateName).
 * The prefix must be equal; the generated parts must have the real shape in the actual output.
 */
export const podName: Normalizer = {
  id: 'pod-name',
  description: 'generated names: same prefix, any pod-template hash / 5-character suffix',
  anywhere: [NAME, HASH_LABEL],
  accept: (v) => (v.includes('-') ? podNameShape(v) !== null : isHash(v)),
  contexts: ['podtemplatehash', 'controllerrevisionhash'],
  inContext: [/^[a-z0-9]{6,10}$/g],
  actual: (doc) => {
    const shape = podNameShape(doc);
    if (!shape) return isHash(doc) ? ACTUAL_HASH : escapeRegex(doc);
    return [escapeRegex(shape.prefix), shape.hash ? ACTUAL_HASH : '', shape.suffix ? ACTUAL_SUFFIX : ''].filter((p) => p !== '').join('-');
  },
  bind: 'pod-name',
};

/**
 * A pod table's NAME (`kubectl get pods`: READY, STATUS and RESTARTS columns) ending in a
 * 5-character part the general rule does not take for generated (`process-item-apple-kixwv`):
 * clusters before Kubernetes 1.8 drew generated suffixes from all letters and digits, so in that
 * column such a part is the suffix of a Job's or bare ReplicaSet's pod. Only the doc's column
 * says so; the actual value must still have today's shape.
 */
export const podTableName: Normalizer = {
  id: 'pod-table-name',
  description: "a pod table's NAME ending in an old cluster's 5-character suffix: same prefix, any generated suffix",
  contexts: ['podname'],
  inContext: [/^[a-z0-9]+(?:-[a-z0-9]+)*-[a-z0-9]{5}$/g],
  accept: (v) => podNameShape(v) === null,
  actual: (doc) => `${escapeRegex(doc.slice(0, doc.lastIndexOf('-')))}-${ACTUAL_SUFFIX}`,
  bind: 'pod-name',
};
