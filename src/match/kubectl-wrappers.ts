/**
 * The words kubectl puts in front of an error it prints, outermost first. Pages often quote only
 * the message the API server sent (`pods "x" is forbidden: …`) and leave the wrapper out: it is
 * the CLI's framing, not the cluster's answer.
 *
 * - `Error from server (<Reason>): ` / `Error from server: ` — kubectl's StandardErrorMessage for
 *   an API status error (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go), with or without a
 *   reason;
 * - `error when <verb> "<source>": ` — AddSourceToErr, naming the manifest a create, apply,
 *   replace, patch or delete read;
 * - `error: ` — kubectl's prefix for any other error (CheckErr's fatal message).
 */
export const KUBECTL_WRAPPERS: readonly RegExp[] = [/^Error from server(?: \([A-Za-z]+\))?: /, /^error when [a-z][a-z -]*? "[^"]*": /, /^error: /];

/**
 * The actual line with kubectl's wrappers taken off one at a time, each shorter form after the
 * last (`Error from server (Forbidden): error when creating "f": m` → `error when creating "f": m`,
 * `m`); empty when the line has no wrapper.
 */
export function unwrappedForms(line: string): string[] {
  const out: string[] = [];
  let rest = line;
  for (;;) {
    const w = KUBECTL_WRAPPERS.find((re) => re.test(rest));
    if (!w) return out;
    rest = rest.replace(w, '');
    out.push(rest);
  }
}
