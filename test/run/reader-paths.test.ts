import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asReaderSees } from '../../src/run/rewrite/index.js';
import { runOnSim } from './helpers.js';

describe('file names kubectl echoes, as the reader sees them', () => {
  it('should put the URL the doc gave back where kubectl names the sandbox copy', () => {
    const rewrites = [{ kind: 'path' as const, from: 'https://k8s.io/examples/a/b.yaml', to: './a/b.yaml', reason: 'example' }];
    expect(asReaderSees('error when creating "./a/b.yaml": x', rewrites)).toBe('error when creating "https://k8s.io/examples/a/b.yaml": x');
    // Only the example-URL rewrites: other path rewrites (a drive folder) stay as they ran.
    expect(asReaderSees('/run/drives/d/tmp/k', [{ kind: 'path', from: '/d/tmp/k', to: '/run/drives/d/tmp/k', reason: 'drive' }])).toBe('/run/drives/d/tmp/k');
  });

  it('should pass a refusal shown with the URL the page applied or a local path of the same file, and fail one naming another file', async () => {
    const r = await runOnSim(join(import.meta.dirname, '../../fixtures/run/reader-paths/page.md'));
    const commands = r.steps.filter((s) => s.kind === 'command');
    expect(commands.map((s) => [s.line, s.status])).toEqual([
      [4, 'pass'],
      [8, 'pass'],
      [20, 'pass'],
      [32, 'fail'],
    ]);
    expect(commands[3]!.differences.map((d) => d.line)).toEqual([38]);
  }, 60_000);
});
