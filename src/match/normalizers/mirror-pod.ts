import { escapeRegex, type Normalizer } from './types.js';

/**
 * The node part of a mirror pod name as docs show it: a node word with an optional index, after at
 * most one word (`my-node1`, `node-2`, `k8s-worker`, `kind-control-plane`, `minikube`). Stricter
 * than an ssh host: a generated suffix after the word (`web-node-7d9c6`) is not a node here.
 */
const NODE_TAIL = /^(?:[a-z0-9]+-)?(?:node|worker|minion|control-plane|master)-?\d*$|^minikube(?:-m\d{2})?$/;

/** The static pod's own name of a mirror pod name `<name>-<node>` whose node part is node-like, or undefined. */
export function mirrorPodPrefix(name: string): string | undefined {
  const parts = name.split('-');
  // The longest node-like tail wins: `static-web-my-node1` is `static-web` on `my-node1`.
  for (let i = 1; i < parts.length; i++) {
    const node = parts.slice(i).join('-');
    if (NODE_TAIL.test(node)) return parts.slice(0, i).join('-');
  }
  return undefined;
}

/**
 * A mirror pod's name in a pod table (`static-web-my-node1`): the kubelet names the mirror pod of
 * a static pod `<name>-<node name>`, so its tail is the author's node's name, the backend's on
 * another cluster. Only in a pod table's NAME column, and only a node-like tail; the static pod's
 * own name must be equal. Listed before `pod-name`, which would read `node1` as a generated suffix.
 */
export const mirrorPodName: Normalizer = {
  id: 'mirror-pod-name',
  description: "a mirror pod's NAME `<static pod>-<node>` with a node-like node part: same static pod name, any node name",
  contexts: ['podname'],
  inContext: [/^[a-z0-9]+(?:-[a-z0-9]+)+$/g],
  accept: (v) => mirrorPodPrefix(v) !== undefined,
  actual: (doc) => `${escapeRegex(mirrorPodPrefix(doc) ?? doc)}-[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?`,
  bind: 'pod-name',
};
