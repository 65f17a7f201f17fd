import { describe, expect, it } from 'vitest';
import { leadInContextCue, matchConcurrentCue, matchContextCue, matchNodeShellCue, matchSessionEndCue } from '../../src/plan/context-cues.js';
import { CONCURRENT_CUES, CONTEXT_CUES, NODE_SHELL_CUES, SESSION_END_CUES } from '../../src/plan/data/context-cues.js';

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
  ];
  for (const [name, cues, match] of tables) {
    for (const cue of cues) {
      it.each(cue.trigger.map((t) => [t]))(`${name} cue ${cue.id} should fire on %s`, (s) => expect(match(s)).toBeDefined());
      it.each(cue.clean.map((t) => [t]))(`${name} cue ${cue.id} should not fire on %s`, (s) => expect(match(s)).toBeUndefined());
    }
  }
});
