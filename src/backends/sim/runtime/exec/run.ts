import { randomBytes } from 'node:crypto';
import { resolveCommand } from '../shell/resolve.js';
import { shellFor } from '../container.js';
import type { Host, Io } from '../shell/types.js';
import { AbortedError } from '../shell/interp.js';

/** How an exec ended: an exit code, or a runtime error (kubectl prints `error: <message>`). */
export type ExecOutcome = { code: number } | { error: string };

/** containerd's error for an exec whose binary is missing or not executable. */
export function ociError(argv0: string, why: 'missing' | 'noexec' | 'dir'): string {
  const id = randomBytes(32).toString('hex');
  const reason =
    why === 'missing'
      ? argv0.includes('/')
        ? `stat ${argv0}: no such file or directory`
        : `exec: "${argv0}": executable file not found in $PATH`
      : `exec: "${argv0}": permission denied`;
  return `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${id}": OCI runtime exec failed: exec failed: unable to start container process: ${reason}: unknown`;
}

/** Runs argv in a container as `kubectl exec` does (no shell in between). */
export async function execInContainer(host: Host, env: Record<string, string>, cwd: string, argv: string[], io: Io): Promise<ExecOutcome> {
  if (!argv.length)
    return {
      error: 'Internal error occurred: error executing command in container: failed to exec in container: failed to create exec: process args are empty',
    };
  const found = resolveCommand(host.vfs, argv[0]!, env.PATH ?? '', cwd);
  if (found.kind === 'missing') return { error: ociError(argv[0]!, 'missing') };
  if (found.kind === 'noexec') return { error: ociError(argv[0]!, 'noexec') };
  const sh = shellFor(host, env, cwd, argv[0]);
  try {
    return { code: await sh.external(argv, io, env) };
  } catch (e) {
    if (e instanceof AbortedError) return { code: 137 };
    throw e;
  }
}
