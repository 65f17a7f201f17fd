import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Example files larger than this are not read (a manifest is a few KB). */
export const MAX_EXAMPLE_BYTES = 1024 * 1024;

/**
 * Candidate folders, checked at the doc's folder and each parent: `examples/` (also the
 * `content/<lang>/examples` of a website checkout, reached from `content/<lang>/docs/…`), the
 * English examples from a checkout's root, and this project's fixtures layout (`corpus/examples`).
 */
const EXAMPLE_DIR_CANDIDATES = ['examples', join('content', 'en', 'examples'), join('corpus', 'examples')];

/**
 * The folder that `{{% code_sample file=… %}}` paths and k8s.io/examples URLs resolve
 * against: the explicit option, else `examples/` (or `content/en/examples/`) next to the
 * doc or in the nearest parent that has one. Undefined when there is none.
 */
export function resolveExamplesDir(docPath: string, explicit: string | undefined): string | undefined {
  // Example: fixtures/run/connect-applications/page.md → fixtures/corpus/examples.
  if (explicit !== undefined) return explicit;
  let dir = dirname(resolve(docPath));
  for (;;) {
    for (const c of EXAMPLE_DIR_CANDIDATES) {
      const candidate = join(dir, c);
      if (isDirectory(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isDirectory(p: string): boolean {
  try {
    return existsSync(p) && statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Reads a UTF-8 text file; undefined when missing, unreadable or too large. */
export function readTextFile(path: string): string | undefined {
  try {
    if (statSync(path).size > MAX_EXAMPLE_BYTES) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The manifest language for an example path. */
export function languageOf(file: string, hint?: string): 'yaml' | 'json' | 'text' {
  const h = (hint ?? '').toLowerCase();
  if (h === 'json' || /\.json$/i.test(file)) return 'json';
  if (h === 'yaml' || /\.ya?ml$/i.test(file)) return 'yaml';
  return 'text';
}
