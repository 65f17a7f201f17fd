import { badRequest } from '../status.js';
import type { KObject } from '../types.js';

/** One parsed label selector requirement. */
export interface LabelRequirement {
  key: string;
  operator: 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';
  values: string[];
}

/** One parsed field selector requirement (`key=value` or `key!=value`). */
export interface FieldRequirement {
  path: string;
  equal: boolean;
  value: string;
}

const KEY_END = /[\s,=!()<>]/;

/**
 * Parses a Kubernetes label selector (`a=b,c!=d,e in (f,g),h notin (i),j,!k,l>3`).
 * Throws StatusError 400 with the real server's wording on malformed input.
 */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  const out: LabelRequirement[] = [];
  let i = 0;
  const s = selector;
  const fail = (why: string): never => {
    throw badRequest(`unable to parse requirement: ${why}`);
  };
  const skipSpace = () => {
    while (i < s.length && /\s/.test(s[i]!)) i++;
  };
  const readWord = (): string => {
    skipSpace();
    const start = i;
    while (i < s.length && !KEY_END.test(s[i]!)) i++;
    return s.slice(start, i);
  };
  const readValues = (): string[] => {
    skipSpace();
    if (s[i] !== '(') fail(`found '${s[i] ?? ''}', expected: '('`);
    i++;
    const values: string[] = [];
    for (;;) {
      const v = readWord();
      skipSpace();
      if (s[i] === ',') {
        values.push(v);
        i++;
        continue;
      }
      if (s[i] === ')') {
        if (v !== '' || values.length > 0) values.push(v);
        i++;
        return values;
      }
      fail(`found '${s[i] ?? ''}', expected: ',' or ')'`);
    }
  };
  skipSpace();
  if (i >= s.length) return out;
  for (;;) {
    skipSpace();
    let negate = false;
    if (s[i] === '!') {
      negate = true;
      i++;
    }
    const key = readWord();
    if (!key) fail(`found '${s[i] ?? ''}', expected: identifier`);
    checkKey(key);
    skipSpace();
    if (negate) {
      out.push({ key, operator: '!', values: [] });
    } else if (i >= s.length || s[i] === ',') {
      out.push({ key, operator: 'exists', values: [] });
    } else if (s.startsWith('==', i) || s[i] === '=') {
      i += s.startsWith('==', i) ? 2 : 1;
      out.push({ key, operator: 'in', values: [checkValue(readWord())] });
    } else if (s.startsWith('!=', i)) {
      i += 2;
      out.push({ key, operator: 'notin', values: [checkValue(readWord())] });
    } else if (s[i] === '>' || s[i] === '<') {
      const op = s[i] === '>' ? 'gt' : 'lt';
      i++;
      const v = readWord();
      if (!/^-?\d+$/.test(v)) fail(`for 'Gt', 'Lt' operators, the value must be an integer`);
      out.push({ key, operator: op, values: [v] });
    } else {
      const word = readWord();
      if (word === 'in' || word === 'notin') out.push({ key, operator: word, values: readValues().map(checkValue) });
      else fail(`found '${word || s[i] || ''}', expected: in, notin, =, ==, !=, gt, lt`);
    }
    skipSpace();
    if (i >= s.length) return out;
    if (s[i] !== ',') fail(`found '${s[i]}', expected: ','`);
    i++;
  }
}

function checkKey(key: string): void {
  const parts = key.split('/');
  const name = parts.length === 2 ? parts[1]! : parts[0]!;
  if (parts.length > 2 || !/^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/.test(name) || name.length > 63)
    throw badRequest(
      `unable to parse requirement: invalid label key "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`,
    );
}

function checkValue(value: string): string {
  if (value !== '' && (!/^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/.test(value) || value.length > 63))
    throw badRequest(
      `unable to parse requirement: values[0]: Invalid value: "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`,
    );
  return value;
}

/** Whether a set of labels satisfies every requirement. */
export function matchLabels(requirements: readonly LabelRequirement[], labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  return requirements.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = l[r.key];
    switch (r.operator) {
      case 'exists':
        return has;
      case '!':
        return !has;
      case 'in':
        return has && r.values.includes(v!);
      case 'notin':
        return !has || !r.values.includes(v!);
      case 'gt':
      case 'lt': {
        if (!has || !/^-?\d+$/.test(v!)) return false;
        const n = Number(v);
        const want = Number(r.values[0]);
        return r.operator === 'gt' ? n > want : n < want;
      }
    }
  });
}

/**
 * Parses a field selector (`metadata.name=x,status.phase!=Running`); values may escape `\,` `\=` `\\`.
 */
export function parseFieldSelector(selector: string): FieldRequirement[] {
  const out: FieldRequirement[] = [];
  for (const term of splitUnescaped(selector, ',')) {
    if (term.trim() === '') continue;
    const m = /^([^=!]+?)\s*(==|!=|=)\s*(.*)$/s.exec(term);
    if (!m) throw badRequest(`invalid selector: '${selector}'; can't understand '${term}'`);
    out.push({ path: m[1]!.trim(), equal: m[2] !== '!=', value: unescape(m[3]!) });
  }
  return out;
}

function splitUnescaped(s: string, sep: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      cur += c + s[i + 1];
      i++;
    } else if (c === sep) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

/** Reads a dotted path (`involvedObject.name`, `spec.nodeName`) as the string a field selector compares. */
export function fieldValue(object: KObject, path: string): string {
  let cur: unknown = object;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = (cur as Record<string, unknown>)[part];
  }
  if (cur === undefined || cur === null) return '';
  return typeof cur === 'object' ? JSON.stringify(cur) : String(cur);
}

/** Whether an object satisfies every field requirement. */
export function matchFields(requirements: readonly FieldRequirement[], object: KObject): boolean {
  return requirements.every((r) => (fieldValue(object, r.path) === r.value) === r.equal);
}

/** A compiled predicate for list and watch options. */
export function compileSelectors(options: { labelSelector?: string; fieldSelector?: string } = {}): (object: KObject) => boolean {
  const labels = options.labelSelector ? parseLabelSelector(options.labelSelector) : [];
  const fields = options.fieldSelector ? parseFieldSelector(options.fieldSelector) : [];
  if (labels.length === 0 && fields.length === 0) return () => true;
  return (o) => matchLabels(labels, o.metadata.labels) && matchFields(fields, o);
}
