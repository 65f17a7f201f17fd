/**
 * `ls` lays names out in columns on a terminal and one per line elsewhere, and the columns depend
 * on the terminal's width: the same directory prints differently for two readers. A short `ls`
 * listing is compared as its names, in order, wherever the line breaks fall.
 */
import type { Line } from './lines.js';

/** Flags that make `ls` print something other than names (long format, one per line is fine). */
const NOT_NAMES = /^-[a-zA-Z]*[lgonsi]/;

/** True when the command's last stage is `ls` printing plain names. */
export function isNameListing(command: string | undefined): boolean {
  if (!command) return false;
  const last = command.split(/\|/).pop()!.trim();
  const words = last.split(/\s+/);
  if (words[0] !== 'ls') return false;
  return !words.slice(1).some((w) => NOT_NAMES.test(w) || w === '--long' || w.startsWith('--format'));
}

/** The names of a listing, each a line that keeps the index of the line it came from. */
export function namesOf(lines: readonly Line[]): Line[] {
  return lines.flatMap((l) =>
    l.text
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((text) => ({ text, index: l.index })),
  );
}
