/** Where a line runs (client-pod, bare "on node" and node-path cues) and printed `NAME=value` output, on generic fixtures. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/index.js';
import { ENV_PRINTING } from '../../src/parse/data/output-blocks.js';
import { leadInContextCue } from '../../src/plan/context-cues.js';
import { NODE_PATHS } from '../../src/plan/data/places.js';
import type { CommandStep } from '../../src/plan/types.js';

const fixtures = join(import.meta.dirname, '../../fixtures/parse');

function steps(file: string): CommandStep[] {
  const md = readFileSync(join(fixtures, file), 'utf8');
  return parseMarkdown(md, { path: file, readFile: () => undefined }).steps.filter((s): s is CommandStep => s.kind === 'command');
}

describe('where a line runs', () => {
  it('puts client-pod lines in a pod, node lines on a node, and leaves false friends on the host', () => {
    const s = steps('client-pod-and-node-cues.md');
    expect(s.map((x) => [x.line, x.host.kind, x.host.source?.by, x.host.source?.text])).toEqual([
      [4, 'local', undefined, undefined],
      [10, 'pod', 'cue', 'If you have another Pod that consumes this Service by name you would get something like:'],
      [19, 'pod', 'cue', 'From a Pod in the same Namespace:'],
      [25, 'local', undefined, undefined],
      [31, 'node', 'cue', 'Ensure the kubelet has the permission to operate in `/sys` on node.'],
      [40, 'node', 'program', '/var/lib/kubelet'],
      [46, 'local', undefined, undefined],
      [52, 'local', undefined, undefined],
    ]);
    // The pod line keeps the output shown after it.
    expect(s[1]!.expected?.text).toBe("wget: bad address 'web'");
  });

  it('reads the sentence before an output lead-in only when the lead-in says nothing of where', () => {
    const isLeadIn = (s: string) => /you should see/i.test(s);
    expect(leadInContextCue('Run it on a node. You should see:', isLeadIn)?.kind).toBe('node');
    expect(leadInContextCue('Run it on a node. You should see:')).toBeUndefined();
    expect(leadInContextCue('Run it on a node. Then create the Pod:', isLeadIn)).toBeUndefined();
    expect(leadInContextCue('Run it on a node. From within a Pod, you should see:', isLeadIn)?.kind).toBe('pod');
  });

  it.each(NODE_PATHS.trigger.map((t) => [t]))('takes %s as a node line', (line) => {
    expect(NODE_PATHS.pattern.test(line)).toBe(true);
  });
  it.each(NODE_PATHS.clean.map((t) => [t]))('does not take %s as a node line', (line) => {
    expect(NODE_PATHS.pattern.test(line)).toBe(false);
  });
});

describe('printed NAME=value lines', () => {
  it.each(ENV_PRINTING.trigger.map((t) => [t]))('%s prints an environment', (c) => expect(ENV_PRINTING.pattern.test(c)).toBe(true));
  it.each(ENV_PRINTING.clean.map((t) => [t]))('%s prints no environment', (c) => expect(ENV_PRINTING.pattern.test(c)).toBe(false));

  it('pairs them as the output of logs or of the command an output cue follows; real commands stay commands', () => {
    const s = steps('printed-environment.md');
    expect(s.map((x) => [x.line, x.command, x.expected ? [x.expected.position.line, x.expected.position.endLine, x.expected.form] : null])).toEqual([
      [4, 'kubectl apply -f env-demo.yaml', null],
      [10, 'kubectl logs pod/env-demo', [14, 15, 'fence']],
      [21, 'kubectl exec env-demo -- cat /etc/app/settings', [27, 28, 'cue']],
      [34, 'kubectl logs pod/env-demo', null],
      [37, 'POD=$(kubectl get pods -o name)', null],
      [43, 'kubectl create configmap demo --from-file=demo.properties', null],
      [48, 'kubectl get configmaps demo -o yaml', null],
    ]);
    expect(s[1]!.expected?.text).toBe('GREETING=hello\nTARGET=$(GREETING)-world');
    expect(s[2]!.expected?.text).toBe('MODE=$(MODE)\nLEVEL=3');
  });
});
