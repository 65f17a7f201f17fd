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
  /** How the runner will run it. */
  how: string;
}

/** The interactive commands; the first matching entry wins. */
export const INTERACTIVE_COMMANDS: readonly InteractiveCommand[] = [
  { program: 'kubectl', subcommand: 'edit', name: 'kubectl edit', how: 'with an editor script (KUBE_EDITOR) that applies the change the doc describes' },
  {
    program: 'kubectl',
    subcommand: 'exec',
    flags: ['-t', '--tty'],
    name: 'kubectl exec -it',
    how: 'as `kubectl exec -i` without a TTY, feeding the in-pod commands that follow on stdin',
  },
  {
    program: 'kubectl',
    subcommand: 'debug',
    flags: ['-t', '--tty'],
    name: 'kubectl debug -it',
    how: 'with `-i` and without a TTY, feeding the in-pod commands that follow on stdin',
  },
  {
    program: 'kubectl',
    subcommand: 'run',
    flags: ['-t', '--tty'],
    name: 'kubectl run -it',
    how: 'with `-i` and without a TTY, feeding the in-pod commands that follow on stdin',
  },
  { program: 'kubectl', subcommand: 'attach', name: 'kubectl attach', how: 'bounded: attached until the expected output appears, then detached' },
  {
    program: 'kubectl',
    subcommand: 'get',
    flags: ['-w', '--watch', '--watch-only'],
    name: 'kubectl get -w',
    how: 'bounded: watched until the expected lines appear (or a timeout), then stopped',
  },
  {
    program: 'kubectl',
    subcommand: 'events',
    flags: ['-w', '--watch'],
    name: 'kubectl events -w',
    how: 'bounded: watched until the expected lines appear (or a timeout), then stopped',
  },
  {
    program: 'kubectl',
    subcommand: 'logs',
    flags: ['-f', '--follow'],
    name: 'kubectl logs -f',
    how: 'bounded: followed until the expected lines appear (or a timeout), then stopped',
  },
  {
    program: 'kubectl',
    subcommand: 'port-forward',
    name: 'kubectl port-forward',
    how: 'as a background process for the following steps, stopped at the end of the lesson',
  },
  { program: 'kubectl', subcommand: 'proxy', name: 'kubectl proxy', how: 'as a background process for the following steps, stopped at the end of the lesson' },
  { program: 'minikube', subcommand: 'tunnel', name: 'minikube tunnel', how: 'as a background process for the following steps' },
  { program: 'minikube', subcommand: 'dashboard', name: 'minikube dashboard', how: 'as a background process (with --url, no browser)' },
  { program: 'watch', name: 'watch', how: 'once, without repeating' },
  { program: 'vi', name: 'vi', how: 'only with an editor script that makes the change the doc describes' },
  { program: 'vim', name: 'vim', how: 'only with an editor script that makes the change the doc describes' },
  { program: 'nano', name: 'nano', how: 'only with an editor script that makes the change the doc describes' },
];
