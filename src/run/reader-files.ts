/**
 * Files on the reader's machine (the decision is `src/plan/reader-files.ts`, shared with lint):
 * a failed step that needed one is unchecked, naming the file, never a failure of the page.
 */
import { load } from 'js-yaml';
import { parseCommandLine } from '../shell/index.js';
import { placeholderPath } from '../plan/placeholders.js';
import { isReaderFile } from '../plan/reader-files.js';

/** How tools say a file they were given does not exist; group 1 is the path. */
const MISSING = [
  /error: the path "([^"]+)" does not exist/,
  /(?:^|\s|')([^\s':"]+)'?: No such file or directory/m,
  // kubectl create configmap/secret --from-file=F
  /error reading ([^\s:"]+): no such file or directory/,
];

/**
 * The file a failed host step needed from the reader, or undefined: the tool's output says the
 * path does not exist and {@link isReaderFile} says the file is the reader's own.
 */
export function readerFile(command: string, output: string, earlier: readonly string[], shownFiles: readonly string[]): string | undefined {
  for (const re of MISSING) {
    const file = re.exec(output)?.[1];
    if (file && isReaderFile(file, command, earlier, shownFiles)) return file;
  }
  return undefined;
}

/**
 * The path the reader fills in (`--cert=path/to/cert/file`) that a failed step could not read, or
 * undefined: the command names a placeholder path no earlier step names and the tool's output names
 * it (`Cannot read file path/to/cert/file`, `error reading /path/to/id_rsa: no such file …`).
 */
export function placeholderFile(command: string, output: string, earlier: readonly string[]): string | undefined {
  const path = placeholderPath(command, earlier);
  return path !== undefined && output.includes(path) ? path : undefined;
}

/** `metadata.name` of each object in a manifest's text (documents separated by `---`). */
function manifestNames(content: string): string[] {
  const names: string[] = [];
  for (const doc of content.split(/^---\s*$/m)) {
    try {
      const o = load(doc) as { metadata?: { name?: unknown } } | null;
      if (o && typeof o.metadata?.name === 'string') names.push(o.metadata.name);
    } catch {
      // A template with placeholders: no name to take.
    }
  }
  return names;
}

/**
 * The objects a reader's file would create when applied (`kubectl apply -f mypdb.yaml`): those its
 * doc output announces (`poddisruptionbudget.policy/zk-pdb created`), else those of the manifests
 * the page shows that no earlier step applied — the page asks the reader to save one of them.
 */
export function readerFileObjects(
  command: string,
  announced: ReadonlySet<string>,
  manifests: readonly { file: string | null; examplePath?: string; content: string | null }[],
  earlier: readonly string[],
): Set<string> {
  if (announced.size) return new Set(announced);
  const applies = parseCommandLine(command).commands.some(
    (c) => c.name === 'kubectl' && c.args.some((a) => a.value === 'apply' || a.value === 'create' || a.value === 'replace'),
  );
  if (!applies) return new Set();
  const used = (m: { file: string | null; examplePath?: string }): boolean =>
    [m.file, m.examplePath].some((f) => !!f && earlier.some((ran) => ran.includes(f.split('/').pop()!)));
  return new Set(manifests.filter((m) => m.content && !used(m)).flatMap((m) => manifestNames(m.content!)));
}
