import type { Diagnostic } from '../diag/diagnostic.js';
import { diagnostic } from '../diag/diagnostic.js';
import type { MatchMode } from '../plan/types.js';
import { DIRECTIVE_MARKER, DIRECTIVE_NAMES, EXPECT_MODES, TIMEOUT_UNITS } from './data/directives.js';
import type { DocLine } from './source-text.js';

/** The settings one directive comment gives to the next block. */
export interface Directive {
  line: number;
  column: number;
  skip?: string;
  expect?: MatchMode;
  timeoutMs?: number;
  file?: string;
  setup?: boolean;
  /** Commands written inside a `setup` comment itself (lines after the first). */
  setupLines?: DocLine[];
}

const TOKEN = /([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+)))?/y;

/**
 * Parses `<!-- kubedoctest: … -->`. Returns undefined for other comments. Unknown words
 * and bad values become `unknown-directive` / `invalid-directive` findings.
 */
export function parseDirective(value: string, line: number, column: number, findings: Diagnostic[]): Directive | undefined {
  const marker = DIRECTIVE_MARKER.exec(value);
  if (!marker) return undefined;
  const body = value.slice(marker[0].length).replace(/-->\s*$/, '');
  const nl = body.indexOf('\n');
  const head = nl === -1 ? body : body.slice(0, nl);
  const d: Directive = { line, column };
  const at = { line, column };
  let pos = 0;
  let lastName = '';
  while (pos < head.length) {
    while (pos < head.length && /\s/.test(head[pos]!)) pos++;
    if (pos >= head.length) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(head);
    if (!m) {
      findings.push(diagnostic('unknown-directive', 'warning', at, `Unknown kubedoctest directive text "${head.slice(pos).trim()}".`));
      break;
    }
    pos = TOKEN.lastIndex;
    const name = m[1]!.toLowerCase();
    const val = m[2] ?? m[3] ?? m[4];
    if (name === 'reason' && lastName === 'skip') d.skip = val ?? 'skipped by directive';
    else if (lastName === 'expect' && val === undefined && d.expect === undefined && !DIRECTIVE_NAMES.has(name)) {
      if (EXPECT_MODES.has(name)) d.expect = name as MatchMode;
      else findings.push(diagnostic('invalid-directive', 'warning', at, `Unknown expect mode "${name}"; use one of ${[...EXPECT_MODES].join(', ')}.`));
      lastName = '';
      continue;
    } else if (!DIRECTIVE_NAMES.has(name)) {
      findings.push(diagnostic('unknown-directive', 'warning', at, `Unknown kubedoctest directive "${name}"; known: ${[...DIRECTIVE_NAMES].join(', ')}.`));
    } else if (name === 'skip') d.skip = val ?? 'skipped by directive';
    else if (name === 'setup') d.setup = true;
    else if (name === 'expect' && val !== undefined) {
      if (EXPECT_MODES.has(val)) d.expect = val as MatchMode;
      else findings.push(diagnostic('invalid-directive', 'warning', at, `Unknown expect mode "${val}"; use one of ${[...EXPECT_MODES].join(', ')}.`));
    } else if (name === 'timeout') {
      const t = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(val ?? '');
      if (t) d.timeoutMs = Math.round(Number(t[1]) * TIMEOUT_UNITS[t[2] ?? '']!);
      else findings.push(diagnostic('invalid-directive', 'warning', at, `Invalid timeout "${val ?? ''}"; write e.g. timeout=60s.`));
    } else if (name === 'file') {
      if (val) d.file = val;
      else findings.push(diagnostic('invalid-directive', 'warning', at, 'The file directive needs a name: file=name.yaml.'));
    }
    lastName = name;
  }
  if (lastName === 'expect' && d.expect === undefined && !findings.some((f) => f.line === line && f.ruleId === 'invalid-directive')) {
    findings.push(diagnostic('invalid-directive', 'warning', at, `The expect directive needs a mode: ${[...EXPECT_MODES].join(', ')}.`));
  }
  if (d.setup && nl !== -1) d.setupLines = bodyLines(body.slice(nl + 1), line);
  return d;
}

/** Lines of the comment body after the directive line, placed in the doc. */
function bodyLines(rest: string, line: number): DocLine[] {
  return rest
    .split(/\r?\n|\r/)
    .map((text, k) => {
      const indent = text.length - text.trimStart().length;
      return { text: text.trimStart(), line: line + 1 + k, column: indent + 1 };
    })
    .filter((l) => l.text.trim() !== '');
}
