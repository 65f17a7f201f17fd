import { GENERIC_PROFILE, PROFILES } from './profiles.js';
import { MORE_PROFILES } from './profiles-more.js';
import type { ImageProfile } from './types.js';
import { FROZEN_LATEST, osReleaseFile, releaseFor } from './releases.js';

/** Image profile types. */
export type { ImageProfile, ListenerSpec } from './types.js';

/** `docker.io/library/nginx:1.27@sha256:…` → `nginx`; `registry.k8s.io/echoserver:1.10` → `registry.k8s.io/echoserver`. */
export function imageRepo(image: string): string {
  let ref = image.split('@')[0]!;
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon > slash) ref = ref.slice(0, colon);
  ref = ref.replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '');
  ref = ref.replace(/^library\//, '');
  return ref;
}

/** The tag of an image reference (`latest` when absent). */
export function imageTag(image: string): string {
  const ref = image.split('@')[0]!;
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  return colon > slash ? ref.slice(colon + 1) : 'latest';
}

/** The profile for an image, or the generic one (with `generic: true`) when it is unknown. */
export function profileFor(image: string): ImageProfile {
  const repo = imageRepo(image);
  const found = [...PROFILES, ...MORE_PROFILES].find((p) => p.repos.includes(repo));
  if (!found) return GENERIC_PROFILE;
  const tag = imageTag(image);
  // An Ubuntu or Debian image is the release its tag names (`ubuntu:18.04` is bionic).
  if (found.id === 'ubuntu' || found.id === 'debian') {
    const release = releaseFor(found.id, tag);
    return release ? { ...found, release, files: { ...found.files, '/etc/os-release': osReleaseFile(release) } } : { ...found, release: null };
  }
  // busybox applets differ by release (nslookup output, banners): the tag says which.
  if (found.userland === 'busybox' && /^busybox|\/busybox$/.test(repo)) {
    if (/^1\.\d+(\.\d+)?/.test(tag)) return { ...found, version: /^1\.\d+(\.\d+)?/.exec(tag)![0] };
    const frozen = tag === 'latest' ? FROZEN_LATEST[repo] : undefined;
    if (frozen) return { ...found, version: frozen };
  }
  return found;
}
