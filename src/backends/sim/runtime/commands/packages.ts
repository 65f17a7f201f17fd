import type { CmdCtx, CommandFn } from '../shell/types.js';
import { binaryFor } from '../shell/resolve.js';
import { APK_PACKAGES, APT_PACKAGES, type PackageInfo } from '../images/packages.js';
import { aptMirror } from '../images/releases.js';

const APT_LISTS = '/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease';

function install(c: CmdCtx, p: PackageInfo): void {
  for (const [dir, names] of Object.entries(p.bins)) {
    c.host.vfs.mkdir(dir, { parents: true, force: true });
    for (const n of names) c.host.vfs.writeFile(`${dir}/${n}`, binaryFor(n), { mode: 0o755, force: true });
  }
}

function installed(c: CmdCtx, p: PackageInfo): boolean {
  return Object.entries(p.bins).every(([dir, names]) => names.every((n) => c.host.vfs.lookup(`${dir}/${n}`)));
}

const isUbuntu = (c: CmdCtx) => c.host.profile.id === 'ubuntu';

/** apt-get update / install as a non-interactive run prints it (no progress "Done"). */
const aptGet: CommandFn = (c) => {
  const args = c.argv.slice(1);
  const quiet = args.some((a) => /^-q+y?$|^-y?q+$/.test(a));
  const words = args.filter((a) => !a.startsWith('-'));
  const verb = words[0];
  // The image tag's release (`ubuntu:18.04` reads bionic); a tag the table does not know reads the default release.
  const release = c.host.profile.release;
  const mirror = release ? aptMirror(release) : isUbuntu(c) ? 'http://archive.ubuntu.com/ubuntu noble' : 'http://deb.debian.org/debian bookworm';
  if (c.argv.length === 1 || verb === undefined) {
    c.io.out('apt 2.6.1 (amd64)\nUsage: apt-get [options] command\n');
    return 1;
  }
  if (verb === 'update') {
    if (!quiet) {
      c.io.out(
        `Get:1 ${mirror} InRelease [151 kB]\nGet:2 ${mirror}-updates InRelease [55.4 kB]\nGet:3 ${mirror.replace('/debian ', '/debian-security ')}-security InRelease [48.0 kB]\n`,
      );
      c.io.out(`Get:4 ${mirror}/main amd64 Packages [8792 kB]\nFetched 9046 kB in 1s (7321 kB/s)\nReading package lists...\n`);
    }
    c.host.vfs.mkdir('/var/lib/apt/lists', { parents: true, force: true });
    c.host.vfs.writeFile(APT_LISTS, 'simulated\n', { force: true });
    return 0;
  }
  if (verb === 'install') {
    const names = words.slice(1);
    if (!quiet) c.io.out('Reading package lists...\nBuilding dependency tree...\nReading state information...\n');
    const hasLists = c.host.vfs.lookup(APT_LISTS) !== undefined;
    for (const n of names) {
      if (!hasLists || !APT_PACKAGES[n]) {
        // Packages outside the catalog are not modelled; without `apt-get update` none can be found.
        c.io.err(`E: Unable to locate package ${n}\n`);
        return 100;
      }
    }
    const fresh = names.filter((n) => !installed(c, APT_PACKAGES[n]!));
    for (const n of names.filter((x) => !fresh.includes(x))) c.io.out(`${n} is already the newest version (${APT_PACKAGES[n]!.version}).\n`);
    if (fresh.length) {
      const kb = fresh.reduce((s, n) => s + APT_PACKAGES[n]!.sizeKb, 0);
      c.io.out(
        `The following NEW packages will be installed:\n  ${fresh.join(' ')}\n0 upgraded, ${fresh.length} newly installed, 0 to remove and 0 not upgraded.\n`,
      );
      c.io.out(`Need to get ${Math.round(kb / 3)} kB of archives.\nAfter this operation, ${kb} kB of additional disk space will be used.\n`);
      // apt-get asks "Do you want to continue?" only when it installs more than was named or removes
      // something (apt-private-install.cc: no prompt when InstCount() == verset[MOD_INSTALL].size()
      // && DelCount() == 0). The catalog models no dependencies, so it installs what was named
      // without asking, with or without -y.
      fresh.forEach((n, i) =>
        c.io.out(`Get:${i + 1} ${mirror}/main amd64 ${n} amd64 ${APT_PACKAGES[n]!.version} [${Math.round(APT_PACKAGES[n]!.sizeKb / 3)} kB]\n`),
      );
      c.io.err('debconf: delaying package configuration, since apt-utils is not installed\n');
      for (const n of fresh) {
        c.io.out(`Selecting previously unselected package ${n}.\nUnpacking ${n} (${APT_PACKAGES[n]!.version}) ...\n`);
        install(c, APT_PACKAGES[n]!);
      }
      for (const n of fresh) c.io.out(`Setting up ${n} (${APT_PACKAGES[n]!.version}) ...\n`);
    } else c.io.out('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
    return 0;
  }
  if (verb === 'upgrade' || verb === 'clean' || verb === 'autoremove') return 0;
  c.io.err(`E: Invalid operation ${verb}\n`);
  return 100;
};

/** apk add / update of Alpine 3.20. */
const apk: CommandFn = (c) => {
  const args = c.argv.slice(1);
  const words = args.filter((a) => !a.startsWith('-'));
  const verb = words[0];
  const noCache = args.includes('--no-cache');
  const index = () =>
    c.io.out(
      'fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/main/x86_64/APKINDEX.tar.gz\nfetch https://dl-cdn.alpinelinux.org/alpine/v3.20/community/x86_64/APKINDEX.tar.gz\n',
    );
  if (verb === 'update') {
    index();
    c.io.out(
      'v3.20.3-244-g6d5b5b0b2f3 [https://dl-cdn.alpinelinux.org/alpine/v3.20/main]\nv3.20.3-243-g0a7a8b3c1e8 [https://dl-cdn.alpinelinux.org/alpine/v3.20/community]\nOK: 24165 distinct packages available\n',
    );
    return 0;
  }
  if (verb === 'add') {
    const names = words.slice(1);
    if (noCache || !c.host.vfs.lookup('/var/cache/apk/APKINDEX.tar.gz')) index();
    const unknown = names.filter((n) => !APK_PACKAGES[n]);
    if (unknown.length) {
      c.io.err(`ERROR: unable to select packages:\n${unknown.map((n) => `  ${n} (no such package):\n    required by: world[${n}]\n`).join('')}`);
      return unknown.length;
    }
    const fresh = names.filter((n) => !installed(c, APK_PACKAGES[n]!));
    fresh.forEach((n, i) => {
      c.io.out(`(${i + 1}/${fresh.length}) Installing ${n} (${APK_PACKAGES[n]!.version})\n`);
      install(c, APK_PACKAGES[n]!);
    });
    c.io.out(
      `Executing busybox-1.36.1-r29.trigger\nOK: ${8 + Math.round(fresh.reduce((s, n) => s + APK_PACKAGES[n]!.sizeKb, 0) / 1024)} MiB in ${15 + fresh.length} packages\n`,
    );
    return 0;
  }
  c.io.err(`apk-tools 2.14.4, compiled for x86_64.\n\nusage: apk [<OPTIONS>...] COMMAND [<ARGUMENTS>...]\n`);
  return 1;
};

/** Package managers of the distribution images. */
export const packageCommands: Record<string, CommandFn> = { 'apt-get': aptGet, apt: aptGet, apk };
