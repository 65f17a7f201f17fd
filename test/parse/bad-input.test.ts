import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isKubedoctestError } from '../../src/diag/errors.js';
import { loadLesson, parseMarkdown } from '../../src/parse/index.js';
import type { Step } from '../../src/plan/types.js';
import { EXAMPLES_DIR, parseFixture } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'kubedoctest-parse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, data: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
}

async function loadError(path: string, options?: Parameters<typeof loadLesson>[1]): Promise<unknown> {
  try {
    await loadLesson(path, options);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('bad input', () => {
  it('should give an empty lesson for an empty file', async () => {
    expect(await loadLesson(write('empty.md', ''))).toEqual({ path: join(dir, 'empty.md'), steps: [], findings: [] });
  });

  it('should refuse a binary file with ERR_FILE_READ', async () => {
    const error = await loadError(write('image.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])));
    expect(isKubedoctestError(error)).toBe(true);
    expect((error as { code: string }).code).toBe('ERR_FILE_READ');
  });

  it('should refuse a missing file with ERR_FILE_READ', async () => {
    const error = await loadError(join(dir, 'nope.md'));
    expect((error as { code: string }).code).toBe('ERR_FILE_READ');
  });

  it('should refuse a file above the size limit with ERR_INPUT_TOO_LARGE', async () => {
    const error = await loadError(write('big.md', 'x'.repeat(2048)), { maxBytes: 1024 });
    expect((error as { code: string }).code).toBe('ERR_INPUT_TOO_LARGE');
  });

  it('should report non-UTF-8 bytes at their line and column and still parse', async () => {
    const bytes = Buffer.concat([Buffer.from('# T\n\n```shell\nkubectl get pods \u00e9\nkubectl get '), Buffer.from([0xff, 0xfe]), Buffer.from('ns\n```\n')]);
    const lesson = await loadLesson(write('latin1.md', bytes));
    expect(lesson.findings).toEqual([
      {
        ruleId: 'invalid-encoding',
        severity: 'warning',
        line: 5,
        column: 13,
        message: 'The document is not valid UTF-8; undecodable bytes were replaced with U+FFFD.',
        source: 'kubedoctest',
      },
    ]);
    expect(lesson.steps.map((s) => (s.kind === 'command' ? s.command : ''))).toEqual(['kubectl get pods \u00e9', 'kubectl get \uFFFD\uFFFDns']);
  });

  it('should warn about an unterminated fence and keep its commands', () => {
    const lesson = parseFixture('unterminated.md');
    expect(lesson.findings).toEqual([
      {
        ruleId: 'unterminated-fence',
        severity: 'warning',
        line: 3,
        column: 1,
        message: 'This code fence is never closed; it runs to the end of the document or of its list item.',
        source: 'kubedoctest',
      },
    ]);
    expect(lesson.steps).toHaveLength(1);
  });

  it('should report NUL characters in a string as binary input without throwing', () => {
    const lesson = parseMarkdown('a\u0000b\n', { path: 'x.md', examplesDir: 'none' });
    expect(lesson.findings.map((f) => f.ruleId)).toEqual(['binary-input']);
  });

  // Parsed in chunks (see chunks.ts): a few seconds on an idle machine; the timeout allows for a busy one.
  it('should parse a 5 MB document and read each copy of a page like the page alone', () => {
    const path = 'fixtures/corpus/docs/tutorials/services/connect-applications-service.md';
    const page = readFileSync(path, 'utf8');
    const copies = Math.ceil((5 * 1024 * 1024) / page.length);
    const single = parseMarkdown(page, { path, examplesDir: EXAMPLES_DIR });
    const lesson = parseMarkdown(page.repeat(copies), { path, examplesDir: EXAMPLES_DIR });
    const strip = (s: Step) => (s.kind === 'command' ? [s.command, s.expected?.text ?? null] : [s.file]);
    expect(lesson.steps.slice(0, single.steps.length).map(strip)).toEqual(single.steps.map(strip));
    expect(lesson.steps.length).toBeGreaterThan(single.steps.length * (copies - 1));
  }, 300_000);

  it('should not hang on one long paragraph of prompt lines', () => {
    const source = '$ kubectl get pods\nfoo bar baz\n'.repeat(40_000);
    const lesson = parseMarkdown(source, { path: 'p.md', examplesDir: 'none' });
    expect(lesson.steps.length).toBe(40_000);
    expect(lesson.steps[39_999]).toMatchObject({ line: 79_999, expected: { text: 'foo bar baz', form: 'transcript' } });
  }, 300_000);
});
