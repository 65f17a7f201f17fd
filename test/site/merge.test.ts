import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { buildIfStale, echoPage, makeSite } from './site-fixture.js';

interface JsonReport {
  files: Array<{ path: string; steps: Array<{ id: string; line: number; status: string; command: string }> }>;
  summary: Record<string, number>;
}

/** What must agree between a single run and merged shards: pages, steps and statuses, counts. */
const shape = (r: JsonReport) => ({
  files: r.files.map((f) => ({ path: f.path, steps: f.steps.map((s) => [s.id, s.line, s.command, s.status]) })),
  summary: r.summary,
});

describe('--shard and kubedoctest merge through the CLI', () => {
  beforeAll(buildIfStale, 180_000);

  it('shards cover every page once; merged shard reports equal a single run', async () => {
    const dir = makeSite({
      'docs/a.md': echoPage('A', 'alpha'),
      'docs/b.md': echoPage('B', 'beta', 'not beta'),
      'docs/c.md': echoPage('C', 'one') + '\n```shell\necho two\n```\n\n```\ntwo\n```\n',
    });
    const read = (f: string) => readFileSync(join(dir, f), 'utf8');
    const whole = await runCli(['check', 'docs', '--format', 'json', '-o', 'whole.json'], { cwd: dir });
    expect(whole.code).toBe(1);
    const s1 = await runCli(['check', 'docs', '--shard', '1/2', '--format', 'json', '-o', 's1.json'], { cwd: dir });
    const s2 = await runCli(['check', 'docs', '--shard', '2/2', '--format', 'json', '-o', 's2.json'], { cwd: dir });
    const paths = (f: string) => (JSON.parse(read(f)) as JsonReport).files.map((x) => x.path);
    expect([...paths('s1.json'), ...paths('s2.json')].sort()).toEqual(['docs/a.md', 'docs/b.md', 'docs/c.md']);
    expect(paths('s1.json').filter((p) => paths('s2.json').includes(p))).toEqual([]);
    expect([s1.code, s2.code].sort()).toEqual([0, 1]);

    const merged = await runCli(['merge', 's2.json', 's1.json', '-o', 'merged.json'], { cwd: dir });
    expect(merged.code).toBe(1);
    expect(shape(JSON.parse(read('merged.json')))).toEqual(shape(JSON.parse(read('whole.json'))));

    // Every format of the merged run says what one run would.
    await runCli(['check', 'docs', '--format', 'junit', '-o', 'whole.xml'], { cwd: dir });
    await runCli(['merge', 's1.json', 's2.json', '--format', 'junit', '-o', 'merged.xml'], { cwd: dir });
    const scrub = (xml: string) => xml.replace(/time="[^"]*"/g, 'time=""');
    expect(scrub(read('merged.xml'))).toEqual(scrub(read('whole.xml')));
    await runCli(['check', 'docs', '--format', 'sarif', '-o', 'whole.sarif'], { cwd: dir });
    await runCli(['merge', 's1.json', 's2.json', '--format', 'sarif', '-o', 'merged.sarif'], { cwd: dir });
    expect(JSON.parse(read('merged.sarif'))).toEqual(JSON.parse(read('whole.sarif')));
    expect((await runCli(['merge', 's1.json', 's2.json', '--format', 'html', '-o', 'merged.html'], { cwd: dir })).code).toBe(1);
    const html = read('merged.html');
    for (const p of ['docs/a.md', 'docs/b.md', 'docs/c.md']) expect(html).toContain(p);
    expect(html).toContain('3 passed, 1 failed, 0 skipped');
  }, 240_000);

  it('a page in two reports, or a file that is not a report, is a tool error', async () => {
    const dir = makeSite({ 'docs/a.md': echoPage('A', 'alpha'), 'bad.json': '{"version": 1}' });
    await runCli(['check', 'docs/a.md', '--format', 'json', '-o', 'a.json'], { cwd: dir });
    const twice = await runCli(['merge', 'a.json', 'a.json'], { cwd: dir });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('ERR_INVALID_REPORT: docs/a.md is in both a.json and a.json');
    const bad = await runCli(['merge', 'bad.json'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.json is not a kubedoctest JSON report');
  }, 60_000);
});
