import type { Vfs } from '../fs/vfs.js';
import { matchPattern } from './expand.js';

/** Evaluates `test` / `[` / `[[` arguments: 0 true, 1 false, 2 with an error message. */
/**
 * `onRegexMatch` receives the groups of a `[[ a =~ re ]]` (empty when it does not match), which
 * bash keeps in BASH_REMATCH.
 */
export function evalTest(
  args: string[],
  vfs: Vfs,
  cwd: string,
  extended = false,
  onRegexMatch?: (groups: string[]) => void,
): { status: number; error?: string } {
  let i = 0;
  const fileTest = (op: string, path: string): boolean => {
    const node = vfs.lookup(path, cwd, op !== '-L' && op !== '-h');
    switch (op) {
      case '-e':
      case '-a':
        return !!node;
      case '-f':
        return node?.type === 'file';
      case '-d':
        return node?.type === 'dir';
      case '-L':
      case '-h':
        return node?.type === 'link';
      case '-s':
        return node?.type === 'file' ? node.data.length > 0 : !!node && node.type === 'dir';
      case '-r':
      case '-w':
        return !!node;
      case '-x':
        return !!node && (node.mode & 0o111) !== 0;
    }
    return false;
  };
  const primary = (): boolean => {
    const a = args[i];
    if (a === '!') {
      i++;
      return !primary();
    }
    if (a === '(') {
      i++;
      const v = orExpr();
      if (args[i] !== ')') throw new Error("')' expected");
      i++;
      return v;
    }
    const b = args[i + 1];
    const c = args[i + 2];
    const binOps = ['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '<', '>', '=~'];
    if (b !== undefined && binOps.includes(b) && c !== undefined) {
      i += 3;
      const num = (s: string) => {
        if (!/^\s*-?\d+\s*$/.test(s)) throw new Error(`${s}: integer expression expected`);
        return Number(s);
      };
      switch (b) {
        case '=':
        case '==':
          return extended ? matchPattern(c, a!) : a === c;
        case '!=':
          return extended ? !matchPattern(c, a!) : a !== c;
        case '<':
          return a! < c;
        case '>':
          return a! > c;
        case '=~': {
          const m = new RegExp(c).exec(a!);
          onRegexMatch?.(m ? [...m].map((g) => g ?? '') : []);
          return m !== null;
        }
        case '-eq':
          return num(a!) === num(c);
        case '-ne':
          return num(a!) !== num(c);
        case '-lt':
          return num(a!) < num(c);
        case '-le':
          return num(a!) <= num(c);
        case '-gt':
          return num(a!) > num(c);
        case '-ge':
          return num(a!) >= num(c);
      }
    }
    if (a && /^-[a-zA-Z]$/.test(a) && b !== undefined) {
      i += 2;
      if (a === '-z') return b === '';
      if (a === '-n') return b !== '';
      return fileTest(a, b);
    }
    i++;
    return a !== undefined && a !== '';
  };
  const andExpr = (): boolean => {
    let v = primary();
    while (args[i] === '-a' || args[i] === '&&') {
      i++;
      const r = primary();
      v = v && r;
    }
    return v;
  };
  const orExpr = (): boolean => {
    let v = andExpr();
    while (args[i] === '-o' || args[i] === '||') {
      i++;
      const r = andExpr();
      v = v || r;
    }
    return v;
  };
  try {
    if (!args.length) return { status: 1 };
    const v = orExpr();
    if (i < args.length) return { status: 2, error: `${args[i]}: unknown operand` };
    return { status: v ? 0 : 1 };
  } catch (e) {
    return { status: 2, error: (e as Error).message };
  }
}
