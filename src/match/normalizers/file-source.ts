import { escapeRegex, type Normalizer } from './types.js';

/**
 * Where kubectl quotes the source of a manifest in an error (cmdutil.AddSourceToErr: `error when
 * creating "<source>": …`, also applying, patching, replacing, deleting; apply's `from server for:
 * "<source>"`). The source is the reader's own `-f` argument as typed — a local path where the
 * page's author had a checkout, a URL where the page links one — so only the file it names counts.
 */
const QUOTED_SOURCE = [/(?<=\berror when [a-z][a-z -]*? ")[^"\s]+(?=")/g, /(?<=\bfrom server for: ")[^"\s]+(?=")/g];

/** The last segment of a path or URL (`examples/pods/pod.yaml`, `https://k8s.io/x/pod.yaml` → `pod.yaml`). */
export function baseName(source: string): string {
  return (
    source
      .replace(/[?#].*$/, '')
      .split('/')
      .pop() ?? source
  );
}

/**
 * The file argument kubectl echoes in an error: any path or URL with the same base name matches
 * (`examples/admin/pod-2.yaml` vs `https://k8s.io/examples/admin/pod-2.yaml`); another file does not.
 */
export const fileSource: Normalizer = {
  id: 'file-source',
  description: 'the manifest source kubectl echoes in `error when creating "<source>"`: any path or URL of a file with the same base name',
  anywhere: QUOTED_SOURCE,
  accept: (v) => baseName(v) !== '',
  actual: (doc) => `(?:[^"\\s]*/)?${escapeRegex(baseName(doc))}`,
};
