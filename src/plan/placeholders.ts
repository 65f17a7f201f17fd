import {
  DOT_RANGE_PROGRAMS,
  ELIDED_VALUE,
  ELISION_STILL_RUNS,
  PLACEHOLDER_PATH,
  REPLACE_COMMENT,
  SHELL_VARIABLES,
  TEMPLATE_PLACEHOLDERS,
  USAGE_SYNOPSIS,
} from './data/placeholders.js';
import { outerCommands } from '../shell/index.js';

/** Names a command assigns (`X=…`, `export X=…`, `read X`, `for X in`), for later steps. */
export function assignedNames(command: string): string[] {
  const out: string[] = [];
  for (const m of command.matchAll(/(?:^|[\s;&|(])(?:export\s+|local\s+|declare\s+(?:-\w+\s+)?)?([A-Za-z_]\w*)=/g)) out.push(m[1]!);
  for (const m of command.matchAll(/\bread\s+(?:-\w+\s+)*([A-Za-z_]\w*)/g)) out.push(m[1]!);
  for (const m of command.matchAll(/\bfor\s+([A-Za-z_]\w*)\s+in\b/g)) out.push(m[1]!);
  return out;
}

/** The command without heredoc bodies (their `<tags>` and `$vars` are file content). */
function scanned(command: string): string {
  return /<<-?\s*['"]?\w+/.test(command) ? command.split('\n')[0]! : command;
}

/**
 * Placeholders in a command that nothing on the page assigned: `<pod-name>`, and `$VAR` /
 * `${VAR}` not in `assigned` (variables the page set earlier) nor a shell's own.
 */
export function findPlaceholders(command: string, assigned: ReadonlySet<string>): string[] {
  const text = scanned(command);
  const out: string[] = [];
  // `<filename|url>`: alternatives the reader chooses between.
  for (const m of text.matchAll(/(?<![<\w])<([A-Za-z][\w.:/-]*(?:[ _|][\w./-]+)*)>(?!>)/g)) {
    if (!out.includes(m[0])) out.push(m[0]);
  }
  const local = new Set(assignedNames(text));
  for (const m of text.replace(/'[^']*'/g, '').matchAll(/(?<!\\)\$\{?([A-Za-z_]\w*)\}?/g)) {
    const name = m[1]!;
    if (assigned.has(name) || local.has(name) || SHELL_VARIABLES.has(name) || !/^[A-Z_][A-Z0-9_]*$/.test(name)) continue;
    if (!out.includes(m[0])) out.push(m[0]);
  }
  return out;
}

/**
 * Why a command is only an illustration, or undefined: a syntax template (`<resource>`,
 * `[flags]`), or an unset variable with a comment asking the reader to substitute it.
 */
export function illustrativeReason(command: string, placeholders: readonly string[]): string | undefined {
  const template = placeholders.find((p) =>
    p
      .replace(/^<|>$/g, '')
      .toLowerCase()
      .split('|')
      // `<file.yaml>` is a `<file>` with the extension it should have.
      .some((alt) => TEMPLATE_PLACEHOLDERS.has(alt) || TEMPLATE_PLACEHOLDERS.has(alt.replace(/\.[a-z0-9]{1,5}$/, ''))),
  );
  if (template) return `a syntax template (${template}), not a command to run as written`;
  if (/\s\[(?:flags|options)\]/.test(command)) return 'a syntax template ([flags]), not a command to run as written';
  const variable = placeholders.find((p) => p.startsWith('$'));
  if (variable && REPLACE_COMMENT.test(command)) return `${variable} is for the reader to fill in and the page never sets it`;
  return undefined;
}

/** Why a command is a usage synopsis (see {@link USAGE_SYNOPSIS}), or undefined. */
export function usageSynopsisReason(command: string): string | undefined {
  // Quoted text is an argument as written, never synopsis notation.
  const text = scanned(command).replace(/'[^']*'|"[^"]*"/g, "''");
  if (!USAGE_SYNOPSIS.optional.test(text) && !USAGE_SYNOPSIS.alternatives.test(text)) return undefined;
  const words = text.split(/[\s()|\\]+/).filter((w) => w !== '');
  return words.slice(1).some((w) => USAGE_SYNOPSIS.placeholder.test(w)) ? 'a usage synopsis, not a command' : undefined;
}

/**
 * The value a command's text elides with `...` ({@link ELIDED_VALUE}: `echo "c3R...zE2" | base64
 * --decode`), or undefined: the page shortened what the reader pastes, so the step cannot run as
 * written.
 */
export function elidedValue(command: string): string | undefined {
  const text = scanned(command);
  const m = ELIDED_VALUE.exec(text);
  if (!m) return undefined;
  const programs = outerCommands(text).map((c) => c.program?.value ?? '');
  if (programs.some((p) => DOT_RANGE_PROGRAMS.has(p) || ELISION_STILL_RUNS.has(p))) return undefined;
  return m[1];
}

/**
 * The first path in a command the reader fills in ({@link PLACEHOLDER_PATH}: `--cert=path/to/cert/file`),
 * or undefined, also when an earlier command of the page (`earlier`, as written) names the same
 * path: then the page made that file and the path is real.
 */
export function placeholderPath(command: string, earlier: readonly string[]): string | undefined {
  const path = PLACEHOLDER_PATH.pattern.exec(scanned(command))?.[1];
  if (path === undefined || earlier.some((c) => c.includes(path))) return undefined;
  return path;
}
