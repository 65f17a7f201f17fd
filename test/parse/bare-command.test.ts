import { describe, expect, it } from 'vitest';
import { isBareCommand } from '../../src/parse/infer.js';

describe('a bare kubectl line in prose: its subcommand, as the command model reads it', () => {
  it.each<[string, boolean]>([
    ['kubectl get pods', true],
    ['sudo kubectl get pods', true],
    ['KUBECONFIG=admin.conf kubectl apply -f x.yaml', true],
    ['kubectl get pods > out.txt', true],
    // A word that is no subcommand of the table, or an option first, is prose as before.
    ['kubectl is the command-line tool', false],
    ['kubectl -n x get pods', false],
    ['echo kubectl get', false],
    // The old word split kept the shell's operators and quotes on the word (`get|grep`, `get;`, `"get"`).
    ['kubectl get pods|grep web', true],
    ['kubectl get|grep web', true],
    ['kubectl version;', true],
    ['kubectl "get" pods', true],
  ])('%s → %s', (line, command) => {
    expect(isBareCommand(line)).toBe(command);
  });
});
