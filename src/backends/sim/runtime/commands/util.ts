import { VfsError } from '../fs/vfs.js';
import type { CmdCtx } from '../shell/types.js';

/** Parsed command line: single-letter flags (bundled), long flags, values, operands. */
export interface Parsed {
  flags: Set<string>;
  values: Map<string, string[]>;
  operands: string[];
}

/**
 * Parses argv[1..]. `withValue` lists options that take a value (`n`, `-c`, `--output` …);
 * `--` ends options. A bad option is left in flags for the caller to reject.
 */
export function parseArgs(args: string[], withValue: string[] = []): Parsed {
  const flags = new Set<string>();
  const values = new Map<string, string[]>();
  const operands: string[] = [];
  const add = (k: string, v: string) => values.set(k, [...(values.get(k) ?? []), v]);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      if (eq >= 0) add(name, a.slice(eq + 1));
      else if (withValue.includes(name)) add(name, args[++i] ?? '');
      else flags.add(name);
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && !/^-\d+$/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j]!;
        if (withValue.includes(f)) {
          add(f, j + 1 < a.length ? a.slice(j + 1) : (args[++i] ?? ''));
          break;
        }
        flags.add(f);
      }
      continue;
    }
    operands.push(a);
  }
  return { flags, values, operands };
}

/** The last value of an option, by any of its names. */
export function opt(p: Parsed, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = p.values.get(n);
    if (v?.length) return v[v.length - 1];
  }
  return undefined;
}

/** Whether any of the flags was given. */
export function has(p: Parsed, ...names: string[]): boolean {
  return names.some((n) => p.flags.has(n));
}

/** True for busybox userlands (their own wording of errors). */
export const isBusybox = (c: CmdCtx): boolean => c.host.profile.userland === 'busybox';

/** The libc text of a filesystem error. */
export function why(e: unknown): string {
  if (e instanceof VfsError) return e.message;
  throw e;
}

/**
 * Reads each operand (`-` or none: stdin) as the tool would, printing its "can't open" message for
 * missing files. Returns the contents and whether any failed.
 */
export function readInputs(c: CmdCtx, files: string[], gnuStyle: 'plain' | 'reading' = 'plain'): { data: Buffer[]; names: string[]; failed: boolean } {
  const data: Buffer[] = [];
  const names: string[] = [];
  let failed = false;
  const list = files.length ? files : ['-'];
  for (const f of list) {
    if (f === '-') {
      data.push(c.io.stdin.readAll());
      names.push('-');
      continue;
    }
    try {
      data.push(c.host.vfs.readFile(f, c.cwd));
      names.push(f);
    } catch (e) {
      const w = why(e);
      failed = true;
      if (isBusybox(c)) c.io.err(w === 'Is a directory' ? `${c.name}: read error: Is a directory\n` : `${c.name}: can't open '${f}': ${w}\n`);
      else if (gnuStyle === 'reading' && w !== 'Is a directory') c.io.err(`${c.name}: cannot open '${f}' for reading: ${w}\n`);
      else c.io.err(`${c.name}: ${f}: ${w}\n`);
    }
  }
  return { data, names, failed };
}

/** Splits text into lines (without a phantom last empty line). */
export function lines(text: string): string[] {
  if (!text) return [];
  const ls = text.split('\n');
  if (ls[ls.length - 1] === '') ls.pop();
  return ls;
}
