/**
 * How a page's steps are read and paired, run with the real parser, planner, matcher, simulator
 * and kubectl: variables the page never sets, inputs from a download the runner could not fetch,
 * several commands shown with one output, output the prose attributes to a container.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { neededTemplateVars } from '../../src/run/template-vars.js';
import { runOnSim } from './helpers.js';

const fixtures = join(import.meta.dirname, '../../fixtures/run/pairing');

async function run(file: string) {
  const r = await runOnSim(join(fixtures, file), { settleMs: 8000 });
  expect(r.error).toBeUndefined();
  return r;
}

const byLine = (steps: { line: number; kind: string; status: string }[]) => steps.filter((s) => s.kind === 'command').map((s) => [s.line, s.status]);

describe('variables the page never sets', () => {
  it('should list the variables a command needs: expanded, still there after filling, without a default', () => {
    expect(neededTemplateVars('kubectl exec web -c ${CONTAINER_NAME} -- ${CMD}', ['${POD_NAME}', '${CONTAINER_NAME}', '${CMD}'])).toEqual([
      'CONTAINER_NAME',
      'CMD',
    ]);
    expect(neededTemplateVars('kubectl get pod ${OTHER:-web}', ['${OTHER:-web}', '$OTHER'])).toEqual([]);
    expect(neededTemplateVars("sh -c 'echo $INSIDE'", ['$INSIDE'])).toEqual([]);
    expect(neededTemplateVars('echo $OUT', ['$OUT'])).toEqual(['OUT']);
    expect(neededTemplateVars('echo $OUT', undefined)).toEqual([]);
  });

  it('should skip a command with a variable neither the page nor the shell sets, and run one a step assigned', async () => {
    const r = await run('template-vars.md');
    expect(byLine(r.steps)).toEqual([
      [6, 'pass'],
      [12, 'pass'],
      [18, 'skipped'],
      [24, 'skipped'],
      [30, 'pass'],
      [31, 'pass'],
      [43, 'pass'],
    ]);
    // $POD_NAME is filled from the pod list; $CONTAINER_NAME cannot be.
    expect(r.steps.find((s) => s.line === 18)!.skipReason).toBe(
      '$CONTAINER_NAME is never set on the page: a template for the reader to fill in, not a command to run as written',
    );
    expect(r.steps.find((s) => s.line === 24)!.skipReason).toMatch(/^\$CONTAINER_NAME, \$CMD, \$ARG1 are never set on the page/);
  }, 60_000);
});

describe('inputs from a download that was not fetched', () => {
  it('should skip what reads the folder the download would have filled, and the objects a skipped step announces', async () => {
    const r = await run('downloaded-folder.md');
    expect(byLine(r.steps)).toEqual([
      [6, 'pass'],
      [7, 'unchecked'],
      [13, 'skipped'],
      [19, 'skipped'],
      [38, 'skipped'],
      [47, 'skipped'],
      [52, 'skipped'],
      [59, 'pass'],
      [60, 'pass'],
      [61, 'pass'],
      [65, 'pass'],
    ]);
    expect(r.steps.find((s) => s.line === 13)!.skipReason).toMatch(/^depends on line 7, which was skipped: needs the network/);
    // The object the skipped `apply -k` announced (`configmap/gen-config-7h2f8k9m4t created`) is missing for later readers.
    expect(r.steps.find((s) => s.line === 52)!.skipReason).toMatch(/^depends on line 47, which was skipped/);
  }, 60_000);
});

describe('several commands in one fence with one output block', () => {
  it('should compare the outputs together, or the last alone, whichever the block shows; never a value nobody printed', async () => {
    const r = await run('one-output-block.md');
    expect(byLine(r.steps)).toEqual([
      [6, 'pass'],
      [7, 'pass'],
      [20, 'pass'],
      [21, 'pass'],
      [33, 'pass'],
      [34, 'fail'],
    ]);
    const wrong = r.steps.find((s) => s.line === 34)!;
    expect(wrong.differences.map((d) => [d.line, d.kind])).toEqual([[41, 'wrong-value']]);
  }, 60_000);
});

describe('output the prose attributes to a container', () => {
  it("should compare it with the container's log, not with the command that starts the pod", async () => {
    const r = await run('container-output.md');
    expect(byLine(r.steps)).toEqual([
      [6, 'pass'],
      [33, 'pass'],
      [67, 'pass'],
      [101, 'fail'],
      [131, 'unchecked'],
      [143, 'pass'],
    ]);
    const printer = r.steps.find((s) => s.line === 33)!;
    // $(COLOR_KEY) in the command is expanded from the ConfigMap, as kubelet does.
    expect(printer.actual).toBe('color is blue\n');
    expect(printer.warnings?.[0]).toMatch(/compared with `kubectl logs printer -c main`; the command itself printed "pod\/printer created"$/);
    // The page shows a value the container does not print: a defect, at the output's line.
    expect(r.steps.find((s) => s.line === 101)!.differences.map((d) => [d.line, d.kind])).toEqual([[107, 'wrong-value']]);
    expect(r.steps.find((s) => s.line === 131)!.uncheckedReason).toBe(
      'the doc shows what a container prints, but pod/pair has containers left, right; the prose does not say which prints it',
    );
  }, 60_000);
});

describe('values only the reader has', () => {
  it('should skip a sign-in with the reader account and what reads its file, a <path/to/file> placeholder and a value shortened with ..., and not take a sample value for output', async () => {
    const r = await run('reader-values.md');
    expect(byLine(r.steps)).toEqual([
      [6, 'skipped'],
      [12, 'skipped'],
      [24, 'skipped'],
      [30, 'skipped'],
      [42, 'pass'],
      [54, 'pass'],
    ]);
    const reason = (line: number) => r.steps.find((s) => s.line === line)!.skipReason;
    expect(reason(6)).toMatch(/reader's own account: `docker login` needs a container registry account/);
    expect(reason(12)).toMatch(/^depends on line 6, which was skipped/);
    expect(reason(24)).toMatch(/<path\/to\/\.docker\/config\.json>/);
    expect(reason(30)).toMatch(/shortens a value with "\.\.\." \(c3R\.\.\.zE2\)/);
    // The sample value is not compared with the file line 42 writes; line 54 shows the file as written.
    expect(r.steps.find((s) => s.line === 42)!.expected ?? null).toBeNull();
  }, 60_000);
});

describe('the node the reader chooses', () => {
  it('should label a node of the cluster for <your-node-name>, so the pod that selects it is scheduled as the page shows', async () => {
    const r = await run('chosen-node.md');
    expect(byLine(r.steps)).toEqual([
      [6, 'pass'],
      [19, 'pass'],
      [31, 'pass'],
      [48, 'pass'],
    ]);
    const label = r.steps.find((s) => s.line === 19)!;
    expect(label.rewrites).toContainEqual(
      expect.objectContaining({ kind: 'placeholder', from: '<your-node-name>', reason: 'node-name from an earlier output' }),
    );
    expect(r.steps.find((s) => s.line === 48)!.actual).toMatch(/ssd-pod\s+1\/1\s+Running/);
  }, 60_000);
});

describe('a watch started before its pod runs', () => {
  it('should pass the Running row the page shows, the pod having been ContainerCreating first, in another terminal', async () => {
    const r = await run('watch-prelude.md');
    expect(byLine(r.steps)).toEqual([
      [4, 'pass'],
      [10, 'pass'],
      [23, 'pass'],
    ]);
    expect(r.steps.find((s) => s.line === 10)!.actual).toMatch(/ContainerCreating[\s\S]*Running/);
  }, 60_000);
});
