/** A watch shown again with rows, under a later heading, as the output of the one left running. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/index.js';
import type { CommandStep } from '../../src/plan/types.js';

const fixture = join(import.meta.dirname, '../../fixtures/run/watch-shown/first-terminal.md');
const commands = (md: string) => parseMarkdown(md, { path: 'doc.md', readFile: () => undefined }).steps.filter((s): s is CommandStep => s.kind === 'command');

describe('a block repeating a watch kept running in another terminal', () => {
  it('shows the output of the first watch when the prose sends the reader to the first terminal', () => {
    const steps = commands(readFileSync(fixture, 'utf8'));
    const [first, , again] = steps;
    expect(first!.line).toBe(8);
    expect(first!.concurrent).toBeDefined();
    expect(again!.line).toBe(46);
    expect(again!.showsOutputOf).toEqual({ line: 8, cue: 'Examine the output of the `kubectl get` command in the first terminal' });
    // It is not a second watch kept running, and its rows are its own expected output.
    expect(again!.concurrent).toBeUndefined();
    expect(again!.expected?.text).toMatch(/^shop-0 +0\/1 +ContainerCreating/m);
  });

  it('is a command of its own when the prose does not say it is the first terminal', () => {
    const md = readFileSync(fixture, 'utf8').replace(/Examine the output of the `kubectl get` command in the first terminal\./, 'Watch the Pods again.');
    const again = commands(md).find((s) => s.line === 46)!;
    expect(again.showsOutputOf).toBeUndefined();
  });

  it('is a command of its own when it differs from the running watch', () => {
    const md = readFileSync(fixture, 'utf8').replace(/(### Pods in order[\s\S]*)kubectl get pods -w -l app=shop/, '$1kubectl get pods -w -l app=cart');
    const again = commands(md).find((s) => s.line === 46)!;
    expect(again.command).toBe('kubectl get pods -w -l app=cart');
    expect(again.showsOutputOf).toBeUndefined();
  });
});
