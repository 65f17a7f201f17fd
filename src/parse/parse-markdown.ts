import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fenceInlineCode, resolveSkew } from './includes.js';
import { diagnostic } from '../diag/diagnostic.js';
import type { Lesson } from '../plan/types.js';
import { readTextFile, resolveExamplesDir } from './examples.js';
import { finalizeSteps } from './finalize.js';
import { LessonBuilder } from './lesson-builder.js';
import { findSkippedTabs } from './shortcodes.js';
import { indexSource } from './source-text.js';
import { createUnitCollector, type Unit } from './units.js';
import { CHUNKED_PARSE_THRESHOLD, parseInChunks } from './chunks.js';
import { dropCommentHeadings } from './comment-headings.js';
import { walkUnits } from './walk.js';
import { nodesAskedIn } from './data/cluster-shape.js';
import { gatesNamedIn, serviceRangeIn } from './data/cluster-needs.js';
import { BLOCKS_ONLY_EXTENSION, parseBlocksFirst } from './block-parse.js';
import type { Root } from 'mdast';

/** Options for {@link parseMarkdown}. */
export interface ParseOptions {
  /** The doc's path, used in the lesson and to find the examples folder. */
  path: string;
  /** Folder that example includes resolve against; default: see resolveExamplesDir. */
  examplesDir?: string;
  /** Reads an example file (absolute or examplesDir-joined path); undefined when missing. Default: the file system. */
  readFile?: (path: string) => string | undefined;
}

/**
 * GFM tables only: they are the GFM syntax that decides what is a block (a `| a | b |` table is
 * neither prose to scan for commands nor output). Autolink literals, footnotes, strikethrough and
 * task lists never move code, comments or headings, and would double the parse time.
 */
function remarkGfmTables(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkGfmTables).use(remarkFrontmatter, ['yaml', 'toml']);
/** The same without the inline syntax the lesson never reads (see parseBlocksFirst). */
const blocksProcessor = unified().use(remarkParse).use(remarkGfmTables).use(remarkFrontmatter, ['yaml', 'toml']).use(blocksOnly);

function blocksOnly(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(BLOCKS_ONLY_EXTENSION);
}
/**
 * For documents parsed in chunks: GFM only adds inline and table syntax, which never changes
 * where code, comments and headings are, and costs a third of the parse time.
 */
const largeProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);

/**
 * Parses a Markdown tutorial into a lesson: commands with their expected output, manifests
 * and example files, each with its doc position. Never throws on any Markdown: problems
 * become `lesson.findings`.
 */
export function parseMarkdown(source: string, options: ParseOptions): Lesson {
  source = resolveSkew(fenceInlineCode(source));
  const src = indexSource(source);
  const readFile = options.readFile ?? readTextFile;
  let dir: string | undefined;
  let dirResolved = false;
  const examplesDir = (): string | undefined => {
    if (!dirResolved) {
      dir = options.examplesDir ?? (options.readFile ? undefined : resolveExamplesDir(options.path, undefined));
      dirResolved = true;
    }
    return dir;
  };
  const cache = new Map<string, string | undefined>();
  const b = new LessonBuilder({
    get dir() {
      return examplesDir();
    },
    read(examplePath) {
      if (examplePath.includes('..')) return undefined;
      if (cache.has(examplePath)) return cache.get(examplePath);
      const base = examplesDir();
      const content = base === undefined && !options.readFile ? undefined : readFile(base === undefined ? examplePath : join(base, examplePath));
      cache.set(examplePath, content);
      return content;
    },
    readNear(path, alternatives) {
      for (const p of [path, ...alternatives]) {
        if (p.includes('..') || isAbsolute(p)) continue;
        const viaExamples = this.read(p);
        if (viaExamples !== undefined) return viaExamples;
        // Site-relative (`static/examples/x.yaml`) or page-relative (`x.yaml`): the page's folder and its parents.
        let dir = dirname(resolve(options.path));
        for (let depth = 0; depth < 12; depth++) {
          const content = readFile(join(dir, p));
          if (content !== undefined) return content;
          const parent = dirname(dir);
          if (parent === dir) break;
          dir = parent;
        }
      }
      return undefined;
    },
  });
  if (source.includes('\u0000')) {
    b.findings.push(diagnostic('binary-input', 'error', { line: 1, column: 1 }, 'The document contains NUL bytes; it looks like a binary file, not Markdown.'));
  }
  const collector = createUnitCollector(src);
  try {
    const full = (text: string): Root => processor.parse(text);
    const parse =
      source.length > CHUNKED_PARSE_THRESHOLD
        ? (text: string) => largeProcessor.parse(text)
        : (text: string) => parseBlocksFirst(text, (t) => blocksProcessor.parse(t), full) ?? full(text);
    parseInChunks(src, parse, (tree) => collector.add(tree));
  } catch (error) {
    b.findings.push(diagnostic('parse-error', 'error', { line: 1, column: 1 }, `The Markdown parser failed: ${String(error)}`));
    return { path: options.path, steps: [], findings: b.findings };
  }
  const { units, frontmatter } = collector.finish();
  const kept = dropCommentHeadings(units, b.podNames);
  walkUnits(kept, b);
  const proseLines = units.flatMap((u) => (u.type === 'prose' ? u.lines : []));
  const steps = finalizeSteps(b, findSkippedTabs(proseLines, src.lineCount));
  const lesson: Lesson = { path: options.path, steps, findings: b.findings };
  if (b.links.length) lesson.links = b.links;
  const cluster = clusterAskedFor(units);
  if (cluster) lesson.cluster = cluster;
  const needs = clusterNeeds(units);
  if (needs.featureGates.length) lesson.featureGates = needs.featureGates;
  if (needs.settings.length) lesson.settings = needs.settings;
  const title = titleOf(frontmatter, units);
  if (title !== undefined) lesson.title = title;
  return lesson;
}

/** The largest node count the prose asks for (NODE_COUNT_CUE), with its line and sentence. */
function clusterAskedFor(units: Unit[]): Lesson['cluster'] {
  let best: Lesson['cluster'];
  for (const u of units) {
    if (u.type !== 'prose') continue;
    const text = u.lines.map((l) => l.text).join(' ');
    const nodes = nodesAskedIn(text);
    if (nodes !== undefined && nodes > (best?.nodes ?? 1)) best = { nodes, line: u.lines[0]!.line, text: text.trim().replace(/\s+/g, ' ') };
  }
  return best;
}

/** The feature gates the prose names and the cluster settings it states (src/parse/data/cluster-needs.ts). */
function clusterNeeds(units: Unit[]): Required<Pick<Lesson, 'featureGates' | 'settings'>> {
  const out: Required<Pick<Lesson, 'featureGates' | 'settings'>> = { featureGates: [], settings: [] };
  for (const u of units) {
    if (u.type !== 'prose') continue;
    for (const l of u.lines) {
      for (const name of gatesNamedIn(l.text)) if (!out.featureGates.some((g) => g.name === name)) out.featureGates.push({ name, line: l.line });
    }
    const text = u.lines.map((l) => l.text).join(' ');
    const range = serviceRangeIn(text);
    if (range && !out.settings.some((s) => s.value === range))
      out.settings.push({ id: 'service-range', value: range, line: u.lines[0]!.line, text: text.trim().replace(/\s+/g, ' ') });
  }
  return out;
}

function titleOf(frontmatter: string | undefined, units: Unit[]): string | undefined {
  const m = frontmatter === undefined ? null : /^title:\s*(.+?)\s*$/m.exec(frontmatter);
  if (m) return m[1]!.replace(/^(['"])(.*)\1$/, '$2');
  const h1 = units.find((u) => u.type === 'heading' && u.depth === 1);
  return h1 && h1.type === 'heading' ? h1.text : undefined;
}
