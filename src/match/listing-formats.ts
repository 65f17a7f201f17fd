/**
 * Whitespace-aligned listings of programs other than kubectl (`ps`, `df`, `ls -l`), as data: their
 * columns, so a doc that leaves columns out with an inline `...` (`USER  PID  ...  STAT  COMMAND`)
 * can be compared column by column. Unlike kubectl's tables, their columns are separated by a
 * single blank and the last one (a command line, a mount point, a file name) holds blanks itself:
 * every column but the last is as many words as `words` says (one by default), the last takes the
 * rest of the line.
 */

/** One column of a listing. */
export interface ListingColumn {
  /** The name in the program's header (`%CPU`, `Mounted on`); for a headerless listing, a label. */
  name: string;
  /** How many blank-separated words a cell of this column is (`Feb  6 21:47`: 3); default 1. */
  words?: number;
  /** What a cell looks like: tells where a headerless row resumes after a `...`. */
  value?: RegExp;
}

/** A listing a program prints. */
export interface ListingFormat {
  id: string;
  /** Columns in order; the last one takes the rest of the line. */
  columns: readonly ListingColumn[];
  /** True when the program prints no header: the listing is known by its command. */
  headerless?: boolean;
  /** For a headerless listing: the command that prints it (its last pipeline stage). */
  command?: RegExp;
  /**
   * Why rows the doc does not show are not its defect, when they never are: a process listing
   * shows the reader's own shell and `ps`, and as many server workers as the machine has CPUs.
   */
  partialRows?: string;
}

const PROCESSES = 'processes a page leaves out differ per machine: the reader’s shell, ps itself, one worker per CPU';
const MONTH = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$/;

const cols = (...names: string[]): ListingColumn[] => names.map((name) => ({ name }));

/** The listings known, most specific first (a header that is a prefix of another comes later). */
export const LISTING_FORMATS: readonly ListingFormat[] = [
  // procps `ps aux` / `ps u`
  { id: 'ps-bsd', columns: cols('USER', 'PID', '%CPU', '%MEM', 'VSZ', 'RSS', 'TTY', 'STAT', 'START', 'TIME', 'COMMAND'), partialRows: PROCESSES },
  // procps `ps -ef`
  { id: 'ps-full', columns: cols('UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'), partialRows: PROCESSES },
  // procps `ps` with no options
  { id: 'ps-plain', columns: cols('PID', 'TTY', 'TIME', 'CMD'), partialRows: PROCESSES },
  // busybox `ps`
  { id: 'ps-busybox', columns: cols('PID', 'USER', 'TIME', 'COMMAND'), partialRows: PROCESSES },
  // coreutils `df -h` / `df` / busybox `df`
  { id: 'df-human', columns: cols('Filesystem', 'Size', 'Used', 'Avail', 'Use%', 'Mounted on') },
  { id: 'df-blocks', columns: cols('Filesystem', '1K-blocks', 'Used', 'Available', 'Use%', 'Mounted on') },
  // `ls -l` (GNU and busybox): mode, links, owner, group, size, time, name
  {
    id: 'ls-long',
    headerless: true,
    command: /^(?:\S+\s+)*?ls\s+(?:-\S*\s+)*-[a-zA-Z1]*l/,
    columns: [
      { name: 'MODE', value: /^[-bcdlps][-rwxsStT]{9}[.+@]?$/ },
      { name: 'LINKS', value: /^\d+$/ },
      { name: 'OWNER' },
      { name: 'GROUP' },
      { name: 'SIZE', value: /^\d[\d.,]*[KMGT]?$/ },
      { name: 'MODIFIED', words: 3, value: MONTH },
      { name: 'NAME' },
    ],
  },
];
