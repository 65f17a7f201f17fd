/**
 * `ls -l` starts each directory's listing with `total N` (the blocks its entries use), a number
 * that depends on the filesystem. Pages commonly leave that line out and show only the entries,
 * so when the doc has no `total` line the actual ones are not compared; the entries still are.
 * A doc that does show `total N` compares it like any other line.
 */
const TOTAL = /^total\s+\d+(?:[.,]\d+)?[KMGTPE]?$/;

/** Short flags that make `ls` print long-format rows (GNU/busybox: -l, -g, -o, -n). */
const LONG_SHORT = /^-[a-zA-Z1]*[lgon]/;

/** True when the command's last stage is `ls` in long format (the stage a `total` line comes from). */
export function isLongListing(command: string | undefined): boolean {
  if (!command) return false;
  const last = command.split('|').pop()!.trim();
  const words = last.split(/\s+/);
  const at = words.lastIndexOf('ls');
  if (at < 0 || (at > 0 && !['--', 'exec', 'sudo', 'busybox'].includes(words[at - 1]!))) return false;
  return words.slice(at + 1).some((w) => LONG_SHORT.test(w) || /^--format[= ](?:long|verbose)$/.test(w));
}

const isTotal = (line: string): boolean => TOTAL.test(line.trim());

/** The actual lines to compare: `total N` lines dropped when the doc shows none. */
export function withoutTotals(doc: readonly string[], actual: string[]): string[] {
  return doc.some(isTotal) ? actual : actual.filter((l) => !isTotal(l));
}
