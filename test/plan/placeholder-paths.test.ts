import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_PATH } from '../../src/plan/data/placeholders.js';
import { placeholderPath } from '../../src/plan/placeholders.js';
import { parseMarkdown } from '../../src/parse/index.js';
import { placeholderFile } from '../../src/run/reader-files.js';
import type { CommandStep } from '../../src/plan/types.js';
import { runOnSim } from '../run/helpers.js';

const cmds = (md: string): CommandStep[] =>
  parseMarkdown(md, { path: 'doc.md', readFile: () => undefined }).steps.filter((s): s is CommandStep => s.kind === 'command');
const block = (...lines: string[]): string => ['```shell', ...lines, '```', ''].join('\n');

describe('PLACEHOLDER_PATH', () => {
  it.each(PLACEHOLDER_PATH.trigger)('takes %s', (arg) => expect(PLACEHOLDER_PATH.pattern.test(arg)).toBe(true));
  it.each(PLACEHOLDER_PATH.clean)('leaves %s', (arg) => expect(PLACEHOLDER_PATH.pattern.test(arg)).toBe(false));
});

describe('a path the reader fills in', () => {
  it('should name the placeholder path of a command', () => {
    expect(placeholderPath('kubectl create secret tls t --cert=path/to/cert/file --key=path/to/key/file', [])).toBe('path/to/cert/file');
  });

  it('should take the path as real when an earlier step made it', () => {
    expect(placeholderPath('cat /path/to/file', ['mkdir -p /path/to && echo hi > /path/to/file'])).toBeUndefined();
  });

  it('should name the path only when the failed tool names it', () => {
    expect(placeholderFile('kubectl create secret tls t --cert=path/to/c --key=path/to/k', 'error: Cannot read file path/to/c', [])).toBe('path/to/c');
    expect(placeholderFile('kubectl create secret tls t --cert=path/to/c --key=path/to/k', 'error: unknown flag: --keyfile', [])).toBeUndefined();
  });

  it('should not run another program with it on the host, and still run kubectl', () => {
    const steps = cmds([block('kubectl create secret generic k --from-file=key=/path/to/.ssh/id_rsa'), block('cat /path/to/your/key')].join('\n'));
    expect(steps.map((s) => s.host.kind)).toEqual(['local', 'illustrative']);
    const host = steps[1]!.host;
    expect(host.kind === 'illustrative' && host.reason).toMatch(/\/path\/to\/your\/key is a path for the reader to fill in/);
  });

  it('should leave a path an earlier step wrote to run', () => {
    const steps = cmds([block('kubectl get configmap app -o yaml > path/to/file'), block('cat path/to/file')].join('\n'));
    expect(steps.map((s) => s.host.kind)).toEqual(['local', 'local']);
  });

  it('should leave the step unchecked naming the path, but fail kubectl refusing the command line', async () => {
    const r = await runOnSim(join(import.meta.dirname, '../../fixtures/run/placeholder-paths/page.md'));
    const steps = r.steps.filter((s) => s.kind === 'command');
    expect(steps.map((s) => [s.line, s.status])).toEqual([
      [6, 'unchecked'],
      [18, 'fail'],
      [30, 'skipped'],
    ]);
    expect(JSON.stringify(steps[0])).toContain('path/to/cert/file is a path for the reader to fill in');
    expect(steps[1]!.hint?.id).toBe('kubectl-usage-error');
  }, 60_000);
});
