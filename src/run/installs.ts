/**
 * What a package install would have put on PATH, for the steps after an install that was skipped
 * or could not be checked: `nslookup: command not found` after an unchecked `apt-get install
 * dnsutils` follows from that step, not from the page.
 */
import { parseCommandLine, shQuote } from '../shell/index.js';

/** Package managers' install verbs: program → the verbs after which package names follow. */
const INSTALLERS: Readonly<Record<string, readonly string[]>> = {
  'apt-get': ['install'],
  apt: ['install'],
  apk: ['add'],
  yum: ['install'],
  dnf: ['install'],
  microdnf: ['install'],
  zypper: ['install', 'in'],
};

/** Words a package's name ends with that its programs do not carry (`amqp-tools` installs `amqp-publish`, …). */
const PACKAGE_SUFFIX = /-(?:tools|utils|client|clients|cli|bin|progs)$/;

/**
 * The programs an install command's packages provide: from `lookup` (the backend's package
 * catalog) when it knows the package; else the package's own name and, as a prefix ending in
 * `*`, the name without its suffix (`amqp-tools` → `amqp*`: `amqp` and `amqp-…`). Empty for a command that installs nothing.
 */
export function installedPrograms(command: string, lookup?: (pkg: string) => readonly string[] | undefined): Set<string> {
  const programs = new Set<string>();
  for (const c of parseCommandLine(command).commands) {
    const words = c.words.map((w) => w.value);
    const program = c.program?.value ?? '';
    // In a container (`kubectl exec pod -- apt-get install …`) or a shell's script (`sh -c '…'`).
    const dash = words.indexOf('--');
    if (program === 'kubectl' && dash >= 0) {
      for (const p of installedPrograms(
        words
          .slice(dash + 1)
          .map(shQuote)
          .join(' '),
        lookup,
      ))
        programs.add(p);
      continue;
    }
    const script = /^(?:\/bin\/)?(?:ba|da|a)?sh$/.test(program) ? words[words.indexOf('-c') + 1] : undefined;
    if (script && words.includes('-c')) {
      for (const p of installedPrograms(script, lookup)) programs.add(p);
      continue;
    }
    const verbs = INSTALLERS[program];
    if (!verbs) continue;
    const at = words.findIndex((w) => verbs.includes(w));
    if (at < 0) continue;
    for (const pkg of words.slice(at + 1)) {
      if (pkg.startsWith('-') || !/^[a-z0-9][\w.+:=~-]*$/i.test(pkg)) continue;
      // `curl=7.88.1-10`, `curl:amd64`: the package is the name before the version or architecture.
      const name = pkg.split(/[=:]/)[0]!;
      const known = lookup?.(name);
      if (known) {
        for (const p of known) programs.add(p);
        continue;
      }
      programs.add(name);
      const stem = name.replace(PACKAGE_SUFFIX, '');
      if (stem !== name && stem.length >= 3) programs.add(`${stem}*`);
    }
  }
  return programs;
}
