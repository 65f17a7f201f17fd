/**
 * `walk --auto` shows each step with its section once, the whole paragraph above it, manifests
 * as the doc shows them, shortcodes as their text, and numbers the commands it announced.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { proseBefore, stepLines } from '../../src/cli/commands/walk.js';
import { buildPlan, loadLesson } from '../../src/index.js';
import { readFileSync } from 'node:fs';

const PAGE = 'fixtures/walk/sections.md';

describe('walk --auto', () => {
  it('shows sections, prose, manifests and step numbers as the page has them', async () => {
    const r = await runCli(['walk', '--auto', '--pause', '0ms', PAGE], { timeout: 180_000 });
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout;
    expect(out).toContain('— 3 commands on --backend sim');
    expect([...out.matchAll(/\[(\d+)\/(\d+)\] line/g)].map((m) => `${m[1]}/${m[2]}`)).toEqual(['1/3', '2/3', '3/3']);
    expect(out).toContain('manifest settings.yaml\n  apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: settings\n  data:\n    color: blue\n');
    expect(out).toContain('## Cleaning up');
    expect(out).not.toContain('{{');
    // The whole paragraph, from its first line, not a three-line window.
    expect(out).toContain('This paragraph is long on purpose. It explains, over several lines,\nwhy the next command');
    // A step's output appears once: under its own command, not again as prose of the next one.
    expect(out.split('configmap/settings created').length - 1).toBe(1);
    expect(out.split('## Create a ConfigMap').length - 1).toBe(1);
    expect(out.trimEnd().split('\n').at(-1)).toBe('3 passed, 0 failed, 0 skipped, 0 unchecked (checked 3 of 3 steps)');
  }, 200_000);

  it('proseBefore takes the paragraph above a step, from after the previous step, without step lines', async () => {
    const plan = buildPlan(await loadLesson(PAGE));
    const lines = readFileSync(PAGE, 'utf8').split('\n');
    const [, apply, get] = plan.steps;
    const covered = stepLines(plan.steps);
    expect(proseBefore(lines, get!.line, apply!.position.endLine, covered)).toHaveLength(4);
    expect(proseBefore(lines, get!.line, apply!.position.endLine, covered, 3)).toEqual([
      'This paragraph is long on purpose. It explains, over several lines,',
      'why the next command reads the ConfigMap back from the cluster and',
      'what a reader should look for in its output before going on with the …',
    ]);
    expect(proseBefore(lines, apply!.line, plan.steps[0]!.position.endLine, covered)).toEqual(['Apply it:']);
  });
});
