/**
 * What a translation must keep from its English page: commands, manifests and shown outputs,
 * normalized so that translated prose and comments do not count, then aligned step by step.
 */
import type { Plan } from '../plan/types.js';

/** One comparable piece of a page. */
export interface DriftItem {
  kind: 'command' | 'manifest' | 'output';
  /** Normalized text; what is compared. */
  key: string;
  /** Doc line of the first line of `raw`. */
  line: number;
  /** The text as the doc has it. */
  raw: string;
  /** Offsets into `raw`'s lines of the lines that survive normalizing, in order, one per `key` line. */
  kept: number[];
}

/** Drops a shell comment: a whole `#` line, or ` # …` after a command outside quotes. */
function stripShellComment(line: string): string {
  const t = line.trim();
  if (t.startsWith('#')) return '';
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && i > 0 && /\s/.test(line[i - 1]!)) return line.slice(0, i);
  }
  return line;
}

function normalizeLines(raw: string, strip: (line: string) => string): { key: string; kept: number[] } {
  const keys: string[] = [];
  const kept: number[] = [];
  raw.split('\n').forEach((line, i) => {
    const n = strip(line).trim().replace(/\s+/g, ' ');
    if (n === '') return;
    keys.push(n);
    kept.push(i);
  });
  return { key: keys.join('\n'), kept };
}

const noStrip = (line: string) => line;

/** The commands, manifests and outputs of a plan, in doc order. Example includes compare by path: both pages read the same file. */
export function driftItems(plan: Plan): DriftItem[] {
  const items: DriftItem[] = [];
  for (const s of plan.steps) {
    if (s.kind === 'command' && s.setup) continue;
    if (s.kind === 'command') {
      items.push({ kind: 'command', line: s.line, raw: s.command, ...normalizeLines(s.command, stripShellComment) });
      if (s.expected) items.push({ kind: 'output', line: s.expected.position.line, raw: s.expected.text, ...normalizeLines(s.expected.text, noStrip) });
    } else if (s.origin === 'example') {
      const raw = `example ${s.examplePath ?? s.file ?? ''}`;
      items.push({ kind: 'manifest', line: s.line, raw, key: raw, kept: [0] });
    } else if (s.content !== null) {
      // The fence line comes first; content starts on the next line.
      items.push({ kind: 'manifest', line: s.line + 1, raw: s.content, ...normalizeLines(s.content, stripShellComment) });
    }
  }
  return items;
}

/** A pairing of an English item with its translation's: both (same or differing), or one side missing. */
export interface AlignedPair {
  en?: DriftItem;
  tr?: DriftItem;
}

/**
 * Aligns two item lists on equal kind and key (longest common subsequence); between two
 * anchors, items of the same kind pair up in order, so a changed command faces its old text.
 */
export function alignItems(en: DriftItem[], tr: DriftItem[]): AlignedPair[] {
  const n = en.length;
  const m = tr.length;
  const same = (a: DriftItem, b: DriftItem) => a.kind === b.kind && a.key === b.key;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = same(en[i]!, tr[j]!) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: AlignedPair[] = [];
  let gapEn: DriftItem[] = [];
  let gapTr: DriftItem[] = [];
  const flush = () => {
    const used = new Set<DriftItem>();
    for (const e of gapEn) {
      const t = gapTr.find((x) => x.kind === e.kind && !used.has(x));
      if (t) used.add(t);
      out.push(t ? { en: e, tr: t } : { en: e });
    }
    for (const t of gapTr) if (!used.has(t)) out.push({ tr: t });
    gapEn = [];
    gapTr = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && same(en[i]!, tr[j]!)) {
      flush();
      out.push({ en: en[i]!, tr: tr[j]! });
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) gapEn.push(en[i++]!);
    else gapTr.push(tr[j++]!);
  }
  flush();
  return out;
}

/** The first line where two items differ: its doc line and text on each side. */
export function firstDifference(en: DriftItem, tr: DriftItem): { enLine: number; enText: string; trLine: number; trText: string } {
  const a = en.key.split('\n');
  const b = tr.key.split('\n');
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  const at = (item: DriftItem, idx: number) => {
    const offset = item.kept[Math.min(idx, item.kept.length - 1)] ?? 0;
    return { line: item.line + offset, text: item.raw.split('\n')[offset] ?? '' };
  };
  const e = at(en, k);
  const t = at(tr, k);
  return { enLine: e.line, enText: k < a.length ? e.text : '', trLine: t.line, trText: k < b.length ? t.text : '' };
}

/** The doc lines an item covers. */
export function itemLines(item: DriftItem): [number, number] {
  return [item.line, item.line + item.raw.split('\n').length - 1];
}
