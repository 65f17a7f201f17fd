import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { SYSTEM_NAMESPACES } from '../../src/match/distribution.js';
import { NORMALIZERS } from '../../src/match/index.js';

test('docs/matching.md should describe every normalizer', () => {
  const doc = readFileSync(join(import.meta.dirname, '../../docs/matching.md'), 'utf8');
  for (const n of NORMALIZERS) expect(doc).toContain(`| \`${n.id}\` |`);
});

test('docs/matching.md should name every system namespace', () => {
  const doc = readFileSync(join(import.meta.dirname, '../../docs/matching.md'), 'utf8');
  for (const ns of SYSTEM_NAMESPACES) expect(doc).toContain(`\`${ns}\``);
});
