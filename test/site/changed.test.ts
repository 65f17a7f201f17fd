import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { changedFiles, selectChanged } from '../../src/site/changed.js';
import { runCli } from '../helpers/cli.js';
import { buildIfStale, echoPage, git, initRepo, makeSite, writeFiles } from './site-fixture.js';

const CM = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  k: v\n`;

/** A small site: pages including examples in each way the website does, and one including nothing. */
function site(): string {
  const dir = makeSite({
    'content/en/examples/pods/a.yaml': CM('a'),
    'content/en/examples/pods/b.yaml': CM('b'),
    'content/en/docs/snippets/c.sh': 'echo c\n',
    'content/en/docs/sample.md': echoPage('Sample', 'hi', 'hi', '{{% code_sample file="pods/a.yaml" %}}\n\n'),
    'content/en/docs/codenew.md': echoPage('Codenew', 'hey', 'hey', '{{< codenew file="pods/a.yaml" >}}\n\n'),
    'content/en/docs/url.md': '# Url\n\n```shell\nkubectl apply -f https://k8s.io/examples/pods/b.yaml\n```\n',
    'content/en/docs/readfile.md': '# Readfile\n\n{{< readfile file="snippets/c.sh" code="true" lang="shell" >}}\n\n```shell\necho x\n```\n',
    'content/en/docs/plain.md': echoPage('Plain', 'plain'),
  });
  initRepo(dir);
  git(dir, 'checkout', '-q', '-b', 'pr');
  return dir;
}

const pages = (dir: string) => ['codenew', 'plain', 'readfile', 'sample', 'url'].map((p) => join(dir, `content/en/docs/${p}.md`));

describe('check --changed: pages changed since a ref, or including a changed file', () => {
  it('a committed change to one example selects exactly the pages that include it, with reasons', async () => {
    const dir = site();
    writeFiles(dir, { 'content/en/examples/pods/a.yaml': CM('a2') });
    git(dir, 'commit', '-q', '-am', 'change a');
    const { root, files } = await changedFiles('main', dir);
    expect([...files]).toEqual([join(root, 'content/en/examples/pods/a.yaml')]);
    const selected = await selectChanged(pages(dir), files, root);
    expect(selected.map((s) => s.path)).toEqual([join(dir, 'content/en/docs/codenew.md'), join(dir, 'content/en/docs/sample.md')]);
    expect(selected[0]!.reasons).toEqual(['includes content/en/examples/pods/a.yaml (example shortcode, line 3)']);
  });

  it('k8s.io/examples URLs, readfile includes, edited and untracked pages are found too; commits on the base after the branch are not', async () => {
    const dir = site();
    // A commit on main after the branch point must not count as a change of the pull request.
    git(dir, 'checkout', '-q', 'main');
    writeFiles(dir, { 'content/en/docs/plain.md': echoPage('Plain', 'changed on main') });
    git(dir, 'commit', '-q', '-am', 'main moves on');
    git(dir, 'checkout', '-q', 'pr');
    writeFiles(dir, {
      'content/en/examples/pods/b.yaml': CM('b2'), // uncommitted
      'content/en/docs/snippets/c.sh': 'echo c2\n',
      'content/en/docs/new.md': echoPage('New', 'new'), // untracked
    });
    const { root, files } = await changedFiles('main', dir);
    const selected = await selectChanged([...pages(dir), join(dir, 'content/en/docs/new.md')], files, root);
    expect(Object.fromEntries(selected.map((s) => [s.path.slice(dir.length + 1), s.reasons]))).toEqual({
      'content/en/docs/readfile.md': ['includes content/en/docs/snippets/c.sh (readfile shortcode, line 3)'],
      'content/en/docs/url.md': ['includes content/en/examples/pods/b.yaml (k8s.io/examples URL, line 4)'],
      'content/en/docs/new.md': ['changed'],
    });
  });

  it('works from a symlinked checkout (git reports the real path; pages keep the link)', async () => {
    const dir = site();
    const link = join(makeSite({}), 'link');
    symlinkSync(dir, link);
    writeFiles(dir, { 'content/en/examples/pods/a.yaml': CM('a4') });
    const { root, files } = await changedFiles('main', link);
    expect(root).toBe(link);
    expect((await selectChanged(pages(link), files, root)).map((s) => s.path)).toEqual([
      join(link, 'content/en/docs/codenew.md'),
      join(link, 'content/en/docs/sample.md'),
    ]);
  });

  it('an unknown ref is a tool error (ERR_GIT)', async () => {
    const dir = site();
    await expect(changedFiles('no-such-ref', dir)).rejects.toMatchObject({ code: 'ERR_GIT' });
  });

  describe('through the CLI', () => {
    beforeAll(async () => {
      await buildIfStale();
    }, 120_000);

    it('runs only the selected pages and says why; nothing changed runs nothing and exits 0', async () => {
      const dir = site();
      const none = await runCli(['check', 'content/en/docs', '--changed', 'main', '--format', 'json', '-o', 'none.json'], { cwd: dir });
      expect(none.code).toBe(0);
      expect(none.stderr).toContain('--changed main: 0 of 5 pages selected');
      expect(JSON.parse(readFileSync(join(dir, 'none.json'), 'utf8')).files).toEqual([]);

      writeFiles(dir, { 'content/en/examples/pods/a.yaml': CM('a3') });
      const r = await runCli(['check', 'content/en/docs', '--changed', 'main', '--format', 'json', '-o', 'r.json'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('--changed main: 2 of 5 pages selected');
      expect(r.stderr).toContain('content/en/docs/sample.md: includes content/en/examples/pods/a.yaml (example shortcode, line 3)');
      const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
      expect(report.files.map((f: { path: string }) => f.path)).toEqual(['content/en/docs/codenew.md', 'content/en/docs/sample.md']);
      expect(report.summary).toMatchObject({ passed: 2, failed: 0 });
    }, 120_000);
  });
});
