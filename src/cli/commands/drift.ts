import { findDrift, formatDriftJson, formatDriftText } from '../../index.js';
import { existingDir, emit, oneOf } from '../output.js';

export const DRIFT_FORMATS = ['text', 'json'] as const;

export interface DriftCommandOptions {
  since?: string;
  format: string;
  output?: string;
}

/** `kubedoctest drift <site-root>`: exit 1 when a translation's commands, manifests or outputs differ from its English page. */
export async function driftCommand(root: string, o: DriftCommandOptions): Promise<number> {
  const format = oneOf(o.format, DRIFT_FORMATS, '--format');
  const dir = existingDir(root, 'drift <site-root>');
  const pages = await findDrift(dir, o.since !== undefined ? { since: o.since } : {});
  await emit(format === 'json' ? formatDriftJson(pages) : formatDriftText(pages, dir), o.output);
  return pages.length ? 1 : 0;
}
