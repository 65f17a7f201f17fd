import { describe, expect, test } from 'vitest';
import { readerFile } from '../../src/run/reader-files.js';

const KUBECTL_MISSING = (f: string) => `error: the path "${f}" does not exist\n`;

describe('readerFile', () => {
  test.each<[string, string, string[], string[], string]>([
    ['kubectl apply -f my-budget.yaml', KUBECTL_MISSING('my-budget.yaml'), [], [], 'my-budget.yaml'],
    ['rev input.txt', 'rev: cannot open input.txt: No such file or directory\n', [], [], 'input.txt'],
    ['cat notes/todo.md', "cat: notes/todo.md: No such file or directory\n", ['kubectl get pods'], ['web.yaml'], 'notes/todo.md'],
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
