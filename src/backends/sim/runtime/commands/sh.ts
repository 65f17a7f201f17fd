import type { CommandFn } from '../shell/types.js';
import { Shell } from '../shell/interp.js';
import type { ShellKind } from '../shell/flavor.js';

/** `sh`/`bash`/`ash`/`dash`: `-c SCRIPT [NAME [ARGS…]]`, `FILE [ARGS…]`, or a script on stdin. */
export function makeShell(lookup: (applet: string) => CommandFn | undefined): CommandFn {
  return async (c) => {
    const kind: ShellKind =
      c.name === 'bash' ? 'bash' : c.name === 'ash' ? 'ash' : c.name === 'dash' ? 'dash' : c.host.profile.shell === 'none' ? 'ash' : c.host.profile.shell;
    const args = c.argv.slice(1);
    let script: string | undefined;
    let errexit = false;
    while (args.length && /^[-+][a-zA-Z]+$/.test(args[0]!)) {
      const flags = args.shift()!;
      if (flags.includes('c')) script = args.shift() ?? '';
      if (flags.includes('e') && flags[0] === '-') errexit = true;
    }
    let name = c.argv[0]!;
    let positional: string[] = [];
    if (script !== undefined) {
      if (args.length) name = args.shift()!;
      positional = args;
    } else if (args.length) {
      const file = args.shift()!;
      try {
        script = c.host.vfs.readText(file, c.cwd);
      } catch {
        const msg =
          kind === 'bash'
            ? `${name}: ${file}: No such file or directory`
            : kind === 'dash'
              ? `${name}: 0: cannot open ${file}: No such file`
              : `${name}: can't open '${file}': No such file or directory`;
        c.io.err(msg + '\n');
        return kind === 'bash' ? 127 : 2;
      }
      name = file;
      positional = args;
    } else {
      script = c.io.stdin.readAll().toString('utf8');
    }
    const sh = new Shell({ host: c.host, kind, name, env: c.env, cwd: c.cwd, commands: lookup, positional });
    sh.errexit = errexit;
    return sh.run(script, c.io);
  };
}
