/**
 * Programs the reader installs themselves before following the page (`cfssl`, `helm`, a cloud
 * CLI): when one is not on this machine, running the line only proves it is missing here, which
 * is not the page's fault. A word close to a known program (`kubctl`) stays a typo and runs, so it
 * fails with the typo hint; so does anything the same line may make before using it.
 */
import { statSync } from 'node:fs';
import { delimiter, isAbsolute, join, sep } from 'node:path';
import { closestWords } from '../lint/similar.js';
import { KNOWN_PROGRAMS, parseCommandLine } from '../shell/index.js';

/** Always there: the session puts kubectl first on the lesson's PATH. */
const PROVIDED = new Set(['kubectl']);

/** A program name `command -v` can look up: no path, no expansion, nothing the shell would read as syntax. */
const LOOKUP_NAME = /^[A-Za-z_][\w.+-]*$/;

/**
 * The program names of a command line to look up on this machine before it runs: not kubectl,
 * not a path (`./worker.py`), not a likely typo of a known program, not a function or alias the
 * line defines, nor a word an earlier command of the line names (it may install or write it).
 */
export function programsToLookUp(command: string): string[] {
  const parsed = parseCommandLine(command);
  if (parsed.tolerant) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const [i, c] of parsed.commands.entries()) {
    const name = c.program?.value ?? '';
    if (!LOOKUP_NAME.test(name) || PROVIDED.has(name) || seen.has(name)) continue;
    seen.add(name);
    if (defines(command, name)) continue;
    if (parsed.commands.slice(0, i).some((e) => e.args.some((w) => w.value === name || w.value.endsWith(`/${name}`)))) continue;
    if (closestWords(name, KNOWN_PROGRAMS).length > 0) continue;
    out.push(name);
  }
  return out;
}

/** True when the line defines `name` as a function or alias before using it. */
function defines(command: string, name: string): boolean {
  const n = name.replace(/[.+]/g, '\\$&');
  return new RegExp(`(?:^|[\\s;&|(])(?:function\\s+${n}\\b|${n}\\s*\\(\\s*\\)|alias\\s+${n}=)`).test(command);
}

/** How the lesson's processes see this machine's files, for a lookup made outside the lesson shell. */
export interface LookupView {
  /** The lesson shell's PATH as the next step will have it. */
  path: string;
  /** Directories the lesson sees empty (confinement's tmpfs over /tmp, the runner's HOME, …). */
  hidden?: readonly string[];
  /** The lesson runs as another user (confinement as `nobody`): only files others may execute count. */
  asOthers?: boolean;
}

/** bash's builtins (`compgen -b` of bash 5): `command -v` finds them wherever PATH points. */
const BASH_BUILTINS = new Set(
  `. : [ alias bg bind break builtin caller cd command compgen complete compopt continue declare dirs disown echo enable eval exec exit
  export false fc fg getopts hash help history jobs kill let local logout mapfile popd printf pushd pwd read readarray readonly return
  set shift shopt source suspend test times trap true type typeset ulimit umask unalias unset wait`.split(/\s+/),
);

const within = (dir: string, path: string): boolean => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);

/**
 * The names of `names` found as executable files on the lesson's PATH, looked up with a stat per
 * directory instead of a round trip to the lesson shell. Only a sure find counts: a relative or
 * hidden PATH entry, or a file the lesson's user may not run, leaves the name to the shell, which
 * also knows the functions and aliases the page defined.
 */
export function foundOnPath(names: readonly string[], view: LookupView): Set<string> {
  const dirs = view.path.split(delimiter).filter((d) => isAbsolute(d) && !(view.hidden ?? []).some((h) => within(h, d)));
  const found = new Set<string>();
  for (const name of names) {
    if (BASH_BUILTINS.has(name)) {
      found.add(name);
      continue;
    }
    for (const dir of dirs) {
      try {
        const st = statSync(join(dir, name));
        if (st.isFile() && (st.mode & (view.asOthers ? 0o001 : 0o111)) !== 0) {
          found.add(name);
          break;
        }
      } catch {
        // not in this directory
      }
    }
  }
  return found;
}

/** The shell script that prints the names of `names` the shell cannot find, one per line. */
export function lookUpScript(names: readonly string[]): string {
  return `for __kdt_p in ${names.join(' ')}; do command -v "$__kdt_p" >/dev/null 2>&1 || printf '%s\\n' "$__kdt_p"; done; unset __kdt_p`;
}

/** Why the step is not checked: the reader's programs it needs are not on this machine. */
export function notInstalledReason(missing: readonly string[]): string {
  const list = missing.length === 1 ? missing[0]! : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]!}`;
  return `needs ${list}, which ${missing.length === 1 ? 'is' : 'are'} not installed on this machine`;
}
