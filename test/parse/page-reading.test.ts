import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/index.js';
import { commands, manifests } from './helpers.js';

const lesson = (src: string[]) => parseMarkdown(src.join('\n'), { path: 'p.md', examplesDir: 'none' });

describe('a fence indented past a list item', () => {
  // `1. ` puts the item's content at column 4; a fence at 7 spaces is 4 beyond it, which CommonMark
  // reads as an indented code block showing the fence lines. The reader still sees code.
  const src = [
    '# Demo',
    '',
    '1. Create a deployment:',
    '',
    '       ```shell',
    '       kubectl create deployment web --image=nginx',
    '       ```',
    '',
    '1. List the deployments:',
    '',
    '       ```',
    '       kubectl get deployments',
    '       ```',
    '',
    '   The output is similar to this:',
    '',
    '       ```',
    '       NAME   READY   UP-TO-DATE   AVAILABLE   AGE',
    '       web    1/1     1            1           10s',
    '       ```',
    '',
  ];

  it('should read the lines between the fences as the block, in the fence language', () => {
    const l = lesson(src);
    expect(commands(l).map((s) => [s.command, s.line])).toEqual([
      ['kubectl create deployment web --image=nginx', 6],
      ['kubectl get deployments', 12],
    ]);
    const get = commands(l)[1]!;
    expect(get.expected?.text).toBe('NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    1/1     1            1           10s');
    expect(get.expected?.position.line).toBe(18);
    expect(l.findings.filter((f) => f.ruleId === 'unterminated-fence' || f.ruleId === 'unpaired-output')).toEqual([]);
  });

  it('should read each of several fences in one indented block, and text outside them as its own block', () => {
    const l = lesson([
      '1. Apply and check:',
      '',
      '       ```yaml',
      '       apiVersion: v1',
      '       kind: ConfigMap',
      '       metadata:',
      '         name: demo',
      '       ```',
      '',
      '       ```shell',
      '       kubectl get configmap demo',
      '       ```',
      '',
    ]);
    expect(manifests(l).map((m) => [m.line, m.content?.trim().split('\n')[0]])).toEqual([[3, 'apiVersion: v1']]);
    expect(commands(l).map((s) => [s.command, s.line])).toEqual([['kubectl get configmap demo', 11]]);
  });

  it('should leave an indented block with no fence line as it was', () => {
    const l = lesson(['1. Run:', '', '       kubectl get pods', '']);
    expect(commands(l).map((s) => s.command)).toEqual(['kubectl get pods']);
  });

  it('should not read fence lines shown in an indented block outside any list', () => {
    const l = lesson(['Markdown shows code like this:', '', '    ```shell', '    kubectl get pods', '    ```', '']);
    expect(commands(l).map((s) => s.command)).toEqual([]);
  });
});

describe('a yaml fence whose first line is a shell command', () => {
  it('should read a heredoc into kubectl as a command, with the output lines after it', () => {
    const l = lesson([
      'Now create one more:',
      '',
      '```yaml',
      'kubectl create -f /dev/stdin <<EOF',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: demo',
      'EOF',
      'configmap/demo created',
      '```',
      '',
    ]);
    expect(manifests(l)).toEqual([]);
    const [step] = commands(l);
    expect(step?.command).toBe('kubectl create -f /dev/stdin <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\nEOF');
    expect(step?.expected?.text).toBe('configmap/demo created');
  });

  it('should read a pipe into kubectl as a command', () => {
    const l = lesson([
      'Apply it:',
      '',
      '```yml',
      'cat <<EOF | kubectl apply -f -',
      'kind: Namespace',
      'apiVersion: v1',
      'metadata:',
      '  name: ns1',
      'EOF',
      '```',
      '',
    ]);
    expect(manifests(l)).toEqual([]);
    expect(commands(l).map((s) => s.command.split('\n')[0])).toEqual(['cat <<EOF | kubectl apply -f -']);
  });

  it('should keep a manifest a manifest, whatever its fields name', () => {
    const l = lesson([
      'Save this as `job.yaml`:',
      '',
      '```yaml',
      '# kubectl apply -f job.yaml',
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata:',
      '  name: pi',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - name: pi',
      '        command: ["kubectl", "get", "pods"]',
      '```',
      '',
    ]);
    expect(commands(l)).toEqual([]);
    expect(manifests(l).map((m) => m.file)).toEqual(['job.yaml']);
  });
});
