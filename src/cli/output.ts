import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { KubedoctestError } from '../diag/errors.js';

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
