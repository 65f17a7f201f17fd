import type { HostContext } from '../plan/types.js';
import { COMMAND_WORDS, PREFIX_WORDS } from './data/programs.js';
import { OUTPUT_LINE_PATTERNS } from './data/output-lines.js';
import { LOCAL_HOST_NAMES, NODE_NAME_PATTERNS, POD_NAME_PATTERNS, PROMPT_PATTERNS } from './data/prompts.js';

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=\S*$/;

/** The program word of a line: first word after `VAR=value` assignments and `sudo`-like prefixes. */
export function programOf(text: string): string | undefined {
  const words = text.trim().split(/\s+/);
  let i = 0;
  while (i < words.length && (ASSIGNMENT.test(words[i]!) || PREFIX_WORDS.has(words[i]!))) i++;
  return words[i];
}

/** True when a line can only be output (kubectl results, table headers, `key: value`, markup). */
export function isOutputOnly(text: string): boolean {
  return OUTPUT_LINE_PATTERNS.some((p) => p.test(text));
}

/** True when a line reads as a command: its program word is a known command and it is not output-only. */
export function looksLikeCommand(text: string): boolean {
  const t = text.trim();
  if (t === '' || isOutputOnly(t)) return false;
  const program = programOf(t);
  if (program === undefined) return false;
  return COMMAND_WORDS.has(program) || /^\.{0,2}\/[\w.-]+\.sh$/.test(program) || /^\.\/[\w.-]+$/.test(program);
}

/** A prompt found at the start of a line. */
export interface PromptMatch {
  /** The prompt text as written, with its trailing space. */
  prompt: string;
  host: HostContext;
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
    switch (p.host) {
      case 'local':
        return { prompt, host: { kind: 'local', source } };
      case 'node':
        return { prompt, host: { kind: 'node', prompt: label, name: m[1]!, source } };
      case 'pod':
        return { prompt, host: m[2] ? { kind: 'pod', prompt: label, name: m[2], source } : { kind: 'pod', prompt: label, source } };
      case 'auto':
        return { prompt, host: hostFromName(m[2]!, label, podNames) };
    }
  }
  return undefined;
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
