import type { HostContext } from '../plan/types.js';
import { COMMAND_WORDS, firstProgramWord, printsNothing } from '../shell/index.js';
import { OUTPUT_LINE_PATTERNS } from './data/output-lines.js';
import { textLineShape } from './data/text-lines.js';
import { LOCAL_HOST_NAMES, NODE_NAME_PATTERNS, POD_NAME_PATTERNS, PROMPT_PATTERNS } from './data/prompts.js';

/**
 * The program word of a line: first word after `VAR=value` assignments and `sudo`-like prefixes.
 * Every line of a page is asked, output included, so this uses the command model's fast word
 * splitter rather than the shell parser.
 */
export function programOf(text: string): string | undefined {
  return firstProgramWord(text);
}

/** True when a line can only be output (kubectl results, table headers, `key: value`, markup). */
export function isOutputOnly(text: string): boolean {
  return OUTPUT_LINE_PATTERNS.some((p) => p.test(text));
}

/** True when a line reads as a command: its program word is a known command and it is not output-only. */
export function looksLikeCommand(text: string): boolean {
  const t = text.trim();
  if (t === '' || isOutputOnly(t) || textLineShape(t)) return false;
  // `NODES=$(kubectl get nodes …)`: an assignment from a command substitution is a command.
  if (/^(?:export\s+)?[A-Za-z_]\w*=["']?(?:\$\(|`)/.test(t)) return true;
  const program = programOf(t);
  if (program === undefined) return false;
  return COMMAND_WORDS.has(program) || /^\.{0,2}\/[\w.-]+\.sh$/.test(program) || /^\.\/[\w.-]+$/.test(program);
}

/**
 * True when `text` is a shell assignment (`PLACE=world`) following a line that prints nothing (an
 * assignment or `export X=…`): another line of the reader's shell, not output. After a command
 * that prints (`printenv`), the same shape is its output.
 */
export function continuesSilentLine(previous: string, text: string): boolean {
  if (!/^\s*(?:export\s+)?[A-Za-z_]\w*=(?:[^\s;&|]*|"[^"]*"|'[^']*')\s*$/.test(text)) return false;
  return printsNothing(previous.trim());
}

/** A prompt found at the start of a line. */
export interface PromptMatch {
  /** The prompt text as written, with its trailing space. */
  prompt: string;
  host: HostContext;
  /** A prompt any shell shows (`$`, `#`, `/ #`): the line belongs to the open session, if any. */
  generic?: boolean;
}

/**
 * Matches a prompt at the start of `text` (see PROMPT_PATTERNS). `shellSyntax` is true in
 * shell-tagged fences, where `# ` starts a comment. `podNames` are pods an earlier command
 * opened a shell in, used to tell `root@secret-test-pod:/#` (a pod) from `user@laptop:~$`.
 */
export function matchPrompt(text: string, shellSyntax: boolean, podNames: ReadonlySet<string>): PromptMatch | undefined {
  for (const p of PROMPT_PATTERNS) {
    if (p.notInShellSyntax && shellSyntax) continue;
    const m = p.pattern.exec(text);
    if (!m) continue;
    const rest = text.slice(m[0].length);
    if (rest.trim() === '' && p.name !== 'dollar') continue;
    if (p.needsProgram && !looksLikeCommand(rest)) continue;
    const prompt = m[0];
    const label = prompt.trimEnd();
    const source = { by: 'prompt' as const, text: label };
    if (p.generic) return { ...hostOfPattern(p.host, m, label, source, podNames), prompt, generic: true };
    return { ...hostOfPattern(p.host, m, label, source, podNames), prompt };
  }
  return undefined;
}

/** The host a prompt pattern names; `auto` prompts (`user@host:dir#`) go by the host name. */
function hostOfPattern(
  host: 'local' | 'node' | 'pod' | 'auto',
  m: RegExpExecArray,
  prompt: string,
  source: { by: 'prompt'; text: string },
  podNames: ReadonlySet<string>,
): { host: HostContext } {
  switch (host) {
    case 'local':
      return { host: { kind: 'local', source } };
    case 'node':
      return { host: { kind: 'node', prompt, name: m[1]!, source } };
    case 'pod':
      return { host: m[2] ? { kind: 'pod', prompt, name: m[2], source } : { kind: 'pod', prompt, source } };
    case 'auto':
      return { host: hostFromName(m[2]!, prompt, podNames) };
  }
}

function hostFromName(name: string, prompt: string, podNames: ReadonlySet<string>): HostContext {
  const source = { by: 'prompt' as const, text: prompt };
  if (LOCAL_HOST_NAMES.has(name)) return { kind: 'local', source };
  if (podNames.has(name) || [...podNames].some((p) => name.startsWith(p) || p.startsWith(name))) {
    return { kind: 'pod', prompt, name, source };
  }
  if (NODE_NAME_PATTERNS.some((p) => p.test(name))) return { kind: 'node', prompt, name, source };
  if (POD_NAME_PATTERNS.some((p) => p.test(name))) return { kind: 'pod', prompt, name, source };
  return { kind: 'local', source };
}

/** `# output`, `# should output: …`, `# prints …` comments: the rest (possibly empty) is the expected output. */
export const OUTPUT_COMMENT = /^#\s*(?:should\s+|will\s+|expected\s+)?(?:output|outputs|print|prints|returns?|result|shows?)\b\s*:?\s*(.*)$/i;

/**
 * `# Run this in the shell inside the container`, `# Run these commands inside the Pod`: the
 * commands after it in the block are typed in the pod shell an earlier step opened.
 */
export const IN_POD_COMMENT = /^#\s*(?:run|type|enter|execute)\b[^#]*\b(?:in|inside|within)\s+(?:the|your|a)\s+(?:\w+\s+)?(?:shell|container|pod)\b/i;

/** A trailing `# should output …` comment on a command line. */
export const TRAILING_OUTPUT_COMMENT = /\s+#\s*(?:should\s+|will\s+|expected\s+)?(?:output|outputs|prints?|returns?)\b\s*:?\s*(.*)$/i;
