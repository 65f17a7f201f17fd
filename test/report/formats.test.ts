import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { summarize } from '../../src/run/summary.js';
import { describe, expect, it } from 'vitest';
import { checkFindings, closingLine, formatCheckGithub, formatCheckJson, formatCheckJunit, formatCheckSarif, formatCheckText } from '../../src/report/index.js';
import { colorsFor } from '../../src/report/colors.js';
import { escapeXml } from '../../src/report/xml.js';
import { sampleLesson, step } from './fixtures.js';
import type { LessonResult } from '../../src/run/types.js';

const lesson = sampleLesson();
const report = { lessons: [lesson], summary: summarize([lesson]) };
const plain = colorsFor({}, { NO_COLOR: '1' });

describe('check reports', () => {
  it('counts statuses and prints the closing line', () => {
    expect(report.summary).toEqual({ passed: 1, failed: 1, skipped: 1, unchecked: 0, errors: 0 });
    expect(closingLine(report.summary)).toBe('1 passed, 1 failed, 1 skipped, 0 unchecked (checked 2 of 3 steps)');
  });

  it('terminal text shows each step with its doc line, the diff, rewrites and hint', () => {
    const text = formatCheckText(report, plain);
    expect(text).toContain('✓    5  kubectl apply -f run-my-nginx.yaml');
    expect(text).toContain('✗   20  kubectl exec my-nginx-7d9c6f8b4-k2x9p -- printenv | grep SERVICE (3 attempts)');
    expect(text).toContain('rewritten my-nginx-3800858182-jr4a2 → my-nginx-7d9c6f8b4-k2x9p');
    expect(text).toContain('line 23 missing-line: MY_NGINX_SERVICE_HOST=10.0.162.149 is not in the output');
    expect(text).toContain('-MY_NGINX_SERVICE_HOST=10.0.162.149');
    expect(text).toContain('hint pod created before Service my-nginx');
    expect(text).toContain('skipped: interactive edit with no change described');
    expect(text.trimEnd().split('\n').at(-1)).toBe('1 passed, 1 failed, 1 skipped, 0 unchecked (checked 2 of 3 steps)');
    expect(text).not.toContain('\x1b[');
  });

  it('colours only when asked', () => {
    expect(formatCheckText(report, colorsFor({}, { FORCE_COLOR: '1' }))).toContain('\x1b[');
    expect(formatCheckText(report, colorsFor({ isTTY: true }, { NO_COLOR: '1' }))).not.toContain('\x1b[');
  });

  it('JSON is version 1 with a result per step', () => {
    const json = JSON.parse(formatCheckJson(report));
    expect(json.version).toBe(1);
    expect(json.files[0].path).toBe(lesson.path);
    expect(json.files[0].steps.map((s: { status: string }) => s.status)).toEqual(['pass', 'fail', 'skipped']);
    expect(json.files[0].steps[1]).toMatchObject({ line: 20, attempts: 3, hint: { id: 'service-env-before-pods' }, duration_ms: 120 });
    expect(json.summary.failed).toBe(1);
  });

  it('JUnit has a testcase per step, the diff in the failure, escaped names', () => {
    const xml = formatCheckJunit(report);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="kubedoctest check" tests="3" failures="1" errors="0" skipped="1">/);
    expect(xml).toContain('name="docs/env &amp; &lt;vars&gt;.md"');
    expect((xml.match(/<testcase /g) ?? []).length).toBe(3);
    expect(xml).toContain('<skipped message="interactive edit with no change described"/>');
    expect(xml).toContain('-MY_NGINX_SERVICE_HOST=10.0.162.149');
    expect(escapeXml('a\u0001b')).toBe('ab');
  });

  it('GitHub annotations point at file and line, with escapes', () => {
    const out = formatCheckGithub(report);
    expect(out).toContain('::error file=docs/env & <vars>.md,line=3,col=20,title=kubedoctest typographic-dash::en dash');
    expect(out).toContain('::error file=docs/env & <vars>.md,line=20,col=1,title=kubedoctest output-mismatch::missing-line: MY_NGINX_SERVICE_HOST');
    expect(out.split('\n').every((l) => l === '' || l.startsWith('::'))).toBe(true);
  });

  it('failed steps become output-mismatch findings at their lines', () => {
    const f = checkFindings(report)[0]!.findings;
    expect(f.map((d) => [d.ruleId, d.line])).toEqual([
      ['typographic-dash', 3],
      ['output-mismatch', 20],
    ]);
  });

  it('SARIF 2.1.0 validates against its schema', () => {
    const schema = JSON.parse(readFileSync(new URL('../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8'));
    // The published schema has a language-tag pattern that is not valid with the regex u flag.
    // The package is CommonJS with a default export; under NodeNext its class is on .default.
    type AjvClass = new (opts: Record<string, unknown>) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown[] | null } };
    const Ajv = ((AjvDraft04 as unknown as { default?: AjvClass }).default ?? AjvDraft04) as unknown as AjvClass;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    // Formats (date-time, uri) are checked, not ignored with a warning per use.
    type AddFormats = (ajv: unknown) => unknown;
    ((addFormats as unknown as { default?: AddFormats }).default ?? (addFormats as unknown as AddFormats))(ajv);
    const validate = ajv.compile(schema);
    const log = JSON.parse(formatCheckSarif(report, '0.1.0'));
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['kubedoctest/typographic-dash', 'kubedoctest/output-mismatch']);
    expect(log.runs[0].results[1].locations[0].physicalLocation.region.startLine).toBe(20);
  });
});

describe('diagnostics of a failed step', () => {
  const l = sampleLesson();
  l.steps[1]!.diagnostics = {
    events: 'LAST SEEN   TYPE      REASON\n1s          Warning   FailedMount',
    describe: 'Name: my-nginx-x',
    logs: '== my-nginx-x\nready',
  };
  const r = { lessons: [l], summary: summarize([l]) };
  it('are shown with --verbose only, and are in the JSON report', () => {
    expect(formatCheckText(r, plain)).not.toContain('FailedMount');
    expect(formatCheckText(r, plain, true)).toContain('── events');
    expect(formatCheckText(r, plain, true)).toContain('1s          Warning   FailedMount');
    expect(JSON.parse(formatCheckJson(r)).files[0].steps[1].diagnostics.logs).toBe('== my-nginx-x\nready');
  });
});

describe('unchecked steps', () => {
  const l: LessonResult = {
    ...sampleLesson(),
    findings: [],
    steps: [
      step({ stepId: 's1', line: 5, status: 'pass', command: 'kubectl get pods' }),
      step({ stepId: 's2', line: 9, status: 'unchecked', command: 'kubectl top pod', uncheckedReason: 'the metrics API is not simulated' }),
    ],
  };
  const r = { lessons: [l], summary: summarize([l]) };

  it('are counted apart and lower the coverage', () => {
    expect(r.summary).toEqual({ passed: 1, failed: 0, skipped: 0, unchecked: 1, errors: 0 });
    expect(closingLine(r.summary)).toBe('1 passed, 0 failed, 0 skipped, 1 unchecked (checked 1 of 2 steps)');
  });

  it('say why in every format, and are never failures', () => {
    const text = formatCheckText(r, plain);
    expect(text).toContain('?    9  kubectl top pod');
    expect(text).toContain('cannot check: the metrics API is not simulated');
    const json = JSON.parse(formatCheckJson(r));
    expect(json.files[0].steps[1]).toMatchObject({ status: 'unchecked', unchecked_reason: 'the metrics API is not simulated' });
    const junit = formatCheckJunit(r);
    expect(junit).toContain('<skipped message="cannot check: the metrics API is not simulated"');
    expect(junit).toMatch(/<testsuites[^>]*tests="2"[^>]*failures="0"/);
    const findings = checkFindings(r)[0]!.findings;
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'unchecked', severity: 'info', line: 9 })]);
    expect(formatCheckGithub(r)).toMatch(/^::notice file=.*line=9.*cannot check this step/m);
  });
});

describe('excused differences of a failed step', () => {
  const header = { kind: 'column-layout' as const, message: 'column MIN-AVAILABLE is MIN AVAILABLE in actual table', line: 12, column: 9 };
  const cell = { kind: 'wrong-value' as const, message: 'row web-pdb, column ALLOWED DISRUPTIONS: doc 1, actual 0', line: 13, column: 40 };
  const l: LessonResult = {
    ...sampleLesson(),
    steps: [
      step({
        stepId: 's1',
        line: 9,
        status: 'fail',
        command: 'kubectl get pdb web-pdb',
        differences: [header],
        excused: [{ ...cell, excuse: 'pod web-0 cannot become Ready in the simulator' }],
      }),
    ],
  };
  const r = { lessons: [l], summary: summarize([l]) };

  it('are shown beside the failure, not as part of it, in text and JSON', () => {
    const text = formatCheckText(r, plain);
    expect(text).toContain('line 12 column-layout: column MIN-AVAILABLE is MIN AVAILABLE in actual table');
    expect(text).toContain('line 13 excused: row web-pdb, column ALLOWED DISRUPTIONS: doc 1, actual 0 — pod web-0 cannot become Ready in the simulator');
    expect(text).not.toContain('line 13 wrong-value');
    const json = JSON.parse(formatCheckJson(r));
    expect(json.files[0].steps[0].differences).toEqual([header]);
    expect(json.files[0].steps[0].excused).toEqual([{ ...cell, excuse: 'pod web-0 cannot become Ready in the simulator' }]);
  });
});

describe('counted once', () => {
  // A lesson with an applied manifest, a replayed step that passed, and an error of the lesson.
  const mixed: LessonResult = {
    ...sampleLesson(),
    steps: [
      step({ stepId: 'm1', line: 3, kind: 'manifest', command: 'nginx.yaml' }),
      ...sampleLesson().steps,
      step({ stepId: 'r1', line: 40, command: 'kubectl get pods', replay: true }),
    ],
    error: { code: 'ERR_LESSON_TIMEOUT', message: 'lesson time limit' },
  };
  const other = sampleLesson();
  const both = { lessons: [mixed, { ...other, path: 'b.md' }], summary: summarize([mixed, { ...other, path: 'b.md' }]) };

  it('JUnit <testsuites> totals are the sums of the <testsuite> attributes and match the summary', () => {
    const xml = formatCheckJunit(both);
    const attr = (tag: string, name: string) => [...xml.matchAll(new RegExp(`<${tag} [^>]*\\b${name}="(\\d+)"`, 'g'))].map((m) => Number(m[1]));
    for (const name of ['tests', 'failures', 'errors', 'skipped']) {
      const suites = attr('testsuite', name);
      expect(suites).toHaveLength(2);
      expect(attr('testsuites', name)[0], name).toBe(suites.reduce((a, b) => a + b, 0));
    }
    const s = both.summary;
    expect(attr('testsuites', 'tests')[0]).toBe(s.passed + s.failed + s.skipped + s.unchecked + s.errors);
    expect((xml.match(/<testcase /g) ?? []).length).toBe(attr('testsuites', 'tests')[0]);
  });

  it('the text report marks with ✓ exactly the rows the closing line counts as passed', () => {
    const text = formatCheckText({ lessons: [mixed], summary: summarize([mixed]) }, plain);
    const ticks = text.split('\n').filter((l) => /^\s+✓ /.test(l)).length;
    expect(ticks).toBe(summarize([mixed]).passed);
    expect(text).toMatch(/^\s+·\s+3\s+manifest nginx\.yaml$/m);
    expect(text).toMatch(/^\s+·\s+40\s+kubectl get pods$/m);
  });
});

describe('-v', () => {
  it('shows the output and duration of a passing step, which the plain report leaves out', () => {
    const passing = step({ line: 7, command: 'kubectl get pods', actual: 'NAME    READY\nweb-1   1/1\n', durationMs: 420 });
    const r = { lessons: [{ ...sampleLesson(), steps: [passing] }], summary: summarize([{ ...sampleLesson(), steps: [passing] }]) };
    const quiet = formatCheckText(r, plain, false);
    const verbose = formatCheckText(r, plain, true);
    expect(quiet).not.toContain('web-1   1/1');
    expect(verbose).toMatch(/^ {10}NAME {4}READY\n {10}web-1 {3}1\/1$/m);
    expect(verbose).toMatch(/^ {10}420 ms$/m);
  });
});

describe('the line of a step the runner keeps in the background', () => {
  it("shows the doc's command with `&`, not the runner's pid-file bookkeeping", () => {
    const proxy = step({
      line: 12,
      command: 'kubectl proxy --port=8080',
      ran: '[ -s /tmp/kdt/run/background-port-8080.pid ] && kill "$(cat /tmp/kdt/run/background-port-8080.pid)"; kubectl proxy --port=8080 >>/tmp/kdt/run/b.log 2>&1 &',
      rewrites: [
        {
          kind: 'interactive',
          from: 'kubectl proxy --port=8080',
          to: 'kubectl proxy --port=8080 &',
          reason: '`kubectl proxy` blocks a terminal; it runs in the background for the following steps and is stopped at the end',
        },
      ],
    });
    const r = { lessons: [{ ...sampleLesson(), steps: [proxy] }], summary: summarize([{ ...sampleLesson(), steps: [proxy] }]) };
    const text = formatCheckText(r, plain, false);
    expect(text).toMatch(/^ {2}✓ {3}12 {2}kubectl proxy --port=8080 &$/m);
    expect(text).not.toContain('.pid');
  });
});

describe('a step that failed on its exit status alone', () => {
  it('shows what the command printed, with its exit status', () => {
    const failed = step({
      line: 40,
      command: 'kubectl apply -f web.yaml',
      status: 'fail',
      exitCode: 1,
      actual: 'service/web unchanged\nThe Deployment "web" is invalid: spec.selector: field is immutable',
      differences: [{ kind: 'exit-status', message: 'command failed with exit status 1', line: 40, column: 1 }],
    });
    const l = { ...sampleLesson(), steps: [failed] };
    const text = formatCheckText({ lessons: [l], summary: summarize([l]) }, plain, false);
    expect(text).toContain('exit 1: service/web unchanged');
    expect(text).toContain('field is immutable');
  });
});
