import { readFileSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { firstProgramWord, splitTolerant } from '../../src/shell/tolerant.js';

describe('firstProgramWord', () => {
  it.each([
    ['kubectl get pods', 'kubectl'],
    ['  /usr/bin/kubectl get pods', '/usr/bin/kubectl'],
    ['sudo kubectl get pods', 'kubectl'],
    ['timeout 10 kubectl get pods -w', 'kubectl'],
    ['env A=1 kubectl get pods', 'kubectl'],
    ['time', 'time'],
    ['A=1 B=2 make keys', 'make'],
    ['"kubectl" get pods', 'kubectl'],
    ['The Service is created.', 'The'],
    ['# a comment', undefined],
    ['', undefined],
  ])('%j → %s', (text, program) => {
    expect(firstProgramWord(text)).toBe(program);
  });

  it('should find the program splitTolerant finds, on every line of the fixture pages', () => {
    const lines = globSync(['fixtures/**/*.md']).flatMap((f) => readFileSync(f, 'utf8').split('\n'));
    expect(lines.length).toBeGreaterThan(10_000);
    const differ = lines.filter((l) => firstProgramWord(l) !== splitTolerant(l).commands[0]?.program?.value);
    expect(differ).toEqual([]);
  });
});
