/**
 * The files a simple command writes by name: its redirections and what {@link FILE_WRITERS} says
 * of its program. One answer for lint's missing-file rule and run's dependencies between steps.
 */
import { FILE_WRITERS } from './data/file-writers.js';
import { optionValues, programArguments } from './operands.js';
import { redirectedFiles } from './redirects.js';
import type { ShellWord, SimpleCommand } from './types.js';

/** What a simple command writes. */
export interface WrittenFiles {
  /** Paths of the files and folders it makes, as written (may hold `$i` of a loop, `*` for a folder's content). */
  paths: string[];
  /** True when it also makes files nobody can list from its words (`git clone`, `tar x`, `cd` into a made folder). */
  unlisted: boolean;
}

const URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Values of flags given as `-out x`, `-out=x` or `--output=x`. */
function flagValues(args: readonly ShellWord[], name: string): string[] {
  return optionValues(args, [name]).map((w) => w.value);
}

/** One URL a download program (curl, wget) fetches, and where it saves it: a file, or `null` for its standard output. */
export interface Download {
  url: string;
  file: string | null;
}

/** The name a download is saved under when no option names it: the URL's last segment. */
function remoteName(url: string): string {
  return url.split(/[?#]/)[0]!.replace(/\/+$/, '').split('/').pop() ?? '';
}

/**
 * What a curl or wget command downloads and where it saves each URL, its options read as the
 * program reads them (`curl -sLo f`, `curl -O`, `wget -qO- `, `wget -O f`, `wget -P dir`): curl
 * writes to its standard output unless `-o`/`-O` says otherwise (each `-o` to the next URL);
 * wget saves under the URL's name unless `-O` names one file for all (`-O -`: its output).
 */
export function downloads(sc: SimpleCommand): Download[] {
  const reading = sc.program ? FILE_WRITERS[sc.name]?.reading : undefined;
  if (reading !== 'curl' && reading !== 'wget') return [];
  const read = programArguments(sc.name, sc.args);
  const values = (...names: string[]): string[] => names.flatMap((n) => read.values.get(n) ?? []).map((w) => w.value);
  const urls = read.operands.map((w) => w.value).filter((v) => URL.test(v));
  const inFolder = (folder: string | undefined, name: string): string => (folder === undefined ? name : `${folder.replace(/\/+$/, '')}/${name}`);
  if (reading === 'wget') {
    const [document] = values('-O', '--output-document');
    const [folder] = values('-P', '--directory-prefix');
    return urls.map((url) => ({ url, file: document === undefined ? inFolder(folder, remoteName(url)) : document === '-' ? null : document }));
  }
  const outputs = values('-o', '--output');
  const [folder] = values('--output-dir');
  const remote = read.given.has('-O') || read.given.has('--remote-name') || read.given.has('--remote-name-all');
  return urls.map((url, i) => {
    const file = outputs[i] ?? (remote ? remoteName(url) : undefined);
    return { url, file: file === undefined || file === '-' ? null : inFolder(folder, file) };
  });
}

/** `https://host/org/repo.git/` and `git@host:org/repo.git` → `repo`. */
function repositoryFolder(url: string): string {
  return url
    .replace(/\/+$/, '')
    .split(/[/:]/)
    .pop()!
    .replace(/\.git$/, '');
}

/** The files and folders a simple command writes by name (see {@link FILE_WRITERS}). */
export function writtenFiles(sc: SimpleCommand): WrittenFiles {
  const paths = redirectedFiles(sc).map((w) => w.value);
  const writer = sc.program ? FILE_WRITERS[sc.name] : undefined;
  if (!writer) return { paths, unlisted: false };
  const args = sc.args;
  const positionals = args.map((a) => a.value).filter((v) => !v.startsWith('-'));
  if (writer.positionals === 'all') paths.push(...positionals);
  if (writer.positionals === 'last-of-two-or-more' && positionals.length >= 2) paths.push(positionals.at(-1)!);
  for (const [flag, suffixes] of Object.entries(writer.flags ?? {})) {
    for (const value of flagValues(args, flag)) paths.push(...suffixes.map((s) => `${value}${s}`));
  }
  if (writer.pathAssignments) {
    for (const a of args) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*=(.+)$/.exec(a.value);
      if (m && /[/.]/.test(m[1]!)) paths.push(m[1]!);
    }
  }
  const clone = positionals[0] === 'clone' && positionals[1] !== undefined;
  if (writer.reading === 'git-clone' && clone) paths.push(positionals[2] ?? repositoryFolder(positionals[1]!));
  for (const d of downloads(sc)) if (d.file !== null) paths.push(d.file);
  // `wget -P dir` fills the folder (a recursive download with more than the URL's file).
  if (writer.reading === 'wget') {
    const read = programArguments(sc.name, args);
    const [folder] = [...(read.values.get('-P') ?? []), ...(read.values.get('--directory-prefix') ?? [])];
    if (folder) paths.push(`${folder.value}/*`);
  }
  // `htpasswd -c auth user`: `-c` makes the file.
  if (writer.reading === 'htpasswd' && args[0]?.value.startsWith('-') && args[0].value.includes('c') && positionals[0]) paths.push(positionals[0]);
  const unlisted =
    writer.unlisted === 'always' ||
    (writer.unlisted === 'git-clone' && clone) ||
    (writer.unlisted === 'with-untar' && args.some((a) => a.value === '--untar')) ||
    (writer.unlisted === 'unless-home' && !['~', '-', '/', '..', undefined].includes(positionals[0]));
  return { paths, unlisted };
}
