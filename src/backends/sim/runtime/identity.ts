/**
 * Who a container's processes run as, from the securityContext as the kubelet passes it to the
 * runtime: `runAsUser`/`runAsGroup` of the container, else of the pod, else root; the pod's
 * `fsGroup` and `supplementalGroups` are the process's supplementary groups.
 */
import type { KObject } from '../types.js';
import type { Vfs } from './fs/vfs.js';

type Json = Record<string, unknown>;

/** A process's user, primary group and supplementary groups. */
export interface Identity {
  uid: number;
  gid: number;
  groups: number[];
}

/** The identity of a container's processes. */
export function identityOf(pod: KObject, container: Json): Identity {
  const podSc = ((pod['spec'] as Json | undefined)?.['securityContext'] as Json | undefined) ?? {};
  const sc = (container['securityContext'] as Json | undefined) ?? {};
  const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined);
  const uid = num(sc['runAsUser']) ?? num(podSc['runAsUser']) ?? 0;
  const gid = num(sc['runAsGroup']) ?? num(podSc['runAsGroup']) ?? 0;
  const groups = [num(podSc['fsGroup']), ...((podSc['supplementalGroups'] as unknown[]) ?? []).map(num)].filter((g): g is number => g !== undefined);
  return { uid, gid, groups: [...new Set(groups)] };
}

/** The pod's fsGroup, if set: the group of its volumes' files. */
export function fsGroupOf(pod: KObject): number | undefined {
  const g = (((pod['spec'] as Json | undefined)?.['securityContext'] as Json | undefined) ?? {})['fsGroup'];
  return typeof g === 'number' && Number.isInteger(g) && g >= 0 ? g : undefined;
}

/** The name of an id in the image's /etc/passwd or /etc/group, if it has one. */
export function nameIn(vfs: Vfs, file: '/etc/passwd' | '/etc/group', id: number): string | undefined {
  let text: string;
  try {
    text = vfs.readText(file);
  } catch {
    return id === 0 ? 'root' : undefined;
  }
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f.length >= 3 && Number(f[2]) === id && f[2] !== '') return f[0];
  }
  return undefined;
}

/** `root`, or the number when the image has no such user (as `ls -l`, `ps` and `id` print it). */
export function userLabel(vfs: Vfs, uid: number): string {
  return nameIn(vfs, '/etc/passwd', uid) ?? String(uid);
}

/** `root`, or the number when the image has no such group. */
export function groupLabel(vfs: Vfs, gid: number): string {
  return nameIn(vfs, '/etc/group', gid) ?? String(gid);
}

/** `1000`, or `0(root)`: an id as `id` prints it. */
export function idWithName(id: number, name: string | undefined): string {
  return name ? `${id}(${name})` : String(id);
}
