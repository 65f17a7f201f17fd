import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runSh, testHost } from './helpers.js';
import { AbortedError } from '../../../src/backends/sim/runtime/shell/interp.js';

const tokens = [
  'echo',
  'cat',
  'ls',
  'x=1',
  '$x',
  '"$x"',
  "'q'",
  '|',
  '&&',
  '||',
  ';',
  '>',
  '>>',
  '<',
  '2>&1',
  '/tmp/f',
  '$(',
  ')',
  '`',
  '{',
  '}',
  '(',
  'if',
  'then',
  'fi',
  'for',
  'in',
  'do',
  'done',
  'case',
  'esac',
  '*',
  '?',
  '[',
  ']',
  '$((1+',
  '))',
  '${x:-',
  '#',
  '\\',
  '\n',
  'grep',
  'sed',
  's/a/b/',
  'wc',
  '-l',
  'exit',
  'while',
  'false',
  'true',
  '!',
  '<<EOF',
  'EOF',
  '&',
  '~',
  '"',
  "'",
];

describe('the interpreter never throws on arbitrary input', () => {
  it('random token soup gives a status, not an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...tokens), { maxLength: 14 }), fc.string({ maxLength: 12 }), async (parts, noise) => {
        const host = testHost();
        const ac = new AbortController();
        host.signal = ac.signal;
        const timer = setTimeout(() => ac.abort(), 500);
        try {
          const r = await runSh(parts.join(' ') + noise, { host });
          expect(Number.isInteger(r.code)).toBe(true);
          expect(r.code).toBeGreaterThanOrEqual(0);
          expect(r.code).toBeLessThan(256);
        } catch (e) {
          // only an abort (an endless loop cut off by the session) may end a run early
          expect(e).toBeInstanceOf(AbortedError);
        } finally {
          clearTimeout(timer);
        }
      }),
      { numRuns: 400 },
    );
  });
});
