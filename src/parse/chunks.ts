import type { Nodes, Root } from 'mdast';
import type { SourceText } from './source-text.js';

/** Documents above this size are parsed in chunks (micromark slows down more than linearly on big inputs). */
export const CHUNKED_PARSE_THRESHOLD = 256 * 1024;
/** Target chunk size. */
const CHUNK_TARGET = 32 * 1024;
/** Outside a fence, a chunk longer than this is cut at any line (a paragraph may be split; prose is read by line anyway). */
const CHUNK_HARD_LIMIT = 64 * 1024;

const FENCE = /^\s*(`{3,}|~{3,})/;

/**
 * Parses `src` with `parse`, in chunks when it is large: chunks end before a line that
 * starts at column 0 after a blank line, outside fences and HTML comments, so each chunk
 * is valid Markdown on its own. Positions are moved back to the whole document and each
 * tree is handed to `onTree`.
 * Linear in the document size.
 */
export function parseInChunks(src: SourceText, parse: (text: string) => Root, onTree: (tree: Root) => void): void {
  if (src.text.length <= CHUNKED_PARSE_THRESHOLD) return onTree(parse(src.text));
  let chunkStart = 1;
  let fence: string | undefined;
  let inComment = false;
  const emit = (fromLine: number, toLine: number): void => {
    const start = src.lineStarts[fromLine - 1]!;
    const end = toLine >= src.lineCount ? src.text.length : src.lineStarts[toLine]!;
    const tree = parse(src.text.slice(start, end));
    shift(tree, fromLine - 1, start);
    // Each chunk's tree is visited and dropped, so a big document never holds all of mdast at once.
    onTree(tree);
  };
  for (let l = 1; l <= src.lineCount; l++) {
    const text = src.line(l);
    const size = src.lineStarts[l - 1]! - src.lineStarts[chunkStart - 1]!;
    const atBoundary = fence === undefined && !inComment && l > chunkStart;
    if (atBoundary && size >= CHUNK_TARGET) {
      const safe = /^\S/.test(text) && src.line(l - 1).trim() === '' && !/^(`{3,}|~{3,})/.test(text);
      if (safe || size >= CHUNK_HARD_LIMIT) {
        emit(chunkStart, l - 1);
        chunkStart = l;
      }
    }
    const m = FENCE.exec(text);
    if (m) {
      const marker = m[1]!;
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length && text.trim() === marker) fence = undefined;
    } else if (fence === undefined) {
      const open = text.lastIndexOf('<!--');
      const close = text.lastIndexOf('-->');
      if (open > close) inComment = true;
      else if (close >= 0) inComment = false;
    }
  }
  emit(chunkStart, src.lineCount);
}

function shift(node: Nodes, lines: number, offset: number): void {
  const pos = node.position;
  if (pos) {
    pos.start.line += lines;
    pos.end.line += lines;
    if (pos.start.offset !== undefined) pos.start.offset += offset;
    if (pos.end.offset !== undefined) pos.end.offset += offset;
  }
  if ('children' in node) for (const child of node.children as Nodes[]) shift(child, lines, offset);
}
