/**
 * `sudo` on a node. The page's reader logs in to a node as an ordinary user (`minikube ssh` gives
 * `docker`) and needs `sudo`; the backend's node shell (a kind node container, the simulator's
 * node) already runs as root and has no `sudo` program. Running `sudo mkdir /mnt/data` as root is
 * running `mkdir /mnt/data`, so the prefix is dropped there — only when it asks for root: a
 * `sudo -u someone` keeps its meaning and is run as written.
 */
import { parseCommandLine } from '../../shell/index.js';

/** sudo options that do not change who the program runs as (or take a value that is root). */
const ROOT_ONLY_FLAGS = new Set(['-E', '-H', '-n', '-S', '-k', '--preserve-env', '--set-home', '--non-interactive', '--stdin']);
const USER_FLAGS = new Set(['-u', '--user']);

/** The command with each `sudo` that only asks for root removed, and how many were removed. */
export function dropRootSudo(command: string): { command: string; dropped: number } {
  const line = parseCommandLine(command);
  const cuts: Array<[number, number]> = [];
  for (const c of line.commands) {
    const words = c.prefixes;
    for (let i = 0; i < words.length; i++) {
      if (words[i]!.value !== 'sudo') continue;
      let j = i + 1;
      let asRoot = true;
      while (j < words.length && words[j]!.value.startsWith('-')) {
        const flag = words[j]!.value;
        if (USER_FLAGS.has(flag)) {
          const user = words[j + 1]?.value;
          if (user !== 'root' && user !== '#0') asRoot = false;
          j += 2;
        } else if (/^--user=/.test(flag)) {
          if (!/^--user=(root|#0)$/.test(flag)) asRoot = false;
          j += 1;
        } else {
          if (!ROOT_ONLY_FLAGS.has(flag) && flag !== '--') asRoot = false;
          j += 1;
        }
      }
      if (!asRoot) continue;
      // Up to the next word (another prefix or the program), so the spacing stays as written.
      const next = j < words.length ? words[j]! : c.program;
      if (!next) continue;
      cuts.push([words[i]!.start, next.start]);
      i = j - 1;
    }
  }
  let out = command;
  for (const [start, end] of cuts.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + out.slice(end);
  return { command: out, dropped: cuts.length };
}
