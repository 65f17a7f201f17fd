/**
 * Variables a command needs that the page never sets (`kubectl exec ${POD_NAME} -c
 * ${CONTAINER_NAME} -- ${CMD}`): the command is a template the reader fills in with their own
 * values. Run as written, the shell would expand them to nothing and run another command, whose
 * outcome says nothing about the page; such a step is skipped with this reason.
 *
 * A variable a step of the page assigns (`POD_NAME=$(kubectl get pods …)`) is not a placeholder
 * (the parser leaves it out of `placeholders`), and neither is one the lesson's shell has when the
 * step runs (the environment, a `source`d file, `eval $(…)`).
 */

/** `${VAR:-x}`, `${VAR-x}`, `${VAR:=x}`, `${VAR:+x}`, `${VAR+x}`, `${VAR:?…}`: the command says what happens when it is unset. */
const WITH_DEFAULT = (name: string): RegExp => new RegExp(`\\$\\{${name}:?[-=+?]`);

/** Uses of `$VAR` / `${VAR}` the shell expands (not inside single quotes). */
function expandedUses(command: string, name: string): boolean {
  const unquoted = command.replace(/'[^']*'/g, "''");
  return new RegExp(`(?<!\\\\)\\$(?:\\{${name}\\}|${name}(?![A-Za-z0-9_]))`).test(unquoted);
}

/**
 * The names among the step's `$VAR` placeholders that the command still uses (after the runner
 * filled in what it could) and that it needs: expanded by the shell, with no default of its own.
 */
export function neededTemplateVars(command: string, placeholders: readonly string[] | undefined): string[] {
  const names = new Set<string>();
  for (const p of placeholders ?? []) {
    const m = /^\$\{?([A-Za-z_]\w*)\}?$/.exec(p);
    if (!m) continue;
    const name = m[1]!;
    if (WITH_DEFAULT(name).test(command) || !expandedUses(command, name)) continue;
    names.add(name);
  }
  return [...names];
}

/** Why a step whose needed variables the shell does not have is not run. */
export function templateReason(unset: readonly string[]): string {
  const list = unset.map((n) => `$${n}`).join(', ');
  return `${list} ${unset.length === 1 ? 'is' : 'are'} never set on the page: a template for the reader to fill in, not a command to run as written`;
}
