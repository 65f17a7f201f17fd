import { SHELL_BUILTINS } from '../../../../shell/index.js';
import { command } from '../commands/index.js';
import { profileFor } from './index.js';
import { installablePrograms } from './packages.js';

/** Whether the simulator can check a program run in an image, and if not, why. */
export type CanRun = { ok: true; note?: string } | { ok: false; reason: string };

/** Programs that exist in the simulated commands but only answer part of what the real one does. */
const PARTIAL: Readonly<Record<string, string>> = {
  mysql: 'the simulated mysql client prints its version and checks the connection; it does not run queries',
  top: 'top is not modelled',
  vi: 'interactive editors are not modelled',
};

/**
 * Can the simulator check `program` run in a container of `image`? Answers from the image
 * profiles (which programs an image has, or can install with apt-get/apk) and the simulated
 * commands (which of them behave like the real ones). A runner marks a step it cannot check as
 * unchecked rather than failed.
 */
export function canRun(image: string, program: string): CanRun {
  const profile = profileFor(image);
  const name = program.split('/').pop() ?? program;
  if (profile.generic) return { ok: false, reason: `image ${image} is not known to the simulator` };
  if (SHELL_BUILTINS.has(name) && profile.shell !== 'none') return { ok: true };
  const inImage =
    Object.values(profile.bins).some((names) => names.includes(name)) ||
    (['sh', '/bin/sh'].includes(program) && profile.shell !== 'none') ||
    (name === 'bash' && profile.bash);
  const manager = profile.bins['/usr/bin']?.includes('apt-get') ? 'apt' : profile.bins['/sbin']?.includes('apk') ? 'apk' : undefined;
  const installable = manager ? installablePrograms(manager).has(name) : false;
  if (!inImage && !installable) {
    return { ok: false, reason: `${name} is not among the programs the simulator knows in image ${image}` };
  }
  if (PARTIAL[name]) return { ok: false, reason: PARTIAL[name]! };
  if (!command(name)) {
    // The image has it (or can install it), but the simulator has no implementation of it.
    if (profile.listeners.length && (profile.entrypoint?.some((e) => e.endsWith(name)) || profile.cmd?.some((e) => e.endsWith(name)))) {
      return { ok: true, note: `${name} is modelled by what it serves, not by running it` };
    }
    return { ok: false, reason: `${name} in image ${image} is not modelled by the simulator` };
  }
  return installable && !inImage ? { ok: true, note: `${name} must first be installed with ${manager === 'apt' ? 'apt-get' : 'apk'}` } : { ok: true };
}
