/**
 * The files a simple command writes by name: its redirections and what {@link FILE_WRITERS} says
 * of its program. One answer for lint's missing-file rule and run's dependencies between steps.
 */
import { FILE_WRITERS } from './data/file-writers.js';
import { optionValues } from './operands.js';
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
  // `curl -O URL` saves under the URL's last segment; wget does so unless `-O` names the file.
  const remoteName =
    writer.reading === 'curl'
      ? args.some((a) => /^-[a-zA-Z]*O[a-zA-Z]*$/.test(a.value) || a.value === '--remote-name')
      : writer.reading === 'wget' && flagValues(args, '-O').length + flagValues(args, '--output-document').length === 0;
  if (remoteName) for (const u of positionals.filter((p) => URL.test(p))) paths.push(u.split(/[?#]/)[0]!.replace(/\/+$/, '').split('/').pop() ?? '');
  if (writer.reading === 'wget')
    for (const prefix of [...flagValues(args, '-P'), ...flagValues(args, '--directory-prefix')].slice(0, 1)) paths.push(`${prefix}/*`);
  // `htpasswd -c auth user`: `-c` makes the file.
  if (writer.reading === 'htpasswd' && args[0]?.value.startsWith('-') && args[0].value.includes('c') && positionals[0]) paths.push(positionals[0]);
  const unlisted =
    writer.unlisted === 'always' ||
    (writer.unlisted === 'git-clone' && clone) ||
    (writer.unlisted === 'with-untar' && args.some((a) => a.value === '--untar')) ||
    (writer.unlisted === 'unless-home' && !['~', '-', '/', '..', undefined].includes(positionals[0]));
  return { paths, unlisted };
}
