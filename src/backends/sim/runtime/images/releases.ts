/**
 * Distribution releases of the Ubuntu and Debian images, by tag: `/etc/os-release` and what
 * `apt-get` prints (its mirror's suite) follow the release the pod's image tag names. A tag the
 * table does not know makes no claim: the profile has `release: null`, and a step where the
 * release shows is unchecked (unknown-release.ts).
 */

/** One release of a distribution. */
export interface OsRelease {
  distro: 'ubuntu' | 'debian';
  /** Tags that name it (`18.04`, `bionic`; `latest` for the default); a tag `18.04.x` or `bionic-2024…` names it too. */
  tags: readonly string[];
  versionId: string;
  codename: string;
  /** `VERSION=` of /etc/os-release. */
  version: string;
  prettyName: string;
}

export const OS_RELEASES: readonly OsRelease[] = [
  {
    distro: 'ubuntu',
    tags: ['16.04', 'xenial'],
    versionId: '16.04',
    codename: 'xenial',
    version: '16.04.7 LTS (Xenial Xerus)',
    prettyName: 'Ubuntu 16.04.7 LTS',
  },
  {
    distro: 'ubuntu',
    tags: ['18.04', 'bionic'],
    versionId: '18.04',
    codename: 'bionic',
    version: '18.04.6 LTS (Bionic Beaver)',
    prettyName: 'Ubuntu 18.04.6 LTS',
  },
  { distro: 'ubuntu', tags: ['20.04', 'focal'], versionId: '20.04', codename: 'focal', version: '20.04.6 LTS (Focal Fossa)', prettyName: 'Ubuntu 20.04.6 LTS' },
  {
    distro: 'ubuntu',
    tags: ['22.04', 'jammy'],
    versionId: '22.04',
    codename: 'jammy',
    version: '22.04.5 LTS (Jammy Jellyfish)',
    prettyName: 'Ubuntu 22.04.5 LTS',
  },
  {
    distro: 'ubuntu',
    tags: ['24.04', 'noble', 'latest', 'rolling'],
    versionId: '24.04',
    codename: 'noble',
    version: '24.04.1 LTS (Noble Numbat)',
    prettyName: 'Ubuntu 24.04.1 LTS',
  },
  { distro: 'debian', tags: ['9', 'stretch'], versionId: '9', codename: 'stretch', version: '9 (stretch)', prettyName: 'Debian GNU/Linux 9 (stretch)' },
  { distro: 'debian', tags: ['10', 'buster'], versionId: '10', codename: 'buster', version: '10 (buster)', prettyName: 'Debian GNU/Linux 10 (buster)' },
  { distro: 'debian', tags: ['11', 'bullseye'], versionId: '11', codename: 'bullseye', version: '11 (bullseye)', prettyName: 'Debian GNU/Linux 11 (bullseye)' },
  {
    distro: 'debian',
    tags: ['12', 'bookworm', 'latest', 'stable'],
    versionId: '12',
    codename: 'bookworm',
    version: '12 (bookworm)',
    prettyName: 'Debian GNU/Linux 12 (bookworm)',
  },
];

/**
 * The release an image tag names, or null when the table does not know it. The tag's leading
 * version or codename decides (`18.04`, `18.04.1`, `bionic-20230530`, `12-slim`, `bookworm-slim`).
 */
export function releaseFor(distro: OsRelease['distro'], tag: string): OsRelease | null {
  const lead = /^[a-z]+|^\d+(?:\.\d+)?/.exec(tag.toLowerCase())?.[0] ?? '';
  // Debian tags a point release `12.8`; Ubuntu's versions are `YY.MM`.
  const key = distro === 'debian' ? lead.replace(/\.\d+$/, '') : lead;
  return OS_RELEASES.find((r) => r.distro === distro && r.tags.includes(key)) ?? null;
}

/** The /etc/os-release of a release. */
export function osReleaseFile(r: OsRelease): string {
  if (r.distro === 'ubuntu') {
    return `PRETTY_NAME="${r.prettyName}"\nNAME="Ubuntu"\nVERSION_ID="${r.versionId}"\nVERSION="${r.version}"\nVERSION_CODENAME=${r.codename}\nID=ubuntu\nID_LIKE=debian\nUBUNTU_CODENAME=${r.codename}\n`;
  }
  return `PRETTY_NAME="${r.prettyName}"\nNAME="Debian GNU/Linux"\nVERSION_ID="${r.versionId}"\nVERSION="${r.version}"\nVERSION_CODENAME=${r.codename}\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n`;
}

/** The apt mirror and suite `apt-get update` reads for a release. */
export function aptMirror(r: OsRelease): string {
  return r.distro === 'ubuntu' ? `http://archive.ubuntu.com/ubuntu ${r.codename}` : `http://deb.debian.org/debian ${r.codename}`;
}

/** Words that show a release in output: any codename of the table, an os-release version line, a distribution banner. */
export const RELEASE_SHOWN = new RegExp(
  String.raw`\b(?:${[...new Set(OS_RELEASES.map((r) => r.codename))].join('|')})\b|^VERSION(?:_ID|_CODENAME)?=|\bUbuntu \d\d\.\d\d\b|\bDebian GNU/Linux \d+\b|archive\.ubuntu\.com|deb\.debian\.org`,
  'm',
);

/**
 * Mirrors of busybox whose `latest` tag was pushed once, long ago, and never moved: it is an old
 * BusyBox, not today's Docker Hub `busybox:latest`. registry.k8s.io/busybox (the same image as
 * k8s.gcr.io/busybox and gcr.io/google-containers/busybox) holds only 1.24, 1.27, 1.27.2 and a
 * schema-1 `latest` from the 1.24 days (kubernetes/website#49406, kubernetes/kubernetes#53819).
 * The version decides what applets print (nslookup before and after BusyBox 1.28's rewrite).
 */
export const FROZEN_LATEST: Readonly<Record<string, string>> = {
  'registry.k8s.io/busybox': '1.24',
  'k8s.gcr.io/busybox': '1.24',
  'gcr.io/google-containers/busybox': '1.24',
  'gcr.io/google_containers/busybox': '1.24',
};
