import type { Diagnostic } from '../diag/diagnostic.js';
import { sortDiagnostics } from '../diag/diagnostic.js';
import type { FileFindings } from './findings.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export interface SarifOptions {
  toolVersion: string;
  /** Descriptions for rule ids, when known (lint rules). */
  ruleDescriptions?: Record<string, string>;
}

/** SARIF 2.1.0 log for code scanning: one run, results sorted by file, line, column. */
export function formatSarif(files: FileFindings[], options: SarifOptions): string {
  const ruleIds = new Set<string>();
  const results: object[] = [];
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
  for (const file of sorted) {
    for (const d of sortDiagnostics(file.findings)) {
      ruleIds.add(d.ruleId);
      const result = sarifResult(file.path, d);
      // SARIF's own field for baselines: `unchanged` for a listed failure, `new` otherwise.
      if (file.known) result.baselineState = file.known.has(d) ? 'unchanged' : 'new';
      results.push(result);
    }
    for (const e of file.fixed ?? []) {
      ruleIds.add('baseline-fixed');
      results.push({
        ruleId: 'kubedoctest/baseline-fixed',
        level: 'note',
        message: { text: `fixed: remove from the baseline: ${e.command} (${e.fingerprint})` },
        locations: [{ physicalLocation: { artifactLocation: { uri: file.path.split('\\').join('/') }, region: { startLine: Math.max(1, e.line) } } }],
        baselineState: 'absent',
      });
    }
  }
  const ids = [...ruleIds].sort();
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kubedoctest',
            version: options.toolVersion,
            informationUri: 'https://www.npmjs.com/package/kubedoctest',
            rules: ids.map((id) => ({
              id: `kubedoctest/${id}`,
              name: id,
              shortDescription: { text: options.ruleDescriptions?.[id] ?? id },
            })),
          },
        },
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function sarifResult(path: string, d: Diagnostic): Record<string, unknown> {
  const region: Record<string, number> = { startLine: d.line, startColumn: Math.max(1, d.column) };
  if (d.endLine !== undefined) region.endLine = d.endLine;
  if (d.endColumn !== undefined && (d.endLine ?? d.line) >= d.line) region.endColumn = Math.max(1, d.endColumn);
  const result: Record<string, unknown> = {
    ruleId: `kubedoctest/${d.ruleId}`,
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(path) }, region } }],
  };
  if (d.fix?.replacement !== undefined && d.fix.range) {
    result.fixes = [
      {
        description: { text: d.fix.description },
        artifactChanges: [
          {
            artifactLocation: { uri: artifactUri(path) },
            replacements: [
              {
                deletedRegion: {
                  startLine: d.fix.range.line,
                  startColumn: d.fix.range.column,
                  endLine: d.fix.range.endLine,
                  endColumn: d.fix.range.endColumn,
                },
                insertedContent: { text: d.fix.replacement },
              },
            ],
          },
        ],
      },
    ];
  }
  return result;
}

/** A relative URI reference for a file path: `/` separators, each segment percent-encoded (`a b.md` → `a%20b.md`). */
export function artifactUri(path: string): string {
  return path
    .split(/[\\/]/)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
