/**
 * Web addresses of the Kubernetes website's own files. Older pages apply their manifests by such an
 * address (`kubectl create -f https://k8s.io/docs/tasks/configure-pod-container/commands.yaml`)
 * and show the same file with a Jekyll `{% include code.html file="commands.yaml"
 * ghlink="/docs/tasks/configure-pod-container/commands.yaml" %}` or a Hugo code shortcode; newer
 * ones use `https://k8s.io/examples/<path>`. The file the page shows is the one the address names
 * when the address's path ends with the path the page includes it by.
 */

/**
 * A website address: k8s.io or kubernetes.io (http or https), or the raw file host of the
 * kubernetes/website repository at some ref. Group 1 is the path after the host (or the ref).
 */
const SITE_URL = /^https?:\/\/(?:(?:www\.)?k8s\.io|(?:www\.)?kubernetes\.io|raw\.githubusercontent\.com\/kubernetes\/website\/[^/\s]+)\/([^?#\s]+)/;

/** Website addresses as they appear in a command line (for scanning). */
export const SITE_URL_IN_TEXT =
  /https?:\/\/(?:(?:www\.)?k8s\.io|(?:www\.)?kubernetes\.io|raw\.githubusercontent\.com\/kubernetes\/website\/[^/\s]+)\/[^\s'"`;|&)]+/g;

/** The site path of a website address (`docs/tasks/x/commands.yaml`), or undefined for another address. */
export function sitePath(url: string): string | undefined {
  const path = SITE_URL.exec(url)?.[1];
  return path === undefined ? undefined : path.replace(/\/+$/, '') || undefined;
}

/** The examples-relative path of a website address under `examples/` (`pods/x.yaml`), else undefined. */
export function examplesPath(url: string): string | undefined {
  const m = /^(?:content\/[a-z-]+\/)?examples\/(.+)$/.exec(sitePath(url) ?? '');
  return m?.[1];
}

/** `/docs/x.yaml`, `./x.yaml` → `docs/x.yaml`, `x.yaml`. */
const bare = (p: string): string => p.replace(/^(?:\.\/|\/)+/, '');

/**
 * The key among `known` (paths the page includes files by: an example path, a ghlink) that the
 * site path names: the path itself or its tail at a folder boundary, the longest such key. Undefined
 * when none does, or when two keys of the same length do (`values` maps each key to the file it
 * stands for; two keys of one file are not a tie).
 */
export function shownPathFor(path: string, known: Iterable<string>, values?: (key: string) => string | undefined): string | undefined {
  const p = bare(path);
  let best: string | undefined;
  let tie = false;
  for (const key of known) {
    const k = bare(key);
    if (!k || (p !== k && !p.endsWith(`/${k}`))) continue;
    if (best === undefined || k.length > bare(best).length) {
      best = key;
      tie = false;
    } else if (k.length === bare(best).length && (values ? values(key) !== values(best) : key !== best)) tie = true;
  }
  return tie ? undefined : best;
}

/** What {@link showsUrlFile} reads of a manifest the page shows. */
export interface ShownFile {
  content: string | null;
  origin?: string;
  language?: string | null;
  file?: string | null;
  examplePath?: string;
  sitePaths?: string[];
}

/**
 * True when the page shows the file an address names: a website address whose path ends with the
 * path the page includes a file by (its include path or ghlink), or any address whose file name is
 * that of a manifest the page shows (an old page shows `hpa-php-apache.yaml` and creates it from
 * `https://k8s.io/docs/tasks/…/hpa-php-apache.yaml`).
 */
export function showsUrlFile(url: string, manifests: readonly ShownFile[]): boolean {
  const path = sitePath(url);
  if (path !== undefined) {
    // A file included with its site path (a ghlink) is known by that path only.
    const keys = manifests.filter((m) => m.content !== null && m.origin === 'example').flatMap((m) => m.sitePaths ?? [m.examplePath ?? '']);
    if (shownPathFor(path, keys) !== undefined) return true;
  }
  const name =
    url
      .replace(/[?#].*$/, '')
      .split('/')
      .pop() ?? url;
  if (!/\.(?:ya?ml|json)$/.test(name)) return false;
  return manifests.some((x) => x.content !== null && x.language !== 'text' && [x.file, x.examplePath].some((f) => f?.split('/').pop() === name));
}
