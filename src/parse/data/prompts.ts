/**
 * Shell prompts seen in tutorial transcripts. A line that starts with one of these is a command
 * (the prompt is stripped); other lines of the block are its output. Tried in order.
 *
 * `host`:
 * - `local`: the reader's machine;
 * - `node`: a cluster node (`node $ curl …`);
 * - `pod`: inside a container (`[ root@curl-131556218-9fnch:/ ]$ nslookup my-nginx`);
 * - `auto`: `user@host:dir#` prompts: pod when the host is a pod that an earlier
 *   `kubectl exec`/`run`/`attach` entered or looks like a generated pod name, node when it looks
 *   like a node name, else local.
 */
export interface PromptPattern {
  name: string;
  pattern: RegExp;
  host: 'local' | 'node' | 'pod' | 'auto';
  /** Only a prompt when the rest of the line starts with a known program (`# ` root prompts, `> `). */
  needsProgram?: boolean;
  /** Not a prompt in shell-syntax fences (`# ` is a comment there). */
  notInShellSyntax?: boolean;
  /**
   * A prompt any shell shows (`$ `, `# `, `/ # `): inside a session an earlier step opened, the
   * line is typed in that session.
   */
  generic?: boolean;
}

export const PROMPT_PATTERNS: readonly PromptPattern[] = [
  { name: 'bracketed', pattern: /^\[\s*([\w.-]+)@([\w.-]+)(?::[^\]]*)?\s*\]\s*[$#]\s+/, host: 'pod' },
  { name: 'user-at-host', pattern: /^([\w.-]+)@([\w.-]+):[^\s$#]*\s*[$#]\s+/, host: 'auto' },
  { name: 'node', pattern: /^(node|minion|master|worker|control-?plane|kind-control-plane|minikube)(?:-?[\w.-]*)?\s*\$\s+/, host: 'node' },
  { name: 'pod', pattern: /^(pod|container)\s*\$\s+/, host: 'pod' },
  // busybox/alpine shells show the working directory: `/ # nslookup …`, `/data/demo $ ls`.
  { name: 'busybox', pattern: /^\/[\w./-]*\s[#$]\s+/, host: 'pod', needsProgram: true, generic: true },
  // …and written without the space: `/# printenv`.
  { name: 'busybox-tight', pattern: /^\/[\w./-]*[#$]\s+/, host: 'pod', needsProgram: true, generic: true },
  { name: 'dollar', pattern: /^\$\s+/, host: 'local', generic: true },
  { name: 'powershell', pattern: /^PS [A-Za-z]:\\[^>]*>\s+/, host: 'local' },
  { name: 'root', pattern: /^#\s+/, host: 'local', needsProgram: true, notInShellSyntax: true, generic: true },
  // `> kubectl apply -k ./` even in a shell fence: a redirection to a file named `kubectl` that
  // then runs `apply` is no command a page means, so the `>` is a prompt and the lines after it output.
  { name: 'angle-kubectl', pattern: /^>\s+(?=kubectl\s)/, host: 'local', generic: true },
  { name: 'angle', pattern: /^>\s+/, host: 'local', needsProgram: true, notInShellSyntax: true, generic: true },
];

/** Continuation prompt (PS2) at the start of a continued line in a transcript. */
export const CONTINUATION_PROMPT = /^>\s?/;

/** Host names that look like generated pod names (deployment hash, random suffix). */
export const POD_NAME_PATTERNS: readonly RegExp[] = [/-[0-9a-f]{8,10}-[0-9a-z]{5}$/, /-\d{6,}-[0-9a-z]{5}$/, /-[0-9a-z]{5}$/];

/** Host names that look like cluster nodes. */
export const NODE_NAME_PATTERNS: readonly RegExp[] = [/node/, /minion/, /worker/, /control-?plane/, /master/];

/** Host names that are the reader's machine. */
export const LOCAL_HOST_NAMES: ReadonlySet<string> = new Set(['localhost', 'computer', 'laptop', 'desktop', 'workstation', 'host']);

/**
 * Prompts of the database clients a page opens in a pod (`kubectl exec -it redis -- redis-cli`),
 * by the program's name in `REPL_CLIENTS` (src/plan/data/places.ts). A block whose first line
 * starts with the open client's prompt holds lines typed in that client, each followed by its
 * replies: `127.0.0.1:6379> CONFIG GET maxmemory`, `mysql> SHOW DATABASES;`, `postgres=# \\dt`.
 */
export const CLIENT_PROMPTS: Readonly<Record<string, RegExp>> = {
  'redis-cli': /^(?:redis\s+)?(?:\d{1,3}(?:\.\d{1,3}){3}|localhost|[\w.-]+):\d+(?:\[\d+\])?>\s*/,
  mysql: /^(?:mysql|mariadb|MariaDB \[[^\]]*\]|MySQL \[[^\]]*\])>\s*/,
  psql: /^[\w-]+=[#>]\s*/,
  mongo: /^(?:[\w-]+(?:\s\[[\w:-]+\])?)?>\s+/,
  mongosh: /^(?:[\w-]+(?:\s\[[\w:-]+\])?)?>\s+/,
  cqlsh: /^cqlsh(?::[\w]+)?>\s*/,
};
