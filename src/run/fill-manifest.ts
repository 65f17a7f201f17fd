/**
 * Fills `REPLACE_WITH_…` placeholders in a manifest the way the doc tells the reader to: "Use
 * the output from the previous commands to create a yaml file" — `REPLACE_WITH_BASE64_CERT`
 * takes the output of the latest earlier `… | base64` command about a certificate, joined on one
 * line. A placeholder with no such command stays as written (the apply then fails, as it would
 * for a reader who did not replace it).
 */
import type { Rewrite } from './types.js';

/** Words a placeholder may use for a thing, and the words a command about it may use. */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  cert: ['cert', 'crt', 'certificate', 'pem'],
  certificate: ['cert', 'crt', 'certificate', 'pem'],
  crt: ['cert', 'crt', 'certificate', 'pem'],
  key: ['key'],
  token: ['token'],
  password: ['password', 'passwd', 'pass', 'pwd'],
  username: ['username', 'user'],
  ca: ['ca'],
};

/** An earlier command that ran, with its output. */
export interface RanCommand {
  line: number;
  ran: string;
  output: string;
  ok: boolean;
}

const PLACEHOLDER = /\bREPLACE_WITH_(BASE64_)?([A-Z0-9_]+)\b/g;

function mentions(command: string, word: string): boolean {
  const forms = SYNONYMS[word] ?? [word];
  return command
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((w) => forms.includes(w));
}

/** The manifest text with placeholders filled from earlier base64 output, and a rewrite for each. */
export function fillManifest(content: string, earlier: readonly RanCommand[]): { content: string; rewrites: Rewrite[] } {
  const rewrites: Rewrite[] = [];
  const out = content.replace(PLACEHOLDER, (whole, base64: string | undefined, what: string) => {
    if (!base64) return whole;
    const words = what.toLowerCase().split('_').filter(Boolean);
    const source = [...earlier]
      .reverse()
      .find((c) => c.ok && /\bbase64\b/.test(c.ran) && !/\s-d\b|--decode/.test(c.ran) && words.every((w) => mentions(c.ran, w)));
    const value = source?.output.replace(/\s+/g, '');
    if (!source || !value || !/^[A-Za-z0-9+/]+=*$/.test(value)) return whole;
    rewrites.push({
      kind: 'placeholder',
      from: whole,
      to: `${value.slice(0, 16)}…`,
      reason: `the base64 output of line ${source.line} on one line, as the doc asks`,
    });
    return value;
  });
  return { content: out, rewrites };
}
