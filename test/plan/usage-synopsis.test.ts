import { describe, expect, it } from 'vitest';
import { USAGE_SYNOPSIS } from '../../src/plan/data/placeholders.js';
import { usageSynopsisReason } from '../../src/plan/placeholders.js';
import { parseMarkdown } from '../../src/parse/index.js';
import { commands } from '../parse/helpers.js';

describe('usage synopses', () => {
  it.each(USAGE_SYNOPSIS.trigger)('reads %j as a usage synopsis', (command) => {
    expect(usageSynopsisReason(command)).toBe('a usage synopsis, not a command');
  });
  it.each(USAGE_SYNOPSIS.clean)('keeps %j a command', (command) => {
    expect(usageSynopsisReason(command)).toBeUndefined();
  });
});

describe('a page that shows a command synopsis in a transcript', () => {
  const page = [
    '# Update',
    '',
    'Updates are started with the `kubectl rolling-update` command:',
    '',
    '    $ kubectl rolling-update NAME \\',
    '        ([NEW_NAME] --image=IMAGE | -f FILE)',
    '',
    'For example:',
    '',
    '    $ kubectl get pods',
    '',
  ].join('\n');

  it('should skip the synopsis as illustrative with the reason and keep the example a command', () => {
    const steps = commands(parseMarkdown(page, { path: 'p.md', examplesDir: 'none' }));
    expect(steps.map((s) => [s.line, s.host.kind, s.host.kind === 'illustrative' ? s.host.reason : undefined])).toEqual([
      [5, 'illustrative', 'a usage synopsis, not a command'],
      [10, 'local', undefined],
    ]);
  });
});
