/**
 * Cues that a value the page assigns is the reader's choice from the output before it, not a
 * literal: `# Select name of cluster you want to interact with from above output:` before
 * `export CLUSTER_NAME="some_server_name"`. Trigger and false-friend sentences are in test/run.
 */
export const CHOICE_CUES: readonly RegExp[] = [
  /\b(?:select|choose|pick)\b.*\bfrom\b.*\b(?:above|previous|preceding)\b.*\boutput\b/i,
  /\b(?:select|choose|pick)\b.*\b(?:above|previous|preceding)\s+output\b/i,
  /\breplace\b.*\bwith\s+(?:the\s+)?(?:name|value)\b.*\bfrom\b.*\boutput\b/i,
];

/** The cue among these texts (comments or prose before the assignment), if any. */
export function choiceCue(texts: readonly string[]): string | undefined {
  for (const t of texts) {
    const text = t.replace(/^#+\s*/, '').trim();
    if (CHOICE_CUES.some((c) => c.test(text))) return text;
  }
  return undefined;
}

/** `[export] NAME="literal"` alone: the variable and its literal value, or undefined. */
export function literalAssignment(command: string): { name: string; value: string } | undefined {
  const m = /^\s*(?:export\s+)?([A-Za-z_]\w*)=(?:"([^"$`\\]*)"|'([^']*)'|([\w.:/-]+))\s*$/.exec(command);
  return m ? { name: m[1]!, value: m[2] ?? m[3] ?? m[4] ?? '' } : undefined;
}
