/**
 * Confinement of the lesson shell with bubblewrap: the whole file system read-only except the
 * sandbox, fresh /dev, /proc and /tmp, every namespace unshared except the network (the simulated
 * API server listens on 127.0.0.1 of the host's network namespace, so `--unshare-net` would cut
 * the lesson off from its cluster).
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { execa } from 'execa';
import { KubedoctestError } from '../diag/errors.js';
import type { Sandbox } from './sandbox.js';

/** Finds `bwrap` on PATH, or null. */
export function findBwrap(path: string = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'bwrap');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** The argv prefix that runs a program confined to the sandbox. */
export function bwrapArgs(sandbox: Sandbox): string[] {
  return [
    '--ro-bind', '/', '/',
    '--dev', '/dev',
    '--proc', '/proc',
    '--tmpfs', '/tmp',
    '--bind', sandbox.root, sandbox.root,
    '--unshare-all',
    '--share-net',
    '--die-with-parent',
    '--chdir', sandbox.home,
  ];
}

/**
 * Checks that bubblewrap is installed and works here (it needs user namespaces or root).
 * Throws ERR_CONFINE_UNAVAILABLE saying what to do.
 */
export async function preflightConfine(): Promise<string> {
  const bwrap = findBwrap();
  if (!bwrap) {
    throw new KubedoctestError('ERR_CONFINE_UNAVAILABLE', 'confine needs bubblewrap (bwrap), which is not on PATH', {
      hint: 'install it (apt-get install bubblewrap, dnf install bubblewrap) or run without --confine',
    });
  }
  const probe = await execa(bwrap, ['--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--unshare-all', '--share-net', 'true'], {
    reject: false,
    timeout: 10_000,
  });
  if (probe.exitCode !== 0) {
    throw new KubedoctestError('ERR_CONFINE_UNAVAILABLE', `bubblewrap cannot create a sandbox here: ${String(probe.stderr).trim() || `exit ${probe.exitCode}`}`, {
      hint: 'enable unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1) or run without --confine',
    });
  }
  return bwrap;
}
