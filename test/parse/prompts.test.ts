import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/index.js';
import { commands } from './helpers.js';

const parse = (src: string) => commands(parseMarkdown(src, { path: 'p.md', examplesDir: 'none' }));

describe('prompts and comments', () => {
  it('should read `# ` as a root prompt in console fences when a program follows', () => {
    const steps = parse(['```console', '# kubectl get nodes', 'NAME     STATUS', 'node-1   Ready', '```', ''].join('\n'));
    expect(steps.map((s) => [s.command, s.position, s.expected?.text, s.expected?.form])).toEqual([
      ['kubectl get nodes', { line: 2, column: 3, endLine: 2, endColumn: 20 }, 'NAME     STATUS\nnode-1   Ready', 'transcript'],
    ]);
  });

  it('should read `# ` as a comment in shell fences', () => {
    const steps = parse(['```shell', '# kubectl get nodes', '# Create a key pair', 'openssl genrsa -out k.pem 2048', '```', ''].join('\n'));
    expect(steps.map((s) => s.command)).toEqual(['openssl genrsa -out k.pem 2048']);
  });

  it('should read `> kubectl` as a prompt in shell fences, the lines after it as its output', () => {
    const steps = parse(['```shell', '> kubectl apply -k ./', 'deployment.apps/web created', '```', ''].join('\n'));
    expect(steps.map((s) => [s.command, s.expected?.text])).toEqual([['kubectl apply -k ./', 'deployment.apps/web created']]);
  });

  it('should keep a `>` redirection that is not followed by kubectl in shell fences', () => {
    const steps = parse(['```shell', '> out.txt echo hi', '```', ''].join('\n'));
    expect(steps.map((s) => s.command)).toEqual(['> out.txt echo hi']);
  });

  it('should join `> ` continuation lines of a prompted command', () => {
    const steps = parse(['```console', '$ kubectl create configmap x \\', '>   --from-literal=a=b', 'configmap/x created', '```', ''].join('\n'));
    expect(steps.map((s) => [s.command, s.position, s.expected?.text])).toEqual([
      ['kubectl create configmap x \\\n  --from-literal=a=b', { line: 2, column: 3, endLine: 3, endColumn: 23 }, 'configmap/x created'],
    ]);
  });

  it('should drop the `> ` bash shows on continued lines of a command pasted without its `$`', () => {
    const steps = parse(['```shell', "curl -X POST 'localhost:8001/x' \\", "> -d '{}' \\", '> -H "Content-Type: application/json"', '```', ''].join('\n'));
    expect(steps.map((s) => [s.command, s.position])).toEqual([
      ["curl -X POST 'localhost:8001/x' \\\n-d '{}' \\\n-H \"Content-Type: application/json\"", { line: 2, column: 1, endLine: 4, endColumn: 38 }],
    ]);
  });

  it('should keep a redirect on a continued line of its own, and heredoc lines', () => {
    const redirect = parse(['```shell', 'kubectl get pods -o yaml \\', '> pods.yaml', '```', ''].join('\n'));
    expect(redirect.map((s) => s.command)).toEqual(['kubectl get pods -o yaml \\\n> pods.yaml']);
    const heredoc = parse(['```shell', 'cat <<EOF > notes.md', '> -d quoted', '> -e quoted', 'EOF', '```', ''].join('\n'));
    expect(heredoc[0]!.command).toBe('cat <<EOF > notes.md\n> -d quoted\n> -e quoted\nEOF');
  });

  it('should take `user@laptop:~$` as the local machine and a `$` fence without a tag as commands', () => {
    const steps = parse(['```', 'user@computer:~/website$ kubectl version --client', 'Client Version: v1.31.0', '```', ''].join('\n'));
    expect(steps.map((s) => [s.command, s.host, s.expected?.text])).toEqual([
      ['kubectl version --client', { kind: 'local', source: { by: 'prompt', text: 'user@computer:~/website$' } }, 'Client Version: v1.31.0'],
    ]);
  });

  it('should keep a heredoc body in the command even when its lines look like output', () => {
    const steps = parse(['```shell', "cat <<'EOF' > ns.yaml", 'apiVersion: v1', 'kind: Namespace', 'EOF', 'kubectl apply -f ns.yaml', '```', ''].join('\n'));
    expect(steps.map((s) => [s.command, s.expected])).toEqual([
      ["cat <<'EOF' > ns.yaml\napiVersion: v1\nkind: Namespace\nEOF", null],
      ['kubectl apply -f ns.yaml', null],
    ]);
  });
});

describe('commands typed in a pod shell without a prompt', () => {
  it('takes the commands after "# Run this in the shell inside the container" as the pod shell\'s', () => {
    const md = [
      '```shell',
      'kubectl exec -i -t secret-test-pod -- /bin/bash',
      '```',
      '',
      '```shell',
      '# Run this in the shell inside the container',
      'cd /etc/secret-volume',
      'ls',
      '```',
      '',
      '```shell',
      'kubectl get pods',
      '```',
    ].join('\n');
    const steps = parseMarkdown(md, { path: 'x.md' }).steps.filter((s) => s.kind === 'command');
    expect(steps.map((s) => [s.command, s.host.kind])).toEqual([
      ['kubectl exec -i -t secret-test-pod -- /bin/bash', 'local'],
      ['cd /etc/secret-volume', 'pod'],
      ['ls', 'pod'],
      ['kubectl get pods', 'local'],
    ]);
  });

  it('takes them for a pod (no name) even when no earlier step opened a pod shell: never the host', () => {
    const md = ['```shell', '# Run this in the shell inside the container', 'ls', '```'].join('\n');
    const steps = parseMarkdown(md, { path: 'x.md' }).steps.filter((s) => s.kind === 'command');
    expect(steps.map((s) => s.host)).toEqual([{ kind: 'pod', source: { by: 'cue', line: 2, text: 'Run this in the shell inside the container' } }]);
  });
});
