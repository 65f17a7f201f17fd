import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { describe, expect, it } from 'vitest';
import { BLOCKS_ONLY_EXTENSION, parseBlocksFirst } from '../../src/parse/block-parse.js';
import { parseMarkdown } from '../../src/parse/index.js';
import { indexSource } from '../../src/parse/source-text.js';
import { createUnitCollector } from '../../src/parse/units.js';

function tables(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}
function blocksOnly(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(BLOCKS_ONLY_EXTENSION);
}
const full = unified().use(remarkParse).use(tables).use(remarkFrontmatter, ['yaml', 'toml']);
const fast = unified().use(remarkParse).use(tables).use(remarkFrontmatter, ['yaml', 'toml']).use(blocksOnly);

const parseFull = (text: string) => full.parse(text);
const blocksFirst = (text: string) => parseBlocksFirst(text, (t) => fast.parse(t), parseFull);

function unitsOf(text: string, tree: ReturnType<typeof parseFull>) {
  const collector = createUnitCollector(indexSource(text));
  collector.add(tree);
  return collector.finish();
}

describe('parseBlocksFirst', () => {
  // Each page gives the lesson the same units as a full parse, whether parsed blocks-first or handed back.
  const pages: Array<[string, string, 'blocks' | 'full']> = [
    ['heading with code, emphasis and an entity', '## Using `kubectl` &amp; **pods**\n\ntext\n', 'blocks'],
    ['heading with a link and an image', '## [foo](http://x) and ![i](y)\n', 'blocks'],
    ['heading with escapes and references', '# C# \\# \\* &copy; &#42;\n', 'blocks'],
    ['heading with a tag, an autolink and a trailing backslash', '## a <b>tag</b> <http://x.y> \\\n', 'blocks'],
    ['setext heading over two lines', 'Foo *bar*\nbaz\n===\n', 'blocks'],
    ['setext heading in a list item', '- Foo `x`\n  ---\n', 'full'],
    ['ATX heading in a list item', '- ## Item `h`\n', 'blocks'],
    ['indented ATX heading with a closing sequence', '  ## Indented *h* ##\n', 'blocks'],
    ['front matter and a title', '---\ntitle: x\n---\n# T *x*\n', 'blocks'],
    ['comment opening a line after a paragraph', 'para\n<!-- c -->\n', 'blocks'],
    ['comment after a table', '| a | b |\n|---|---|\n| `x` | 2 |\n<!-- kubedoctest: skip -->\n', 'blocks'],
    ['comment in a list item', '1. step\n\n   <!-- note -->\n   ```bash\n   kubectl get pods\n   ```\n', 'blocks'],
    ['fence tag with a character reference', '```bash&#x20;x\necho\n```\n', 'blocks'],
    ['comment inside a paragraph', 'para <!-- c --> more\n', 'full'],
    ['comment indented as paragraph text', 'text\n    <!-- indented continuation -->\n', 'full'],
    ['comment after a tab', '\t<!-- tab -->\n', 'full'],
    ['heading label a definition may resolve', '## [foo]\n\n[foo]: http://x\n', 'full'],
    ['setext heading in a block quote', '> Foo *bar*\n> ===\n', 'full'],
  ];

  for (const [name, text, way] of pages) {
    it(`should give the units of a full parse: ${name} (${way})`, () => {
      const tree = blocksFirst(text);
      expect(tree === undefined ? 'full' : 'blocks').toBe(way);
      expect(unitsOf(text, tree ?? parseFull(text))).toEqual(unitsOf(text, parseFull(text)));
    });
  }

  it('should keep the heading text of inline syntax as the lesson sees it', () => {
    const lesson = parseMarkdown('## Create a `Pod` with **care**\n\n```bash\nkubectl get pods\n```\n', { path: 'x.md', readFile: () => undefined });
    expect(lesson.steps[0]).toMatchObject({ kind: 'command', section: 'Create a Pod with care' });
  });

  it('should leave paragraphs unparsed for inline syntax', () => {
    const tree = blocksFirst('Run `kubectl` with *care*.\n')!;
    expect(tree.children[0]).toMatchObject({ type: 'paragraph', children: [{ type: 'text', value: 'Run `kubectl` with *care*.' }] });
  });
});
