/**
 * A cleanup the page marks as conditional ("# In case it was not handled …", "if you haven't
 * already") deleting an object the page itself already deleted: kubectl answers NotFound, which
 * is what the page expects there, not a defect.
 */
import type { EarlierStep } from './hints/types.js';

/** Comment words that make a command conditional on the object still being there. */
export const CONDITIONAL_CUES: readonly RegExp[] = [
  /\bin case\b/i,
  /\bif (?:you )?(?:have(?:n'?t| not) )?(?:done so )?already\b/i,
  /\bif (?:it|they|one|any) (?:still )?exists?\b/i,
  /\bif (?:still )?(?:present|there)\b/i,
];

const NOT_FOUND = /^Error from server \(NotFound\): ([\w.]+) "([a-z0-9][a-z0-9.-]*)" not found$/gm;

/** The comment part of a command line (`# …`), when it has one. */
function comment(command: string): string {
  return /(?:^|\s)#\s*(.*)$/m.exec(command)?.[1] ?? '';
}

/**
 * When the failed `kubectl delete` is marked conditional and every NotFound it printed names an
 * object an earlier passing step of the page deleted: the reason to skip it with.
 */
export function alreadyDeleted(command: string, output: string, earlier: readonly EarlierStep[]): string | undefined {
  if (!/\bkubectl\b[^#\n]*\sdelete\s/.test(` ${command}`)) return undefined;
  const cue = comment(command);
  if (!CONDITIONAL_CUES.some((r) => r.test(cue))) return undefined;
  const missing = [...output.matchAll(NOT_FOUND)].map((m) => ({ kind: m[1]!, name: m[2]! }));
  if (missing.length === 0) return undefined;
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const lines: number[] = [];
  for (const m of missing) {
    const by = earlier.find(
      (e) => e.status === 'pass' && /\bdelete\s/.test(e.ran) && new RegExp(`(?<![\\w.-])${escape(m.name)}(?![\\w-]|\\.\\w)`).test(e.ran.replace(/#.*$/gm, '')),
    );
    if (!by) return undefined;
    lines.push(by.step.line);
  }
  return `conditional cleanup ("# ${cue.trim()}"): the page already deleted ${missing.map((m) => m.name).join(', ')} at line ${[...new Set(lines)].join(', ')}, so NotFound is the expected outcome`;
}
