import { describe, expect, it } from 'vitest';
import {
  headingContextCue,
  leadInContextCue,
  matchConcurrentCue,
  matchContextCue,
  matchNodeShellCue,
  matchReturnTerminalCue,
  matchSessionEndCue,
  matchStopRunningCue,
} from '../../src/plan/context-cues.js';
import {
  CONCURRENT_CUES,
  CONTAINER_COMMAND_CUE,
  CONTAINER_USES_CUE,
  CONTEXT_CUES,
  EXAMPLE_COMMAND_LEAD,
  HEADING_POD_CUE,
  ALREADY_RUNNING_CUE,
  RUNNING_OUTPUT_CUE,
  HYPOTHETICAL_STATE_CUE,
  NARRATED_CHANGE_CUE,
  NODE_SHELL_CUES,
  RETURN_TERMINAL_CUES,
  SESSION_END_CUES,
  STOP_RUNNING_CUES,
} from '../../src/plan/data/context-cues.js';
import { parseMarkdown } from '../../src/parse/index.js';
import type { CommandStep } from '../../src/plan/types.js';

describe('context cues', () => {
  for (const cue of CONTEXT_CUES) {
    it.each(cue.trigger.map((t) => [t]))(`${cue.id} should say "${cue.kind}" for %s`, (sentence) => {
      expect(matchContextCue(sentence)?.kind).toBe(cue.kind);
    });
    it.each(cue.clean.map((t) => [t]))(`${cue.id} should not fire on %s`, (sentence) => {
      expect(matchContextCue(sentence)).toBeUndefined();
    });
  }

  it('should read only the last sentence of a paragraph as the lead-in', () => {
    expect(leadInContextCue('Run the following on a Node. Then create the Pod:')).toBeUndefined();
    expect(leadInContextCue('Create the Pod first. Then, from within the Pod, run:')?.kind).toBe('pod');
  });

  const tables: Array<[string, typeof CONCURRENT_CUES, (s: string) => string | undefined]> = [
    ['concurrent', CONCURRENT_CUES, matchConcurrentCue],
    ['session end', SESSION_END_CUES, matchSessionEndCue],
    ['node shell', NODE_SHELL_CUES, matchNodeShellCue],
    ['return to a terminal', RETURN_TERMINAL_CUES, matchReturnTerminalCue],
    ['stop a running step', STOP_RUNNING_CUES, matchStopRunningCue],
  ];
  for (const [name, cues, match] of tables) {
    for (const cue of cues) {
      it.each(cue.trigger.map((t) => [t]))(`${name} cue ${cue.id} should fire on %s`, (s) => expect(match(s)).toBeDefined());
      it.each(cue.clean.map((t) => [t]))(`${name} cue ${cue.id} should not fire on %s`, (s) => expect(match(s)).toBeUndefined());
    }
  }
});

describe('prose sending the reader to the output of a command running in another terminal', () => {
  it.each(RUNNING_OUTPUT_CUE.trigger)("reads %s as that command's output", (s) => {
    expect(RUNNING_OUTPUT_CUE.pattern.test(s)).toBe(true);
  });
  it.each(RUNNING_OUTPUT_CUE.clean)("does not read %s as that command's output", (s) => {
    expect(RUNNING_OUTPUT_CUE.pattern.test(s)).toBe(false);
  });
});

describe('a supposed state the page never sets up', () => {
  it.each(ALREADY_RUNNING_CUE.trigger)('reads %s as the command still running elsewhere', (s) => {
    expect(ALREADY_RUNNING_CUE.pattern.test(s)).toBe(true);
  });
  it.each(ALREADY_RUNNING_CUE.clean)('does not read %s as the command still running elsewhere', (s) => {
    expect(ALREADY_RUNNING_CUE.pattern.test(s)).toBe(false);
  });
  it.each(HYPOTHETICAL_STATE_CUE.trigger)('triggers on %s', (s) => {
    expect(HYPOTHETICAL_STATE_CUE.pattern.test(s)).toBe(true);
  });
  it.each(HYPOTHETICAL_STATE_CUE.clean)('does not trigger on %s', (s) => {
    expect(HYPOTHETICAL_STATE_CUE.pattern.test(s)).toBe(false);
  });

  it('makes the read-only command right after it illustrative, and nothing else', () => {
    const doc = [
      '# T',
      '',
      '```shell',
      'kubectl create deployment web --image=nginx',
      '```',
      '',
      "For example, let's suppose you have insufficient quota. If you describe the Deployment you will notice:",
      '',
      '```shell',
      'kubectl describe deployment web',
      '```',
      '',
      'The output is similar to this:',
      '',
      '```',
      '<...>',
      '  Progressing   False   ReplicaSetCreateError',
      '```',
      '',
      "Let's suppose the rollout is stuck. Delete it:",
      '',
      '```shell',
      'kubectl delete deployment web',
      '```',
      '',
      '```shell',
      'kubectl get deployments',
      '```',
    ].join('\n');
    const steps = parseMarkdown(doc, { path: 't.md' }).steps.filter((s) => s.kind === 'command') as CommandStep[];
    expect(steps.map((s) => [s.command, s.host.kind])).toEqual([
      ['kubectl create deployment web --image=nginx', 'local'],
      ['kubectl describe deployment web', 'illustrative'],
      ['kubectl delete deployment web', 'local'],
      ['kubectl get deployments', 'local'],
    ]);
    expect(steps[1]!.host).toMatchObject({ reason: expect.stringContaining("let's suppose you have insufficient quota") });
  });
});

describe('a change the page narrates but no step makes', () => {
  it.each(NARRATED_CHANGE_CUE.trigger)('triggers on %s', (s) => {
    expect(NARRATED_CHANGE_CUE.pattern.test(s)).toBe(true);
  });
  it.each(NARRATED_CHANGE_CUE.clean)('does not trigger on %s', (s) => {
    expect(NARRATED_CHANGE_CUE.pattern.test(s)).toBe(false);
  });

  it('marks the read-only commands after it as showing the narrated state, until a step changes the cluster again or the next heading', () => {
    const doc = [
      '# T',
      '',
      '```shell',
      'kubectl create deployment web --image=nginx --replicas=2',
      '```',
      '',
      'Then the autoscaler increments the Deployment replicas to 6. To confirm this, run:',
      '',
      '```shell',
      'kubectl get deploy web',
      '```',
      '',
      'The ReplicaSets show it too:',
      '',
      '```shell',
      'kubectl get rs',
      '```',
      '',
      '```shell',
      'kubectl scale deployment web --replicas=3',
      '```',
      '',
      '```shell',
      'kubectl get rs',
      '```',
      '',
      '## Next',
      '',
      '```shell',
      'kubectl get deploy web',
      '```',
    ].join('\n');
    const steps = parseMarkdown(doc, { path: 't.md' }).steps.filter((s) => s.kind === 'command') as CommandStep[];
    expect(steps.map((s) => [s.command, s.host.kind, s.narrated?.line ?? null])).toEqual([
      ['kubectl create deployment web --image=nginx --replicas=2', 'local', null],
      ['kubectl get deploy web', 'local', 7],
      ['kubectl get rs', 'local', 7],
      ['kubectl scale deployment web --replicas=3', 'local', null],
      ['kubectl get rs', 'local', null],
      ['kubectl get deploy web', 'local', null],
    ]);
    expect(steps[2]!.narrated?.text).toMatch(/the autoscaler increments the Deployment replicas to 6/i);
  });
});

describe('a block that shows what a container runs', () => {
  it.each(CONTAINER_COMMAND_CUE.trigger)('triggers on %s', (s) => {
    expect(CONTAINER_COMMAND_CUE.pattern.test(s)).toBe(true);
  });
  it.each(CONTAINER_COMMAND_CUE.clean)('does not trigger on %s', (s) => {
    expect(CONTAINER_COMMAND_CUE.pattern.test(s)).toBe(false);
  });
});

describe('a list of what a container can do, and its example commands', () => {
  for (const cue of [CONTAINER_USES_CUE, EXAMPLE_COMMAND_LEAD]) {
    it.each(cue.trigger)('triggers on %s', (s) => expect(cue.pattern.test(s)).toBe(true));
    it.each(cue.clean)('does not trigger on %s', (s) => expect(cue.pattern.test(s)).toBe(false));
  }
});

describe('a heading that says where its section is typed', () => {
  it.each(HEADING_POD_CUE.trigger)('puts the section of %s in a pod', (h) => expect(headingContextCue(h)?.kind).toBe('pod'));
  it.each(HEADING_POD_CUE.clean)('says nothing for %s', (h) => expect(headingContextCue(h)).toBeUndefined());
  it('keeps node headings', () => expect(headingContextCue('Create an index.html file on your Node')?.kind).toBe('node'));
});
