import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LessonResult } from '../../src/run/types.js';
import { cacheKey, cacheLookup, cacheStore, type CacheContext } from '../../src/site/cache.js';
import { runCli } from '../helpers/cli.js';
import { buildIfStale, echoPage, makeSite, writeFiles } from './site-fixture.js';

const ctx: CacheContext = { toolVersion: '1.0.0', backend: 'sim', k8sVersion: 'default' };

describe('cache keys', () => {
  it('change with the page, an included file, the tool version, the backend and the Kubernetes version', async () => {
    const dir = makeSite({
      'examples/pods/a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n',
      'docs/p.md': echoPage('P', 'hi', 'hi', '{{% code_sample file="pods/a.yaml" %}}\n\n'),
    });
    const page = join(dir, 'docs/p.md');
    const key = await cacheKey(page, ctx);
    expect(await cacheKey(page, ctx)).toBe(key);
    const others = [
      await cacheKey(page, { ...ctx, toolVersion: '1.0.1' }),
      await cacheKey(page, { ...ctx, backend: 'kind' }),
      await cacheKey(page, { ...ctx, k8sVersion: '1.30' }),
    ];
    writeFiles(dir, { 'examples/pods/a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n' });
    others.push(await cacheKey(page, ctx));
    writeFiles(dir, { 'docs/p.md': echoPage('P', 'hi', 'hi', '{{% code_sample file="pods/a.yaml" %}}\n\nMore prose.\n\n') });
    others.push(await cacheKey(page, ctx));
    expect(new Set([key, ...others]).size).toBe(6);
  });

  it('only passing results are stored; a hit is marked cached', async () => {
    const dir = makeSite({});
    const pass: LessonResult = { path: 'a.md', backend: 'sim', steps: [], findings: [], durationMs: 5 };
    const fail: LessonResult = { ...pass, findings: [{ ruleId: 'x', severity: 'error', line: 1, column: 1, message: 'm', source: 'kubedoctest' }] };
    expect(await cacheStore(dir, 'k1', fail)).toBe(false);
    expect(await cacheStore(dir, 'k2', pass)).toBe(true);
    expect(await cacheLookup(dir, 'k1', 'a.md')).toBeUndefined();
    expect(await cacheLookup(dir, 'k2', 'b.md')).toEqual({ ...pass, path: 'b.md', cached: true });
    writeFiles(dir, { 'torn.json': '{"version":1,"les' });
    expect(await cacheLookup(dir, 'torn', 'a.md')).toBeUndefined();
  });
});

describe('check --cache-dir through the CLI', () => {
  beforeAll(buildIfStale, 180_000);

  it('a cache hit skips the run and the report says so; a changed page runs again', async () => {
    // The step appends to a log outside the sandbox, so the log counts real runs (unconfined: a
    // confined lesson cannot write there).
    const dir = makeSite({});
    const log = join(dir, 'runs.log');
    const page = (said: string) => `# P\n\n\`\`\`shell\necho ${said} >> ${log} && echo ok\n\`\`\`\n\n\`\`\`\nok\n\`\`\`\n`;
    writeFiles(dir, { 'docs/p.md': page('first'), 'docs/q.md': echoPage('Q', 'one', 'two') });
    const run = (out: string) => runCli(['check', 'docs', '--no-confine', '--cache-dir', 'cache', '--format', 'json', '-o', out], { cwd: dir });

    expect((await run('r1.json')).code).toBe(1);
    expect(readdirSync(join(dir, 'cache'))).toHaveLength(1); // only the passing page
    const second = await run('r2.json');
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('cached: docs/p.md');
    expect(readFileSync(log, 'utf8')).toBe('first\n');
    const files = JSON.parse(readFileSync(join(dir, 'r2.json'), 'utf8')).files;
    expect(files.map((f: { path: string; cached?: boolean }) => [f.path, f.cached ?? false])).toEqual([
      ['docs/p.md', true],
      ['docs/q.md', false],
    ]);
    expect(files[0].steps.map((s: { status: string }) => s.status)).toEqual(['pass']);

    writeFiles(dir, { 'docs/p.md': page('second') });
    const third = await run('r3.json');
    expect(third.stderr).not.toContain('cached: docs/p.md');
    expect(readFileSync(log, 'utf8')).toBe('first\nsecond\n');
  }, 180_000);
});
