import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diag/diagnostic.js';
import type { LessonResult, StepResult } from '../../src/run/types.js';
import { applyBaseline, entriesOf, exitCodeWithBaseline, updatedBaseline } from '../../src/site/baseline.js';
import { stepFingerprint } from '../../src/site/fingerprint.js';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { formatCheckGithub, formatCheckJunit, formatCheckSarif } from '../../src/report/check-formats.js';
import { summarize } from '../../src/run/summary.js';
import { runCli } from '../helpers/cli.js';
import { buildIfStale, makeSite, writeFiles } from './site-fixture.js';

function step(stepId: string, line: number, command: string, expected: string | null, status: StepResult['status']): StepResult {
  return {
    stepId,
    line,
    kind: 'command',
    command,
    expected,
    status,
    attempts: 1,
    exitCode: 0,
    actual: '',
    differences: [],
    bindings: [],
    rewrites: [],
    durationMs: 1,
  };
}
const lesson = (steps: StepResult[], findings: Diagnostic[] = []): LessonResult => ({ path: 'docs/a.md', backend: 'sim', steps, findings, durationMs: 1 });

describe('baseline fingerprints', () => {
  it('depend on the command and the shown output, not on the line or the spacing', () => {
    const a = stepFingerprint(step('s2', 10, 'kubectl get pods', 'NAME  READY\nweb   1/1', 'fail'));
    expect(stepFingerprint(step('s7', 88, '  kubectl   get pods', 'NAME READY\n\nweb 1/1  ', 'fail'))).toBe(a);
    expect(stepFingerprint(step('s2', 10, 'kubectl get pods -A', 'NAME  READY\nweb   1/1', 'fail'))).not.toBe(a);
    expect(stepFingerprint(step('s2', 10, 'kubectl get pods', 'NAME  READY\nweb   0/1', 'fail'))).not.toBe(a);
  });
});

describe('applyBaseline', () => {
  const before = lesson([step('s1', 3, 'echo ok', 'ok', 'pass'), step('s2', 8, 'echo one', 'two', 'fail')]);
  const baseline = updatedBaseline({ version: 1, entries: [] }, [before]);

  it('an old failure, even moved, exits 0 and is marked known', () => {
    const moved = lesson([step('s1', 3, 'echo ok', 'ok', 'pass'), step('s2', 9, 'echo extra', 'extra', 'pass'), step('s3', 20, 'echo one', 'two', 'fail')]);
    const outcome = applyBaseline([moved], baseline);
    expect(outcome).toEqual({ known: 1, new: 0, fixed: [] });
    expect(moved.steps[2]!.baseline).toBe('known');
    expect(exitCodeWithBaseline([moved])).toBe(0);
  });

  it('a new failure exits 1; an entry that now passes is reported fixed', () => {
    const now = lesson([step('s1', 3, 'echo ok', 'ok', 'fail'), step('s2', 8, 'echo one', 'two', 'pass')]);
    const outcome = applyBaseline([now], baseline);
    expect(outcome.new).toBe(1);
    expect(outcome.fixed).toEqual([{ page: 'docs/a.md', fingerprint: baseline.entries[0]!.fingerprint, kind: 'step', command: 'echo one', line: 8 }]);
    expect(now.baseline!.fixed).toEqual(outcome.fixed);
    expect(exitCodeWithBaseline([now])).toBe(1);
  });

  it('error findings not tied to a failed step are keyed by rule and message; a tool error still exits 2', () => {
    const finding: Diagnostic = {
      ruleId: 'manifest-schema',
      severity: 'error',
      line: 5,
      column: 1,
      message: 'unknown field spec.replica',
      source: 'kubedoctest',
    };
    const l = lesson([step('s1', 3, 'echo ok', 'ok', 'pass')], [finding]);
    const b = updatedBaseline({ version: 1, entries: [] }, [l]);
    expect(b.entries).toEqual([
      { page: 'docs/a.md', fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/), kind: 'manifest-schema', command: 'unknown field spec.replica', line: 5 },
    ]);
    const again = lesson([step('s1', 3, 'echo ok', 'ok', 'pass')], [{ ...finding, line: 40 }]);
    applyBaseline([again], b);
    expect(again.baseline!.knownFindings).toEqual([0]);
    expect(exitCodeWithBaseline([again])).toBe(0);
    const broken = { ...lesson([]), error: { code: 'ERR_BACKEND_START', message: 'no' } };
    applyBaseline([broken], b);
    expect(exitCodeWithBaseline([broken])).toBe(2);
  });

  it('writing a baseline keeps the entries of pages not in this run', () => {
    const other = { page: 'docs/other.md', fingerprint: 'ffffffffffffffff', kind: 'step', command: 'x', line: 1 };
    const next = updatedBaseline({ version: 1, entries: [other, { ...other, page: 'docs/a.md' }] }, [before]);
    expect(next.entries.map((e) => e.page)).toEqual(['docs/a.md', 'docs/other.md']);
    expect(next.entries[0]).toEqual(entriesOf([before])[0]);
  });
});

describe('reports of a run with a baseline', () => {
  const before = lesson([step('s1', 3, 'echo ok', 'ok', 'pass'), step('s2', 8, 'echo one', 'two', 'fail')]);
  const baseline = updatedBaseline({ version: 1, entries: [] }, [before]);
  const now = () => {
    const l = lesson([step('s1', 3, 'echo ok', 'not ok', 'fail'), step('s2', 8, 'echo one', 'two', 'fail'), step('s3', 12, 'echo gone', 'x', 'pass')]);
    applyBaseline([l], {
      version: 1,
      entries: [...baseline.entries, { page: 'docs/a.md', fingerprint: '0123456789abcdef', kind: 'step', command: 'echo gone', line: 12 }],
    });
    return { lessons: [l], summary: summarize([l]) };
  };

  it('SARIF marks new, unchanged and absent results and still validates against the SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(readFileSync(new URL('../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8'));
    type AjvClass = new (opts: Record<string, unknown>) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown[] | null } };
    const Ajv = ((AjvDraft04 as unknown as { default?: AjvClass }).default ?? AjvDraft04) as unknown as AjvClass;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    type AddFormats = (ajv: unknown) => unknown;
    ((addFormats as unknown as { default?: AddFormats }).default ?? (addFormats as unknown as AddFormats))(ajv);
    const validate = ajv.compile(schema);
    const log = JSON.parse(formatCheckSarif(now(), '0.1.0'));
    expect(validate(log)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    expect(log.runs[0].results.map((r: { ruleId: string; baselineState: string }) => [r.ruleId, r.baselineState])).toEqual([
      ['kubedoctest/output-mismatch', 'new'],
      ['kubedoctest/output-mismatch', 'unchanged'],
      ['kubedoctest/baseline-fixed', 'absent'],
    ]);
  });

  it('JUnit counts a known failure as skipped; GitHub makes it a notice and names the fixed entry', () => {
    const r = now();
    expect(formatCheckJunit(r)).toMatch(/<testsuites [^>]*failures="1"[^>]*skipped="1"/);
    const gh = formatCheckGithub(r);
    expect(gh.match(/^::error /gm)).toHaveLength(1);
    expect(gh).toContain('title=kubedoctest output-mismatch (baseline)::known failure, in the baseline:');
    expect(gh).toContain('::notice file=docs/a.md,line=12,title=kubedoctest baseline-fixed::fixed: remove from the baseline: echo gone (0123456789abcdef)');
  });
});

describe('check --baseline / --write-baseline through the CLI', () => {
  beforeAll(buildIfStale, 180_000);

  it('old failure → exit 0 and marked in every report; new failure → exit 1; fixed entry → reported', async () => {
    const failing = '```shell\necho one\n```\n\n```\ntwo\n```\n';
    const dir = makeSite({ 'docs/a.md': `# A\n\n${failing}` });
    const cli = (...args: string[]) => runCli(['check', 'docs/a.md', ...args], { cwd: dir });
    const read = (f: string) => readFileSync(join(dir, f), 'utf8');

    const first = await cli('--write-baseline', 'baseline.json', '--format', 'json', '-o', 'r0.json');
    expect(first.code).toBe(0);
    const baseline = JSON.parse(read('baseline.json'));
    expect(baseline.entries).toEqual([{ page: 'docs/a.md', fingerprint: expect.any(String), kind: 'step', command: 'echo one', line: 4 }]);

    // Move the failing step down: a passing step and prose before it.
    writeFiles(dir, { 'docs/a.md': `# A\n\nFirst:\n\n\`\`\`shell\necho ok\n\`\`\`\n\n\`\`\`\nok\n\`\`\`\n\nThen:\n\n${failing}` });
    const json = await cli('--baseline', 'baseline.json', '--format', 'json', '-o', 'r1.json');
    expect(json.code).toBe(0);
    expect(json.stderr).toContain('baseline: 1 known failure, 0 new');
    const steps = JSON.parse(read('r1.json')).files[0].steps;
    expect(steps.map((s: { status: string; baseline?: string }) => [s.status, s.baseline ?? null])).toEqual([
      ['pass', null],
      ['fail', 'known'],
    ]);
    expect((await cli('--baseline', 'baseline.json', '--format', 'junit', '-o', 'r.xml')).code).toBe(0);
    expect(read('r.xml')).toMatch(/<skipped message="known failure, in the baseline: [^"]*two/);
    expect(read('r.xml')).toContain('failures="0"');
    expect((await cli('--baseline', 'baseline.json', '--format', 'sarif', '-o', 'r.sarif')).code).toBe(0);
    expect(JSON.parse(read('r.sarif')).runs[0].results.map((r: { baselineState: string }) => r.baselineState)).toEqual(['unchanged']);
    const gh = await cli('--baseline', 'baseline.json', '--format', 'github');
    expect(gh.stdout).toMatch(/^::notice file=docs\/a.md,line=\d+,col=1,title=kubedoctest output-mismatch \(baseline\)::known failure, in the baseline:/m);
    expect(gh.stdout).not.toContain('::error');

    // A new failure next to the known one.
    writeFiles(dir, { 'docs/a.md': `# A\n\n\`\`\`shell\necho ok\n\`\`\`\n\n\`\`\`\nnot ok\n\`\`\`\n\n${failing}` });
    const fresh = await cli('--baseline', 'baseline.json', '--format', 'sarif', '-o', 'r2.sarif');
    expect(fresh.code).toBe(1);
    expect(fresh.stderr).toContain('baseline: 1 known failure, 1 new');
    expect(
      JSON.parse(read('r2.sarif'))
        .runs[0].results.map((r: { baselineState: string }) => r.baselineState)
        .sort(),
    ).toEqual(['new', 'unchanged']);

    // The old failure fixed: exit 0, and the entry is reported for removal.
    writeFiles(dir, { 'docs/a.md': '# A\n\n```shell\necho one\n```\n\n```\none\n```\n' });
    const fixed = await cli('--baseline', 'baseline.json', '--format', 'json', '-o', 'r3.json');
    expect(fixed.code).toBe(0);
    expect(fixed.stderr).toContain(`fixed: remove from the baseline: docs/a.md:4 echo one (${baseline.entries[0].fingerprint})`);
    expect(JSON.parse(read('r3.json')).files[0].baseline_fixed).toEqual(baseline.entries);
  }, 180_000);

  it('a baseline file that is not one is a tool error', async () => {
    const dir = makeSite({ 'docs/a.md': '# A\n\n```shell\necho ok\n```\n', 'bad.json': '{"entries": 3}' });
    const r = await runCli(['check', 'docs/a.md', '--baseline', 'bad.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ERR_INVALID_REPORT');
  }, 60_000);
});
