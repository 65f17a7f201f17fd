/**
 * Packages a page installs into a running debian/ubuntu (apt-get) or alpine (apk) container, as
 * data: the programs each one puts on PATH. Installing writes those programs into the container's
 * filesystem, so `apt-get install -y curl` is followed by a working `curl`.
 */
export interface PackageInfo {
  /** Programs the package installs, by directory. */
  bins: Record<string, string[]>;
  /** Installed size in kB (apt-get's "After this operation, … of additional disk space"). */
  sizeKb: number;
  version: string;
}

/** Debian bookworm / Ubuntu noble packages. */
export const APT_PACKAGES: Readonly<Record<string, PackageInfo>> = {
  curl: { bins: { '/usr/bin': ['curl'] }, sizeKb: 500, version: '7.88.1-10+deb12u8' },
  wget: { bins: { '/usr/bin': ['wget'] }, sizeKb: 3600, version: '1.21.3-1+b2' },
  procps: { bins: { '/usr/bin': ['ps', 'top', 'free', 'pgrep', 'pkill', 'uptime', 'watch', 'vmstat', 'pidof'] }, sizeKb: 2300, version: '2:4.0.2-3' },
  dnsutils: { bins: { '/usr/bin': ['dig', 'nslookup', 'host'] }, sizeKb: 550, version: '1:9.18.28-1~deb12u2' },
  'bind9-dnsutils': { bins: { '/usr/bin': ['dig', 'nslookup', 'host'] }, sizeKb: 550, version: '1:9.18.28-1~deb12u2' },
  'iputils-ping': { bins: { '/usr/bin': ['ping'] }, sizeKb: 120, version: '3:20221126-1+deb12u1' },
  'net-tools': { bins: { '/usr/sbin': ['netstat', 'ifconfig', 'route', 'arp'] }, sizeKb: 1000, version: '2.10-0.1' },
  iproute2: { bins: { '/usr/bin': ['ip', 'ss'] }, sizeKb: 3900, version: '6.1.0-3' },
  tcpdump: { bins: { '/usr/bin': ['tcpdump'] }, sizeKb: 1300, version: '4.99.3-1' },
  lsof: { bins: { '/usr/bin': ['lsof'] }, sizeKb: 460, version: '4.95.0-1' },
  'netcat-openbsd': { bins: { '/usr/bin': ['nc'] }, sizeKb: 110, version: '1.219-1' },
  'netcat-traditional': { bins: { '/usr/bin': ['nc'] }, sizeKb: 100, version: '1.10-47' },
  telnet: { bins: { '/usr/bin': ['telnet'] }, sizeKb: 170, version: '0.17+2.4-2+deb12u1' },
  jq: { bins: { '/usr/bin': ['jq'] }, sizeKb: 100, version: '1.6-2.1' },
  vim: { bins: { '/usr/bin': ['vim', 'vi'] }, sizeKb: 40000, version: '2:9.0.1378-2' },
  nano: { bins: { '/usr/bin': ['nano'] }, sizeKb: 2800, version: '7.2-1+deb12u1' },
  less: { bins: { '/usr/bin': ['less'] }, sizeKb: 300, version: '590-2.1~deb12u2' },
  'redis-tools': { bins: { '/usr/bin': ['redis-cli'] }, sizeKb: 9000, version: '5:7.0.15-1~deb12u1' },
  'default-mysql-client': { bins: { '/usr/bin': ['mysql'] }, sizeKb: 90000, version: '1.1.0' },
};

/** Alpine 3.20 packages. */
export const APK_PACKAGES: Readonly<Record<string, PackageInfo>> = {
  curl: { bins: { '/usr/bin': ['curl'] }, sizeKb: 300, version: '8.11.1-r0' },
  wget: { bins: { '/usr/bin': ['wget'] }, sizeKb: 500, version: '1.24.5-r0' },
  'bind-tools': { bins: { '/usr/bin': ['dig', 'nslookup', 'host'] }, sizeKb: 9000, version: '9.18.32-r0' },
  procps: { bins: { '/bin': ['ps', 'top', 'free', 'pgrep', 'pkill', 'uptime', 'watch'] }, sizeKb: 600, version: '4.0.4-r0' },
  'procps-ng': { bins: { '/bin': ['ps', 'top', 'free', 'pgrep', 'pkill', 'uptime', 'watch'] }, sizeKb: 600, version: '4.0.4-r0' },
  tcpdump: { bins: { '/usr/bin': ['tcpdump'] }, sizeKb: 900, version: '4.99.4-r1' },
  jq: { bins: { '/usr/bin': ['jq'] }, sizeKb: 300, version: '1.7.1-r0' },
  bash: { bins: { '/bin': ['bash'] }, sizeKb: 1900, version: '5.2.26-r0' },
  'busybox-extras': { bins: { '/bin': ['telnet'] }, sizeKb: 100, version: '1.36.1-r29' },
  iproute2: { bins: { '/sbin': ['ip', 'ss'] }, sizeKb: 2400, version: '6.9.0-r0' },
  'netcat-openbsd': { bins: { '/usr/bin': ['nc'] }, sizeKb: 100, version: '1.226-r0' },
  redis: { bins: { '/usr/bin': ['redis-cli', 'redis-server'] }, sizeKb: 5000, version: '7.2.7-r0' },
  'mysql-client': { bins: { '/usr/bin': ['mysql'] }, sizeKb: 40000, version: '11.4.4-r1' },
};

/** Which catalog a program could come from, for "can the simulator check this?" answers. */
export function installablePrograms(manager: 'apt' | 'apk'): Set<string> {
  const out = new Set<string>();
  for (const p of Object.values(manager === 'apt' ? APT_PACKAGES : APK_PACKAGES)) for (const names of Object.values(p.bins)) for (const n of names) out.add(n);
  return out;
}

/** The programs a package of either catalog puts on PATH, or undefined when neither has it. */
export function programsOfPackage(name: string): string[] | undefined {
  const info = Object.hasOwn(APT_PACKAGES, name) ? APT_PACKAGES[name] : Object.hasOwn(APK_PACKAGES, name) ? APK_PACKAGES[name] : undefined;
  return info ? Object.values(info.bins).flat() : undefined;
}
