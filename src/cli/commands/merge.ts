import { CHECK_REPORTERS, colorsFor, exitCodeFor, exitCodeWithBaseline, mergeReportFiles, VERSION, type CheckFormat } from '../../index.js';
import { emit, oneOf } from '../output.js';

/** Formats of a merged report: the check formats but the streamed ones. */
export const MERGE_FORMATS = ['json', 'junit', 'sarif', 'html'] as const satisfies readonly CheckFormat[];

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
  const text = await CHECK_REPORTERS[format](merged, { colors: colorsFor({}), verbose: false, toolVersion: VERSION });
  await emit(text, o.output);
  return merged.lessons.some((l) => l.baseline) ? exitCodeWithBaseline(merged.lessons) : exitCodeFor(merged);
}
