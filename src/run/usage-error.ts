/**
 * kubectl's own refusals of a command line, before it talks to any cluster: an unknown flag or
 * command, the old `exec POD COMMAND` form, a flag without its value, two flags that exclude each
 * other. They are the page's defect whatever the cluster's state, so a step whose output shows one
 * fails with it as the cause, before any excuse (a state the backend cannot reach, a skipped step)
 * is looked for. Each shape is kubectl 1.32's own wording (cobra's flag errors end with `See
 * 'kubectl <cmd> --help' for usage.`; kubectl's `UsageErrorf` ends with `See 'kubectl <cmd> -h'
 * for help and examples`), measured with the 1.32 binary.
 */

/** One kind of client-side refusal. */
interface UsageShape {
  id: string;
  /** Matched against one line of the output. */
  pattern: RegExp;
  /** What the refusal says about the command line, from the match. */
  says(m: RegExpExecArray): string;
  /**
   * True when an empty expansion (`$(kubectl get pod x …)` printing nothing, an unset variable)
   * can cause it: such a refusal is the page's only when the command line has no expansion.
   */
  byExpansion?: boolean;
}

/** kubectl 1.32's client-side refusals, as data. */
export const USAGE_SHAPES: readonly UsageShape[] = [
  { id: 'unknown-flag', pattern: /^[Ee]rror: unknown flag: (--[\w-]+)$/, says: (m) => `kubectl has no flag ${m[1]}` },
  { id: 'unknown-shorthand', pattern: /^[Ee]rror: unknown shorthand flag: '(.)' in (-\S+)$/, says: (m) => `kubectl has no flag -${m[1]} (in ${m[2]})` },
  {
    id: 'unknown-command',
    pattern: /^[Ee]rror: unknown command "([^"]+)" for "(kubectl[^"]*)"$/,
    says: (m) => `${m[2]} has no command "${m[1]}"`,
  },
  {
    id: 'exec-form',
    pattern: /^[Ee]rror: exec \[POD\] \[COMMAND\] is not supported anymore\. Use exec \[POD\] -- \[COMMAND\] instead$/,
    says: () => 'kubectl exec needs `--` before the command (`kubectl exec POD -- COMMAND`)',
  },
  {
    id: 'flag-needs-argument',
    pattern: /^[Ee]rror: flag needs an argument: (.+)$/,
    says: (m) => `a flag is given without its value (${m[1]})`,
    byExpansion: true,
  },
  {
    id: 'invalid-flag-value',
    pattern: /^[Ee]rror: invalid argument "([^"]*)" for "([^"]+)" flag: /,
    says: (m) => `"${m[1]}" is not a valid value of ${m[2]}`,
    byExpansion: true,
  },
  { id: 'required-flag', pattern: /^[Ee]rror: required flag\(s\) (.+) not set$/, says: (m) => `kubectl requires flag(s) ${m[1]}`, byExpansion: true },
  {
    id: 'exclusive-flags',
    pattern: /^[Ee]rror: if any flags in the group \[([^\]]+)\] are set none of the others can be/,
    says: (m) => `flags ${m[1]} exclude each other`,
  },
  { id: 'only-one-of', pattern: /^[Ee]rror: only one of (.+) can be specified$/, says: (m) => `only one of ${m[1]} may be given` },
];

/** kubectl's `UsageErrorf` closing line: the line before it is a usage error of that command. */
const USAGE_ERRORF = /^See '(kubectl[^']*) -h' for help and examples$/;

/** A client-side refusal found in a step's output. */
export interface UsageError {
  id: string;
  /** The output line kubectl printed. */
  line: string;
  /** What it says about the command line. */
  message: string;
}

/** A `$` expansion or command substitution on the line: what it expands to may be empty here. */
const EXPANSION = /\$[\w{(]|`/;

/**
 * The first client-side refusal kubectl printed for the command, or undefined. Refusals an empty
 * expansion can cause (`-n $NS` with NS unset: "flag needs an argument") count only when the
 * command expands nothing.
 */
export function kubectlUsageError(command: string, output: string): UsageError | undefined {
  if (!/\bkubectl\b/.test(command)) return undefined;
  const expands = EXPANSION.test(command);
  const lines = output.split('\n').map((l) => l.trimEnd());
  for (const [i, line] of lines.entries()) {
    for (const shape of USAGE_SHAPES) {
      const m = shape.pattern.exec(line);
      if (m && !(shape.byExpansion && expands)) return { id: shape.id, line, message: shape.says(m) };
    }
    // Any other `UsageErrorf` (`exactly one NAME is required, got 0`): an argument count may come
    // from an empty expansion, so only for a command that expands nothing.
    const usage = USAGE_ERRORF.exec(line);
    const before = lines[i - 1];
    if (usage && !expands && /^[Ee]rror: /.test(before ?? '')) return { id: 'usage', line: before, message: `${usage[1]} refuses the command line` };
  }
  return undefined;
}
