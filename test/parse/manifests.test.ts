import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/index.js';
import { commands, manifests, parseFixture } from './helpers.js';

describe('manifests', () => {
  const lesson = parseFixture('manifests.md');

  it('should name manifests from the prose before, a leading comment, or a later command', () => {
    expect(manifests(lesson).map((m) => [m.id, m.line, m.file, m.origin])).toEqual([
      ['s1', 5, 'first.yaml', 'inline'],
      ['s2', 12, 'second.yaml', 'inline'],
      ['s3', 22, 'third.yaml', 'inline'],
      ['s6', 34, 'run-my-nginx.yaml', 'example'],
      ['s7', 36, 'thing.json', 'example'],
      ['s8', 39, 'envars.yaml', 'example'],
    ]);
  });

  it('should link commands to the manifests they read', () => {
    expect(commands(lesson).map((c) => [c.id, c.references])).toEqual([
      ['s4', ['s3']],
      ['s5', ['s1']],
      ['s9', ['s8']],
    ]);
  });

  it('should resolve example shortcodes and k8s.io/examples URLs against examplesDir', () => {
    const [, , , run, missing, envars] = manifests(lesson);
    expect(run).toMatchObject({
      examplePath: 'service/networking/run-my-nginx.yaml',
      position: { line: 34, column: 1, endLine: 34, endColumn: 64 },
      language: 'yaml',
    });
    expect(run!.content).toContain('my-nginx');
    expect(envars).toMatchObject({ examplePath: 'pods/inject/envars.yaml', position: { line: 39, column: 18, endLine: 39, endColumn: 65 } });
    expect(envars!.content).toContain('envar-demo');
    expect(missing).toMatchObject({ content: null, language: 'json', examplePath: 'missing/thing.json' });
    expect(lesson.findings).toEqual([
      {
        ruleId: 'example-not-found',
        severity: 'warning',
        line: 36,
        column: 1,
        endLine: 36,
        endColumn: 58,
        message: 'Example file "missing/thing.json" could not be read (not in fixtures/corpus/examples).',
        source: 'kubedoctest',
        expected: 'missing/thing.json',
      },
    ]);
  });

  it('should use the readFile option instead of the file system', () => {
    const src = '{{< codenew file="pods/x.yaml" >}}\n';
    const lesson2 = parseMarkdown(src, { path: 'doc.md', examplesDir: '/ex', readFile: (p) => (p === '/ex/pods/x.yaml' ? 'kind: Pod\n' : undefined) });
    expect(manifests(lesson2)[0]).toMatchObject({ file: 'x.yaml', content: 'kind: Pod\n', origin: 'example' });
  });

  it('should name a block of any language from prose that asks to save it under a file name', () => {
    const src = [
      'Copy the following template into a file called `report.txt.tmpl`:',
      '',
      '```liquid',
      'Name: {{ name }}',
      '```',
      '',
      '```shell',
      'cat report.txt.tmpl',
      '```',
      '',
    ].join('\n');
    const l = parseMarkdown(src, { path: 'doc.md', examplesDir: 'none' });
    expect(l.steps.map((s) => s.kind)).toEqual(['manifest', 'command']);
    expect(manifests(l)[0]).toMatchObject({ file: 'report.txt.tmpl', language: 'text', content: 'Name: {{ name }}' });
    // Without a file name, or without asking to save, such a block is not a file.
    const unnamed = parseMarkdown(src.replace('into a file called `report.txt.tmpl`', 'somewhere'), { path: 'doc.md', examplesDir: 'none' });
    expect(manifests(unnamed)).toEqual([]);
    const shown = parseMarkdown(src.replace('Copy the following template into', 'Here is what goes into'), { path: 'doc.md', examplesDir: 'none' });
    expect(manifests(shown)).toEqual([]);
  });

  it('should treat a yaml fence after an output cue as output, not a manifest', () => {
    const src = ['```shell', 'kubectl get cm x -o yaml', '```', '', 'The output is similar to:', '', '```yaml', 'kind: ConfigMap', '```', ''].join('\n');
    const l = parseMarkdown(src, { path: 'doc.md', examplesDir: 'none' });
    expect(l.steps.map((s) => s.kind)).toEqual(['command']);
    expect(commands(l)[0]!.expected?.text).toBe('kind: ConfigMap');
  });
  it('should take a nearer unnamed manifest of the same object as the new content of the file applied again', () => {
    const cm = (value: string, name = 'settings') => [
      '```yaml',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      `  name: ${name}`,
      'data:',
      `  mode: ${value}`,
      '```',
      '',
    ];
    const apply = ['```shell', 'kubectl apply -f ./settings.yaml', '```', ''];
    const src = [
      ...cm('one'),
      ...apply,
      'An unrelated object, for illustration:',
      '',
      ...cm('x', 'other'),
      'Change the mode:',
      '',
      ...cm('two'),
      ...apply,
    ].join('\n');
    const l = parseMarkdown(src, { path: 'doc.md', examplesDir: 'none' });
    const m = manifests(l);
    expect(m.map((x) => [x.line, x.file])).toEqual([
      [1, 'settings.yaml'],
      [16, null],
      [27, 'settings.yaml'],
    ]);
    expect(commands(l).map((c) => c.references)).toEqual([[m[0]!.id], [m[2]!.id]]);
  });

  it('should keep the named file when the nearer unnamed manifest is another object', () => {
    const src = [
      '```yaml',
      'kind: ConfigMap',
      'metadata:',
      '  name: a',
      '```',
      '',
      '```shell',
      'kubectl apply -f a.yaml',
      '```',
      '',
      'For example:',
      '',
      '```yaml',
      'kind: Secret',
      'metadata:',
      '  name: a',
      '```',
      '',
      '```shell',
      'kubectl apply -f a.yaml',
      '```',
      '',
    ].join('\n');
    const l = parseMarkdown(src, { path: 'doc.md', examplesDir: 'none' });
    const m = manifests(l);
    expect(m.map((x) => x.file)).toEqual(['a.yaml', null]);
    expect(commands(l).map((c) => c.references)).toEqual([[m[0]!.id], [m[0]!.id]]);
  });
});

describe('a yaml-tagged fence that is a shell script', () => {
  const parseSteps = (src: string) => parseMarkdown(src, { path: 'p.md', examplesDir: 'none' }).steps;

  it('should read heredocs writing files as commands, not as a manifest', () => {
    const steps = parseSteps(
      [
        '```yaml',
        '# Write the files',
        'cat <<EOF >app.properties',
        'A=1',
        'EOF',
        '',
        "cat <<'EOF' > kustomization.yaml",
        'resources:',
        '- web.yaml',
        'EOF',
        '```',
        '',
      ].join('\n'),
    );
    expect(steps.map((s) => [s.kind, s.kind === 'command' ? s.command : null])).toEqual([
      ['command', 'cat <<EOF >app.properties\nA=1\nEOF'],
      ['command', "cat <<'EOF' > kustomization.yaml\nresources:\n- web.yaml\nEOF"],
    ]);
  });

  it('should keep a manifest whose text merely mentions cat', () => {
    const steps = parseSteps(
      ['```yaml', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: cat', 'data:', '  cmd: cat <<EOF >x', '```', ''].join('\n'),
    );
    expect(steps.map((s) => s.kind)).toEqual(['manifest']);
  });
});

describe('a manifest named by the prose without an extension', () => {
  const parse = (prose: string) =>
    manifests(
      parseMarkdown([prose, '', '```yaml', 'apiVersion: v1', 'kind: Config', 'contexts: []', '```', ''].join('\n'), {
        path: 'doc.md',
        readFile: () => undefined,
      }),
    );

  it('is saved under that name when the prose asks to create it (a kubeconfig file)', () => {
    expect(parse('In that directory, create a file named `config-demo` with this content:').map((m) => m.file)).toEqual(['config-demo']);
  });

  it('stays unnamed when the prose only mentions a file', () => {
    expect(parse('You probably have a file named `config` in that directory. It looks like this:').map((m) => m.file)).toEqual([null]);
  });
});
