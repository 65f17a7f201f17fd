import { describe, expect, it } from 'vitest';
import { INSTRUCTION_PROSE, isInstructionSentence } from '../../src/parse/data/cues.js';
import { parseMarkdown } from '../../src/parse/index.js';

describe('INSTRUCTION_PROSE', () => {
  it.each(INSTRUCTION_PROSE.trigger)('reads %j as an instruction to run what follows', (s) => expect(isInstructionSentence(s)).toBe(true));
  it.each(INSTRUCTION_PROSE.clean)('does not read %j as an instruction to run what follows', (s) => expect(isInstructionSentence(s)).toBe(false));
});

/** A page: a command, prose, then a fence of `tag` holding `line`. */
const page = (prose: string, line: string, tag = 'shell'): string =>
  `# T\n\n\`\`\`shell\nkubectl create namespace demo\n\`\`\`\n\n${prose}\n\n\`\`\`${tag}\n${line}\n\`\`\`\n`;

const stepsOf = (source: string): [string, string | null][] =>
  parseMarkdown(source, { path: '/tmp/instruction.md' }).steps.flatMap((s) => (s.kind === 'command' ? [[s.command, s.expected?.text ?? null]] : []));

describe('a shell fence after prose with no output cue', () => {
  it.each(['Then run:', 'Next, deploy the agent:', 'Now install it:'])('is commands after %j, though its program is none the tool knows', (prose) => {
    expect(stepsOf(page(prose, 'cilium status'))).toEqual([
      ['kubectl create namespace demo', null],
      ['cilium status', null],
    ]);
  });

  it("is the command before it's output when the prose instructs nothing, or its lines start as no program's", () => {
    expect(stepsOf(page('Then run:', 'Running'))).toEqual([['kubectl create namespace demo', 'Running']]);
    expect(stepsOf(page('The agent reports its state.', 'cilium status'))).toEqual([['kubectl create namespace demo', 'cilium status']]);
  });

  it('is output when the instruction speaks of output, or the fence is no shell fence', () => {
    expect(stepsOf(page('Then look at the output:', 'cilium status'))).toEqual([['kubectl create namespace demo', 'cilium status']]);
    expect(stepsOf(page('Then run:', 'cilium status', 'text'))).toEqual([['kubectl create namespace demo', 'cilium status']]);
  });
});
