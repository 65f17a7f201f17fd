import type { Code, Heading, Html, Nodes, Root, Yaml } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { DocLine, SourceText } from './source-text.js';

/** A fenced or indented code block with its content lines placed in the doc. */
export interface CodeUnit {
  type: 'code';
  line: number;
  /** First word of the info string, lower case; '' when untagged or indented. */
  tag: string;
  fenced: boolean;
  /** True when the closing fence is missing (closed by the end of the doc or its container). */
  unterminated: boolean;
  /** Column of the opening fence. */
  column: number;
  endLine: number;
  endColumn: number;
  lines: DocLine[];
}

/** A heading (section title). */
export interface HeadingUnit {
  type: 'heading';
  line: number;
  depth: number;
  text: string;
}

/** An HTML comment (`<!-- kubedoctest: … -->` directives and section markers). */
export interface CommentUnit {
  type: 'comment';
  line: number;
  column: number;
  value: string;
}

/** A run of consecutive non-blank prose lines (paragraphs, list items, raw HTML, shortcodes). */
export interface ProseUnit {
  type: 'prose';
  line: number;
  lines: DocLine[];
}

export type Unit = CodeUnit | HeadingUnit | CommentUnit | ProseUnit;

/** The doc as units in line order, plus the front matter title if any. */
export interface DocUnits {
  units: Unit[];
  frontmatter?: string;
}

const CLOSING_FENCE = /^\s*(`{3,}|~{3,})\s*$/;

/** Collects units from one or more trees (chunks of one document), then the prose runs. */
export interface UnitCollector {
  add(tree: Root): void;
  finish(): DocUnits;
}

/** A collector for a document; trees may be added chunk by chunk and dropped after `add`. */
export function createUnitCollector(src: SourceText): UnitCollector {
  const covered = new Uint8Array(src.lineCount + 2);
  const units: Unit[] = [];
  let frontmatter: string | undefined;
  const cover = (from: number, to: number): void => {
    for (let l = from; l <= to; l++) covered[l] = 1;
  };
  const visit = (node: Nodes, inItem = false): void => {
    const pos = node.position;
    if (node.type === 'code' && pos) {
      const unit = codeUnit(node, src);
      units.push(...(inItem && !unit.fenced ? (fencesInIndentedBlock(unit) ?? [unit]) : [unit]));
      cover(pos.start.line, pos.end.line);
      return;
    }
    if ((node.type as string) === 'toml' && pos) {
      cover(pos.start.line, pos.end.line);
      return;
    }
    if (node.type === 'yaml' && pos) {
      frontmatter = (node as Yaml).value;
      cover(pos.start.line, pos.end.line);
      return;
    }
    if (node.type === 'html' && pos && /^\s*<!--/.test((node as Html).value)) {
      units.push({ type: 'comment', line: pos.start.line, column: pos.start.column, value: (node as Html).value });
      cover(pos.start.line, pos.end.line);
      return;
    }
    if (node.type === 'heading' && pos) {
      units.push({ type: 'heading', line: pos.start.line, depth: (node as Heading).depth, text: toString(node).trim() });
      cover(pos.start.line, pos.end.line);
      return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child, inItem || node.type === 'listItem');
  };
  return {
    add: (tree) => visit(tree),
    finish(): DocUnits {
      let run: DocLine[] = [];
      const flush = (): void => {
        if (run.length > 0) units.push({ type: 'prose', line: run[0]!.line, lines: run });
        run = [];
      };
      for (let l = 1; l <= src.lineCount; l++) {
        const text = src.line(l);
        if (covered[l] || text.trim() === '') {
          flush();
          continue;
        }
        const indent = text.length - text.trimStart().length;
        run.push({ text: text.trimStart(), line: l, column: indent + 1 });
      }
      flush();
      // Stable sort: units from mdast were pushed in tree order, prose after them.
      units.sort((a, b) => a.line - b.line);
      return frontmatter === undefined ? { units } : { units, frontmatter };
    },
  };
}

function codeUnit(node: Code, src: SourceText): CodeUnit {
  const pos = node.position!;
  const opening = src.line(pos.start.line);
  // At most three spaces before the marker: four or more make an indented block that only shows fence lines.
  const marker = /^ {0,3}(`{3,}|~{3,})/.exec(opening.slice(pos.start.column - 1))?.[1];
  const fenced = marker !== undefined;
  // An indented block under a list item keeps, in mdast, the indentation past the item's content
  // column plus four (`1. Create x.yaml:` then a block at 8 spaces has a 1-space margin): the
  // margin the lines share is the list's, not the block's.
  const valueLines = node.value === '' ? [] : fenced ? node.value.split(/\r?\n|\r/) : dedent(node.value.split(/\r?\n|\r/));
  const first = fenced ? pos.start.line + 1 : pos.start.line;
  const lines: DocLine[] = valueLines.map((text, k) => {
    const line = first + k;
    const raw = src.line(line);
    const at = text === '' ? raw.length : raw.endsWith(text) ? raw.length - text.length : Math.max(0, raw.indexOf(text));
    return { text, line, column: at + 1 };
  });
  const lastLine = src.line(pos.end.line);
  const closing = CLOSING_FENCE.exec(lastLine.replace(/^(\s*>)+/, ''))?.[1];
  const closed = marker !== undefined && pos.end.line > pos.start.line && closing !== undefined && closing[0] === marker[0] && closing.length >= marker.length;
  return {
    type: 'code',
    line: pos.start.line,
    column: pos.start.column,
    endLine: pos.end.line,
    endColumn: pos.end.column,
    tag: fenced ? (node.lang ?? '').toLowerCase().replace(/[{,].*$/, '') : '',
    fenced,
    unterminated: fenced && !closed,
    lines,
  };
}

/** Removes the indentation all non-blank lines share. */
function dedent(lines: string[]): string[] {
  const margins = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = margins.length ? Math.min(...margins) : 0;
  return cut === 0 ? lines : lines.map((l) => l.slice(Math.min(cut, /^[ \t]*/.exec(l)![0].length)));
}

/** A fence's opening line inside a block's text: indent (at most 3), marker, info string. */
const OPENING_FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/**
 * A fence indented past a list item's content by four or more (`1. Run:` then a ```` ``` ```` line at
 * 7 spaces): CommonMark (and so Hugo's goldmark) makes the lines an indented code block that
 * shows the fence lines as text, and an older renderer (Blackfriday) a fenced block. Either way the
 * reader sees code between fence lines and reads the lines between them as the block, in the
 * fence's language: each fence becomes a fenced unit, and the lines outside any fence an indented
 * unit of their own. Undefined when the block holds no fence.
 */
export function fencesInIndentedBlock(block: CodeUnit): CodeUnit[] | undefined {
  const lines = block.lines;
  if (!lines.some((l) => isOpening(l.text))) return undefined;
  const out: CodeUnit[] = [];
  let loose: DocLine[] = [];
  const flushLoose = (): void => {
    const nonBlank = loose.filter((l) => l.text.trim() !== '');
    if (nonBlank.length > 0) {
      const first = nonBlank[0]!;
      const last = nonBlank[nonBlank.length - 1]!;
      out.push({ ...block, line: first.line, column: first.column, endLine: last.line, endColumn: last.column + last.text.length, lines: nonBlank });
    }
    loose = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const open = OPENING_FENCE.exec(lines[i]!.text);
    const marker = open?.[2];
    if (!open || !marker || (marker[0] === '`' && open[3]!.includes('`'))) {
      loose.push(lines[i]!);
      continue;
    }
    flushLoose();
    const indent = open[1]!.length;
    const closeAt = lines.findIndex((l, k) => k > i && isClosing(l.text, marker));
    const end = closeAt === -1 ? lines.length : closeAt;
    const inner = lines.slice(i + 1, end).map((l) => {
      const cut = Math.min(indent, /^ */.exec(l.text)![0].length);
      return { text: l.text.slice(cut), line: l.line, column: l.column + cut };
    });
    const opening = lines[i]!;
    const closing = closeAt === -1 ? lines[end - 1]! : lines[closeAt]!;
    out.push({
      type: 'code',
      line: opening.line,
      column: opening.column + indent,
      endLine: closing.line,
      endColumn: closing.column + closing.text.length,
      tag: open[3]!
        .trim()
        .split(/\s+/)[0]!
        .toLowerCase()
        .replace(/[{,].*$/, ''),
      fenced: true,
      unterminated: closeAt === -1,
      lines: inner,
    });
    i = end;
  }
  flushLoose();
  return out;
}

function isOpening(text: string): boolean {
  const m = OPENING_FENCE.exec(text);
  return m !== null && !(m[2]![0] === '`' && m[3]!.includes('`'));
}

function isClosing(text: string, marker: string): boolean {
  const m = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(text);
  return m !== null && m[1]![0] === marker[0] && m[1]!.length >= marker.length;
}
