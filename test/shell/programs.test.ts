import { describe, expect, it } from 'vitest';
import { BARE_COMMAND_PROGRAMS, COMMAND_WORDS, KNOWN_PROGRAMS } from '../../src/shell/index.js';
import { looksLikeCommand } from '../../src/parse/line-kinds.js';

describe('the program table', () => {
  it('gives parse and lint one list: every command word is a known program or a recorded misspelling of one', () => {
    const known = new Set(KNOWN_PROGRAMS);
    expect([...COMMAND_WORDS].filter((w) => !known.has(w))).toEqual(['ubectl', 'kubeclt', 'kubect', 'kubetcl']);
    expect([...BARE_COMMAND_PROGRAMS].filter((w) => !COMMAND_WORDS.has(w))).toEqual([]);
  });

  it('makes a fence line a command by its program, not a program lint knows whose name starts output too', () => {
    expect(looksLikeCommand('ip6tables -L -n')).toBe(true);
    expect(looksLikeCommand('kubeclt get pods')).toBe(true);
    expect(KNOWN_PROGRAMS).toContain('host');
    expect(looksLikeCommand('host is up')).toBe(false);
  });
});
