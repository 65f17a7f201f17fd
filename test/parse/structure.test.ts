import { describe, expect, it } from 'vitest';
import { commands, manifests, parseFixture } from './helpers.js';
import { parseMarkdown } from '../../src/parse/index.js';

describe('document structure', () => {
  it('should run only the first tab and keep other tabs as skipped steps', () => {
    const steps = commands(parseFixture('tabs.md'));
    expect(steps.map((s) => [s.command, s.skip ?? null, s.line])).toEqual([
      ['kind create cluster', null, 6],
      ['minikube start', 'not the first tab', 11],
      ['kubectl get nodes', null, 21],
    ]);
  });

  it('should recognise commands, output and manifests that lost their fences, keeping defects', () => {
    const lesson = parseFixture('unfenced.md');
    expect(
      lesson.steps.map((s) => (s.kind === 'command' ? [s.id, s.command, s.position, s.host.kind, s.inferred] : [s.id, s.file, s.position, s.inferred])),
    ).toEqual([
      ['s1', 'kubectl apply -f ./run-my-nginx.yaml', { line: 3, column: 3, endLine: 3, endColumn: 39 }, 'local', true],
      ['s2', 'service/my-nginx exposed', { line: 4, column: 3, endLine: 4, endColumn: 27 }, 'local', true],
      ['s3', null, { line: 11, column: 1, endLine: 13, endColumn: 17 }, true],
      ['s4', 'openssl req -x509 -nodes -keyout /d/tmp/nginx.key -out /d/tmp/nginx.crt', { line: 17, column: 1, endLine: 17, endColumn: 72 }, 'local', true],
      ['s5', 'kubectl get pods -o yaml | grep -i podip', { line: 18, column: 1, endLine: 18, endColumn: 41 }, 'local', true],
      ['s6', 'curl -k', { line: 19, column: 8, endLine: 19, endColumn: 15 }, 'node', true],
    ]);
    expect(manifests(lesson)[0]!.content).toBe('apiVersion: apps/v1\nkind: Deployment\n  name: my-nginx');
    const [, exposed, , , , curl] = lesson.steps;
    expect(exposed).toMatchObject({ class: 'other', expected: { form: 'cue', text: 'default-token-t7mbb kubernetes.io/service-account-token 3 56m' } });
    expect(curl).toMatchObject({
      expected: { form: 'transcript', text: '<h1>Welcome to nginx!</h1>', position: { line: 20, column: 1, endLine: 20, endColumn: 27 } },
    });
  });

  it('should not take prose such as "make sure …" for a command', () => {
    const steps = commands(parseFixture('unfenced.md'));
    expect(steps.some((s) => s.command.startsWith('make'))).toBe(false);
  });

  it('should record the section heading and the front matter title', () => {
    const lesson = parseFixture('form-fence.md');
    expect(lesson.title).toBe('Output fence right after the command fence');
    expect(commands(lesson)[0]!.section).toBe('Output fence right after the command fence');
  });
});

describe('links', () => {
  it('keeps the http(s) links of the prose with their lines, not those in code', () => {
    const md = [
      'Get the files from [the example](https://github.com/o/r/tree/main/https-nginx/).',
      '',
      '```shell',
      'curl https://example.com/in-code',
      '```',
      '',
      'See <https://github.com/o/r/blob/main/x/default.conf> and https://kubernetes.io/docs/.',
      'A [relative](/docs/concepts/) link is not kept.',
    ].join('\n');
    const lesson = parseMarkdown(md, { path: 'links.md' });
    expect(lesson.links).toEqual([
      { url: 'https://github.com/o/r/tree/main/https-nginx/', line: 1 },
      { url: 'https://github.com/o/r/blob/main/x/default.conf', line: 7 },
      { url: 'https://kubernetes.io/docs/', line: 7 },
    ]);
  });
});
