import { describe, expect, it } from 'vitest';
import { formatPlanText } from '../../src/cli/commands/plan.js';
import { parseMarkdown } from '../../src/parse/index.js';
import { buildPlan } from '../../src/plan/index.js';
import type { CommandStep } from '../../src/plan/types.js';

const plan = (md: string) => buildPlan(parseMarkdown(md, { path: 'doc.md', readFile: () => undefined }));
const at = (md: string, line: number) => plan(md).steps.find((s): s is CommandStep => s.kind === 'command' && s.line === line)!;

const page = (opener: string, cue: string) =>
  [
    'Run commands in a Pod:', // 1
    '',
    '```none',
    opener, // 4
    '```',
    '',
    '```shell',
    'kubectl create deployment web --image=nginx', // 8
    '```',
    '',
    cue, // 11
    '',
    '```shell',
    'nslookup web', // 14
    '```',
  ].join('\n');

describe('the pod shell a page showed', () => {
  it('should put a later unnamed "within a pod" line in the pod of `kubectl run -it NAME … sh`', () => {
    const md = page('kubectl run -it --rm --restart=Never probe --image=busybox sh', 'From within a pod:');
    expect(at(md, 14).host).toMatchObject({ kind: 'pod', name: 'probe', shownShell: 4, source: { by: 'cue' } });
    expect(formatPlanText(plan(md))).toContain('context: pod probe, the pod shell shown at line 4 (cue at line 11: "From within a pod:")');
  });

  it('should carry the namespace of `kubectl exec -it POD -n NS -- sh`', () => {
    const md = page('kubectl exec -it toolbox -n tools -- sh', 'From within a Pod:');
    expect(at(md, 14).host).toMatchObject({ kind: 'pod', name: 'toolbox', namespace: 'tools', shownShell: 4 });
  });

  it.each([
    ['a database client opened in the pod', 'kubectl exec -it cache -- redis-cli', 'From within a pod:'],
    ['a cue naming another pod', 'kubectl run -it probe --image=busybox -- sh', 'If you have another Pod that consumes this Service, you would get:'],
  ])('should leave the pod unknown for %s', (_, opener, cue) => {
    const host = at(page(opener, cue), 14).host;
    expect(host.kind).toBe('pod');
    expect(host).not.toHaveProperty('shownShell');
    expect(host).not.toHaveProperty('name');
  });

  it('should not give the shell to a line shown before it', () => {
    const md = ['From within a pod:', '', '```shell', 'nslookup web', '```', '', '```none', 'kubectl run -it probe --image=busybox -- sh', '```'].join('\n');
    expect(at(md, 4).host).not.toHaveProperty('shownShell');
  });
});
