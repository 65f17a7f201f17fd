import type { Api } from '../../api/types.js';
import type { KObject } from '../../types.js';
import type { VNode } from './vfs.js';
import { Vfs } from './vfs.js';
import { fieldPath, resourceField } from '../env.js';
import { fsGroupOf } from '../identity.js';

type Json = Record<string, unknown>;
type Dir = VNode & { type: 'dir' };

/** Volumes whose data lives beyond one pod (PVCs, hostPaths): shared directory nodes. */
export interface SharedVolumes {
  get(key: string, now: Date): Dir;
  /** The directory at `path` on a node (made when missing, as the container runtime does for a bind mount). */
  host(node: string, path: string, now: Date): Dir;
}

/**
 * Creates the store of shared volume directories; `nodeDir` gives a directory of a node's own
 * filesystem (the one its node shell sees), so a file written on the node is in the hostPath
 * volume of its pods and the other way round.
 */
export function sharedVolumes(nodeDir?: (node: string, path: string) => Dir): SharedVolumes {
  const dirs = new Map<string, Dir>();
  const get = (key: string, now: Date): Dir => {
    let d = dirs.get(key);
    if (!d) {
      d = { type: 'dir', children: new Map(), mode: 0o755, mtime: now };
      dirs.set(key, d);
    }
    return d;
  };
  return {
    get,
    host: (node, path, now) => (nodeDir ? nodeDir(node, path) : get(`host/${node}/${path}`, now)),
  };
}

/** What building a volume needs. */
export interface VolumeContext {
  api: Api;
  pod: KObject;
  now: Date;
  /** Nanoseconds for the `..YYYY_MM_DD_HH_MM_SS.NNNNNNNNN` directory. */
  nanos: number;
  shared: SharedVolumes;
  /** Cluster CA, for projected `kube-root-ca.crt`. */
  caPem?: string;
  /** Notes for the run (a missing optional ConfigMap, hostPath emulated …). */
  warn(note: string): void;
}

/** Thrown when a volume cannot be set up (a missing, non-optional ConfigMap or Secret). */
export class VolumeError extends Error {}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The kubelet atomic writer's timestamped directory name. */
export function dataDirName(now: Date, nanos: number): string {
  return `..${now.getUTCFullYear()}_${pad(now.getUTCMonth() + 1)}_${pad(now.getUTCDate())}_${pad(now.getUTCHours())}_${pad(now.getUTCMinutes())}_${pad(now.getUTCSeconds())}.${pad(nanos, 9)}`;
}

/**
 * The kubelet atomic-writer layout: files in `..<timestamp>/`, a `..data` link to it, and one link
 * per top-level entry (`key -> ..data/key`).
 */
export function atomicDir(files: { path: string; data: Buffer; mode: number }[], vc: VolumeContext, tmpfs = false): Dir {
  const tmp = new Vfs(() => vc.now);
  const stamp = dataDirName(vc.now, vc.nanos);
  tmp.mkdir(`/${stamp}`);
  for (const f of files) {
    const path = `/${stamp}/${f.path}`;
    tmp.mkdir(path.slice(0, path.lastIndexOf('/')), { parents: true, force: true });
    tmp.writeFile(path, f.data, { mode: f.mode, force: true });
  }
  tmp.symlink(stamp, '/..data');
  const top = new Set(files.map((f) => f.path.split('/')[0]!));
  for (const t of top) tmp.symlink(`..data/${t}`, `/${t}`);
  const root = tmp.root;
  // Secret and projected volumes are tmpfs mounts (sticky, world-writable); ConfigMaps live on disk.
  root.mode = tmpfs ? 0o1777 : 0o777;
  root.readOnly = true;
  return root;
}

function keyFiles(
  data: Record<string, Buffer>,
  items: Json[] | undefined,
  defaultMode: number | undefined,
  what: string,
): { path: string; data: Buffer; mode: number }[] {
  const mode = defaultMode ?? 0o644;
  if (!items?.length) return Object.entries(data).map(([k, v]) => ({ path: k, data: v, mode }));
  return items.map((it) => {
    const key = String(it['key']);
    const v = data[key];
    if (v === undefined) throw new VolumeError(`configmap references non-existent config key: ${key} (${what})`);
    return { path: String(it['path'] ?? key), data: v, mode: typeof it['mode'] === 'number' ? (it['mode'] as number) : mode };
  });
}

function configMapData(vc: VolumeContext, name: string, optional: boolean): Record<string, Buffer> | undefined {
  const cm = vc.api.find(vc.api.resolve('configmaps')!, vc.pod.metadata.namespace, name);
  if (!cm) {
    if (optional) return {};
    throw new VolumeError(`configmap "${name}" not found`);
  }
  const out: Record<string, Buffer> = {};
  for (const [k, v] of Object.entries((cm['data'] as Record<string, string>) ?? {})) out[k] = Buffer.from(v);
  for (const [k, v] of Object.entries((cm['binaryData'] as Record<string, string>) ?? {})) out[k] = Buffer.from(v, 'base64');
  return out;
}

function secretData(vc: VolumeContext, name: string, optional: boolean): Record<string, Buffer> {
  const s = vc.api.find(vc.api.resolve('secrets')!, vc.pod.metadata.namespace, name);
  if (!s) {
    if (optional) return {};
    throw new VolumeError(`secret "${name}" not found`);
  }
  const out: Record<string, Buffer> = {};
  for (const [k, v] of Object.entries((s['data'] as Record<string, string>) ?? {})) out[k] = Buffer.from(v, 'base64');
  for (const [k, v] of Object.entries((s['stringData'] as Record<string, string>) ?? {})) out[k] = Buffer.from(v);
  return out;
}

function downwardFiles(vc: VolumeContext, items: Json[], mode: number | undefined, containerName?: string) {
  return items.map((it) => {
    const f = it['fieldRef'] as Json | undefined;
    const r = it['resourceFieldRef'] as Json | undefined;
    const value = f ? fieldPath(vc.pod, String(f['fieldPath'])) : r ? resourceField(vc.pod, String(r['containerName'] ?? containerName ?? ''), r) : '';
    return { path: String(it['path']), data: Buffer.from(value), mode: typeof it['mode'] === 'number' ? (it['mode'] as number) : (mode ?? 0o644) };
  });
}

function fakeToken(vc: VolumeContext, sa: string): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const iat = Math.floor(vc.now.getTime() / 1000);
  const ns = vc.pod.metadata.namespace ?? 'default';
  return `${b64({ alg: 'RS256', kid: 'sim' })}.${b64({ aud: ['https://kubernetes.default.svc.cluster.local'], exp: iat + 3607, iat, iss: 'https://kubernetes.default.svc.cluster.local', sub: `system:serviceaccount:${ns}:${sa}` })}.c2lt`;
}

/** Builds the directory tree of one pod volume. */
export function buildVolume(vol: Json, vc: VolumeContext): Dir {
  const ns = vc.pod.metadata.namespace ?? 'default';
  const spec = (vc.pod['spec'] as Json) ?? {};
  if (vol['configMap']) {
    const c = vol['configMap'] as Json;
    const data = configMapData(vc, String(c['name']), !!c['optional'])!;
    return atomicDir(keyFiles(data, c['items'] as Json[], c['defaultMode'] as number, String(c['name'])), vc);
  }
  if (vol['secret']) {
    const s = vol['secret'] as Json;
    const data = secretData(vc, String(s['secretName']), !!s['optional']);
    return atomicDir(keyFiles(data, s['items'] as Json[], s['defaultMode'] as number, String(s['secretName'])), vc, true);
  }
  if (vol['downwardAPI']) {
    const d = vol['downwardAPI'] as Json;
    return atomicDir(downwardFiles(vc, (d['items'] as Json[]) ?? [], d['defaultMode'] as number), vc);
  }
  if (vol['projected']) {
    const p = vol['projected'] as Json;
    const mode = p['defaultMode'] as number | undefined;
    const files: { path: string; data: Buffer; mode: number }[] = [];
    for (const src of (p['sources'] as Json[]) ?? []) {
      if (src['serviceAccountToken']) {
        const t = src['serviceAccountToken'] as Json;
        files.push({
          path: String(t['path'] ?? 'token'),
          data: Buffer.from(fakeToken(vc, String(spec['serviceAccountName'] ?? 'default'))),
          mode: mode ?? 0o644,
        });
      } else if (src['configMap']) {
        const c = src['configMap'] as Json;
        // kube-root-ca.crt is published in every namespace by a controller that may not have run yet.
        const rootCA = c['name'] === 'kube-root-ca.crt' && !vc.api.find(vc.api.resolve('configmaps')!, ns, 'kube-root-ca.crt');
        const data = rootCA ? { 'ca.crt': Buffer.from(vc.caPem ?? '') } : configMapData(vc, String(c['name']), !!c['optional'])!;
        files.push(...keyFiles(data, c['items'] as Json[], mode, String(c['name'])));
      } else if (src['secret']) {
        const s = src['secret'] as Json;
        files.push(...keyFiles(secretData(vc, String(s['name']), !!s['optional']), s['items'] as Json[], mode, String(s['name'])));
      } else if (src['downwardAPI']) {
        files.push(...downwardFiles(vc, ((src['downwardAPI'] as Json)['items'] as Json[]) ?? [], mode));
      }
    }
    return atomicDir(files, vc, true);
  }
  if (vol['persistentVolumeClaim']) {
    const claim = String((vol['persistentVolumeClaim'] as Json)['claimName']);
    // A claim bound to a hostPath PersistentVolume is that directory of the pod's node.
    const hostPath = boundHostPath(vc.api, ns, claim);
    if (hostPath) return vc.shared.host(String(spec['nodeName'] ?? ''), hostPath, vc.now);
    return vc.shared.get(`pvc/${ns}/${claim}`, vc.now);
  }
  if (vol['hostPath']) {
    const path = String((vol['hostPath'] as Json)['path']);
    return vc.shared.host(String(spec['nodeName'] ?? ''), path, vc.now);
  }
  if (!vol['emptyDir']) vc.warn(`volume "${String(vol['name'])}" of an unsupported type is an empty directory`);
  // With an fsGroup the kubelet gives the volume to that group and sets the set-group-ID bit, so
  // files made in it get the group too (pkg/volume/volume_linux.go SetVolumeOwnership).
  const fsGroup = fsGroupOf(vc.pod);
  return fsGroup === undefined
    ? { type: 'dir', children: new Map(), mode: 0o777, mtime: vc.now }
    : { type: 'dir', children: new Map(), mode: 0o2777, mtime: vc.now, gid: fsGroup };
}

/** The hostPath of the PersistentVolume a claim is bound to, if that volume is a hostPath one. */
function boundHostPath(api: Api, ns: string, claim: string): string | undefined {
  const claims = api.resolve('persistentvolumeclaims');
  const volumes = api.resolve('persistentvolumes');
  const pvc = claims ? api.find(claims, ns, claim) : undefined;
  const name = ((pvc?.['spec'] as Json) ?? {})['volumeName'];
  const pv = volumes && typeof name === 'string' && name ? api.find(volumes, undefined, name) : undefined;
  const path = (((pv?.['spec'] as Json) ?? {})['hostPath'] as Json | undefined)?.['path'];
  return typeof path === 'string' ? path : undefined;
}

/** The projected volume the API server adds for the service account (kube-api-access-xxxxx). */
export function serviceAccountVolume(name: string): Json {
  return {
    name,
    projected: {
      defaultMode: 0o644,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  };
}
