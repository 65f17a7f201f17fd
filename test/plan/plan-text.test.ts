import { describe, expect, it } from 'vitest';
import { formatPlanText } from '../../src/cli/commands/plan.js';
import { parseMarkdown } from '../../src/parse/index.js';
import { buildPlan } from '../../src/plan/index.js';

describe('plan --format text', () => {
  it('should show where each command runs and what decided it, with correct plurals', () => {
    const md = [
      '```shell',
      'kubectl exec -it web -- sh',
      '```',
      '',
      '```shell',
      'nslookup kubernetes',
      '```',
      '',
      'The output is:',
      '',
      '```',
      'Server: 10.96.0.10',
      '```',
      '',
      '```shell',
      'exit',
      '```',
      '',
      '```shell',
      'apt-get update',
      'kubectl get <resource>',
      '```',
      '',
    ].join('\n');
    const text = formatPlanText(buildPlan(parseMarkdown(md, { path: 'doc.md', readFile: () => undefined })));
    expect(text.split('\n')).toEqual([
      'doc.md: 5 steps',
      '    2  interactive  kubectl exec -it web -- sh',
      '       context: host (default); opens a session in pod web',
      '    6  read-only    nslookup kubernetes',
      '       context: pod web (session at line 2 "kubectl exec -it web -- sh")',
      '       expects similar output at line 12 (cue, 1 line)',
      '   16  other        exit',
      '       context: pod web (session at line 2 "kubectl exec -it web -- sh"); ends the session',
      '   20  host-tool    apt-get update',
      '       context: unknown — apt-get is not a tool of the reader\'s machine and nothing on the page says where it runs (program "apt-get")',
      '   21  read-only    kubectl get <resource>',
      '       context: illustrative — a syntax template (<resource>), not a command to run as written (program "<resource>"); placeholders <resource>',
      '',
    ]);
  });
});
