import { describe, expect, it } from 'vitest';
import { cmd, lintOne } from '../helpers.js';

describe('smart-quote', () => {
  it('reports curly quotes with straight-quote fixes', () => {
    const ds = lintOne('smart-quote', cmd(5, 'kubectl get pods -o jsonpath=‘{.items[0].metadata.name}’ -l “app=web”'));
    expect(ds.map((d) => d.fix!.replacement)).toEqual(["'", "'", '"', '"']);
    expect(ds[0]!.column).toBe(30);
  });

  it('accepts straight quotes', () => {
    expect(lintOne('smart-quote', cmd(5, `kubectl get pods -o jsonpath='{.items[0]}' -l "app=web"`))).toEqual([]);
  });
});

describe('smart-quote in text the author wrote', () => {
  it('ignores curly quotes and dashes inside straight quotes, heredoc bodies and apostrophes', () => {
    const c = cmd(1, `kubectl annotate pod x description="the “best” pod – really" && echo it’s\ncat <<'EOF' > note.md\nThe “quoted” text — here\nEOF`);
    expect(lintOne('smart-quote', c)).toEqual([]);
    expect(lintOne('typographic-dash', c)).toEqual([]);
  });
});
