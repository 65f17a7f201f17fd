import { readFileSync } from 'node:fs';
import { parseMarkdown } from '../../src/parse/index.js';
import type { CommandStep, Lesson, ManifestStep } from '../../src/plan/types.js';

/** Examples folder of the copied corpus, relative to the repository root (vitest's cwd). */
export const EXAMPLES_DIR = 'fixtures/corpus/examples';

/** Parses a fixture under fixtures/parse/. */
export function parseFixture(name: string): Lesson {
  const path = `fixtures/parse/${name}`;
  return parseMarkdown(readFileSync(path, 'utf8'), { path, examplesDir: EXAMPLES_DIR });
}

/** The command steps of a lesson. */
export function commands(lesson: Lesson): CommandStep[] {
  return lesson.steps.filter((s): s is CommandStep => s.kind === 'command');
}

/** The manifest steps of a lesson. */
export function manifests(lesson: Lesson): ManifestStep[] {
  return lesson.steps.filter((s): s is ManifestStep => s.kind === 'manifest');
}
