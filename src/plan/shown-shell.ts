import { sessionOpenedBy } from './session.js';
import type { CommandStep, HostContext, Step } from './types.js';

/** A cue that puts a line in some other pod than the reader's shell ("If you have another Pod that consumes this Service"). */
const OTHER_POD = /\b(?:another|a different|some other|other)\s+pods?\b/i;

/**
 * Gives the lines a cue puts "within a pod" without naming one the pod shell the page showed
 * earlier as the way to run commands in a pod (`kubectl run -it --rm busybox --image=busybox sh`,
 * `kubectl exec -it web -- sh`): a reader runs them in that shell, opened once and kept open in
 * another terminal while the page goes on. Lines typed in a session or at a prompt, and lines of
 * a database client's session, keep what decided them. Returns new steps; the input is not modified.
 */
export function withShownPodShell(steps: readonly Step[]): Step[] {
  let shell: { step: CommandStep; name: string; namespace?: string } | undefined;
  return steps.map((step) => {
    if (step.kind !== 'command') return step;
    const opened = step.opensSession;
    if (opened?.kind === 'pod' && opened.name && step.host.kind === 'local' && !opened.container && !sessionOpenedBy(step.command)?.repl) {
      shell = { step, name: opened.name, ...(opened.namespace ? { namespace: opened.namespace } : {}) };
      return step;
    }
    const h = step.host;
    if (!shell || h.kind !== 'pod' || h.name !== undefined || h.client !== undefined || h.source.by !== 'cue' || OTHER_POD.test(h.source.text ?? ''))
      return step;
    return {
      ...step,
      host: { ...h, name: shell.name, ...(shell.namespace ? { namespace: shell.namespace } : {}), shownShell: shell.step.line },
    };
  });
}

/**
 * A line a cue puts in some other pod than the reader's shell ("If you have another Pod that
 * consumes this Service …"): neither the shell the page showed nor one a step opened is that pod.
 */
export function namesAnotherPod(host: HostContext): boolean {
  return host.kind === 'pod' && host.name === undefined && host.source.by === 'cue' && OTHER_POD.test(host.source.text ?? '');
}
