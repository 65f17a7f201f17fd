import type { CommandFn } from '../shell/types.js';
import { textCommands } from './text.js';
import { grep } from './grep.js';
import { fileCommands } from './files.js';
import { systemCommands } from './system.js';
import { curl } from './curl.js';
import { netCommands } from './netutils.js';
import { tar } from './tar.js';
import { makeShell } from './sh.js';
import { nginx } from './nginx.js';
import { miscCommands } from './misc.js';
import { awk } from './awk.js';
import { packageCommands } from './packages.js';
import { appCommands } from './apps.js';
import { dnsCommands } from './dig.js';

/** Every applet the simulator can run, by name. An image's profile decides which exist in it. */
export const COMMANDS: Record<string, CommandFn> = {
  ...textCommands,
  ...fileCommands,
  ...systemCommands,
  ...netCommands,
  ...miscCommands,
  ...packageCommands,
  ...appCommands,
  ...dnsCommands,
  grep,
  egrep: grep,
  fgrep: grep,
  curl,
  awk,
  tar,
  nginx,
};

const shell = makeShell((name) => command(name));
for (const n of ['sh', 'bash', 'ash', 'dash']) COMMANDS[n] = shell;

/** Looks an applet up. */
export function command(name: string): CommandFn | undefined {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
}
