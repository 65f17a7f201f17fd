/**
 * `kubedoctest drift <site-root>`: for every `content/<lang>/docs/…` page with an English
 * source at `content/en/docs/…`, the commands, manifests and shown outputs that differ.
 * Static: nothing runs. With `since`, only English changes newer than the translation count.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { glob } from 'tinyglobby';
import { KubedoctestError } from '../diag/errors.js';
import { resolveExamplesDir } from '../parse/examples.js';
import { loadLesson } from '../parse/index.js';
import { buildPlan } from '../plan/index.js';
import { alignItems, driftItems, firstDifference, itemLines } from './drift-steps.js';
import { changedLines, isAncestor, lastCommit } from './git.js';

/** One difference between an English step and its translation. */
export interface Drift {
  kind: 'command' | 'manifest' | 'output';
  /** `differs`; `missing` (only the English page has it); `extra` (only the translation has it). */
  change: 'differs' | 'missing' | 'extra';
  english?: { line: number; text: string };
  translation?: { line: number; text: string };
}

/** The drifts of one translated page. */
export interface PageDrift {
  lang: string;
  /** Paths relative to the site root. */
  english: string;
  translation: string;
  drifts: Drift[];
}

export interface DriftOptions {
  /** Only English changes since this git ref, and newer than the translation's last commit. */
  since?: string;
}

/** Compares every translated page under `<root>/content` with its English source. */
export async function findDrift(root: string, options: DriftOptions = {}): Promise<PageDrift[]> {
  if (!existsSync(join(root, 'content', 'en')))
    throw new KubedoctestError('ERR_NO_INPUT', `${root} has no content/en folder`, {
      hint: 'give the root of a Hugo site (the folder holding content/<lang>/docs)',
    });
  const translated = (await glob('content/*/docs/**/*.md', { cwd: root, expandDirectories: false })).filter((p) => !p.startsWith('content/en/')).sort();
  const out: PageDrift[] = [];
  for (const tr of translated) {
    const [, lang, ...rest] = tr.split('/');
    const en = ['content', 'en', ...rest].join('/');
    if (!existsSync(join(root, en))) continue;
    const drifts = await comparePages(root, en, tr, options);
    if (drifts.length) out.push({ lang: lang!, english: en, translation: tr, drifts });
  }
  return out;
}

async function planOf(root: string, path: string, examplesDir: string | undefined) {
  return buildPlan(await loadLesson(join(root, path), examplesDir ? { examplesDir } : {}));
}

async function comparePages(root: string, en: string, tr: string, options: DriftOptions): Promise<Drift[]> {
  let changed: Set<number> | undefined;
  if (options.since !== undefined) {
    // Newer than the translation: English changes after the translation's last commit, when that is after the ref.
    const trCommit = await lastCommit(tr, root);
    const base = trCommit && (await isAncestor(options.since, trCommit, root)) ? trCommit : options.since;
    changed = await changedLines(base, en, root);
    if (changed.size === 0) return [];
  }
  // A translation shows the English examples (Hugo falls back to them), so both read the same folder.
  const examplesDir = resolveExamplesDir(join(root, en), undefined);
  const pairs = alignItems(driftItems(await planOf(root, en, examplesDir)), driftItems(await planOf(root, tr, examplesDir)));
  const drifts: Drift[] = [];
  for (const { en: e, tr: t } of pairs) {
    if (e && t && e.key === t.key) continue;
    if (changed && (!e || !touches(itemLines(e), changed))) continue;
    if (e && t) {
      const d = firstDifference(e, t);
      drifts.push({ kind: e.kind, change: 'differs', english: { line: d.enLine, text: d.enText }, translation: { line: d.trLine, text: d.trText } });
    } else if (e) drifts.push({ kind: e.kind, change: 'missing', english: { line: e.line, text: e.raw.split('\n')[0]! } });
    else if (t) drifts.push({ kind: t.kind, change: 'extra', translation: { line: t.line, text: t.raw.split('\n')[0]! } });
  }
  return drifts;
}

function touches([from, to]: [number, number], lines: Set<number>): boolean {
  for (let l = from; l <= to; l++) if (lines.has(l)) return true;
  return false;
}

/** `translation ← english` then one line per drift. */
export function formatDriftText(pages: PageDrift[], root: string): string {
  const out: string[] = [];
  for (const p of pages) {
    out.push(`${p.translation} (${p.lang}) ← ${p.english}`);
    for (const d of p.drifts) {
      const what =
        d.change === 'differs' ? `${d.kind} differs` : d.change === 'missing' ? `${d.kind} missing in the translation` : `${d.kind} only in the translation`;
      out.push(`  ${what}`);
      if (d.english) out.push(`    en ${p.english}:${d.english.line}: ${d.english.text}`);
      if (d.translation) out.push(`    ${p.lang} ${p.translation}:${d.translation.line}: ${d.translation.text}`);
    }
  }
  const n = pages.reduce((s, p) => s + p.drifts.length, 0);
  out.push(
    `${n} difference${n === 1 ? '' : 's'} in ${pages.length} translated page${pages.length === 1 ? '' : 's'} of ${relative(process.cwd(), root) || '.'}`,
  );
  return out.join('\n') + '\n';
}

/** `{ version: 1, pages: PageDrift[] }`. */
export function formatDriftJson(pages: PageDrift[]): string {
  return JSON.stringify({ version: 1, pages }, null, 2) + '\n';
}
