import { describe, expect, test } from 'vitest';
import { readerFile, readerFileObjects } from '../../src/run/reader-files.js';

const KUBECTL_MISSING = (f: string) => `error: the path "${f}" does not exist\n`;

describe('readerFile', () => {
  test.each<[string, string, string[], string[], string]>([
    ['kubectl apply -f my-budget.yaml', KUBECTL_MISSING('my-budget.yaml'), [], [], 'my-budget.yaml'],
    ['rev input.txt', 'rev: cannot open input.txt: No such file or directory\n', [], [], 'input.txt'],
    ['cat notes/todo.md', 'cat: notes/todo.md: No such file or directory\n', ['kubectl get pods'], ['web.yaml'], 'notes/todo.md'],
    [
      'kubectl create configmap game --from-file=game.properties',
      'error: error reading game.properties: no such file or directory\n',
      [],
      [],
      'game.properties',
    ],
  ])('%s → %s is the reader’s', (command, output, earlier, shown, file) => {
    expect(readerFile(command, output, earlier, shown)).toBe(file);
  });

  test.each<[string, string, string[], string[], string]>([
    ['kubectl apply -f web.yaml', KUBECTL_MISSING('web.yaml'), [], ['web.yaml'], 'the page shows the file'],
    ['kubectl apply -f web.yaml', KUBECTL_MISSING('web.yaml'), [], ['application/web.yaml'], 'the page shows it from the examples folder'],
    ['kubectl apply -f web.yaml', KUBECTL_MISSING('web.yaml'), ['curl -LO https://example.com/web.yaml'], [], 'an earlier step downloads it'],
    ['kubectl apply -f web.yaml', KUBECTL_MISSING('web.yaml'), ['cat <<EOF > web.yaml'], [], 'an earlier step writes it'],
    ['cat /etc/app.conf', 'cat: /etc/app.conf: No such file or directory\n', [], [], 'a system file'],
    ['kubectl apply -f web.yaml', 'Error from server (NotFound): namespaces "x" not found\n', [], [], 'another error'],
    ['kubectl exec web -- cat data.txt', 'cat: data.txt: No such file or directory\n', [], [], 'a file in the container'],
    ['kubectl exec web -- cat data.txt', 'cat: other.txt: No such file or directory\n', [], [], 'not the file the command names'],
  ])('%s → not the reader’s (%s)', (command, output, earlier, shown) => {
    expect(readerFile(command, output, earlier, shown)).toBeUndefined();
  });
});

describe('readerFileObjects: what a reader’s file would create', () => {
  const budget = {
    file: 'budget-min.yaml',
    examplePath: 'policy/budget-min.yaml',
    content: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web-budget\nspec:\n  minAvailable: 2\n',
  };
  const other = {
    file: null,
    content: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: front\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: front-config\n',
  };
  const applied = { file: 'app.yaml', content: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n' };

  test('the objects its doc output announces', () => {
    expect([...readerFileObjects('kubectl apply -f mine.yaml', new Set(['web-budget']), [other], [])]).toEqual(['web-budget']);
  });

  test('else those of the manifests the page shows and no earlier step applied', () => {
    expect([...readerFileObjects('kubectl apply -f mine.yaml', new Set(), [budget, other, applied], ['kubectl apply -f app.yaml'])].sort()).toEqual([
      'front',
      'front-config',
      'web-budget',
    ]);
  });

  test('nothing for a command that does not create from the file', () => {
    expect(readerFileObjects('rev input.txt', new Set(), [budget], []).size).toBe(0);
    expect(readerFileObjects('kubectl delete -f mine.yaml', new Set(), [budget], []).size).toBe(0);
  });
});
