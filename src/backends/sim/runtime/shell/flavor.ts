/** How a shell words its own errors: busybox ash, Debian's dash, or GNU bash. */
export type ShellKind = 'ash' | 'dash' | 'bash';

/** Message formats per shell (each ends without a newline). `n` is the script name ($0). */
export interface Flavor {
  kind: ShellKind;
  notFound(n: string, line: number, cmd: string): string;
  syntax(n: string, line: number, token: string): string;
  cannotCreate(n: string, line: number, path: string, why: string): string;
  cannotOpen(n: string, line: number, path: string, why: string): string;
  cdFail(n: string, line: number, path: string, why: string): string;
  /** Exit status of `cd` to a missing directory. */
  cdStatus: number;
  prompt(cwd: string, host: string): string;
}

const dirWhy = (why: string) => (why === 'No such file or directory' ? 'nonexistent directory' : why);

/** The three shells' message formats. */
export const FLAVORS: Record<ShellKind, Flavor> = {
  ash: {
    kind: 'ash',
    notFound: (n, _l, c) => `${n}: ${c}: not found`,
    syntax: (n, _l, t) => `${n}: syntax error: unexpected ${t === 'end of file' ? 'end of file (expecting ...)' : t}`,
    cannotCreate: (n, _l, p, w) => `${n}: can't create ${p}: ${dirWhy(w)}`,
    cannotOpen: (n, _l, p, w) => `${n}: can't open '${p}': ${w}`,
    cdFail: (n, _l, p, w) => `${n}: cd: can't cd to ${p}: ${w}`,
    cdStatus: 2,
    prompt: (cwd) => `${cwd === '/root' ? '~' : cwd} # `,
  },
  dash: {
    kind: 'dash',
    notFound: (n, l, c) => `${n}: ${l}: ${c}: not found`,
    syntax: (n, l, t) => `${n}: ${l}: Syntax error: ${t === 'end of file' ? 'end of file unexpected' : `${t} unexpected`}`,
    cannotCreate: (n, l, p, w) => `${n}: ${l}: cannot create ${p}: ${w === 'No such file or directory' ? 'Directory nonexistent' : w}`,
    cannotOpen: (n, l, p, w) => `${n}: ${l}: cannot open ${p}: ${w === 'No such file or directory' ? 'No such file' : w}`,
    cdFail: (n, l, p) => `${n}: ${l}: cd: can't cd to ${p}`,
    cdStatus: 2,
    prompt: () => '# ',
  },
  bash: {
    kind: 'bash',
    notFound: (n, l, c) => `${n}: line ${l}: ${c}: command not found`,
    syntax: (n, l, t) =>
      t === 'end of file'
        ? `${n}: -c: line ${l}: syntax error: unexpected end of file`
        : `${n}: -c: line ${l}: syntax error near unexpected token \`${t.replace(/^"|"$/g, '')}'`,
    cannotCreate: (n, l, p, w) => `${n}: line ${l}: ${p}: ${w}`,
    cannotOpen: (n, l, p, w) => `${n}: line ${l}: ${p}: ${w}`,
    cdFail: (n, l, p, w) => `${n}: line ${l}: cd: ${p}: ${w}`,
    cdStatus: 1,
    prompt: (cwd, host) => `root@${host}:${cwd === '/root' ? '~' : cwd}# `,
  },
};
