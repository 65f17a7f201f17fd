import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { matchOutput } from '../../src/match/index.js';
import type { Binding, Difference } from '../../src/match/index.js';
import type { MatchMode } from '../../src/plan/types.js';

interface Meta {
  description: string;
  mode: MatchMode;
  command?: string;
  ok: boolean;
  strategy?: string;
  /** When present: exactly these differences, in doc order (message: substring). */
  differences?: (Partial<Difference> & { kind: Difference['kind'] })[];
  /** Bindings that must be among those found. */
  bindings?: Binding[];
}

const root = join(import.meta.dirname, '../../fixtures/match');

describe('fixtures/match', () => {
  // `outputs/` holds whole outputs that table-driven tests cut excerpts against; cases have a meta.json.
  for (const name of readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(root, e.name, 'meta.json')))
    .map((e) => e.name)
    .sort()) {
    const dir = join(root, name);
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as Meta;
    test(`${name}: ${meta.description}`, () => {
      const result = matchOutput({
        expected: readFileSync(join(dir, 'expected.txt'), 'utf8'),
        actual: readFileSync(join(dir, 'actual.txt'), 'utf8'),
        mode: meta.mode,
        line: 1,
        column: 1,
        ...(meta.command !== undefined ? { command: meta.command } : {}),
      });
      expect(result.ok, JSON.stringify(result.differences, null, 2)).toBe(meta.ok);
      if (meta.strategy) expect(result.strategy).toBe(meta.strategy);
      if (meta.ok) expect(result.diff).toBe('');
      else expect(result.diff).toMatch(/^--- doc\n\+\+\+ actual\n@@/);
      if (meta.differences) {
        expect(result.differences).toHaveLength(meta.differences.length);
        meta.differences.forEach((want, i) => {
          const got = result.differences[i]!;
          const { message, ...rest } = want;
          expect(got).toMatchObject(rest);
          if (message !== undefined) expect(got.message).toContain(message);
        });
      }
      for (const b of meta.bindings ?? []) expect(result.bindings).toContainEqual(b);
    });
  }
});
