/** Which variables a command line leaves set in its shell, exported or not, valued or not. */
import { describe, expect, it } from 'vitest';
import { variablesSet } from '../../src/shell/index.js';

const set = (line: string) => Object.fromEntries(variablesSet(line));

describe('variablesSet', () => {
  it('reads bare assignments and the declaring builtins', () => {
    expect(set('A=1')).toEqual({ A: { exported: false, valued: true } });
    expect(set('export B=2 C')).toEqual({ B: { exported: true, valued: true }, C: { exported: true, valued: false } });
    expect(set('declare -x D=1 E')).toEqual({ D: { exported: true, valued: true }, E: { exported: true, valued: false } });
    expect(set('readonly R=1; local S')).toEqual({ R: { exported: false, valued: true }, S: { exported: false, valued: false } });
    expect(set('URL=http://x; export URL')).toEqual({ URL: { exported: true, valued: true } });
  });

  it('leaves out a program’s environment and its arguments', () => {
    for (const line of ['F=1 cmd', 'env G=1 cmd', 'make H=1', 'sudo export T=1', 'declare -f U']) expect(set(line)).toEqual({});
  });

  it('leaves out what a subshell sets', () => {
    for (const line of ['( I=1 )', 'echo $(K=1; echo)', 'L=1 | cat', 'echo x | M=2', 'N=1 &', 'f() { Q=1; }', 'echo $(x) | V=1']) expect(set(line)).toEqual({});
    // The assignment itself is the shell's; what its substitution sets is not.
    expect(set('J=$(K=1; echo)')).toEqual({ J: { exported: false, valued: true } });
  });

  it('keeps what compound commands of the same shell set', () => {
    expect(Object.keys(set('if true; then O=1; fi'))).toEqual(['O']);
    expect(Object.keys(set('for i in 1; do P=$i; done'))).toEqual(['P']);
    expect(Object.keys(set('{ W=1; }'))).toEqual(['W']);
  });
});
