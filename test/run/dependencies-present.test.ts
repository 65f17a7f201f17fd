/**
 * A skipped step excuses only what it would have made that is missing: objects a step that ran
 * made are there, and a step's own output showing an object says so. Real kubectl against the simulator.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOnSim } from './helpers.js';

const fixture = (name: string): string => join(import.meta.dirname, '../../fixtures/run/dependencies', name);

describe('objects made by a step that ran, after a skipped step that would also make them', () => {
  it('runs and judges the steps that read them, and excuses only what the skipped step alone makes', async () => {
    const r = await runOnSim(fixture('made-before-skip.md'), { settleMs: 2000 });
    expect(r.error).toBeUndefined();
    const commands = r.steps.filter((s) => s.kind === 'command');
    const at = (line: number) => commands.find((s) => s.line === line)!;
    expect(commands.map((s) => [s.line, s.status])).toEqual([
      [6, 'pass'],
      [16, 'unchecked'],
      [27, 'pass'],
      [37, 'skipped'],
      [47, 'fail'],
    ]);
    expect(at(37).skipReason).toMatch(/^depends on line 16, which was skipped: example file/);
    // It ran, deleted the Deployment and printed so: the doc's stale group is the page's defect.
    expect(at(47).exitCode).toBe(0);
    expect(at(47).actual).toContain('deployment.apps "web" deleted');
  });
});

describe('a folder of the examples given to kubectl by URL', () => {
  it('fails as kubectl does (one document per URL, no folder listing), without fetching anything', async () => {
    const r = await runOnSim(fixture('folder-url/page.md'), { settleMs: 2000 });
    expect(r.error).toBeUndefined();
    const commands = r.steps.filter((s) => s.kind === 'command');
    const at = (line: number) => commands.find((s) => s.line === line)!;
    expect(commands.map((s) => [s.line, s.status])).toEqual([
      [6, 'pass'],
      [12, 'fail'],
      [18, 'pass'],
    ]);
    expect(at(12).actual).toBe('error: unable to read URL "https://k8s.io/examples/application/web/", server reported 404 Not Found, status code=404');
    expect(at(12).differences.map((d) => d.kind)).toEqual(['exit-status']);
    expect(at(12).hint?.id).toBe('example-folder-url');
    expect(at(12).hint?.fix).toContain('-f https://k8s.io/examples/application/web/web-deploy.yaml -f https://k8s.io/examples/application/web/web-svc.yaml');
    expect(at(12).warnings?.join('\n')).toMatch(/not run: kubectl reads/);
    // No manifest step stands for the folder.
    expect(r.steps.filter((s) => s.kind === 'manifest').map((s) => s.command)).toEqual(['web-svc.yaml', 'web-deploy.yaml']);
  });
});

describe('a skipped file whose objects are not known', () => {
  it('takes the listed rows naming no object of the page as its, and still fails the rows of the page', async () => {
    const r = await runOnSim(fixture('unknown-file.md'), { settleMs: 2000 });
    expect(r.error).toBeUndefined();
    const commands = r.steps.filter((s) => s.kind === 'command');
    const at = (line: number) => commands.find((s) => s.line === line)!;
    expect(commands.map((s) => [s.line, s.status])).toEqual([
      [6, 'pass'],
      [12, 'unchecked'],
      [18, 'skipped'],
      [29, 'fail'],
      [41, 'unchecked'],
      [45, 'skipped'],
    ]);
    // A folder of the reader's is missing for the step that reads it again.
    expect(at(45).skipReason).toMatch(/^depends on line 41, which was skipped: shop\/k8s is a file on the reader's machine/);
    expect(at(18).skipReason).toMatch(/^depends on line 12, which was skipped: shop\/all-in-one\.yaml is a file on the reader's machine/);
    // The shop's row is excused; the page's own Deployment with the wrong replica count is not.
    expect(
      at(29)
        .differences.map((d) => d.message)
        .join('\n'),
    ).not.toContain('shop-fe');
    expect(
      at(29)
        .differences.map((d) => d.message)
        .join('\n'),
    ).toContain('web');
    expect(at(29).warnings?.join('\n')).toMatch(/shop-fe.*excused: depends on line 12/);
  });
});
