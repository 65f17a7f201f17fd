/**
 * Argument forms kubectl refuses for its interactive commands before any terminal is needed. A
 * step that opens a session (`kubectl attach -it …`, `kubectl exec -it …`) is not run, but when its
 * arguments have a form kubectl may refuse, the runner asks kubectl itself (a refusal probe) so
 * the page's defect shows with kubectl's own message instead of hiding behind "interactive".
 *
 * Checked against kubectl 1.32 (staging/src/k8s.io/kubectl/pkg/cmd):
 * - attach.go: `Validate` refuses no argument ("at least 1 argument is required for attach") and
 *   more than two ("expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw N: […]");
 *   `Run` reads two arguments as TYPE NAME through the resource builder, which the server answers
 *   (`the server doesn't have a resource type "x"` when the first is no type). One argument
 *   (POD or TYPE/NAME) is the form kubectl accepts.
 * - exec.go: `Complete` refuses a command given without `--` ("exec [POD] [COMMAND] is not
 *   supported anymore. Use exec [POD] -- [COMMAND] instead").
 */
import { hasFlag, type KubectlCall } from '../shell/index.js';

/** One interactive kubectl command and the argument forms it accepts. */
interface ArgumentForm {
  /** The kubectl subcommand. */
  verb: string;
  /** True when kubectl takes the call's arguments as they are (no refusal possible from the command line). */
  accepts(call: KubectlCall): boolean;
}

/** Positional arguments kubectl receives, those after `--` included (cobra passes them on). */
const argumentCount = (k: KubectlCall): number => k.positionals.length + (k.afterDashDash?.length ?? 0);

/** kubectl 1.32's interactive commands, as data. */
export const ARGUMENT_FORMS: readonly ArgumentForm[] = [
  { verb: 'attach', accepts: (k) => argumentCount(k) === 1 },
  { verb: 'exec', accepts: (k) => k.afterDashDash !== undefined || k.positionals.length <= 1 },
];

/** Flags that ask for a terminal or for stdin: the probe leaves them out, so it never waits for a reader. */
const SESSION_FLAGS = /\s(?:-it|-ti|-i|-t|--stdin(?:=true)?|--tty(?:=true)?)(?=\s|$)/g;

/** Seconds the probe may run when kubectl accepts the arguments and connects (then the step is interactive). */
export const PROBE_SECONDS = 5;

/** Exit statuses of a probe that connected and was stopped (`timeout`), or ended by itself: no refusal. */
export const PROBE_ACCEPTED = new Set([0, 124, 143]);

/**
 * The command that asks kubectl whether it accepts an interactive step's arguments (the step's own
 * command, without stdin or a terminal, bounded), or undefined when kubectl takes the form as it is.
 */
export function refusalProbe(command: string, k: KubectlCall): string | undefined {
  const verb = k.path[0]?.value;
  const form = ARGUMENT_FORMS.find((f) => f.verb === verb);
  if (!form || form.accepts(k) || !hasFlag(k, '-t', '--tty', '-i', '--stdin')) return undefined;
  const bare = command.trim().replace(SESSION_FLAGS, '');
  return `${bare.replace(/\bkubectl\s/, () => `timeout --foreground ${PROBE_SECONDS} kubectl `)} </dev/null`;
}
