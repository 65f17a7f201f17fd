import type { Normalizer } from './types.js';

/**
 * Node names (`kubernetes-node-6jst` in the doc, `kind-worker` today): every cluster names its
 * nodes differently. Tolerated in NODE columns, the `Node:` field and scheduler events.
 */
export const nodeName: Normalizer = {
  id: 'node-name',
  description:
    'node names in NODE / NOMINATED NODE columns, `Node:` fields, `…NODE_NAME=` variables, `Successfully assigned … to <node>`, `node/<node>`, the hostname label',
  anywhere: [/(?<=Successfully assigned \S+ to )[\w.-]+/g, /(?<=kubernetes\.io\/hostname[=:]\s?)[\w.-]+/g, /(?<=(?:^|\s)node\/)[\w.-]+/g],
  // `MY_NODE_NAME=minikube`: an environment variable filled from spec.nodeName (the downward API).
  wholeLine: [/(?<=^\s*[A-Z][A-Z0-9_]*NODE_?NAME=)[\w.-]+/g],
  contexts: ['node', 'nodename', 'nominatednode', 'hostname'],
  inContext: [/^(?!<none>)[^\s/]+/g],
  actual: () => '[\\w.-]+',
  bind: 'node-name',
};
