import { outerCommands, parseCommandLine, type ShellWord } from '../shell/index.js';
import { FILE_NAME_LINE } from './data/file-lines.js';

/** True for a word that names a file or folder and cannot be a program the page runs (see {@link FILE_NAME_LINE}). */
function namesFile(word: ShellWord): boolean {
  const v = word.raw;
  if (!FILE_NAME_LINE.fileWord.test(v) || v.startsWith('-')) return false;
  if (FILE_NAME_LINE.programExtension.test(v) || FILE_NAME_LINE.programFolder.test(v)) return false;
  // A folder cannot be executed; `./` and `../` alone are not listings.
  if (v.endsWith('/') && !/^\.{0,2}\/$/.test(v)) return true;
  return FILE_NAME_LINE.dataExtension.test(v) || FILE_NAME_LINE.dataFolder.test(v);
}

/**
 * The file names a command line only lists (`/etc/kubernetes/manifests/`, `~/.kube/config`,
 * `admin.conf  kubelet.conf`), or undefined when it runs something: one simple command with no
 * prefix, assignment, redirection or operator, each of whose words names a file or folder.
 */
export function listedFileNames(command: string): string[] | undefined {
  const line = parseCommandLine(command);
  const commands = outerCommands(line);
  if (commands.length !== line.commands.length || line.commands.length === 0) return undefined;
  const names: string[] = [];
  for (const c of commands) {
    if (!c.program || c.prefixes.length > 0 || c.assignments.length > 0 || c.redirects.length > 0 || c.inside.length > 0) return undefined;
    if (c.terminator !== '' && c.terminator !== '\n') return undefined;
    const words = [c.program, ...c.args];
    if (!words.every(namesFile)) return undefined;
    names.push(...words.map((w) => w.raw));
  }
  return names;
}
