/**
 * The shapes a doc writes "more output here" in: a line of its own that stands for any number of
 * lines the page left out. Each shape is matched against the whole line (surrounding blanks
 * ignored); `trigger` lines must match and `clean` lines (real output that looks close) must not —
 * test/match/elisions.test.ts checks both.
 */
export interface ElisionShape {
  id: string;
  pattern: RegExp;
  trigger: readonly string[];
  clean: readonly string[];
}

/** Words an author writes inside brackets to say output was left out (`[ lots of output ]`, `(output truncated)`). */
const LEFT_OUT = String.raw`(?:lots|more|rest|remaining|further|additional|truncated|omitted|elided|snip(?:ped)?|trimmed|cut|shortened|abbreviated|repeats?|repeated)`;

export const ELISION_SHAPES: readonly ElisionShape[] = [
  {
    id: 'dots',
    // `...`, `....`, `…`, `……`, and the same in brackets: `[...]`, `(...)`, `<...>`, `[…]`.
    pattern: /^(?:\.{3,}|…+|\[(?:\.{3,}|…)\]|\((?:\.{3,}|…)\)|<(?:\.{3,}|…)>)$/,
    trigger: ['...', '....', '..........', '…', '[...]', '(...)', '<...>', '[…]'],
    clean: ['..', './run.sh', '...done', 'Loading...', '. . .', '[.]'],
  },
  {
    id: 'dots-with-note',
    // Dots around a bracketed note: `.... [ lots of output ] ....`, `... [ previous line repeats ] ...`, `... (snip) ...`.
    pattern: /^(?:\.{3,}|…)\s*[[(<][^\])>]*[\])>]\s*(?:\.{3,}|…)?$/,
    trigger: ['.... [ lots of output ] ....', '... [ previous line repeats several times .. hit return when it stops ] ...', '... (snip) ...', '... [more]'],
    clean: ['...[x] done', '... done (3 files)', 'a ... [b]'],
  },
  {
    id: 'bracketed-note',
    // A bracketed note alone on its line that says output was left out: `[ lots of output ]`, `(output truncated)`, `<snip>`.
    pattern: new RegExp(String.raw`^[[(<]\s*(?:(?:\.{3,}|…)\s*)?(?:[\w'-]+\s+){0,4}${LEFT_OUT}\b[^\])>]*[\])>]$`, 'i'),
    trigger: [
      '[ lots of output ]',
      '(output truncated)',
      '<snip>',
      '[snip]',
      '<snipped>',
      '[... more lines omitted ...]',
      '(rest of output omitted)',
      '[output trimmed]',
    ],
    clean: ['[INFO] more tests ran', '(node:123) Warning', '<none>', '[ OK ]', '<pending>', '(more)x', '[x] more'],
  },
  {
    id: 'comment-dots',
    // A YAML or shell comment that says the same: `# ...`, `# …`, `# [...]`, `// ...`.
    pattern: /^(?:#|\/\/)\s*(?:\.{3,}|…|\[(?:\.{3,}|…)\])$/,
    trigger: ['# ...', '#...', '# …', '// ...', '# [...]'],
    clean: ['# ... and more', '#', '# comment', '## ...x'],
  },
  {
    id: 'snip-marker',
    // A snip line between dashes or scissors: `-- snip --`, `--8<--`, `---- output omitted ----`.
    pattern: new RegExp(String.raw`^(?:-{2,}|={2,})\s*(?:${LEFT_OUT}|output\s+${LEFT_OUT}|${LEFT_OUT}\s+output)\s*(?:-{2,}|={2,})$|^-*8<-*$`, 'i'),
    trigger: ['-- snip --', '--8<--', '---- output omitted ----', '== snipped =='],
    clean: ['--', '---', '-----', '-- more', '===', '--- a/file'],
  },
];

/** True for a line that stands for "more output here" (one of {@link ELISION_SHAPES}). */
export function isElisionLine(line: string): boolean {
  const t = line.trim();
  if (t === '') return false;
  return ELISION_SHAPES.some((s) => s.pattern.test(t));
}
