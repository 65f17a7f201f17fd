/** Which files a simple command's redirections write: one answer for every stage that asks. */
import type { RedirectOp, ShellWord, SimpleCommand } from './types.js';

/** Redirections that write a file: `>`, `>>`, `>|` (overriding noclobber), and `&>`/`&>>` (stdout and stderr). */
export const WRITING_REDIRECTS: ReadonlySet<RedirectOp> = new Set<RedirectOp>(['>', '>>', '>|', '&>', '&>>']);

/**
 * The files a simple command's redirections write, in order (`> out`, `2>> err`, `&> all`); a
 * descriptor target (`2>&1`) is none. With `stdoutOnly`, only those that receive its standard
 * output (`> f`, `1> f`, `&> f`), not `2> err`.
 */
export function redirectedFiles(sc: Pick<SimpleCommand, 'redirects'>, options: { stdoutOnly?: boolean } = {}): ShellWord[] {
  return sc.redirects.filter((r) => WRITING_REDIRECTS.has(r.op) && (!options.stdoutOnly || r.fd === undefined || r.fd === '1')).map((r) => r.target);
}
