/**
 * Report formats by name: every command that writes a report picks its reporter here, so a format
 * is added in one row. `check` and `merge` write check reports; `lint` writes findings.
 */
import { readFile } from 'node:fs/promises';
import type { Plan } from '../plan/types.js';
import { planToJson } from '../plan/json.js';
import type { Diagnostic } from '../diag/diagnostic.js';
import type { Colors } from './colors.js';
import { formatCheckGithub, formatCheckJson, formatCheckJunit, formatCheckSarif } from './check-formats.js';
import { formatCheckText, type CheckReportLike } from './check-text.js';
import { formatFindingsGithub, formatFindingsJunit, formatFindingsText } from './findings.js';
import { formatCheckHtml } from './html.js';
import { formatSarif } from './sarif.js';

/** What a check reporter may use besides the report. */
export interface CheckFormatContext {
  colors: Colors;
  /** Show passing steps' details (text). */
  verbose: boolean;
  toolVersion: string;
}

type CheckReporter = (report: CheckReportLike, context: CheckFormatContext) => string | Promise<string>;

/** The Markdown of every lesson of a report, for the HTML report (an unreadable file gives ''). */
export async function readLessonSources(report: CheckReportLike): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  for (const l of report.lessons) sources.set(l.path, await readFile(l.path, 'utf8').catch(() => ''));
  return sources;
}

/** Check report formats: name → reporter. */
export const CHECK_REPORTERS = {
  text: (report, c) => formatCheckText(report, c.colors, c.verbose),
  json: (report) => formatCheckJson(report),
  junit: (report) => formatCheckJunit(report),
  github: (report) => formatCheckGithub(report),
  sarif: (report, c) => formatCheckSarif(report, c.toolVersion),
  html: async (report) => formatCheckHtml(report, await readLessonSources(report)),
} satisfies Record<string, CheckReporter>;

export type CheckFormat = keyof typeof CHECK_REPORTERS;
export const CHECK_FORMATS = Object.keys(CHECK_REPORTERS) as CheckFormat[];

/** One linted file: its plan and its findings. */
export interface LintedFile {
  path: string;
  plan: Plan;
  findings: Diagnostic[];
}

/** What a lint reporter may use besides the files. */
export interface LintFormatContext {
  colors: Colors;
  toolVersion: string;
  /** Rule id → description, for SARIF. */
  ruleDescriptions: Record<string, string>;
}

type LintReporter = (files: LintedFile[], context: LintFormatContext) => string;

/** Lint report formats: name → reporter. */
export const LINT_REPORTERS = {
  text: (files, c) => formatFindingsText(files, c.colors),
  json: (files) =>
    JSON.stringify(
      planToJson(
        files.map((f) => f.plan),
        new Map(files.map((f) => [f.plan.path, f.findings])),
      ),
      null,
      2,
    ) + '\n',
  junit: (files) => formatFindingsJunit(files),
  github: (files) => formatFindingsGithub(files),
  sarif: (files, c) => formatSarif(files, { toolVersion: c.toolVersion, ruleDescriptions: c.ruleDescriptions }),
} satisfies Record<string, LintReporter>;

export type LintFormat = keyof typeof LINT_REPORTERS;
export const LINT_FORMATS = Object.keys(LINT_REPORTERS) as LintFormat[];
