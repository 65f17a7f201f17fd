/**
 * What a command needs to do anything: a positional argument and/or certain flags.
 * `path` is the kubectl subcommand path (`create secret tls`); `anyOf` flags can stand in for
 * the positional; `allOf` flags are all required.
 */
export interface RequiredArgs {
  program: string;
  path?: string;
  /** Minimum positional arguments (after the subcommand path), unless an `anyOf` flag is given. */
  positionals?: number;
  anyOf?: readonly string[];
  allOf?: readonly string[];
  /** What is missing, for the message. */
  needs: string;
}

/** Requirements by kubectl subcommand path. */
export const REQUIRED_ARGS: readonly RequiredArgs[] = [
  {
    program: 'kubectl',
    path: 'get',
    positionals: 1,
    anyOf: ['-f', '--filename', '-k', '--kustomize', '--raw'],
    needs: 'a resource type (`kubectl get pods`) or -f',
  },
  {
    program: 'kubectl',
    path: 'describe',
    positionals: 1,
    anyOf: ['-f', '--filename', '-k', '--kustomize'],
    needs: 'a resource type (`kubectl describe pod NAME`) or -f',
  },
  { program: 'kubectl', path: 'apply', anyOf: ['-f', '--filename', '-k', '--kustomize'], needs: '-f <file> or -k <dir>' },
  {
    program: 'kubectl',
    path: 'create',
    anyOf: ['-f', '--filename', '-k', '--kustomize'],
    needs: '-f <file>, -k <dir> or a resource (`kubectl create deployment …`)',
  },
  { program: 'kubectl', path: 'replace', anyOf: ['-f', '--filename', '-k', '--kustomize'], needs: '-f <file>' },
  {
    program: 'kubectl',
    path: 'delete',
    positionals: 1,
    anyOf: ['-f', '--filename', '-k', '--kustomize', '-l', '--selector', '--all'],
    needs: 'what to delete (`kubectl delete pod NAME`, -f, -l or --all)',
  },
  { program: 'kubectl', path: 'logs', positionals: 1, anyOf: ['-l', '--selector'], needs: 'a pod (`kubectl logs POD`) or -l' },
  { program: 'kubectl', path: 'expose', positionals: 1, anyOf: ['-f', '--filename'], needs: 'what to expose (`kubectl expose deployment NAME`)' },
  { program: 'kubectl', path: 'scale', allOf: ['--replicas'], needs: '--replicas' },
  { program: 'kubectl', path: 'run', positionals: 1, allOf: ['--image'], needs: 'a name and --image' },
  { program: 'kubectl', path: 'port-forward', positionals: 2, needs: 'a pod or service and a port (`kubectl port-forward svc/NAME 8080:80`)' },
  { program: 'kubectl', path: 'create deployment', positionals: 1, allOf: ['--image'], needs: 'a name and --image' },
  { program: 'kubectl', path: 'create secret tls', positionals: 1, allOf: ['--cert', '--key'], needs: 'a name, --cert and --key' },
  { program: 'kubectl', path: 'create configmap', positionals: 1, needs: 'a name' },
  { program: 'kubectl', path: 'create namespace', positionals: 1, needs: 'a name' },
];
