/**
 * What kubectl itself prints around an interactive session it opens (`kubectl run -it`,
 * `kubectl attach -it`, `kubectl exec -it`), as data checked against kubectl 1.32's source
 * (staging/src/k8s.io/kubectl/pkg/cmd): the runner does not hold a reader's terminal session, so
 * a step that opens one is run detached and its shown output is not compared as a whole; but the
 * lines kubectl adds to the session are fixed by the command line, and a page showing one kubectl
 * does not print, or in another wording, is wrong whatever the session shows.
 *
 * - attach.go `Run`: unless `--quiet`, "If you don't see a command prompt, try pressing enter."
 *   on stderr before attaching (`kubectl run` with `-i`/`-t`/`--attach` attaches the same way, and
 *   so does `kubectl debug -i`); after the session, with stdin and a raw terminal and not
 *   `--quiet`, `reattachMessage` on stdout: "Session ended, resume using 'kubectl attach POD -c
 *   CONTAINER -i -t' command when the pod is running" (1.32's wording, without `-n`).
 * - run.go `Run`: the container of `kubectl run NAME` is named NAME; with `--rm` the created pod
 *   is deleted after the session through `DeleteResult`, which prints `pod "NAME" deleted` on
 *   stdout unless `--quiet`.
 * - exec.go prints neither line.
 * - "Waiting for pod NS/NAME to be running, status is …" and "Hit enter for command prompt" were
 *   printed by old `kubectl run`; no 1.32 code path prints them (neither string is in the 1.32
 *   binary).
 */
import { firstKubectlCall, flagValue, hasFlag } from '../shell/index.js';
import type { Difference } from '../match/types.js';

/** What decides kubectl's session lines, read from the command line. */
export interface SessionFacts {
  verb: 'run' | 'attach' | 'exec' | 'debug';
  /** The pod (`kubectl run NAME`, `kubectl attach NAME`); undefined when the line names none plainly. */
  pod?: string;
  /** The container attached to, when the command line fixes it. */
  container?: string;
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  remove: boolean;
}

/** One kind of line kubectl adds to a session. */
export interface SessionMessage {
  id: string;
  /** Any line of this kind, as a page may show it. */
  family: RegExp;
  /** The line kubectl 1.32 prints for the session, a pattern when part of it is not fixed by the command line, or null when it prints none. */
  printed(f: SessionFacts): string | RegExp | null;
}

const attaches = (f: SessionFacts): boolean => f.verb === 'run' || f.verb === 'attach' || f.verb === 'debug';

/** kubectl 1.32's session lines, as data. */
export const SESSION_MESSAGES: readonly SessionMessage[] = [
  {
    id: 'prompt-hint',
    // Old kubectl's wording of the same hint ("Hit enter for command prompt") is of this kind too.
    family: /^(?:If you don't see a command prompt|Hit enter for command prompt)/,
    printed: (f) => (attaches(f) && !f.quiet ? "If you don't see a command prompt, try pressing enter." : null),
  },
  {
    id: 'session-ended',
    family: /^Session ended, /,
    printed: (f) => {
      if (!(f.verb === 'run' || f.verb === 'attach') || !f.stdin || !f.tty || f.quiet) return null;
      if (f.pod && f.container) return `Session ended, resume using 'kubectl attach ${f.pod} -c ${f.container} -i -t' command when the pod is running`;
      return /^Session ended, resume using 'kubectl attach \S+ -c \S+ -i -t' command when the pod is running$/;
    },
  },
  {
    id: 'pod-deleted',
    family: /^pod "[^"]*" deleted/,
    printed: (f) => (f.verb === 'run' && f.remove && !f.quiet && f.pod ? `pod "${f.pod}" deleted` : null),
  },
  { id: 'waiting-for-pod', family: /^Waiting for pod /, printed: () => null },
];

/** The facts of a kubectl command that opens a session, or undefined. */
export function sessionFacts(command: string): SessionFacts | undefined {
  const k = firstKubectlCall(command);
  const verb = k?.path[0]?.value;
  if (!k || (verb !== 'run' && verb !== 'attach' && verb !== 'exec' && verb !== 'debug')) return undefined;
  const name = k.positionals[0]?.value;
  const plain = name !== undefined && /^[a-z0-9][-a-z0-9.]*$/.test(name) ? name : undefined;
  const container = flagValue(k, '-c', '--container') ?? (verb === 'run' ? plain : undefined);
  return {
    verb,
    ...(plain ? { pod: plain } : {}),
    ...(container ? { container } : {}),
    stdin: hasFlag(k, '-i', '--stdin'),
    tty: hasFlag(k, '-t', '--tty'),
    quiet: hasFlag(k, '-q', '--quiet'),
    remove: hasFlag(k, '--rm'),
  };
}

/**
 * The lines of a session's shown output that are kubectl's own and differ from what kubectl 1.32
 * prints for the command: one difference each. Other lines (the prompt, what is typed and printed
 * in the session) are not judged here. `firstLine` is the doc line of the text's first line.
 */
export function sessionMessageDifferences(command: string, shown: string, firstLine: number): Difference[] {
  const facts = sessionFacts(command);
  if (!facts) return [];
  const out: Difference[] = [];
  for (const [i, raw] of shown.split('\n').entries()) {
    const text = raw.trim();
    const message = SESSION_MESSAGES.find((m) => m.family.test(text));
    if (!message) continue;
    const printed = message.printed(facts);
    if (printed !== null && (typeof printed === 'string' ? printed === text : printed.test(text))) continue;
    out.push({
      kind: printed === null ? 'missing-line' : 'wrong-value',
      message:
        printed === null
          ? `kubectl 1.32 does not print this line for \`${command.trim()}\` (${message.id})`
          : `kubectl 1.32 prints ${typeof printed === 'string' ? JSON.stringify(printed) : 'another wording'} here (${message.id})`,
      line: firstLine + i,
      column: raw.length - raw.trimStart().length + 1,
      expected: text,
      ...(typeof printed === 'string' ? { actual: printed } : {}),
    });
  }
  return out;
}
