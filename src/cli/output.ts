import { accessSync, constants, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { KubedoctestError } from '../index.js';

/** Writes a report to `--output <file>`, or to stdout when none is given. */
export async function emit(text: string, output: string | undefined): Promise<void> {
  if (!output) {
    process.stdout.write(text);
    return;
  }
  try {
    await writeFile(output, text);
  } catch (cause) {
    throw new KubedoctestError('ERR_OUTPUT_WRITE', `cannot write ${output}: ${(cause as Error).message}`, {
      hint: 'check that the directory exists and is writable',
      cause,
    });
  }
}

/** Parses a duration such as `60s`, `2m`, `1500ms` or a bare number of seconds into milliseconds. */
export function parseDuration(text: string, option: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!m) throw new KubedoctestError('ERR_INVALID_OPTION', `${option} takes a duration such as 60s, 2m or 500ms, not ${JSON.stringify(text)}`);
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  return Math.round(n * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit]!);
}

/** A duration for help text: minutes from 2 min on, else seconds or milliseconds (`60s`, `20m`, `250ms`); parseDuration reads it back. */
export function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0 && ms >= 60_000 * 2) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** Parses a positive integer option. */
export function parseCount(text: string, option: string, min = 1): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min)
    throw new KubedoctestError('ERR_INVALID_OPTION', `${option} takes a whole number of at least ${min}, not ${JSON.stringify(text)}`);
  return n;
}

/** Checks an option value against a list. */
export function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new KubedoctestError('ERR_INVALID_OPTION', `${option} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`);
}

/** An option naming a folder that must exist; returned as an absolute path. */
export function existingDir(path: string, option: string): string {
  const full = resolve(path);
  if (!statSync(full, { throwIfNoEntry: false })?.isDirectory()) {
    throw new KubedoctestError('ERR_INVALID_OPTION', `${option} ${path}: no such folder`, { hint: 'give an existing folder' });
  }
  return full;
}

/**
 * Kubernetes minor versions the tool can target: the kubectl on PATH is a dispatcher that runs
 * the client matching the server's /version, and it ships clients 1.27 to 1.33
 * (see the notes on the kubectl protocol). Other versions would run against no matching kubectl.
 */
export const SUPPORTED_K8S_MINORS = [27, 28, 29, 30, 31, 32, 33] as const;

/** Checks `--k8s-version` (`1.30` or `v1.30.2`) against SUPPORTED_K8S_MINORS; returns it unchanged. */
export function supportedK8sVersion(text: string, option = '--k8s-version'): string {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(text.trim());
  const first = SUPPORTED_K8S_MINORS[0];
  const last = SUPPORTED_K8S_MINORS[SUPPORTED_K8S_MINORS.length - 1];
  if (!m || m[1] !== '1' || !(SUPPORTED_K8S_MINORS as readonly number[]).includes(Number(m[2])))
    throw new KubedoctestError('ERR_INVALID_OPTION', `${option} ${JSON.stringify(text)} is not a supported Kubernetes version`, {
      hint: `use 1.${first} to 1.${last}, e.g. 1.32`,
    });
  return text.trim();
}

/**
 * Checks before any work that `--output <file>` can be written: an existing file must be a
 * writable regular file, a new one needs a writable folder. Nothing is created or truncated, so
 * a run that fails later leaves an existing report as it was.
 */
export function writableOutput(path: string, option = '--output'): string {
  const full = resolve(path);
  const info = statSync(full, { throwIfNoEntry: false });
  const fail = (why: string) =>
    new KubedoctestError('ERR_OUTPUT_WRITE', `${option} ${path}: ${why}`, { hint: 'check that the directory exists and is writable' });
  if (info?.isDirectory()) throw fail('is a folder');
  try {
    if (info) accessSync(full, constants.W_OK);
    else {
      const dir = dirname(full);
      if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw fail(`no such folder ${dir}`);
      accessSync(dir, constants.W_OK | constants.X_OK);
    }
  } catch (error) {
    if (error instanceof KubedoctestError) throw error;
    throw fail('not writable');
  }
  return path;
}
