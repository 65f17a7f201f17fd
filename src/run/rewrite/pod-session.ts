/**
 * What a reader's pod shell keeps from one line to the next: its working directory and the
 * variables the lines set (`cd /data`, `export TOKEN=$(cat …)`, `URL=http://x`). Each line the
 * runner types in a pod is its own `kubectl exec … -- sh -c`, so that state is carried by hand:
 * the line ends with a trailer printing it (marker lines stripped from the output), and the next
 * line starts by restoring it.
 */
import { parseCommandLine, shQuote } from '../../shell/index.js';
import type { PodShell } from './types.js';

const PWD_MARK = '__KDT_PWD__';
const VAR_MARK = '__KDT_VAR__';
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A variable a line of the pod shell set, and whether it was exported. */
export interface PodVariable {
  value: string;
  exported: boolean;
}

/** True when a line changes the directory of its shell (`cd`, `pushd`). */
export function changesDirectory(command: string): boolean {
  return parseCommandLine(command).commands.some((c) => c.name === 'cd' || c.name === 'pushd' || c.name === 'popd');
}

/** Restores the shell's state an earlier line left: its variables, then its directory. */
export function podPrelude(pod: PodShell): string {
  const parts: string[] = [];
  for (const [name, v] of Object.entries(pod.vars ?? {})) parts.push(`${name}=${shQuote(v.value)}${v.exported ? `; export ${name}` : ''}; `);
  if (pod.cwd) parts.push(`cd ${shQuote(pod.cwd)} 2>/dev/null; `);
  return parts.join('');
}

/** Ends a pod line's script: keeps its exit status, prints the variables named and where its shell ended up. */
export function podTrailer(names: Iterable<string>): string {
  const vars = [...names].map((n) => `printf '${VAR_MARK}%s=%s\\n' ${n} "$${n}"; `).join('');
  return `__kdt_rc=$?; ${vars}printf '${PWD_MARK}%s\\n' "$PWD"; exit $__kdt_rc`;
}

/**
 * Splits the trailer's marker lines off a pod line's output. They end the script's output, but
 * kubectl may print after them (`command terminated with exit code 127` when the line failed).
 */
export function takePodState(output: string): { output: string; cwd?: string; vars: Record<string, string> } {
  const pwdAt = lineStart(output, PWD_MARK, output.length);
  if (pwdAt < 0) return { output, vars: {} };
  const end = output.indexOf('\n', pwdAt);
  const cwd = output.slice(pwdAt + PWD_MARK.length, end < 0 ? undefined : end);
  const after = end < 0 ? '' : output.slice(end + 1);
  // The variable lines come just before the directory line; a value may hold newlines.
  let firstVar = pwdAt;
  for (let at = lineStart(output, VAR_MARK, pwdAt - 1); at >= 0; at = lineStart(output, VAR_MARK, at - 1)) firstVar = at;
  const vars: Record<string, string> = {};
  if (firstVar < pwdAt) {
    for (const chunk of output.slice(firstVar + VAR_MARK.length, pwdAt - 1).split(`\n${VAR_MARK}`)) {
      const eq = chunk.indexOf('=');
      if (eq > 0 && NAME.test(chunk.slice(0, eq))) vars[chunk.slice(0, eq)] = chunk.slice(eq + 1);
    }
  }
  return { output: output.slice(0, firstVar) + after, cwd, vars };
}

/** The last offset before `before` where `mark` starts a line, or -1. */
function lineStart(text: string, mark: string, before: number): number {
  if (before < 0) return -1;
  for (let at = text.lastIndexOf(mark, before); at >= 0; at = at === 0 ? -1 : text.lastIndexOf(mark, at - 1)) {
    if (at === 0 || text[at - 1] === '\n') return at;
  }
  return -1;
}
