import { createHash } from 'node:crypto';
import yaml from 'js-yaml';
import type { Api } from '../api/types.js';
import type { KObject } from '../types.js';
import type { Vfs } from './fs/vfs.js';

type Json = Record<string, unknown>;

/** Where a kind node's kubelet reads static pods (its KubeletConfiguration `staticPodPath`). */
export const STATIC_POD_PATH = '/etc/kubernetes/manifests';

/** The mirror pod one manifest file made: to replace it when the file changes, delete it when it goes. */
interface Mirror {
  namespace: string;
  name: string;
  hash: string;
}

/** What the kubelet's file source of each node has published, by `node` then file path. */
export type StaticPodState = Map<string, Map<string, Mirror>>;

/**
 * The manifest of one file as a Pod, or undefined when the kubelet's file source would skip it
 * (not a Pod, unreadable YAML/JSON: the kubelet logs and ignores such a file).
 */
function podOf(text: string): Json | undefined {
  try {
    const doc = yaml.load(text) as Json | undefined;
    return doc && typeof doc === 'object' && doc['kind'] === 'Pod' && (doc['metadata'] as Json | undefined)?.['name'] ? doc : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The kubelet's static pods from a node's manifest directory, as its file source and mirror client
 * publish them (pkg/kubelet/config/common.go `applyDefaults`, pkg/kubelet/pod/mirror_client.go):
 * each Pod file becomes the mirror pod `<name>-<node>` (namespace `default` when the file names
 * none) bound to the node, tolerating every NoExecute taint, with the `kubernetes.io/config.*`
 * annotations and the Node as controlling owner. A changed file replaces its mirror pod; a removed
 * one deletes it. Files whose names start with `.` are ignored, as the kubelet ignores them.
 */
export function syncStaticPods(api: Api, node: string, vfs: Vfs, state: StaticPodState): void {
  const pods = api.resolve('pods');
  const nodes = api.resolve('nodes');
  const nodeObject = nodes ? api.find(nodes, undefined, node) : undefined;
  if (!pods || !nodeObject) return;
  const published = state.get(node) ?? new Map<string, Mirror>();
  state.set(node, published);
  const files = new Map<string, string>();
  if (vfs.lookup(STATIC_POD_PATH)?.type === 'dir') {
    for (const entry of vfs.readdir(STATIC_POD_PATH)) {
      const path = `${STATIC_POD_PATH}/${entry}`;
      if (!entry.startsWith('.') && vfs.lookup(path)?.type === 'file') files.set(path, vfs.readText(path));
    }
  }
  const remove = (m: Mirror) => {
    if (api.find(pods, m.namespace, m.name)) api.delete(pods, m.namespace, m.name, { gracePeriodSeconds: 0 });
  };
  for (const [path, m] of published) {
    if (files.has(path)) continue;
    remove(m);
    published.delete(path);
  }
  for (const [path, text] of files) {
    const hash = createHash('sha256').update(`host:${node}\nfile:${path}\n${text}`).digest('hex').slice(0, 32);
    const before = published.get(path);
    if (before?.hash === hash) continue;
    if (before) remove(before);
    published.delete(path);
    const pod = podOf(text);
    if (!pod) continue;
    const mirror = mirrorPod(pod, node, String(nodeObject.metadata.uid), hash, api.ctx.clock.now());
    try {
      api.create(pods, mirror.metadata.namespace, mirror);
      published.set(path, { namespace: mirror.metadata.namespace!, name: mirror.metadata.name!, hash });
    } catch {
      // The API server refused it (invalid, or the namespace does not exist): the kubelet retries
      // on its next sync, here on the next command on the node.
    }
  }
}

function mirrorPod(pod: Json, node: string, nodeUid: string, hash: string, now: Date): KObject {
  const meta = (pod['metadata'] as Json) ?? {};
  const spec = { ...((pod['spec'] as Json) ?? {}) };
  const tolerations = [...((spec['tolerations'] as Json[]) ?? [])];
  if (!tolerations.some((t) => t['operator'] === 'Exists' && t['effect'] === 'NoExecute' && !t['key']))
    tolerations.push({ operator: 'Exists', effect: 'NoExecute' });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...meta,
      name: `${String(meta['name'])}-${node.toLowerCase()}`,
      namespace: String(meta['namespace'] ?? 'default'),
      annotations: {
        ...((meta['annotations'] as Record<string, string>) ?? {}),
        'kubernetes.io/config.hash': hash,
        'kubernetes.io/config.mirror': hash,
        'kubernetes.io/config.seen': now.toISOString().replace('Z', '000000Z'),
        'kubernetes.io/config.source': 'file',
      },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node, uid: nodeUid, controller: true }],
    },
    spec: { ...spec, nodeName: node, tolerations },
  } as KObject;
}

/** Where a page may put a static pod manifest for a kubelet configured by hand (`/etc/kubelet.d`), searched to this depth. */
const HAND_MANIFEST_DIRS = ['/etc', '/root', '/home', '/tmp', '/opt', '/srv'];
const HAND_MANIFEST_DEPTH = 3;

/** A Pod manifest written on a node outside the kubelet's staticPodPath. */
export interface StrayStaticPod {
  node: string;
  path: string;
  name: string;
}

/**
 * Pod manifests (`*.yaml`, `*.yml`, `*.json`) a node's files hold outside {@link STATIC_POD_PATH}:
 * a page that configures its kubelet's `--pod-manifest-path`/`staticPodPath` by hand (a flag or
 * config file the page only describes) expects them to run as static pods; the simulated kubelet
 * reads only its own staticPodPath.
 */
export function strayStaticPods(node: string, vfs: Vfs): StrayStaticPod[] {
  const out: StrayStaticPod[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > HAND_MANIFEST_DEPTH || dir === STATIC_POD_PATH || vfs.lookup(dir)?.type !== 'dir') return;
    for (const entry of vfs.readdir(dir)) {
      const path = `${dir}/${entry}`;
      const type = vfs.lookup(path, '/', false)?.type;
      if (type === 'dir') walk(path, depth + 1);
      else if (type === 'file' && /\.(?:ya?ml|json)$/.test(entry)) {
        const pod = podOf(vfs.readText(path));
        if (pod) out.push({ node, path, name: String((pod['metadata'] as Json)['name']) });
      }
    }
  };
  for (const dir of HAND_MANIFEST_DIRS) walk(dir, 1);
  return out;
}

/**
 * Why a step that expects the mirror pod `<name>-<node>` of such a manifest cannot be checked, or
 * undefined: the expected output names it and the actual output does not.
 */
export function strayStaticPodReason(strays: readonly StrayStaticPod[], output: string, expected: string | undefined): string | undefined {
  if (!expected) return undefined;
  const s = strays.find(
    (p) => new RegExp(`(?:^|\\s)${p.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-[a-z0-9]`, 'm').test(expected) && !output.includes(`${p.name}-`),
  );
  return s
    ? `the page's static pod ${s.name} is written to ${s.path} on node ${s.node}, for a kubelet it configures by hand; the simulated kubelet reads static pods only from its staticPodPath ${STATIC_POD_PATH} (kubelet flags and configuration files are not modelled)`
    : undefined;
}
