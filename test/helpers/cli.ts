import { execa } from 'execa';
import { resolve } from 'node:path';

/** The built CLI, as a user runs it (`npm ci` builds dist/ through the prepare script). */
export const CLI = resolve('bin/kubedoctest.js');

/** Runs the CLI with NO_COLOR and a minimal environment; never throws on exit codes. */
export async function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; timeout?: number } = {}) {
  const r = await execa(process.execPath, [CLI, ...args], {
    reject: false,
    cwd: options.cwd ?? process.cwd(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', ...options.env },
    extendEnv: false,
    timeout: options.timeout ?? 120_000,
    stdin: 'ignore',
  });
  return { code: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr) };
}
