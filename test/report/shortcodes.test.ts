import { describe, expect, it } from 'vitest';
import { formatCheckHtml, renderShortcodes } from '../../src/report/index.js';
import { summarize } from '../../src/run/summary.js';
import { sampleLesson } from './fixtures.js';

describe('shortcodes in reports', () => {
  it('renders heading, tooltip and admonition shortcodes as their text, outside code only, keeping lines', () => {
    const md = [
      '## {{% heading "whatsnext" %}}',
      'A {{< glossary_tooltip text="Pod" term_id="pod" >}} runs.',
      '{{< note >}}',
      'Careful.',
      '{{< /note >}}',
      '```shell',
      'echo "{{< param version >}}"',
      '```',
    ].join('\n');
    const out = renderShortcodes(md).split('\n');
    expect(out).toEqual(["## What's next", 'A Pod runs.', 'Note:', 'Careful.', '', '```shell', 'echo "{{< param version >}}"', '```']);
  });

  it('the HTML report shows a heading shortcode as its text', () => {
    const lesson = sampleLesson();
    const html = formatCheckHtml(
      { lessons: [lesson], summary: summarize([lesson]) },
      new Map([[lesson.path, '# T\n\n## {{% heading "prerequisites" %}}\n\nText.\n']]),
    );
    expect(html).toContain('Before you begin');
    expect(html).not.toContain('{{%');
  });
});
