/**
 * Which tags a registry has for well-known repositories: behaviour as data. A repository listed
 * here pulls only the tags its entry describes; a tag outside them (`nginx:1.161`, a typo of
 * 1.16.1, or `nginx:sometag`) fails with "not found" as Docker Hub would. Repositories not listed
 * stay pullable: the simulator cannot know their tags.
 */
export interface RepoTags {
  /** Repository names (without `docker.io/library/` and tag). */
  repos: string[];
  /** Released version series (`major.minor`) → highest patch release published as a tag. */
  series: Record<string, number>;
  /**
   * Minor versions newer than the newest series listed that may have been released since the
   * data was written: their tags are not judged.
   */
  futureMinors: number;
  /** Tags that are names (`latest`, `stable`), alone or followed by a variant. */
  named: string[];
  /** Words a variant suffix is made of (`alpine`, `alpine3.20`, `perl` in `1.27.3-alpine-perl`). */
  variantWords: RegExp;
}

/** Tag tables of the images Kubernetes pages use most. */
export const repoTags: readonly RepoTags[] = [
  {
    // nginx.org release history; Docker Hub's official image starts at 1.7.
    repos: ['nginx'],
    series: {
      '1.7': 12,
      '1.8': 1,
      '1.9': 15,
      '1.10': 3,
      '1.11': 13,
      '1.12': 2,
      '1.13': 12,
      '1.14': 2,
      '1.15': 12,
      '1.16': 1,
      '1.17': 10,
      '1.18': 0,
      '1.19': 10,
      '1.20': 2,
      '1.21': 6,
      '1.22': 1,
      '1.23': 4,
      '1.24': 0,
      '1.25': 5,
      '1.26': 3,
      '1.27': 5,
      '1.28': 0,
      '1.29': 3,
    },
    futureMinors: 3,
    named: ['latest', 'stable', 'mainline'],
    variantWords: /^(alpine(\d+\.\d+)?|slim|perl|otel|bookworm|bullseye|buster|stretch|jessie|trixie)$/,
  },
  {
    // busybox.net release history (Docker Hub has 1.21 onwards).
    repos: ['busybox'],
    series: {
      '1.21': 1,
      '1.22': 1,
      '1.23': 2,
      '1.24': 2,
      '1.25': 1,
      '1.26': 2,
      '1.27': 2,
      '1.28': 4,
      '1.29': 3,
      '1.30': 1,
      '1.31': 1,
      '1.32': 1,
      '1.33': 1,
      '1.34': 1,
      '1.35': 0,
      '1.36': 1,
      '1.37': 0,
    },
    futureMinors: 2,
    named: ['latest', 'stable', 'unstable'],
    variantWords: /^(musl|glibc|uclibc)$/,
  },
];
