/**
 * `kubectl apply -f https://k8s.io/examples/application/nginx/`: kubectl reads an http(s) `-f`
 * as one document (cli-runtime's URL visitor GETs it; only a local path is walked as a folder), and
 * the hosts of the examples serve files, never a folder listing. What kubectl prints for such a URL
 * is known without fetching anything, so the step is judged on it: the page's defect unless the
 * page shows that error.
 */
import { kubectlCall, parseCommandLine } from '../shell/index.js';

/** How a host of the examples answers a URL that names a folder (status line as Go's `resp.Status` prints it). */
export interface ExampleHost {
  /** The URL's beginning up to the examples folder; group 1 is not used. */
  prefix: RegExp;
  /** What a folder URL gets, after any redirect. */
  status: string;
  code: number;
  /** Why, for the report. */
  why: string;
}

/** The hosts the examples are fetched from and what they answer at a folder: data, one row a host. */
export const EXAMPLE_HOSTS: readonly ExampleHost[] = [
  {
    prefix: /^https?:\/\/(?:k8s\.io|(?:www\.)?kubernetes\.io)\/examples\//,
    status: '404 Not Found',
    code: 404,
    why: 'k8s.io/examples/ redirects to the raw file host of kubernetes/website, which serves files only',
  },
  {
    prefix: /^https:\/\/raw\.githubusercontent\.com\/kubernetes\/website\/[^/]+\/content\/en\/examples\//,
    status: '404 Not Found',
    code: 404,
    why: 'raw.githubusercontent.com serves files only',
  },
];

/** A `-f` URL of the examples that names a folder, and the files the lesson has in that folder. */
export interface FolderUrl {
  url: string;
  folder: string;
  files: string[];
  host: ExampleHost;
}

/** The example files directly in a folder (what `kubectl apply -f <folder>` reads locally: .yaml, .yml, .json). */
function filesIn(folder: string, examples: ReadonlyMap<string, string>): string[] {
  return [...examples.keys()].filter((k) => k.startsWith(`${folder}/`) && !k.slice(folder.length + 1).includes('/') && /\.(?:ya?ml|json)$/.test(k)).sort();
}

/**
 * The `-f`/`--filename` values of a kubectl call, and those that are URLs of the examples naming a
 * folder: ending in `/`, or a path the examples folder holds files under but is no file itself.
 */
export function exampleFolderUrls(command: string, examples: ReadonlyMap<string, string>): { sources: string[]; folders: FolderUrl[] } {
  const sources: string[] = [];
  const folders: FolderUrl[] = [];
  for (const c of parseCommandLine(command).commands) {
    const call = kubectlCall(c);
    if (!call) continue;
    for (const name of ['-f', '--filename']) {
      for (const f of call.flags.get(name) ?? []) {
        if (typeof f.value !== 'string') continue;
        sources.push(f.value);
        const host = EXAMPLE_HOSTS.find((h) => h.prefix.test(f.value as string));
        if (!host) continue;
        const path = (f.value as string).replace(host.prefix, '').replace(/[?#].*$/, '');
        const folder = path.replace(/\/+$/, '');
        const isFolder = path.endsWith('/') || (!examples.has(folder) && filesIn(folder, examples).length > 0);
        if (isFolder && folder !== '') folders.push({ url: f.value, folder, files: filesIn(folder, examples), host });
      }
    }
  }
  return { sources, folders };
}

/** What kubectl 1.32 prints for a `-f` URL whose server does not answer 200 (cli-runtime's readHttpWithRetries), with its exit status. */
export function kubectlUrlError(f: FolderUrl): { output: string; exitCode: number } {
  return { output: `error: unable to read URL "${f.url}", server reported ${f.host.status}, status code=${f.host.code}`, exitCode: 1 };
}

/** Why the step gets kubectl's error without running, for the report. */
export function folderUrlNote(f: FolderUrl): string {
  const held = f.files.length ? ` (the examples folder holds ${f.files.join(', ')} there)` : '';
  return `not run: kubectl reads \`-f ${f.url}\` as one document and lists no folder at a URL; ${f.host.why}, so the folder${held} answers ${f.host.status} and kubectl prints the error shown as actual`;
}
