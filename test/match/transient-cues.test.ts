import { describe, expect, it } from 'vitest';
import { TRANSIENT_CUES, onlyStateChanges, onlyStateValues, transientCue } from '../../src/match/transient-cues.js';

describe('transient-state cues', () => {
  for (const cue of TRANSIENT_CUES) {
    describe(cue.id, () => {
      it.each(cue.trigger)('reads %j as a state the cluster passes through', (sentence) => {
        expect(transientCue(sentence)?.id).toBe(cue.id);
      });
      it.each(cue.clean)('does not read %j as one', (sentence) => {
        expect(transientCue(sentence)).toBeUndefined();
      });
    });
  }
  it('reads no cue as none', () => {
    expect(transientCue(undefined)).toBeUndefined();
  });
});

describe('onlyStateValues', () => {
  const value = (column: string, row = 'web') => ({
    kind: 'wrong-value' as const,
    message: `row ${row}, column ${column}: doc 0/3, actual 3/3`,
    line: 5,
    column: 1,
  });
  it.each([
    ['READY, UP-TO-DATE and AVAILABLE of a row', [value('READY'), value('UP-TO-DATE'), value('AVAILABLE')], true],
    ["a Pod's STATUS and RESTARTS", [value('STATUS', 'web-0'), value('RESTARTS', 'web-0')], true],
    ['an IMAGES value', [value('READY'), value('IMAGES')], false],
    ['a NAME', [value('NAME')], false],
    ['a missing row', [{ kind: 'missing-line' as const, message: 'row webb: missing in actual output', line: 5, column: 1 }], false],
    ['a column the doc lacks', [{ kind: 'column-layout' as const, message: 'actual table has column STATUS, not in the doc', line: 4, column: 1 }], false],
    ['a value outside a table', [{ kind: 'wrong-value' as const, message: 'doc 0/3, actual 3/3', line: 5, column: 1 }], false],
    ['nothing', [], false],
  ])('%s: %s', (_what, differences, expected) => {
    expect(onlyStateValues(differences)).toBe(expected);
  });
});

describe('onlyStateChanges', () => {
  const value = (column: string) => ({ kind: 'wrong-value' as const, message: `row web-7d, column ${column}: doc 7, actual 8`, line: 5, column: 1 });
  const row = (kind: 'missing-line' | 'extra-line', name: string) => ({
    kind,
    message: `row ${name}: ${kind === 'missing-line' ? 'missing in' : 'extra in'} actual output`,
    line: 5,
    column: 1,
  });
  it.each([
    ['state values and rows more or fewer', [value('DESIRED'), row('extra-line', 'web-5c'), row('missing-line', 'web-61')], true],
    [
      'a column the table does not have',
      [value('DESIRED'), { kind: 'column-layout' as const, message: 'column DESIRED missing in actual table', line: 4, column: 1 }],
      false,
    ],
    ['a NAME value', [value('NAME')], false],
    ['a line outside a table', [{ kind: 'missing-line' as const, message: 'missing in actual output: Scaled up', line: 5, column: 1 }], false],
    ['nothing', [], false],
  ])('%s: %s', (_what, differences, expected) => {
    expect(onlyStateChanges(differences)).toBe(expected);
  });
});
