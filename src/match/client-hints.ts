/**
 * Lines a client prints to the reader's terminal beside a command's output, which pages leave out
 * as a rule: leaving one out is not a defect. An actual line matching one of them is dropped
 * before comparing, unless the doc shows it too (then it is compared like any other line).
 */
export const CLIENT_HINTS: readonly { line: RegExp; who: string }[] = [
  // kubectl attach/run -it, to stderr, once the terminal is attached (pkg/cmd/attach).
  { line: /^If you don't see a command prompt, try pressing enter\.$/, who: 'kubectl attach with a terminal' },
  // kubectl cluster-info's closing line, after a blank one (pkg/cmd/clusterinfo).
  { line: /^To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'\.$/, who: 'kubectl cluster-info' },
];

/** The actual lines without the client hints the doc does not show. */
export function withoutClientHints(expected: readonly string[], actual: readonly string[]): string[] {
  const shown = (h: RegExp): boolean => expected.some((l) => h.test(l.trim()));
  const omitted = CLIENT_HINTS.filter((h) => !shown(h.line));
  if (omitted.length === 0) return [...actual];
  return actual.filter((l) => !omitted.some((h) => h.line.test(l.trim())));
}
