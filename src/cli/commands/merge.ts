import { readFile } from 'node:fs/promises';
import { formatCheckJson, formatCheckJunit, formatCheckSarif } from '../../report/check-formats.js';
import { formatCheckHtml } from '../../report/html.js';
import { exitCodeWithBaseline } from '../../site/baseline.js';
import { mergeReportFiles } from '../../site/merge.js';
import { exitCodeFor } from '../../run/summary.js';
import { VERSION } from '../../version.js';
import { emit, oneOf } from '../output.js';

export const MERGE_FORMATS = ['json', 'junit', 'sarif', 'html'] as const;

export interface MergeCommandOptions {
  format: string;
  output?: string;
}

/**
 * `kubedoctest merge <reports…>`: JSON reports of shards into one report. Exits as check
 * would have for the whole run: 2 for a tool error in any shard, 1 for a failure, else 0.
 */
export async function mergeCommand(reports: string[], o: MergeCommandOptions): Promise<number> {
  const format = oneOf(o.format, MERGE_FORMATS, '--format');
  const merged = await mergeReportFiles(reports);
  let text: string;
  if (format === 'json') text = formatCheckJson(merged);
  else if (format === 'junit') text = formatCheckJunit(merged);
  else if (format === 'sarif') text = formatCheckSarif(merged, VERSION);
  else {
    const sources = new Map<string, string>();
    for (const l of merged.lessons) sources.set(l.path, await readFile(l.path, 'utf8').catch(() => ''));
    text = formatCheckHtml(merged, sources);
  }
  await emit(text, o.output);
  return merged.lessons.some((l) => l.baseline) ? exitCodeWithBaseline(merged.lessons) : exitCodeFor(merged);
}
