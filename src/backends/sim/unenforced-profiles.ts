/**
 * Security profiles a node loads from its own files, which the simulator neither reads nor
 * enforces. On a cluster, a `Localhost` seccomp profile that denies what the container needs keeps
 * it from starting (`CreateContainerError`, a crash loop), and an AppArmor profile the node has not
 * loaded blocks the pod; here such a pod runs as if unconfined. So a step that names such a pod, and
 * does not show what the simulator shows, cannot be checked.
 */
import type { KObject } from './types.js';

type Json = Record<string, unknown>;

/** One kind of node-loaded profile: where a pod spec names it, and what the simulator does not do. */
interface ProfileGap {
  feature: string;
  /** The profile a pod or one of its containers asks for, when it is one the node must load. */
  find(pod: KObject): string | undefined;
  notEnforced: string;
  /** What the pod uses, for the reason (default: "the Localhost <feature> profile <found>"). */
  uses?: (found: string) => string;
}

const containersOf = (pod: KObject): Json[] => {
  const spec = (pod['spec'] as Json | undefined) ?? {};
  return [...((spec['initContainers'] as Json[]) ?? []), ...((spec['containers'] as Json[]) ?? [])];
};

/** A `Localhost` profile of `field` in the pod's or a container's securityContext (its localhostProfile). */
const localhost =
  (field: 'seccompProfile' | 'appArmorProfile') =>
  (pod: KObject): string | undefined => {
    const contexts = [((pod['spec'] as Json | undefined) ?? {})['securityContext'], ...containersOf(pod).map((c) => c['securityContext'])] as (
      Json | undefined
    )[];
    const profile = contexts.map((sc) => sc?.[field] as Json | undefined).find((p) => p?.['type'] === 'Localhost');
    return profile ? String(profile['localhostProfile'] ?? '') : undefined;
  };

export const PROFILE_GAPS: readonly ProfileGap[] = [
  {
    feature: 'seccomp',
    find: localhost('seccompProfile'),
    notEnforced:
      'seccomp profiles are not enforced by the simulator (a profile that denies the system calls a container needs keeps it from starting on a cluster)',
  },
  {
    feature: 'AppArmor',
    find: (pod) =>
      localhost('appArmorProfile')(pod) ??
      Object.entries(pod.metadata.annotations ?? {}).find(
        ([k, v]) => k.startsWith('container.apparmor.security.beta.kubernetes.io/') && v.startsWith('localhost/'),
      )?.[1],
    notEnforced: 'AppArmor profiles are not loaded or enforced by the simulator (a profile the node has not loaded blocks the pod on a cluster)',
  },
  {
    feature: 'image volume',
    find: (pod) => {
      const volumes = (((pod['spec'] as Json | undefined) ?? {})['volumes'] as Json[] | undefined) ?? [];
      const image = volumes.map((v) => v['image'] as Json | undefined).find((i) => i !== undefined);
      return image ? String(image['reference'] ?? '') : undefined;
    },
    uses: (found) => `an image volume (${found || 'no reference'})`,
    notEnforced: "image volumes are mounted empty by the simulator: the files of the image's filesystem are not there",
  },
];

/** Why this pod's outcome depends on a profile the simulator does not enforce, or undefined. */
export function unenforcedProfile(pod: KObject): string | undefined {
  for (const gap of PROFILE_GAPS) {
    const profile = gap.find(pod);
    if (profile === undefined) continue;
    const uses = gap.uses ? gap.uses(profile) : `the Localhost ${gap.feature} profile ${profile || '(unnamed)'}`;
    return `pod ${pod.metadata.name} uses ${uses}: ${gap.notEnforced}`;
  }
  return undefined;
}
