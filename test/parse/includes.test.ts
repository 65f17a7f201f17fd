import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLesson } from '../../src/parse/load-lesson.js';
import { resolveExamplesDir } from '../../src/parse/examples.js';
import { parseMarkdown } from '../../src/parse/index.js';
import type { ManifestStep } from '../../src/plan/types.js';

/** Parses with an in-memory file system: a read succeeds when the path ends with one of the keys. */
function parseWith(md: string, files: Record<string, string>) {
  const readFile = (p: string): string | undefined => {
    const key = Object.keys(files).find((k) => p.replace(/\\/g, '/').endsWith(k));
    return key === undefined ? undefined : files[key];
  };
  return parseMarkdown(md, { path: 'site/content/en/docs/page.md', readFile });
}
const manifests = (steps: ReturnType<typeof parseWith>['steps']) => steps.filter((s): s is ManifestStep => s.kind === 'manifest');

describe('includes', () => {
  it('should resolve `{{< param "githubbranch" >}}` inside a link so the link names the file', () => {
    const md = [
      'See the [Makefile](https://github.com/kubernetes/examples/tree/{{< param "githubbranch" >}}/staging/https-nginx/Makefile)',
      'and [the site](https://github.com/kubernetes/website/blob/{{< param "githubbranch" >}}/README.md).',
      '',
    ].join('\n');
    expect(parseWith(md, {}).links?.map((l) => l.url)).toEqual([
      'https://github.com/kubernetes/examples/tree/master/staging/https-nginx/Makefile',
      'https://github.com/kubernetes/website/blob/main/README.md',
    ]);
  });

  it('should read a `{{< codeFromInline >}}` block as a fenced block at its own lines', () => {
    const md = [
      'Create a config:',
      '',
      '{{< codeFromInline lang="yaml" >}}',
      'kind: Cluster',
      'apiVersion: kind.x-k8s.io/v1alpha4',
      '{{< /codeFromInline >}}',
      '',
      '```shell',
      'kubectl apply -f config.yaml',
      '```',
      '',
    ].join('\n');
    const lesson = parseWith(md, {});
    expect(manifests(lesson.steps).map((m) => [m.line, m.content, m.file])).toEqual([[3, 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4', 'config.yaml']]);
  });

  it('should read a `code_sample` file given with a leading slash as relative to the examples folder', () => {
    const md = '{{% code_sample file="/controllers/sample-job.yaml" %}}\n';
    const lesson = parseWith(md, { 'controllers/sample-job.yaml': 'kind: Job\n' });
    expect(manifests(lesson.steps).map((m) => [m.file, m.examplePath, m.content])).toEqual([['sample-job.yaml', 'controllers/sample-job.yaml', 'kind: Job\n']]);
  });

  it('should read `{{% readFile %}}` and `{{< codeFromFile file= >}}` includes relative to the site', () => {
    const md = ['{{< codeFromFile file="static/examples/config-with-mounts.yaml" >}}', '', '{{% readFile "static/examples/other.yaml" %}}', ''].join('\n');
    const lesson = parseWith(md, { 'site/static/examples/config-with-mounts.yaml': 'kind: Cluster\n', 'site/static/examples/other.yaml': 'kind: Pod\n' });
    expect(manifests(lesson.steps).map((m) => [m.file, m.content, m.origin])).toEqual([
      ['config-with-mounts.yaml', 'kind: Cluster\n', 'example'],
      ['other.yaml', 'kind: Pod\n', 'example'],
    ]);
    expect(lesson.findings).toEqual([]);
  });

  it('should read a Jekyll `{% include code.html %}` from the page folder or its ghlink', () => {
    const md = '{% include code.html language="yaml" file="redis-master.yaml" ghlink="/docs/tutorials/redis-master.yaml" %}\n';
    const lesson = parseWith(md, { 'site/content/en/docs/redis-master.yaml': 'kind: Deployment\n' });
    expect(manifests(lesson.steps).map((m) => [m.file, m.content])).toEqual([['redis-master.yaml', 'kind: Deployment\n']]);
  });

  it("should tie a command's website address of a Jekyll-included file to that file", () => {
    const md = [
      '{% include code.html language="yaml" file="commands.yaml" ghlink="/docs/tasks/configure-pod-container/commands.yaml" %}',
      '',
      '    kubectl create -f http://k8s.io/docs/tasks/configure-pod-container/commands.yaml',
      '',
      '    kubectl create -f https://k8s.io/docs/tasks/other-folder/commands.yaml',
      '',
      '    kubectl create -f https://k8s.io/docs/tasks/configure-pod-container/not-shown.yaml',
      '',
    ].join('\n');
    const lesson = parseWith(md, {
      'site/content/en/docs/commands.yaml': 'kind: Pod\n',
      'docs/tasks/configure-pod-container/not-shown.yaml': 'kind: Service\n',
    });
    const [shown, copy] = manifests(lesson.steps);
    expect(shown).toMatchObject({ file: 'commands.yaml', examplePath: 'commands.yaml', sitePaths: ['docs/tasks/configure-pod-container/commands.yaml'] });
    // Not shown, but a copy at the address's path is at hand (the examples folder, the site checkout).
    expect(copy).toMatchObject({ file: 'not-shown.yaml', examplePath: 'docs/tasks/configure-pod-container/not-shown.yaml', content: 'kind: Service\n' });
    const commands = lesson.steps.filter((s) => s.kind === 'command');
    // Another folder's file of the included name is another file.
    expect(commands.map((c) => (c.kind === 'command' ? c.references : undefined))).toEqual([[shown!.id], undefined, [copy!.id]]);
  });

  it('should report an include it cannot read', () => {
    const lesson = parseWith('{{% readFile "static/missing.yaml" %}}\n', {});
    expect(lesson.findings.map((f) => f.ruleId)).toEqual(['example-not-found']);
  });

  it('should find the examples folder of the fixtures layout without --examples-dir', async () => {
    const page = 'fixtures/run/connect-applications/corrected-k8s-1.32.md';
    expect(resolveExamplesDir(page, undefined)).toBe(resolve('fixtures/corpus/examples'));
    const lesson = await loadLesson(page);
    const examples = manifests(lesson.steps).filter((m) => m.origin === 'example');
    expect(examples.length).toBeGreaterThan(0);
    expect(examples.filter((m) => m.content === null).map((m) => m.examplePath)).toEqual([]);
    expect(lesson.findings.filter((f) => f.ruleId === 'example-not-found')).toEqual([]);
  });
});

describe('the `skew` shortcode of kubernetes/website', () => {
  it('is the checked version in a command, and an unknown name stays as written', () => {
    const md = [
      '```shell',
      'kubectl label --overwrite ns demo pod-security.kubernetes.io/enforce-version=v{{< skew latestVersion >}}',
      'echo {{< skew someFutureName >}}',
      '```',
      '',
    ].join('\n');
    const steps = parseMarkdown(md, { path: 'doc.md', readFile: () => undefined }).steps.filter((s) => s.kind === 'command');
    expect(steps.map((s) => (s.kind === 'command' ? s.command : ''))).toEqual([
      'kubectl label --overwrite ns demo pod-security.kubernetes.io/enforce-version=v1.32',
      'echo {{< skew someFutureName >}}',
    ]);
  });
});
