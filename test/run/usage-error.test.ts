/** kubectl's client-side refusals: each shape of kubectl 1.32's wording, and the lines that are not one. */
import { describe, expect, it } from 'vitest';
import { kubectlUsageError } from '../../src/run/usage-error.js';

describe('kubectlUsageError', () => {
  it.each([
    ['kubectl drain n --delete-local-data', "error: unknown flag: --delete-local-data\nSee 'kubectl drain --help' for usage.", 'unknown-flag'],
    ['kubectl version --short', 'Error: unknown flag: --short', 'unknown-flag'],
    ['kubectl get pods -Q', "error: unknown shorthand flag: 'Q' in -Q", 'unknown-shorthand'],
    ['kubectl foo', 'error: unknown command "foo" for "kubectl"', 'unknown-command'],
    [
      'kubectl exec zk-0 ls /',
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples",
      'exec-form',
    ],
    ['kubectl get pods -n', "error: flag needs an argument: 'n' in -n", 'flag-needs-argument'],
    ['kubectl apply -f a.yaml -k dir', 'error: only one of -f or -k can be specified', 'only-one-of'],
    ['kubectl create secret generic', "error: exactly one NAME is required, got 0\nSee 'kubectl create secret generic -h' for help and examples", 'usage'],
  ])('%s → %s', (command, output, id) => {
    expect(kubectlUsageError(command, output)?.id).toBe(id);
  });

  it('does not charge the page a refusal an empty expansion may cause', () => {
    expect(kubectlUsageError('kubectl get pods -n $NS', "error: flag needs an argument: 'n' in -n")).toBeUndefined();
    expect(
      kubectlUsageError(
        'kubectl delete pod $(kubectl get pods -o name)',
        "error: exactly one NAME is required, got 0\nSee 'kubectl delete -h' for help and examples",
      ),
    ).toBeUndefined();
    // An unknown flag is the page's whatever the expansion gives.
    expect(kubectlUsageError('kubectl drain $(kubectl get pod zk-0 -o name) --delete-local-data', 'error: unknown flag: --delete-local-data')?.id).toBe(
      'unknown-flag',
    );
  });

  it('finds nothing in a server error or another program’s output', () => {
    expect(kubectlUsageError('kubectl get pod x', 'Error from server (NotFound): pods "x" not found')).toBeUndefined();
    expect(kubectlUsageError('grep -Q x f', 'grep: invalid option -- Q')).toBeUndefined();
    expect(kubectlUsageError('cp -Z a b', 'error: unknown flag: --z')).toBeUndefined();
  });
});
