import type { Heading, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';

/**
 * Inline syntax a lesson never reads. Prose is read line by line from the source (units.ts), so
 * emphasis, links, code spans and inline HTML inside a paragraph only cost parse time — about a
 * quarter of it. Character escapes and references stay: code fence info strings (the fence tag)
 * are decoded with them.
 */
export const BLOCKS_ONLY_EXTENSION = {
  disable: { null: ['attention', 'autolink', 'codeText', 'htmlText', 'hardBreakEscape', 'labelStartImage', 'labelStartLink', 'labelEnd'] },
};

/** Characters that may start inline syntax in a heading (or survive it only as decoded text). */
const INLINE_SYNTAX = /[`*_<\\&![\]]/;

/**
 * Parses with `blocksOnly` (a processor with {@link BLOCKS_ONLY_EXTENSION}) and gives the tree
 * the lesson reads, the same as `full` would: block structure does not depend on inline syntax,
 * and of the inline nodes the lesson reads only two kinds, which are made sure of here:
 * - a comment inside a paragraph (an inline `html` node): when any `<!--` in the text is not at
 *   the start of a line (where it can only open an HTML block), undefined is returned;
 * - a heading's text: a heading with characters of inline syntax is parsed again alone with
 *   `full`, and takes its children from there. When that cannot give the same result (a link
 *   label that a definition elsewhere may resolve; a multi-line heading inside a container),
 *   undefined is returned.
 * Undefined means: parse the text with `full`.
 */
export function parseBlocksFirst(text: string, blocksOnly: (text: string) => Root, full: (text: string) => Root): Root | undefined {
  if (hasInlineComment(text)) return undefined;
  const tree = blocksOnly(text);
  const headings: Heading[] = [];
  let hasDefinitions = false;
  const collect = (node: Nodes): void => {
    if (node.type === 'heading') headings.push(node);
    else if (node.type === 'definition') hasDefinitions = true;
    else if (node.type === 'root' || node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') {
      for (const child of node.children) collect(child);
    }
  };
  collect(tree);
  for (const heading of headings) {
    const plain = toString(heading);
    if (!INLINE_SYNTAX.test(plain)) continue;
    if (hasDefinitions && /[[\]]/.test(plain)) return undefined;
    const children = reparseHeading(heading, text, full);
    if (!children) return undefined;
    heading.children = children;
  }
  return tree;
}

/** True when some `<!--` is not at a line's start (after at most three spaces): it may be inline HTML. */
function hasInlineComment(text: string): boolean {
  for (let at = text.indexOf('<!--'); at !== -1; at = text.indexOf('<!--', at + 4)) {
    const lineStart = text.lastIndexOf('\n', at) + 1;
    if (!/^ {0,3}$/.test(text.slice(lineStart, at))) return true;
  }
  return false;
}

/** The heading's inline content as `full` parses it, from its own source; undefined when the source alone is no such heading. */
function reparseHeading(heading: Heading, text: string, full: (text: string) => Root): Heading['children'] | undefined {
  const pos = heading.position;
  if (pos?.start.offset === undefined || pos.end.offset === undefined) return undefined;
  // A setext heading's later lines carry the prefixes of its containers (`> `), which would parse as blocks of their own.
  if (pos.start.line !== pos.end.line && pos.start.column !== 1) return undefined;
  const alone = full(text.slice(pos.start.offset, pos.end.offset));
  const only = alone.children.length === 1 ? alone.children[0] : undefined;
  return only?.type === 'heading' && only.depth === heading.depth ? only.children : undefined;
}
