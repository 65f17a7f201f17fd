/**
 * Lines that are command output, never commands: when one is shown with a `$ ` prompt the
 * reader (and a runner) would try to execute it.
 */
export const OUTPUT_PATTERNS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  {
    name: 'kubectl result',
    pattern:
      /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\/[a-z0-9][a-z0-9.:-]* (?:created|configured|unchanged|deleted|exposed|labeled|annotated|scaled|patched|edited|replaced|restarted|paused|resumed|autoscaled|cordoned|uncordoned|drained|evicted|tainted|untainted|serverside-applied|rolled back|condition met|image updated|env updated|resource requirements updated|selector updated|serviceaccount updated|successfully rolled out)(?: \(.+\))?$/,
  },
  {
    name: 'kubectl result (old format)',
    pattern: /^[a-z]+ "[^"]+" (?:created|configured|unchanged|deleted|exposed|labeled|annotated|scaled|patched|replaced|successfully rolled out)$/,
  },
  { name: 'table header', pattern: /^(?:NAME|NAMESPACE|LAST SEEN|CONTAINER ID|REPOSITORY)\s{2,}[A-Z][A-Z0-9()-]*(?:\s|$)/ },
  { name: 'error message', pattern: /^(?:Error from server|error: |Error: |Warning: |WARNING: )/ },
  {
    name: 'progress message',
    pattern: /^(?:Waiting for (?:deployment|rollout|pod)|Forwarding from \d|Starting to serve on|Handling connection for|If you don't see a command prompt)/,
  },
];

/** The name of the output pattern a line matches, or undefined. */
export function matchOutputPattern(line: string): string | undefined {
  const t = line.trim();
  return OUTPUT_PATTERNS.find((p) => p.pattern.test(t))?.name;
}
