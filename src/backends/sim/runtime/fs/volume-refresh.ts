import type { VNode } from './vfs.js';
import { buildVolume, type VolumeContext } from './volumes.js';

type Json = Record<string, unknown>;
type Dir = VNode & { type: 'dir' };

/**
 * Whether the kubelet rewrites this volume on a pod sync: ConfigMap, Secret, downwardAPI and
 * projected volumes (pkg/volume/{configmap,secret,downwardapi,projected}: SetUpAt runs the atomic
 * writer again). A projected volume with a service account token is left alone: the token is only
 * rotated near its expiry, which the simulator does not model.
 */
export function isRefreshed(vol: Json): boolean {
  if (vol['configMap'] || vol['secret'] || vol['downwardAPI']) return true;
  const sources = ((vol['projected'] as Json | undefined)?.['sources'] as Json[] | undefined) ?? [];
  return sources.length > 0 && !sources.some((s) => s['serviceAccountToken']);
}

/** The user-visible files of an atomic-writer directory: path under `..data` → mode and content. */
function payload(dir: Dir): Map<string, string> {
  const out = new Map<string, string>();
  const link = dir.children.get('..data');
  const data = link?.type === 'link' ? dir.children.get(link.target) : undefined;
  const walk = (d: VNode | undefined, prefix: string) => {
    if (d?.type !== 'dir') return;
    for (const [name, n] of d.children) {
      const p = `${prefix}${name}`;
      if (n.type === 'dir') walk(n, `${p}/`);
      else out.set(p, n.type === 'file' ? `${n.mode}:${n.data.toString('base64')}` : `link:${n.target}`);
    }
  };
  walk(data, '');
  return out;
}

const samePayload = (a: Map<string, string>, b: Map<string, string>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

/**
 * Rewrites a mounted volume as the kubelet's atomic writer does when its source changed: the new
 * files go to a fresh `..<timestamp>` directory, `..data` switches to it, the per-key links follow
 * and the old directory is removed. The directory node is changed in place, so every container
 * that mounts the volume sees the new files; a `subPath` mount holds a copy (or a node of the old
 * timestamped directory) and keeps the old content, as on a real node. Returns whether anything
 * changed; a source that is now missing leaves the volume as it is (the kubelet logs an error).
 */
export function refreshVolume(mounted: VNode, vol: Json, vc: VolumeContext): boolean {
  if (mounted.type !== 'dir' || !isRefreshed(vol)) return false;
  let fresh: Dir;
  try {
    fresh = buildVolume(vol, vc);
  } catch {
    return false;
  }
  if (samePayload(payload(mounted), payload(fresh))) return false;
  mounted.children.clear();
  for (const [name, n] of fresh.children) mounted.children.set(name, n);
  mounted.mtime = fresh.mtime;
  return true;
}
