import { resolveCommand } from './resolve.js';
import { AbortedError, ExitSignal, type Shell } from './interp.js';
import type { CommandFn, Io } from './types.js';

/** Runs an applet from the image (not a builtin), resolved through PATH, with the shell's messages. */
export async function runExternal(sh: Shell, argv: string[], io: Io, env: Record<string, string>): Promise<number> {
  const name = argv[0]!;
  const found = resolveCommand(sh.vfs, name, env.PATH ?? '/usr/bin:/bin', sh.cwd);
  if (found.kind === 'missing' || found.kind === 'noexec') {
    if (name.includes('/')) {
      const why = found.kind === 'noexec' ? 'Permission denied' : 'No such file or directory';
      const msg =
        sh.flavor.kind === 'bash'
          ? `${sh.opts.name}: line ${sh.line}: ${name}: ${why}`
          : sh.flavor.kind === 'dash'
            ? `${sh.opts.name}: ${sh.line}: ${name}: ${why === 'Permission denied' ? why : 'not found'}`
            : `${sh.opts.name}: ${name}: ${why === 'Permission denied' ? why : 'not found'}`;
      io.err(msg + '\n');
      return found.kind === 'noexec' ? 126 : 127;
    }
    io.err(sh.flavor.notFound(sh.opts.name, sh.line, name) + '\n');
    return 127;
  }
  if (found.kind === 'script') {
    const shImpl = sh.opts.commands('sh')!;
    return callApplet(sh, 'sh', shImpl, [found.interpreter ?? 'sh', found.path, ...argv.slice(1)], io, env);
  }
  const applet = found.applet === 'busybox' ? (argv[1] ?? 'busybox') : found.applet;
  const args = found.applet === 'busybox' && argv.length > 1 ? argv.slice(1) : argv;
  const impl = sh.opts.commands(applet);
  if (!impl) {
    io.err(`${applet}: not supported by the simulator; use --backend kind\n`);
    return 126;
  }
  return callApplet(sh, applet, impl, args, io, env);
}

async function callApplet(sh: Shell, name: string, impl: CommandFn, argv: string[], io: Io, env: Record<string, string>): Promise<number> {
  try {
    return await impl({
      name,
      argv,
      io,
      host: sh.host,
      cwd: sh.cwd,
      env,
      run: (a, io2, env2) => {
        const sub = sh.clone();
        return sub.external(a, io2, env2 ?? env);
      },
    });
  } catch (e) {
    if (e instanceof AbortedError || e instanceof ExitSignal) throw e;
    io.err(`${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
