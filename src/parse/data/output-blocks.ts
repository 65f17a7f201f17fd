/** A table header: two or more upper-case column names separated by two or more spaces. */
export const TABLE_HEADER = /^[A-Z][A-Z0-9_()%/.:-]*(?:\s{2,}[A-Z][A-Z0-9_()%/.: -]*)+\s*$/;

/** A database client's prompt or table border: `mysql> `, `127.0.0.1:6379> `, `postgres=# `, `+----+`. */
export const REPL_REPLY_LINE = /^(?:mysql>|mariadb>|MariaDB \[[^\]]*\]>|\d{1,3}(?:\.\d{1,3}){3}:\d+>|[\w-]+=[#>]|redis[\w.:-]*>|>\s*db\.|\+[-+]+\+$)/;

/** One value alone on a line: `true`, `3`, `10.96.0.1`, `nginx-7c5ddbdf54-8x2mh`. */
export const SINGLE_VALUE = /^\S+$/;

/** Commands that print one value: jsonpath/go-template output, `echo $X`, `wc -l`, `cat` of one file, base64. */
export const VALUE_PRINTING =
  /(?:-o|--output)[=\s]?['"]?(?:jsonpath|go-template|custom-columns)|\becho\b|\bprintf\b|\bwc\s+-[lcw]|\bbase64\b|\bcat\s+\S+\s*$|\bprintenv\b|\bgrep\s+-c\b|\bcurl\b|\bwget\s.*-O\s*-/;

/**
 * Commands that print environment-style `NAME=value` lines: container logs (a program printing its
 * environment), `printenv`, `env` on its own. `trigger` commands must match and `clean` ones must
 * not (test/parse/output-after-command.test.ts).
 */
export const ENV_PRINTING = {
  pattern: /\blogs\b|\bprintenv\b|(?:^|[\s;|&])env(?=\s*(?:$|[|;&]))/,
  trigger: [
    'kubectl logs pod/dependent-envars-demo',
    'kubectl logs envar-demo -c app',
    'kubectl exec envar-demo -- printenv',
    'kubectl exec -it web -- env',
    'env | grep SERVICE',
  ],
  clean: ['kubectl get pods', 'env FOO=1 ./run.sh', 'kubectl set env deployment/web FOO=bar', 'echo $HOME'],
} as const;

/**
 * A `NAME=value` line as a program prints its environment: no `export`, no command substitution
 * (`$(kubectl …)`, backticks) — a `$(VAR)` reference left unexpanded is printed text.
 */
export const PRINTED_ENV_LINE = /^\s*[A-Za-z_][A-Za-z0-9_]*=(?!.*(?:\$\((?![A-Za-z_][A-Za-z0-9_]*\))|`))/;

/** Programs a reader does type alone on a line (`ls`, `id`, `exit`); another lone program word after a value-printing command is its output (`iptables`). */
export const ALONE_COMMANDS: ReadonlySet<string> = new Set([
  'ls',
  'id',
  'ps',
  'exit',
  'logout',
  'env',
  'date',
  'hostname',
  'whoami',
  'pwd',
  'printenv',
  'top',
  'bash',
  'sh',
  'clear',
  'history',
  'uptime',
  'df',
  'free',
  'make',
  'mount',
  'ifconfig',
  'netstat',
  'groups',
  'set',
  'alias',
]);

/**
 * The first line of an HTTP request written out as a listing (`PATCH /api/v1/nodes/<name>/status
 * HTTP/1.1`, then headers and a body): an illustration of what a client sends, not a command,
 * whatever the fence's language.
 */
export const HTTP_REQUEST_LINE = /^\s*(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+\/\S*\s+HTTP\/\d(?:\.\d)?\s*$/;

/**
 * The first line of kubectl describe's output (`Name:         pods-high`, `Pods Status:  3 Running
 * / …`): a capitalised key and a colon, which no program is named. A block that starts so is output
 * (after a command) or an illustration, never commands. `trigger` lines must match and `clean` ones
 * must not (test/parse/describe-output.test.ts); lead-ins a page writes in a fence (`Note:`) are
 * not describe keys.
 */
export const DESCRIBE_FIRST_LINE = {
  pattern: /^(?!(?:Note|NOTE|Warning|WARNING|Tip|TIP|Caution|CAUTION|Important|IMPORTANT|Example|Usage)s?:)[A-Z][\w.()-]*(?:\s[A-Za-z(][\w.()/-]*)*:(?:\s|$)/,
  trigger: ['Name:       pods-high', 'Pods Status:    3 Running / 0 Waiting / 0 Succeeded / 0 Failed', 'Events:', 'Namespace:  default'],
  clean: ['Name=x kubectl get pods', 'echo Name: x', 'Note: run this first', 'kubectl describe quota', 'name: web', 'WARNING: this deletes'],
} as const;

/** A line that only kubectl describe prints: a `Key:` line, a rule of dashes, `<none>`, `Events:`. */
export const DESCRIBE_LINE = /^\s*(?:[A-Z][\w.()-]*(?:\s[A-Za-z(][\w.()/-]*)*:(?:\s|$)|-{2,}(?:\s+-{2,})*\s*$|<none>\s*$)/;
