/**
 * Programs that write files named on their command line, and how to read the names: one table for
 * lint (a file a later step reads is made by an earlier one) and run (a failed or skipped step did
 * not make what a later one needs). A program in no row writes no file by name (its redirections
 * are read apart).
 */

/** How one program names the files it writes. */
export interface FileWriter {
  /** Which positional arguments (words not starting with `-`) are files or folders it makes. */
  positionals?: 'all' | 'last-of-two-or-more';
  /** Flags whose value names what it writes, each with the suffixes it adds (`''`: the value itself). */
  flags?: Readonly<Record<string, readonly string[]>>;
  /** `make … KEY=/tmp/nginx.key`: assignments among its arguments whose value looks like a path. */
  pathAssignments?: boolean;
  /** Special readings: `git clone`'s folder, what curl and wget download and where, `htpasswd -c`. */
  reading?: 'git-clone' | 'curl' | 'wget' | 'htpasswd';
  /**
   * It makes files nobody can list from its words: `always`, or only `with-untar` (`helm pull
   * --untar`), or `unless-home` (`cd` to a folder a step may have made; not `cd ~`, `cd -`, `cd /`, `cd ..`).
   */
  unlisted?: 'always' | 'with-untar' | 'unless-home' | 'git-clone';
}

const ITSELF = [''];

/** Every program that writes files by name, and how. */
export const FILE_WRITERS: Readonly<Record<string, FileWriter>> = {
  touch: { positionals: 'all' },
  mkdir: { positionals: 'all' },
  tee: { positionals: 'all' },
  cp: { positionals: 'last-of-two-or-more' },
  mv: { positionals: 'last-of-two-or-more' },
  ln: { positionals: 'last-of-two-or-more' },
  install: { positionals: 'last-of-two-or-more' },
  openssl: { flags: { '-out': ITSELF, '-keyout': ITSELF } },
  // cfssljson -bare ca: ca.pem, ca-key.pem and ca.csr (cfssl's README).
  cfssljson: { flags: { '-bare': ['.pem', '-key.pem', '.csr'] } },
  'ssh-keygen': { flags: { '-f': ['', '.pub'] } },
  // What curl and wget save is read by `downloads` (written-files.ts), their options as they read them.
  curl: { reading: 'curl' },
  wget: { reading: 'wget' },
  htpasswd: { reading: 'htpasswd' },
  make: { pathAssignments: true },
  git: { reading: 'git-clone', unlisted: 'git-clone' },
  tar: { unlisted: 'always' },
  unzip: { unlisted: 'always' },
  kustomize: { unlisted: 'always' },
  helm: { unlisted: 'with-untar' },
  cd: { unlisted: 'unless-home' },
};
