import { execa } from 'execa';
import { KubedoctestError, type ErrorCode } from '../diag/errors.js';

export interface ToolResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  aborted: boolean;
}

/** Signals a whole process group (the tool and everything it started); ignores groups already gone. */
export function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

/**
 * Runs an external tool (kind, docker, kubectl) in its own process group with a timeout and an
 * abort signal; on either, the whole group gets SIGTERM, then SIGKILL. Never throws for a non-zero
 * exit: callers decide what a failure means. A missing binary throws `missingCode`.
 */
export async function runTool(
  file: string,
  args: string[],
  options: { timeoutMs: number; signal?: AbortSignal; env?: Record<string, string>; missingCode: ErrorCode; hint: string },
): Promise<ToolResult> {
  const child = execa(file, args, {
    reject: false,
    stdin: 'ignore',
    detached: true,
    ...(options.env ? { env: options.env, extendEnv: false } : {}),
  });
  let timedOut = false;
  let aborted = false;
  let killer: NodeJS.Timeout | undefined;
  const stop = (why: 'timeout' | 'abort') => {
    if (why === 'timeout') timedOut = true;
    else aborted = true;
    killGroup(child.pid, 'SIGTERM');
    killer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 2000);
  };
  const timer = setTimeout(() => stop('timeout'), options.timeoutMs);
  const onAbort = () => stop('abort');
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const r = await child;
    if ((r as { code?: string }).code === 'ENOENT') throw new KubedoctestError(options.missingCode, `${file} is not on PATH`, { hint: options.hint });
    return { exitCode: r.exitCode ?? 1, stdout: String(r.stdout), stderr: String(r.stderr), timedOut, aborted };
  } finally {
    clearTimeout(timer);
    if (killer) clearTimeout(killer);
    options.signal?.removeEventListener('abort', onAbort);
    // A tool that exited may have left children in its group (a daemonized helper): end them too.
    killGroup(child.pid, 'SIGKILL');
  }
}

/** A short random suffix for cluster and namespace names. */
export function randomSuffix(length = 8): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(crypto.getRandomValues(new Uint8Array(length)), (b) => alphabet[b % alphabet.length]).join('');
}
