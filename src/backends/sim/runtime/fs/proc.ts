import type { KObject } from '../../types.js';
import type { Vfs } from './vfs.js';

type Json = Record<string, unknown>;

/** Linux capability numbers (include/uapi/linux/capability.h). */
const CAPS: Readonly<Record<string, number>> = {
  CHOWN: 0,
  DAC_OVERRIDE: 1,
  DAC_READ_SEARCH: 2,
  FOWNER: 3,
  FSETID: 4,
  KILL: 5,
  SETGID: 6,
  SETUID: 7,
  SETPCAP: 8,
  LINUX_IMMUTABLE: 9,
  NET_BIND_SERVICE: 10,
  NET_BROADCAST: 11,
  NET_ADMIN: 12,
  NET_RAW: 13,
  IPC_LOCK: 14,
  IPC_OWNER: 15,
  SYS_MODULE: 16,
  SYS_RAWIO: 17,
  SYS_CHROOT: 18,
  SYS_PTRACE: 19,
  SYS_PACCT: 20,
  SYS_ADMIN: 21,
  SYS_BOOT: 22,
  SYS_NICE: 23,
  SYS_RESOURCE: 24,
  SYS_TIME: 25,
  SYS_TTY_CONFIG: 26,
  MKNOD: 27,
  LEASE: 28,
  AUDIT_WRITE: 29,
  AUDIT_CONTROL: 30,
  SETFCAP: 31,
  MAC_OVERRIDE: 32,
  MAC_ADMIN: 33,
  SYSLOG: 34,
  WAKE_ALARM: 35,
  BLOCK_SUSPEND: 36,
  AUDIT_READ: 37,
  PERFMON: 38,
  BPF: 39,
  CHECKPOINT_RESTORE: 40,
};

/** containerd's default capability set for containers. */
const DEFAULT_CAPS = [
  'CHOWN',
  'DAC_OVERRIDE',
  'FSETID',
  'FOWNER',
  'MKNOD',
  'NET_RAW',
  'SETGID',
  'SETUID',
  'SETFCAP',
  'SETPCAP',
  'NET_BIND_SERVICE',
  'SYS_CHROOT',
  'KILL',
  'AUDIT_WRITE',
];

const hex = (bits: bigint) => bits.toString(16).padStart(16, '0');

/** The bounding set of a container: the defaults plus `add`, minus `drop` (`ALL` drops everything); privileged has all. */
export function capabilityMask(container: Json): bigint {
  const sc = (container['securityContext'] as Json | undefined) ?? {};
  if (sc['privileged'] === true) return (1n << 41n) - 1n;
  const caps = (sc['capabilities'] as { add?: string[]; drop?: string[] } | undefined) ?? {};
  const norm = (c: string) => c.toUpperCase().replace(/^CAP_/, '');
  const drop = new Set((caps.drop ?? []).map(norm));
  let set = drop.has('ALL') ? [] : DEFAULT_CAPS.filter((c) => !drop.has(c));
  set = [...set, ...(caps.add ?? []).map(norm)];
  return set.reduce((m, c) => (CAPS[c] === undefined ? m : m | (1n << BigInt(CAPS[c]!))), 0n);
}

/** The user a container runs as: container securityContext, then the pod's, then root. */
function runAs(pod: KObject, container: Json, field: 'runAsUser' | 'runAsGroup'): number {
  const c = (container['securityContext'] as Json | undefined)?.[field];
  const p = ((pod['spec'] as Json | undefined)?.['securityContext'] as Json | undefined)?.[field];
  return Number(c ?? p ?? 0);
}

/** Writes /proc/1/status, /proc/1/cmdline and /proc/1/mounts for the container's main process. */
export function writeProc(vfs: Vfs, pod: KObject, container: Json, argv: string[]): void {
  const mask = capabilityMask(container);
  const uid = runAs(pod, container, 'runAsUser');
  const gid = runAs(pod, container, 'runAsGroup');
  // A non-root process keeps no permitted or effective capabilities (no ambient set by default).
  const eff = uid === 0 ? mask : 0n;
  const sc = (container['securityContext'] as Json | undefined) ?? {};
  const noNewPrivs = sc['allowPrivilegeEscalation'] === false ? 1 : 0;
  const name = (argv[0] ?? 'pause').split('/').pop()!.slice(0, 15);
  const status =
    [
      `Name:\t${name}`,
      'Umask:\t0022',
      'State:\tS (sleeping)',
      'Tgid:\t1',
      'Ngid:\t0',
      'Pid:\t1',
      'PPid:\t0',
      'TracerPid:\t0',
      `Uid:\t${uid}\t${uid}\t${uid}\t${uid}`,
      `Gid:\t${gid}\t${gid}\t${gid}\t${gid}`,
      'FDSize:\t64',
      'Groups:\t',
      'NSpid:\t1',
      'NSpgid:\t1',
      'NSsid:\t1',
      'Threads:\t1',
      'CapInh:\t0000000000000000',
      `CapPrm:\t${hex(eff)}`,
      `CapEff:\t${hex(eff)}`,
      `CapBnd:\t${hex(mask)}`,
      'CapAmb:\t0000000000000000',
      `NoNewPrivs:\t${noNewPrivs}`,
      `Seccomp:\t${sc['privileged'] === true ? 0 : 2}`,
      'Seccomp_filters:\t1',
      'Speculation_Store_Bypass:\tthread vulnerable',
      'Cpus_allowed_list:\t0-3',
      'voluntary_ctxt_switches:\t40',
      'nonvoluntary_ctxt_switches:\t3',
    ].join('\n') + '\n';
  const ro = (m: Json) => (m['readOnly'] ? 'ro' : 'rw');
  const mounts =
    [
      'overlay / overlay rw,relatime,lowerdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/1/fs,upperdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/2/fs,workdir=/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/2/work 0 0',
      'proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0',
      'tmpfs /dev tmpfs rw,nosuid,size=65536k,mode=755 0 0',
      'devpts /dev/pts devpts rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666 0 0',
      'mqueue /dev/mqueue mqueue rw,nosuid,nodev,noexec,relatime 0 0',
      'sysfs /sys sysfs ro,nosuid,nodev,noexec,relatime 0 0',
      'cgroup /sys/fs/cgroup cgroup2 ro,nosuid,nodev,noexec,relatime 0 0',
      '/dev/sda1 /etc/hosts ext4 rw,relatime 0 0',
      `/dev/sda1 ${String(container['terminationMessagePath'] ?? '/dev/termination-log')} ext4 rw,relatime 0 0`,
      '/dev/sda1 /etc/hostname ext4 rw,relatime 0 0',
      '/dev/sda1 /etc/resolv.conf ext4 rw,relatime 0 0',
      'shm /dev/shm tmpfs rw,nosuid,nodev,noexec,relatime,size=65536k 0 0',
      ...((container['volumeMounts'] as Json[]) ?? []).map((m) =>
        String(m['mountPath']).startsWith('/var/run/secrets/')
          ? `tmpfs ${String(m['mountPath']).replace(/^\/var/, '')} tmpfs ro,relatime,size=8020340k 0 0`
          : `/dev/sda1 ${String(m['mountPath'])} ext4 ${ro(m)},relatime 0 0`,
      ),
    ].join('\n') + '\n';
  vfs.mkdir('/proc/1', { parents: true, force: true });
  vfs.writeFile('/proc/1/status', status, { force: true, mode: 0o444 });
  vfs.writeFile('/proc/1/cmdline', argv.join('\0') + '\0', { force: true, mode: 0o444 });
  vfs.writeFile('/proc/1/mounts', mounts, { force: true, mode: 0o444 });
  if (!vfs.lookup('/proc/mounts')) vfs.symlink('self/mounts', '/proc/mounts');
  if (!vfs.lookup('/proc/self', '/', false)) vfs.symlink('1', '/proc/self');
}
