import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { renderShortcodes } from './shortcodes.js';
import { h } from 'hastscript';
import type { Root, RootContent } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { LessonResult, StepResult } from '../run/types.js';
import type { CheckReportLike } from './check-text.js';
import { closingLine } from './check-text.js';
import { HTML_SCRIPT, HTML_STYLE } from './html-assets.js';

const MARK = { pass: '✓', fail: '✗', skipped: '–', unchecked: '?', error: '!' } as const;

/** Side-by-side doc/actual columns and the inline unified diff of one step. */
function resultPanel(r: StepResult): Element {
  const failing = r.status === 'fail' || r.status === 'error';
  const children: ElementContent[] = [
    h('header', [
      h('span', { className: ['mark'], 'aria-hidden': 'true' }, MARK[r.status]),
      ` ${r.status} · line ${r.line} · `,
      h('code', (r.ran ?? r.command ?? r.kind).split('\n')[0]!),
      ` · ${r.durationMs} ms${r.attempts > 1 ? ` · ${r.attempts} attempts` : ''}${r.baseline === 'known' ? ' · known failure (baseline)' : ''}`,
    ]),
  ];
  if (r.skipReason) children.push(h('p', { className: ['reason'] }, `Skipped: ${r.skipReason}`));
  if (r.uncheckedReason) children.push(h('p', { className: ['reason'] }, `Cannot check: ${r.uncheckedReason}`));
  if (r.error) children.push(h('p', { className: ['reason'] }, r.error));
  for (const w of r.rewrites) children.push(h('p', { className: ['rewrite'] }, ['Rewritten ', h('code', w.from), ' → ', h('code', w.to), ` (${w.reason})`]));
  if (r.differences.length)
    children.push(
      h(
        'ul',
        { className: ['differences'] },
        r.differences.map((d) => h('li', `line ${d.line}, ${d.kind}: ${d.message}`)),
      ),
    );
  if (failing && (r.expected !== null || r.actual !== null))
    children.push(
      h('div', { className: ['side-by-side'] }, [
        h('figure', [h('figcaption', 'The doc shows'), h('pre', r.expected ?? '')]),
        h('figure', [h('figcaption', 'Actual output'), h('pre', r.actual ?? '')]),
      ]),
    );
  if (failing && r.diff)
    children.push(
      h(
        'pre',
        { className: ['diff'], 'aria-label': 'unified diff' },
        r.diff
          .split('\n')
          .map((line) =>
            h(
              'span',
              { className: [line.startsWith('+') && !line.startsWith('+++') ? 'add' : line.startsWith('-') && !line.startsWith('---') ? 'del' : 'ctx'] },
              line + '\n',
            ),
          ),
      ),
    );
  if (r.hint) children.push(h('p', { className: ['hint'] }, [h('strong', 'Hint: '), r.hint.message]));
  if (r.hint?.fix) children.push(h('p', { className: ['fix'] }, [h('strong', 'Fix: '), r.hint.fix]));
  return h('section', { className: ['result', r.status, ...(failing ? ['has-fail'] : [])], id: `step-${r.stepId}`, 'data-line': r.line }, children);
}

/** An mdast node that remark-rehype turns into the step's result panel. */
function resultNode(r: StepResult): RootContent {
  const failing = r.status === 'fail' || r.status === 'error';
  return {
    type: 'kdtResult',
    data: { hName: 'div', hProperties: { className: ['step-result', failing ? 'has-fail' : 'no-fail'] }, hChildren: [resultPanel(r)] },
  } as unknown as RootContent;
}

/** Renders a lesson's Markdown with each step's result placed after the block it came from. */
function renderLesson(source: string, lesson: LessonResult): HastRoot {
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter).parse(renderShortcodes(source)) as Root;
  const pending = [...lesson.steps].sort((a, b) => a.line - b.line);
  const out: RootContent[] = [];
  for (const node of tree.children) {
    // Raw HTML from an untrusted doc is not carried into the report; directives live there too.
    if (node.type === 'html' || node.type === 'yaml') continue;
    const end = node.position?.end.line ?? 0;
    const mine: StepResult[] = [];
    while (pending.length && pending[0]!.line <= end) mine.push(pending.shift()!);
    const statusClass = mine.some((r) => r.status === 'fail' || r.status === 'error') ? 'has-fail' : mine.length ? 'has-step' : 'prose';
    // Wrapped, because remark-rehype puts a code node's properties on the inner <code>, not the <pre>.
    out.push({
      type: 'kdtBlock',
      data: { hName: 'div', hProperties: { className: ['block', statusClass], id: `L${node.position?.start.line ?? 0}` } },
      children: [node],
    } as unknown as RootContent);
    for (const r of mine) out.push(resultNode(r));
  }
  for (const r of pending) out.push(resultNode(r));
  tree.children = out;
  return unified().use(remarkRehype).runSync(tree) as HastRoot;
}

/**
 * One self-contained HTML file (no network): each lesson rendered with its steps marked
 * pass/fail, inline and side-by-side diffs, hints, timings, and a failed-only filter.
 */
export function formatCheckHtml(report: CheckReportLike, sources: ReadonlyMap<string, string>): string {
  const lessons = report.lessons.map((l) => {
    const body = renderLesson(sources.get(l.path) ?? '', l);
    const failed = l.steps.filter((s) => s.status === 'fail' || s.status === 'error').length;
    return h('article', { className: ['lesson', failed ? 'lesson-fail' : 'lesson-pass'] }, [
      h('h1', { className: ['lesson-title'] }, [`${failed ? '✗' : '✓'} ${l.path}`]),
      h(
        'p',
        { className: ['meta'] },
        `${l.backend} · ${(l.durationMs / 1000).toFixed(1)} s${l.cached ? ' · from the cache' : ''}${l.error ? ` · ${l.error.code}: ${l.error.message}` : ''}`,
      ),
      ...(l.baseline?.fixed.length
        ? [
            h(
              'ul',
              { className: ['baseline-fixed'] },
              l.baseline.fixed.map((e) => h('li', `fixed: remove from the baseline: line ${e.line} `, h('code', e.command))),
            ),
          ]
        : []),
      h('div', { className: ['doc'] }, body.children as ElementContent[]),
    ]);
  });
  const page = h('html', { lang: 'en' }, [
    h('head', [
      h('meta', { charset: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', 'kubedoctest report'),
      h('style', HTML_STYLE),
    ]),
    h('body', [
      h('header', { className: ['toolbar'] }, [
        h('strong', { id: 'summary' }, closingLine(report.summary)),
        h('label', [h('input', { type: 'checkbox', id: 'failed-only' }), ' Show failed steps only']),
      ]),
      h('main', lessons),
      h('script', HTML_SCRIPT),
    ]),
  ]);
  return (
    '<!doctype html>\n' +
    unified()
      .use(rehypeStringify)
      .stringify({ type: 'root', children: [page] }) +
    '\n'
  );
}
