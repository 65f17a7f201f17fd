/**
 * Commands that wait for a person or never end, and how the runner runs them instead.
 * `flags`: any of these makes the entry apply (short letters match inside `-it`);
 * absent means the subcommand alone does.
 */
export interface InteractiveCommand {
  program: string;
  subcommand?: string;
  flags?: readonly string[];
  /** Short name shown in the message (`kubectl exec -it`). */
  name: string;
  /** What the runner does with it, as a verb phrase (`runs it in the background …`). */
  how: string;
}

/** The interactive commands; the first matching entry wins. */
export const INTERACTIVE_COMMANDS: readonly InteractiveCommand[] = [
  {
    program: 'kubectl',
    subcommand: 'edit',
    name: 'kubectl edit',
    how: 'runs it with an editor script (KUBE_EDITOR) that applies the change the doc describes',
  },
  {
    program: 'kubectl',
    subcommand: 'exec',
    flags: ['-t', '--tty'],
    name: 'kubectl exec -it',
    how: 'opens a pod shell when it starts a shell (the in-pod lines that follow each run in that pod with `kubectl exec -i`), gives a database client the lines typed at its prompt, and runs any other program under a pseudo-terminal',
  },
  {
    program: 'kubectl',
    subcommand: 'debug',
    flags: ['-t', '--tty'],
    name: 'kubectl debug -it',
    how: 'does not run it: it opens an interactive session with no non-interactive form, so the step is skipped with that reason',
  },
  {
    program: 'kubectl',
    subcommand: 'run',
    flags: ['-t', '--tty'],
    name: 'kubectl run -it',
    how: 'starts the pod detached when it opens a shell (the in-pod lines that follow each run in it with `kubectl exec -i`), and runs any other program under a pseudo-terminal',
  },
  {
    program: 'kubectl',
    subcommand: 'attach',
    flags: ['-t', '--tty', '-i', '--stdin'],
    name: 'kubectl attach -it',
    how: "reads the pod's spec: when the container's main process is a shell with stdin (and a terminal), the lines typed after it run in that container with `kubectl exec -i`; otherwise it is not run, and the reason names the process",
  },
  { program: 'kubectl', subcommand: 'attach', name: 'kubectl attach', how: 'runs it bounded: attached until the expected output appears, then detached' },
  {
    program: 'kubectl',
    subcommand: 'get',
    flags: ['-w', '--watch', '--watch-only'],
    name: 'kubectl get -w',
    how: 'runs it bounded: watched until the expected lines appear (or a timeout), then stopped',
  },
  {
    program: 'kubectl',
    subcommand: 'events',
    flags: ['-w', '--watch'],
    name: 'kubectl events -w',
    how: 'runs it bounded: watched until the expected lines appear (or a timeout), then stopped',
  },
  {
    program: 'kubectl',
    subcommand: 'logs',
    flags: ['-f', '--follow'],
    name: 'kubectl logs -f',
    how: 'runs it bounded: followed until the expected lines appear (or a timeout), then stopped',
  },
  {
    program: 'kubectl',
    subcommand: 'port-forward',
    name: 'kubectl port-forward',
    how: 'runs it as a background process for the following steps, stopped at the end of the lesson',
  },
  {
    program: 'kubectl',
    subcommand: 'proxy',
    name: 'kubectl proxy',
    how: 'runs it as a background process for the following steps, stopped at the end of the lesson',
  },
  { program: 'minikube', subcommand: 'tunnel', name: 'minikube tunnel', how: 'runs it as a background process for the following steps' },
  { program: 'minikube', subcommand: 'dashboard', name: 'minikube dashboard', how: 'runs it as a background process (with --url, no browser)' },
  { program: 'watch', name: 'watch', how: 'runs it once, without repeating' },
  { program: 'vi', name: 'vi', how: 'runs it only with an editor script that makes the change the doc describes' },
  { program: 'vim', name: 'vim', how: 'runs it only with an editor script that makes the change the doc describes' },
  { program: 'nano', name: 'nano', how: 'runs it only with an editor script that makes the change the doc describes' },
];
