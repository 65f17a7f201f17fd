import { diagnostic, type Diagnostic } from '../../diag/diagnostic.js';
import type { ManifestStep } from '../../plan/types.js';
import type { LintContext } from '../context.js';
import { LIKELY_PARENT } from '../data/yaml-parents.js';
import type { LintRule } from '../types.js';
import { loadManifestText } from '../yaml-load.js';

/** A line that only says "more here" (`...`, `…`), as a shortened snippet shows. */
function isElision(line: string): boolean {
  return /^\s*(?:\.{3}|…)\s*$/.test(line);
}

/** Manifests whose YAML or JSON does not parse, reported at the failing line inside the doc. */
export const yamlSyntax: LintRule = {
  id: 'yaml-syntax',
  severity: 'error',
  description: 'A manifest does not parse as YAML/JSON (also: alias bombs and oversized manifests).',
  check(plan, ctx) {
    const out: Diagnostic[] = [];
    for (const step of ctx.manifests) {
      const loaded = ctx.load(step);
      if (!loaded || loaded.ok) continue;
      const lines = ctx.text(step)!.split('\n');
      // A `...` line shortens the snippet; YAML would read it as a document end. Judge the rest.
      const result = loaded.reason === 'syntax' && lines.some(isElision) ? loadManifestText(lines.map((l) => (isElision(l) ? '' : l)).join('\n')) : loaded;
      if (result.ok) continue;
      // Errors at the end of the input (an unclosed bracket) point at the last written line.
      let errorLine = result.line;
      while (errorLine !== undefined && errorLine > 0 && (lines[errorLine] ?? '').trim() === '') errorLine--;
      const where = locate(step, ctx, errorLine);
      const hint = result.reason === 'syntax' && errorLine !== undefined ? missingParentHint(lines, errorLine) : '';
      const what = step.language === 'json' ? 'JSON' : 'YAML';
      const prefix =
        result.reason === 'syntax'
          ? `${what} does not parse: ${result.message}${errorLine !== undefined ? ` (line ${errorLine + 1} of the manifest${step.origin === 'example' ? ` ${step.examplePath ?? ''}` : ''})` : ''}`
          : result.message;
      out.push(
        diagnostic(this.id, 'error', where, hint ? `${prefix}. ${hint}` : prefix, {
          stepId: step.id,
          ...(errorLine !== undefined ? { actual: lines[errorLine] ?? '' } : {}),
        }),
      );
    }
    return out;
  },
};

/** Doc position of a line inside a manifest; example files are reported at their shortcode. */
function locate(step: ManifestStep, ctx: LintContext, line: number | undefined): { line: number; column: number } {
  if (step.origin !== 'inline' || line === undefined) return { line: step.line, column: step.position.column };
  const docLine = ctx.contentLine(step) + line;
  const text = ctx.text(step)!.split('\n')[line] ?? '';
  return { line: docLine, column: step.position.column + (text.length - text.trimStart().length) };
}

/**
 * Explains the common breakage of copied manifests: a key indented under a key that already
 * has a value, because the parent key (`metadata:`, `spec:`) was lost.
 */
export function missingParentHint(lines: string[], errorLine: number): string {
  for (let i = Math.min(errorLine, lines.length - 1); i > 0; i--) {
    const line = lines[i]!;
    const indent = line.length - line.trimStart().length;
    const key = /^\s*(?:-\s+)?["']?([\w.\-/]+)["']?\s*:/.exec(line)?.[1];
    if (!key) continue;
    const prev = previousContentLine(lines, i);
    if (prev === undefined) return '';
    const prevLine = lines[prev]!;
    const prevIndent = prevLine.length - prevLine.trimStart().length;
    const prevMatch = /^\s*(?:-\s+)?["']?([\w.\-/]+)["']?\s*:\s*(\S.*)$/.exec(prevLine);
    if (indent > prevIndent && prevMatch && !prevMatch[2]!.startsWith('#') && !/^[|>]/.test(prevMatch[2]!)) {
      const parent = LIKELY_PARENT[key];
      const guess = parent ? `a parent key such as \`${parent}:\`` : 'a parent key';
      return `\`${line.trim()}\` is indented under \`${prevLine.trim()}\`, which already has a value: ${guess} seems to be missing above it`;
    }
    if (i < errorLine) return '';
  }
  return '';
}

function previousContentLine(lines: string[], i: number): number | undefined {
  for (let j = i - 1; j >= 0; j--) if (lines[j]!.trim() !== '' && !lines[j]!.trim().startsWith('#')) return j;
  return undefined;
}
