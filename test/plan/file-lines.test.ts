import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_NAME_LINE } from '../../src/plan/data/file-lines.js';
import { listedFileNames } from '../../src/plan/file-lines.js';
import { parseMarkdown } from '../../src/parse/index.js';
import type { CommandStep } from '../../src/plan/types.js';
import { runOnSim } from '../run/helpers.js';

const cmds = (md: string): CommandStep[] =>
  parseMarkdown(md, { path: 'doc.md', readFile: () => undefined }).steps.filter((s): s is CommandStep => s.kind === 'command');
const block = (...lines: string[]): string => ['```shell', ...lines, '```', ''].join('\n');

describe('FILE_NAME_LINE', () => {
  it.each(FILE_NAME_LINE.trigger)('reads %s as file names', (line) => expect(listedFileNames(line)).toBeDefined());
  it.each(FILE_NAME_LINE.clean)('reads %s as a command', (line) => expect(listedFileNames(line)).toBeUndefined());
});

describe('a shell line that names files', () => {
  it('should be an illustration, never run on the host or a node', () => {
    const steps = ['/etc/kubernetes/manifests/', '~/.kube/config'].flatMap((line) => cmds(block(line)));
    expect(steps.map((s) => s.host.kind)).toEqual(['illustrative', 'illustrative']);
    const host = steps[0]!.host;
    expect(host.kind === 'illustrative' && host.reason).toBe(
      'names files (/etc/kubernetes/manifests/), not a command to run: a shell would try to execute /etc/kubernetes/manifests/',
    );
  });

  it('should keep running a program the page runs by its path', () => {
    const steps = ['./configure.sh', '/usr/local/bin/foo --flag'].flatMap((line) => cmds(block(line)));
    expect(steps.map((s) => [s.command, s.host.kind])).toEqual([
      ['./configure.sh', 'local'],
      ['/usr/local/bin/foo --flag', 'local'],
    ]);
  });

  it('should read each line of a block on its own', () => {
    const steps = cmds(block('/etc/kubernetes/manifests/kube-apiserver.yaml', 'kubectl get pods'));
    expect(steps.map((s) => [s.command, s.host.kind])).toEqual([
      ['/etc/kubernetes/manifests/kube-apiserver.yaml', 'illustrative'],
      ['kubectl get pods', 'local'],
    ]);
  });

  it('should skip the file names with their reason and run the script the page made', async () => {
    const r = await runOnSim(join(import.meta.dirname, '../../fixtures/run/file-lines/page.md'));
    const steps = r.steps.filter((s) => s.kind === 'command');
    expect(steps.map((s) => [s.line, s.status])).toEqual([
      [8, 'skipped'],
      [16, 'skipped'],
      [24, 'pass'],
      [32, 'pass'],
    ]);
    expect(JSON.stringify(steps[1])).toContain('names files (~/.kube/config)');
  }, 60_000);
});
