/**
 * Fence info-string tags and what they mean to the parser. Tags are compared in lower case
 * and only the first word counts (```` ```shell {linenos=true} ```` is `shell`).
 */

/** Tags whose fences hold commands to run (possibly with prompts and output lines). */
export const COMMAND_TAGS: ReadonlySet<string> = new Set([
  'shell',
  'bash',
  'sh',
  'zsh',
  'console',
  'terminal',
  'shell-session',
  'shellsession',
  'sh-session',
  'bash-session',
]);

/**
 * Tags whose fences are shell code in which `#` starts a comment, so `# kubectl …` is never a
 * root prompt there. In the other command tags (`console`, `terminal`) and untagged fences a
 * `# ` line followed by a known program is a root prompt.
 */
export const SHELL_SYNTAX_TAGS: ReadonlySet<string> = new Set(['shell', 'bash', 'sh', 'zsh']);

/** Tags that mark plain output (an untagged fence counts as one of these). */
export const OUTPUT_TAGS: ReadonlySet<string> = new Set(['', 'text', 'txt', 'none', 'plaintext', 'plain', 'output', 'log', 'console', 'terminal']);

/** Manifest tags and the manifest language they stand for. */
export const MANIFEST_TAGS: Readonly<Record<string, 'yaml' | 'json'>> = { yaml: 'yaml', yml: 'yaml', json: 'json' };
