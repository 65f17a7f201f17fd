import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { simBackend } from '../../src/backends/sim/backend.js';
import { check } from '../../src/run/check.js';
import { expandInputs } from '../../src/run/inputs.js';
import type { Reporter } from '../../src/run/reporter.js';
import { exitCodeFor } from '../../src/run/summary.js';
import { tempDir } from './helpers.js';

const cwd = join(import.meta.dirname, '../../fixtures/run/check');
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function base() {
  const t = tempDir();
  cleanups.push(t.remove);
  const created: string[] = [];
  return {
    created,
    options: { cwd, tmpDir: t.dir, handleSignals: false, settleMs: 15_000, createBackend: (name: string) => (created.push(name), simBackend()) },
  };
}

describe('check', () => {
  it('should expand files and globs, sorted, and refuse empty input with ERR_NO_INPUT', async () => {
    expect(await expandInputs(['*.md'], cwd)).toEqual(['fail-typo.md', 'pass.md', 'prose.md']);
    expect(await expandInputs(['prose.md', 'pass.md', 'pass.md'], cwd)).toEqual(['pass.md', 'prose.md']);
    await expect(expandInputs(['nothing-*.md'], cwd)).rejects.toMatchObject({ code: 'ERR_NO_INPUT' });
  });

  it('should run every lesson with its own backend, call reporter hooks in order, and exit 1 on a failure', async () => {
    const { options, created } = base();
    const events: string[] = [];
    const reporter: Reporter = {
      onRunStart: (files) => void events.push(`run-start ${files.join(',')}`),
      onLessonStart: (path) => void events.push(`lesson-start ${path}`),
      onStepStart: (step, index, total, path) => void events.push(`step-start ${path}:${step.line} ${index + 1}/${total}`),
      onStepResult: (result, _step, path) => void events.push(`step ${path}:${result.line} ${result.status}`),
      onLessonEnd: (lesson) => void events.push(`lesson-end ${lesson.path}`),
      onRunEnd: (report) => void events.push(`run-end ${JSON.stringify(report.summary)}`),
    };
    const report = await check(['*.md'], { ...options, reporters: [reporter] });
    expect(created).toEqual(['sim', 'sim']);
    expect(events).toEqual([
      'run-start fail-typo.md,pass.md,prose.md',
      'lesson-start fail-typo.md',
      'step-start fail-typo.md:4 1/2',
      'step fail-typo.md:4 pass',
      'step-start fail-typo.md:8 2/2',
      'step fail-typo.md:8 fail',
      'lesson-end fail-typo.md',
      'lesson-start pass.md',
      'step-start pass.md:6 1/2',
      'step pass.md:6 pass',
      'step-start pass.md:16 2/2',
      'step pass.md:16 pass',
      'lesson-end pass.md',
      'lesson-start prose.md',
      'lesson-end prose.md',
      'run-end {"passed":3,"failed":1,"skipped":0,"unchecked":0,"errors":0}',
    ]);
    const typo = report.lessons[0]!.steps[1]!;
    expect(typo.hint).toMatchObject({ id: 'command-not-found', message: '`ubectl` is not a command; did the doc mean `kubectl`?' });
    expect(report.version).toBe(1);
    expect(exitCodeFor(report)).toBe(1);
  });

  it('should stop starting lessons after a failure with failFast', async () => {
    const { options } = base();
    const report = await check(['*.md'], { ...options, failFast: true });
    expect(report.lessons.map((l) => l.path)).toEqual(['fail-typo.md']);
    const report2 = await check(['pass.md', 'prose.md'], { ...options, failFast: true });
    expect(report2.lessons.map((l) => l.path)).toEqual(['pass.md', 'prose.md']);
    expect(exitCodeFor(report)).toBe(1);
    // prose.md has no command to run: a file with nothing checked is a finding, not a pass.
    expect(report2.lessons[1]!.findings.map((f) => f.ruleId)).toContain('nothing-to-check');
    expect(exitCodeFor(report2)).toBe(1);
    expect(exitCodeFor({ lessons: [report2.lessons[0]!] })).toBe(0);
  });

  it('should run lessons in parallel with jobs and keep file order in the report', async () => {
    const { options } = base();
    const report = await check(['pass.md', 'fail-typo.md'], { ...options, jobs: 2 });
    expect(report.lessons.map((l) => l.path)).toEqual(['fail-typo.md', 'pass.md']);
    expect(report.summary).toEqual({ passed: 3, failed: 1, skipped: 0, unchecked: 0, errors: 0 });
  });

  it('should replay earlier mutating steps silently for grep', async () => {
    const { options } = base();
    const report = await check(['pass.md'], { ...options, grep: 'get deployment' });
    const steps = report.lessons[0]!.steps;
    expect(steps.map((s) => [s.line, s.status, s.replay ?? false])).toEqual([
      [6, 'pass', true],
      [16, 'pass', false],
    ]);
    expect(report.summary).toEqual({ passed: 1, failed: 0, skipped: 0, unchecked: 0, errors: 0 });
  });

  it('should exit 2 when a backend cannot start', async () => {
    const { options } = base();
    const report = await check(['pass.md'], {
      ...options,
      createBackend: () => ({ name: 'broken', start: () => Promise.reject(new Error('docker is down')) }),
    });
    expect(report.lessons[0]!.error).toEqual({ code: 'ERR_BACKEND_START', message: 'docker is down' });
    expect(exitCodeFor(report)).toBe(2);
  });
});
