/**
 * Lines that can only be output, even where a command could be expected: a word in
 * {@link COMMAND_WORDS} at the start does not make these commands.
 */
export const OUTPUT_LINE_PATTERNS: readonly RegExp[] = [
  // kubectl results: `configmap/game-config-4-m9dm2f92bt created`, `secret "x" created`
  /^[\w.-]+(?:\/[\w.-]+|\s+"[^"]+")\s+(?:created|configured|unchanged|deleted|exposed|scaled|labeled|annotated|patched|replaced|edited|restarted|rolled back|cordoned|uncordoned|drained|tainted|evicted|serverside-applied|image updated|resource requirements updated|autoscaled|paused|resumed)\b/,
  // table header: `NAME   READY   STATUS`
  /^[A-Z][A-Z0-9_()/-]*(?:\s{2,}[A-Z][A-Z0-9_()/ -]*)+\s*$/,
  // `Key:   value` describe output and `key: value` YAML
  /^\s*[\w./-]+:(?:\s|$)/,
  // Error and status messages; kubectl words an Invalid refusal `The <Kind> "<name>" is invalid: …`
  /^The [\w.]+ "[^"]+" is invalid:/,
  /^The connection to the server \S+ was refused\b/,
  /^(?:error|Error|warning|Warning|Waiting for|Hit enter|If you don't see a command prompt|pod "[^"]+" deleted)/,
  // Elisions and markup
  /^\s*(?:\.\.\.|…)\s*$/,
  /^\s*</,
  /^\s*[{}[\]]/,
];
