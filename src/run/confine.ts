/**
 * Confinement of a lesson with bubblewrap. The lesson gets:
 * - an unprivileged mapped user (uid/gid 1000 inside, no capabilities, no further user
 *   namespaces); when kubedoctest runs as root, bwrap itself runs as `nobody` (65534), so the
 *   mapped user is not host root and owner bits of root's files (/etc/shadow, ~/.npmrc) do not apply;
 * - its own PID, IPC, UTS, cgroup and network namespaces, a new session, `--die-with-parent`;
 *   the program bwrap starts (the supervisor) is the namespace's pid 1 (`--as-pid-1`), so no bwrap
 *   process is inside: none the lesson could inspect through /proc (bwrap is dumpable), and no
 *   step can kill or stop the supervisor (the kernel drops a signal sent from inside a namespace
 *   to its init when the init has no handler for it, and `kill -9 -1` spares it);
 * - the host file system read-only, with /tmp, /var/tmp, /run, the runner's HOME and the parent
 *   of its sandbox replaced by empty tmpfs (no other lesson's directory is visible, wherever
 *   TMPDIR is), then only its own `home/` and `run/` bound writable;
 * - loopback only, plus its API server through a listener the runner holds (see forward.ts).
 */
import { accessSync, chmodSync, constants, copyFileSync, statSync } from 'node:fs';
import { delimiter, dirname, join, sep } from 'node:path';
import { execa } from 'execa';
import { KubedoctestError } from '../diag/errors.js';
import type { Sandbox } from './sandbox.js';

/** The host user a confined lesson runs as when kubedoctest runs as root. */
export const NOBODY = { uid: 65534, gid: 65534 } as const;

/** Finds a program on PATH, or null. */
export function findOnPath(name: string, path: string = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** Finds `bwrap` on PATH, or null. */
export function findBwrap(path: string = process.env.PATH ?? ''): string | null {
  return findOnPath('bwrap', path);
}

/** The host uid/gid bwrap runs as: `nobody` when we are root, else ourselves (undefined). */
export function lessonOwner(): { uid: number; gid: number } | undefined {
  return process.getuid?.() === 0 ? { ...NOBODY } : undefined;
}

const within = (dir: string, path: string): boolean => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);

/** What the confined lesson needs besides its sandbox. */
export interface ConfineLayout {
  sandbox: Sandbox;
  /** The runner's HOME, hidden from the lesson. */
  hostHome?: string;
  /** PATH of the lesson: entries under a hidden directory are bound back read-only. */
  path: string;
  /** The node binary the API listener runs with (bound back when hidden). */
  node: string;
}

/**
 * The sandbox every confined process gets, the lesson's and the preflight probe's: uid and gid
 * 1000 in a user namespace it cannot nest, the `unshare` namespaces, no capabilities, gone with
 * the runner, `session` options, and the host's root read-only with its own /dev and /proc.
 */
function sandboxArgs(unshare: readonly string[], session: readonly string[] = []): string[] {
  return [
    ...['--unshare-user', '--uid', '1000', '--gid', '1000', '--disable-userns'],
    ...unshare,
    ...['--cap-drop', 'ALL', '--die-with-parent'],
    ...session,
    ...['--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc'],
  ];
}

/** The bwrap arguments (everything before the program) for a lesson. */
export function bwrapArgs(layout: ConfineLayout): string[] {
  const { sandbox } = layout;
  const hidden = ['/tmp', '/var/tmp', '/run'];
  const parent = dirname(sandbox.root);
  if (parent !== '/' && !hidden.some((h) => within(h, parent))) hidden.push(parent);
  if (layout.hostHome && layout.hostHome !== '/' && !hidden.some((h) => within(h, layout.hostHome!))) hidden.push(layout.hostHome);
  const args = sandboxArgs(
    ['--unshare-pid', '--unshare-ipc', '--unshare-uts', '--unshare-net', '--unshare-cgroup-try'],
    // The supervisor is pid 1, as unconfined under `unshare --fork` (shell.ts): bwrap's own reaper
    // would otherwise be pid 1, dumpable by the lesson's uid, and the supervisor a killable pid 2.
    ['--as-pid-1', '--new-session', '--hostname', 'kubedoctest'],
  );
  for (const dir of hidden) args.push('--tmpfs', dir);
  // Tools the lesson runs that live under a hidden directory (~/.local/bin/kubectl) stay usable.
  const back = new Set<string>();
  // (Not when bwrap runs as `nobody`: it could not read them anyway.)
  const home = layout.hostHome && hidden.includes(layout.hostHome) && !sandbox.owner ? layout.hostHome : undefined;
  if (home) {
    for (const dir of layout.path.split(delimiter)) if (dir && within(home, dir) && !within(sandbox.root, dir)) back.add(dir);
    if (within(home, layout.node)) back.add(layout.node);
  }
  for (const p of back) args.push('--ro-bind-try', p, p);
  args.push('--bind', sandbox.home, sandbox.home, '--bind', sandbox.run, sandbox.run, '--ro-bind', sandbox.net, sandbox.net);
  args.push('--chdir', sandbox.home);
  return args;
}

/**
 * Where a confined lesson's sandbox can go: bwrap running as `nobody` must be able to walk to it,
 * so when `parent` (or a dir above it) is closed to others, the system temp dir is used instead.
 */
export function sandboxParent(parent: string, owner: { uid: number } | undefined): string {
  if (!owner) return parent;
  const walkable = (dir: string): boolean => {
    for (let d = dir; ; d = dirname(d)) {
      try {
        if ((statSync(d).mode & 0o001) === 0) return false;
      } catch {
        return false;
      }
      if (d === dirname(d)) return true;
    }
  };
  if (walkable(parent)) return parent;
  if (walkable('/tmp')) return '/tmp';
  throw new KubedoctestError('ERR_CONFINE_UNAVAILABLE', `the confined lesson runs as nobody, which cannot reach the temp dir ${parent}`, {
    hint: 'use a temp dir others may enter (chmod o+x), or pass --no-confine',
  });
}

/**
 * A copy of bash the lesson can execute but not read (mode 0111, on a read-only bind): a process
 * running it is not dumpable, so no other process of the lesson can ptrace it or open its
 * /proc/PID/mem or /proc/PID/fd.
 */
export function unreadableBash(dir: string, bash: string): string {
  const copy = join(dir, 'bash');
  copyFileSync(bash, copy);
  chmodSync(copy, 0o111);
  return copy;
}

/**
 * Checks that bubblewrap is installed and can build the sandbox here (as `nobody` when we are
 * root). Throws ERR_CONFINE_UNAVAILABLE saying what to do.
 */
export async function preflightConfine(): Promise<string> {
  const bwrap = findBwrap();
  if (!bwrap) {
    throw new KubedoctestError('ERR_CONFINE_UNAVAILABLE', 'confine needs bubblewrap (bwrap), which is not on PATH', {
      hint: 'install it (apt-get install bubblewrap, dnf install bubblewrap), or pass --no-confine to run host-side lines unconfined',
    });
  }
  const owner = lessonOwner();
  // Once per bwrap and user in a process: `check` of many pages confines each lesson, and the
  // answer does not change between them.
  const key = `${bwrap}\0${owner?.uid ?? ''}`;
  if (sandboxWorks.has(key)) return bwrap;
  const probe = await execa(bwrap, [...sandboxArgs(['--unshare-all']), 'true'], { reject: false, timeout: 10_000, ...(owner ? owner : {}), cwd: '/' });
  if (probe.exitCode !== 0) {
    throw new KubedoctestError(
      'ERR_CONFINE_UNAVAILABLE',
      `bubblewrap cannot create a sandbox here: ${String(probe.stderr).trim() || `exit ${probe.exitCode}`}`,
      {
        hint: 'enable unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1, or the AppArmor rule for bwrap), or pass --no-confine',
      },
    );
  }
  sandboxWorks.add(key);
  return bwrap;
}

/** The bwrap binaries (with the user they run as) that built a sandbox in this process. */
const sandboxWorks = new Set<string>();

/** Whether a lesson run confines: asked with `--confine` (required), `--no-confine`, or neither (where it works). */
export interface ConfineDecision {
  confine: boolean;
  /** Said once when host-side lines will run unconfined because bubblewrap is not usable. */
  notice?: string;
}

/**
 * The confinement policy of `check`: `--confine` requires it, `--no-confine` turns it off;
 * otherwise it is on when bubblewrap works here. In CI mode (`CI=true` or `--ci`) running
 * unconfined without `--no-confine` is refused with ERR_UNCONFINED_IN_CI.
 */
export async function decideConfine(flag: boolean | undefined, ci: boolean, probe: () => Promise<unknown> = preflightConfine): Promise<ConfineDecision> {
  if (flag !== undefined) return { confine: flag };
  const why = await probe().then(
    () => null,
    (e: unknown) => (e instanceof Error ? e.message : String(e)),
  );
  if (why === null) return { confine: true };
  if (ci) {
    throw new KubedoctestError('ERR_UNCONFINED_IN_CI', `CI mode will not run a tutorial unconfined, and confinement is not usable here: ${why}`, {
      hint: 'install bubblewrap (apt-get install bubblewrap) and allow user namespaces, or pass --no-confine to accept that host-side lines run unconfined',
    });
  }
  return {
    confine: false,
    notice: `confinement is not usable here (${why}): host-side lines of the tutorial run unconfined, as your user; pass --no-confine to silence this`,
  };
}
