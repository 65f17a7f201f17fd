import type { CommandStep } from '../plan/types.js';
import { parseKubectl, type SimpleCommand } from './command-model.js';

const SHELLS = new Set(['sh', 'bash', 'ash', 'zsh', '/bin/sh', '/bin/bash', '/bin/ash', '/bin/zsh']);
/** Programs a tutorial runs on the reader's machine, never inside a pod shell. */
const LOCAL_TOOLS = new Set(['kubectl', 'minikube', 'kind', 'helm', 'make', 'docker', 'git', 'kubeadm', 'k3d']);

/**
 * Ids of commands that run in a remote shell although the doc shows no prompt for it: the
 * steps after `kubectl exec -ti POD -- bash` (or `kubectl run -it`, `minikube ssh`) up to
 * `exit`, the next section, or the next command of a local-only tool.
 */
export function remoteShellSteps(commands: CommandStep[], simple: (s: CommandStep) => SimpleCommand[]): Set<string> {
  const remote = new Set<string>();
  let openedIn: string | undefined | null = null;
  for (const step of commands) {
    const scs = simple(step);
    const first = scs[0]?.program?.value;
    if (openedIn !== null && (step.section !== openedIn || (first && LOCAL_TOOLS.has(first)))) openedIn = null;
    if (openedIn !== null || step.host.kind !== 'local') {
      remote.add(step.id);
      if (step.command.trim() === 'exit') openedIn = null;
      continue;
    }
    if (scs.some(opensShell)) openedIn = step.section;
  }
  return remote;
}

function opensShell(sc: SimpleCommand): boolean {
  const program = sc.program?.value;
  if (program === 'minikube') return sc.args[0]?.value === 'ssh' && sc.args.length === 1;
  if (program !== 'kubectl' && program !== 'docker') return false;
  const call = parseKubectl(sc.args);
  const sub = call.path[0]?.value;
  if (sub !== 'exec' && sub !== 'run' && sub !== 'debug') return false;
  const tty = [...call.flags.keys()].some((k) => k === '-t' || k === '--tty' || /^-[a-z]*t[a-z]*$/.test(k));
  if (!tty) return false;
  const after = call.afterDashDash;
  return after === undefined ? sub === 'run' : after.length === 1 && SHELLS.has(after[0]!.value);
}
