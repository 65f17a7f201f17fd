import { createHash } from 'node:crypto';
import type { Json } from './util.js';
import { exitingImages, imageSizes, longRunningPatterns, oneShotPrograms } from './stages/images.js';
import { repoTags, type RepoTags } from './stages/image-tags.js';

/** `nginx` → `docker.io/library/nginx:latest`, as containerd reports image references. */
export function normalizeImage(image: string): string {
  let name = image;
  let suffix = '';
  const at = name.indexOf('@');
  if (at >= 0) {
    suffix = name.slice(at);
    name = name.slice(0, at);
  }
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  if (!suffix && colon <= slash) name += ':latest';
  const first = name.split('/')[0]!;
  const hasRegistry = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!hasRegistry) name = name.includes('/') ? `docker.io/${name}` : `docker.io/library/${name}`;
  return name + suffix;
}

/** The repository part of an image reference, without registry defaults, tag or digest (`busybox`, `curlimages/curl`). */
export function imageRepository(image: string): string {
  const full = normalizeImage(image).split('@')[0]!;
  const repo = full.slice(0, full.lastIndexOf(':') > full.lastIndexOf('/') ? full.lastIndexOf(':') : undefined);
  return repo.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '');
}

function sha256(seed: string): string {
  return createHash('sha256').update(seed).digest('hex');
}

/** `docker.io/library/nginx@sha256:…`, stable for an image reference. */
export function imageID(image: string): string {
  const full = normalizeImage(image);
  if (full.includes('@')) return full;
  return `${full.slice(0, full.lastIndexOf(':'))}@sha256:${sha256(`image/${full}`)}`;
}

/** `containerd://<64 hex>`, stable for a pod, container and restart. */
export function containerID(podUid: string, container: string, restart: number): string {
  return `containerd://${sha256(`container/${podUid}/${container}/${restart}`)}`;
}

/** The compressed image size containerd reports. */
export function imageSize(image: string): number {
  const full = normalizeImage(image);
  return imageSizes[full] ?? 10_000_000 + (parseInt(sha256(full).slice(0, 6), 16) % 90_000_000);
}

/** Go's time.Duration String, truncated to milliseconds (`650ms`, `1.2s`, `1m2.5s`). */
export function goDuration(ms: number): string {
  const total = Math.floor(ms);
  if (total < 1000) return `${total}ms`;
  const minutes = Math.floor(total / 60_000);
  const seconds = (total % 60_000) / 1000;
  const s = `${Number(seconds.toFixed(3))}s`;
  return minutes > 0 ? `${minutes}m${s}` : s;
}

/** The tag table of an image's repository, when the simulator knows its tags. */
function tagsOf(image: string): RepoTags | undefined {
  const repo = imageRepository(image);
  return repoTags.find((t) => t.repos.includes(repo));
}

/** Is `version` (`1`, `1.16`, `1.16.1`) a release the table lists (or a newer one it cannot know)? */
function knownVersion(t: RepoTags, version: string): boolean {
  const [major, minor, patch, ...rest] = version.split('.');
  if (rest.length > 0) return false;
  const series = Object.keys(t.series);
  if (minor === undefined) return series.some((s) => s.split('.')[0] === major);
  const key = `${major}.${Number(minor)}`;
  if (String(Number(minor)) !== minor) return false;
  const top = t.series[key];
  const newest = Math.max(...series.filter((s) => s.split('.')[0] === major).map((s) => Number(s.split('.')[1])));
  // The two newest series (a stable and a mainline one) may have had patch releases since the data was written.
  const current = Number(minor) >= newest - 1;
  if (top !== undefined) return patch === undefined || (String(Number(patch)) === patch && (current || Number(patch) <= top));
  // A minor beyond the newest listed, within a few releases: it may exist by now.
  return Number.isFinite(newest) && Number(minor) > newest && Number(minor) <= newest + t.futureMinors;
}

/**
 * Does the registry have this image's tag? Only repositories with a tag table are judged; an
 * image pinned by digest, or of an unknown repository, is taken to exist.
 */
export function tagExists(image: string): boolean {
  if (image.includes('@')) return true;
  const t = tagsOf(image);
  if (!t) return true;
  const ref = image;
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  const tag = colon > slash ? ref.slice(colon + 1) : 'latest';
  const [head, ...variant] = tag.split('-');
  if (!variant.every((w) => t.variantWords.test(w))) return false;
  if (t.named.includes(head!) || t.variantWords.test(head!)) return true;
  return /^\d+(\.\d+){0,2}$/.test(head!) && knownVersion(t, head!);
}

/** Why a pull failed, in containerd's words. */
export function pullError(image: string): string {
  const full = normalizeImage(image);
  const tagged = /:[^/]+$/.test(image.split('@')[0]!) || image.includes('@');
  if (tagged && (tagsOf(image) !== undefined || imageSizes[`${full.slice(0, full.lastIndexOf(':'))}:latest`] !== undefined)) {
    return `failed to pull and unpack image "${full}": failed to resolve reference "${full}": ${full}: not found`;
  }
  return (
    `failed to pull and unpack image "${full}": failed to resolve reference "${full}": ` +
    'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed'
  );
}

/** How a container's process ends, when it does: after `afterMs` with `exitCode`. */
export interface ExitPlan {
  afterMs: number;
  exitCode: number;
}

/**
 * Does this container's process end by itself? Long-running commands (sleep infinity, while true,
 * servers) never do; other explicit commands do; without a command, shells and interpreters
 * (busybox, alpine, perl…) end at once and servers (nginx, redis…) run on.
 */
export function exitPlan(container: Json, defaultAfterMs: number): ExitPlan | undefined {
  const argv = [...((container['command'] as string[]) ?? []), ...((container['args'] as string[]) ?? [])];
  const cmd = argv.join(' ');
  if (longRunningPatterns.some((p) => p.test(cmd))) return undefined;
  const repo = imageRepository(String(container['image'] ?? ''));
  // Shell-like images end when their command ends; other images run their own program, which is
  // a server unless the pod runs a one-shot tool in it (`command: [echo, hi]`, `sh -c '…'`).
  const program = (argv[0] ?? '').split('/').pop()!;
  const shellImage = exitingImages.includes(repo) || exitingImages.includes(repo.split('/').pop()!);
  const exits = shellImage || oneShotPrograms.includes(program);
  if (!exits) return undefined;
  const sleeps = [...cmd.matchAll(/\bsleep\s+(\d+(?:\.\d+)?)s?\b/g)].reduce((sum, m) => sum + Number(m[1]) * 1000, 0);
  const code = /\bexit\s+(\d+)/.exec(cmd);
  const exitCode = code ? Number(code[1]) : /(^|[;&|\s])false(\s|$|;)/.test(cmd) ? 1 : 0;
  return { afterMs: sleeps > 0 ? sleeps : defaultAfterMs, exitCode };
}

/** The pod's QoS class from its containers' requests and limits. */
export function qosClass(spec: Json): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const containers = [...((spec['initContainers'] as Json[]) ?? []), ...((spec['containers'] as Json[]) ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const res = (c['resources'] as Json | undefined) ?? {};
    const limits = (res['limits'] as Record<string, string>) ?? {};
    const requests = { ...limits, ...((res['requests'] as Record<string, string>) ?? {}) };
    if (Object.keys(limits).length || Object.keys(requests).length) any = true;
    for (const r of ['cpu', 'memory']) {
      if (limits[r] === undefined || requests[r] !== limits[r]) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
