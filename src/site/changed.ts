/**
 * `check --changed <ref>`: of the pages given, the ones a change since `ref` touches: the page
 * itself, or a file it includes. Each selected page says why.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadLesson } from '../parse/index.js';
import { buildPlan } from '../plan/index.js';
import { changedSince, repoRoot } from './git.js';
import { pageIncludes, type Include } from './includes.js';

/** A page picked by `--changed`, with its reasons (`changed`, `includes examples/x.yaml (code_sample)`). */
export interface SelectedPage {
  path: string;
  reasons: string[];
}

const VIA = { shortcode: 'example shortcode', url: 'k8s.io/examples URL', readfile: 'readfile shortcode' } as const;

/** The includes of a page, from its plan and source. */
export async function includesOf(path: string, examplesDir?: string): Promise<Include[]> {
  const full = resolve(path);
  const source = await readFile(full, 'utf8');
  const plan = buildPlan(await loadLesson(full, examplesDir ? { examplesDir } : {}));
  return pageIncludes(full, plan, source, examplesDir);
}

/**
 * Selects, in input order, the pages changed since `ref` or including a changed file.
 * `changed` lists absolute paths (tests pass it to skip git).
 */
export async function selectChanged(pages: string[], changed: ReadonlySet<string>, root: string, examplesDir?: string): Promise<SelectedPage[]> {
  const out: SelectedPage[] = [];
  const shown = (abs: string) => (abs.startsWith(root + '/') ? abs.slice(root.length + 1) : abs);
  for (const page of pages) {
    const reasons: string[] = [];
    const full = resolve(page);
    if (changed.has(full)) reasons.push('changed');
    for (const inc of await includesOf(page, examplesDir)) {
      if (!changed.has(inc.file)) continue;
      const reason = `includes ${shown(inc.file)} (${VIA[inc.via]}, line ${inc.line})`;
      if (!reasons.includes(reason)) reasons.push(reason);
    }
    if (reasons.length) out.push({ path: page, reasons });
  }
  return out;
}

/** The changed files since `ref` in the repository around `cwd`, as absolute paths. */
export async function changedFiles(ref: string, cwd: string = process.cwd()): Promise<{ root: string; files: Set<string> }> {
  const root = await repoRoot(cwd);
  const files = new Set((await changedSince(ref, cwd)).map((f) => resolve(root, f)));
  return { root, files };
}

/** One line per selected page: `path: reason; reason`. */
export function formatSelection(selected: SelectedPage[], total: number, ref: string): string {
  const head = `--changed ${ref}: ${selected.length} of ${total} page${total === 1 ? '' : 's'} selected\n`;
  return head + selected.map((s) => `  ${s.path}: ${s.reasons.join('; ')}\n`).join('');
}
