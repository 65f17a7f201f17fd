/**
 * Typographic characters that word processors and CMSs substitute into commands, with the
 * ASCII the shell needs. `dash-flag` means: `--`, or `-` when a single letter follows
 * (`–o wide` was `-o wide`, `–namespace` was `--namespace`, a lone `–` was `--`).
 */
export interface TypographicChar {
  char: string;
  name: string;
  rule: 'typographic-dash' | 'smart-quote';
  replacement: string | 'dash-flag';
}

/** The characters, in the order they are checked. */
export const TYPOGRAPHIC_CHARS: readonly TypographicChar[] = [
  { char: '\u2013', name: 'en dash', rule: 'typographic-dash', replacement: 'dash-flag' },
  { char: '\u2014', name: 'em dash', rule: 'typographic-dash', replacement: 'dash-flag' },
  { char: '\u2012', name: 'figure dash', rule: 'typographic-dash', replacement: 'dash-flag' },
  { char: '\u2015', name: 'horizontal bar', rule: 'typographic-dash', replacement: 'dash-flag' },
  { char: '\u2010', name: 'hyphen', rule: 'typographic-dash', replacement: '-' },
  { char: '\u2011', name: 'non-breaking hyphen', rule: 'typographic-dash', replacement: '-' },
  { char: '\u2212', name: 'minus sign', rule: 'typographic-dash', replacement: '-' },
  { char: '\u201C', name: 'left double quote', rule: 'smart-quote', replacement: '"' },
  { char: '\u201D', name: 'right double quote', rule: 'smart-quote', replacement: '"' },
  { char: '\u201E', name: 'low double quote', rule: 'smart-quote', replacement: '"' },
  { char: '\u00AB', name: 'left guillemet', rule: 'smart-quote', replacement: '"' },
  { char: '\u00BB', name: 'right guillemet', rule: 'smart-quote', replacement: '"' },
  { char: '\u2018', name: 'left single quote', rule: 'smart-quote', replacement: "'" },
  { char: '\u2019', name: 'right single quote', rule: 'smart-quote', replacement: "'" },
  { char: '\u201A', name: 'low single quote', rule: 'smart-quote', replacement: "'" },
  { char: '\u2032', name: 'prime', rule: 'smart-quote', replacement: "'" },
];
