import { describe, expect, it } from 'vitest';
import { splitCommandBlock } from '../../src/parse/command-block.js';
import { COMMENT_MARKERS } from '../../src/parse/data/comment-markers.js';
import { parseMarkdown } from '../../src/parse/index.js';
import { commands } from './helpers.js';

const split = (text: readonly string[]) =>
  splitCommandBlock(
    text.map((t, k) => ({ text: t, line: k + 1, column: 1 })),
    { shellSyntax: true, podNames: new Set() },
  );
const commandText = (c: ReturnType<typeof split>[number]) => c.lines.map((l) => l.text).join('\n');

describe('comment markers', () => {
  for (const marker of COMMENT_MARKERS) {
    describe(marker.id, () => {
      it.each(marker.trigger.map((t) => [t.lines, t.commands]))('reads the marker lines of %j as comments', (lines, expected) => {
        const got = split(lines as string[]);
        expect(got.map(commandText)).toEqual(expected);
        expect(got.flatMap((c) => c.output.map((l) => l.text))).toEqual([]);
      });
      it.each(marker.clean.map((c) => [c.lines, c.commands, c.output]))('keeps %j as written', (lines, expected, output) => {
        const got = split(lines as string[]);
        expect(got.map(commandText)).toEqual(expected);
        expect(got.flatMap((c) => c.output.map((l) => l.text))).toEqual(output);
      });
    });
  }
});

describe('a page that comments its transcript with //', () => {
  const page = [
    '# Update',
    '',
    '### Examples',
    '',
    '    // Update pods of web-v1 using new controller data in web-v2.json.',
    '    $ kubectl replace -f web-v2.json',
    '',
    '    // Read it back.',
    '    $ kubectl get -f web-v2.json',
    '',
  ].join('\n');

  it('should run neither comment and take neither as the output of a command', () => {
    const steps = commands(parseMarkdown(page, { path: 'p.md', examplesDir: 'none' }));
    expect(steps.map((s) => [s.line, s.command, s.expected])).toEqual([
      [6, 'kubectl replace -f web-v2.json', null],
      [9, 'kubectl get -f web-v2.json', null],
    ]);
  });
});
