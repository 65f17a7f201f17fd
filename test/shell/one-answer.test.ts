import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { programsOf } from '../../src/backends/sim/unmodelled-pods.js';
import { fileEffects } from '../../src/lint/file-refs.js';
import { continuesSilentLine } from '../../src/parse/line-kinds.js';
import { sessionOpenedBy } from '../../src/plan/session.js';
import { createdPaths } from '../../src/run/depends.js';
import { firstKubectlCall, hasFlag, parseCommandLine, printsNothing, writtenFiles } from '../../src/shell/index.js';

/**
 * What four pairs of earlier implementations answered for every command of every fixture page
 * and every container command of its manifests, recorded before each pair was merged into one
 * answer of the command model: the files a command writes (run's `createdPaths`, lint's
 * `fileEffects`), the session a kubectl command opens (read with the session's own 25 value
 * flags), the programs a container's script runs (a regex split of `sh -c`), and whether a line
 * prints nothing (parse's `isSilent`, and the builtin list after which an assignment line is no
 * output).
 */
interface Old {
  commands: Array<{
    command: string;
    createdPaths: string[];
    fileEffects: Array<{ creates: string[]; unknown: boolean }>;
    session: unknown;
    kubectl: Array<{ sub: string | null; positional: string[]; flags: Record<string, string>; after: string[] | null; stdin: boolean; tty: boolean }>;
    isSilent: boolean;
    silentBuiltin: boolean;
  }>;
  containers: Array<{ argv: string[]; programs: string[] }>;
}

const OLD: Old = JSON.parse(readFileSync('test/shell/__golden__/old-answers-2.json', 'utf8'));
const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();

describe('files written: one table for run and lint', () => {
  // Where the two disagreed, and the merged answer: lint's reading was right each time, run's
  // `createdPaths` did not know `curl -O`, `make KEY=path` or `openssl -out/-keyout`.
  const DISAGREED: Record<string, string[]> = {
    'curl -L -s -O https://k8s.io/examples/application/job/job-tmpl.yaml': ['job-tmpl.yaml'],
    'make keys KEY=/tmp/nginx.key CERT=/tmp/nginx.crt': ['/tmp/nginx.crt', '/tmp/nginx.key'],
  };
  const disagreed = (command: string): string[] | undefined =>
    DISAGREED[command] ??
    (command.startsWith('openssl req -x509 -nodes -days 365 -newkey rsa:2048 -keyout /d/tmp/nginx.key') ? ['/d/tmp/nginx.crt', '/d/tmp/nginx.key'] : undefined);

  it('should give both callers the answers they gave on the corpus, and lint’s where they disagreed', () => {
    let agreed = 0;
    let settled = 0;
    for (const old of OLD.commands) {
      const lint = parseCommandLine(old.command).commands.map((sc) => fileEffects(sc));
      // Lint keeps every answer it gave (in the table's order: flags before their suffixed kin).
      expect({ command: old.command, creates: lint.map((f) => sorted(f.creates)), unknown: lint.map((f) => f.createsUnknown) }).toEqual({
        command: old.command,
        creates: old.fileEffects.map((f) => sorted(f.creates)),
        unknown: old.fileEffects.map((f) => f.unknown),
      });
      const right = disagreed(old.command);
      if (right) {
        settled++;
        expect(old.createdPaths).toEqual([]);
        expect(sorted(createdPaths(old.command))).toEqual(right);
      } else {
        if (old.createdPaths.length > 0) agreed++;
        expect({ command: old.command, paths: sorted(createdPaths(old.command)) }).toEqual({ command: old.command, paths: sorted(old.createdPaths) });
      }
    }
    expect(settled).toBe(3);
    expect(agreed).toBeGreaterThan(10);
  });

  it('should read the programs each old answer missed', () => {
    const paths = (line: string): string[] => parseCommandLine(line).commands.flatMap((c) => writtenFiles(c).paths);
    // Lint's own reading took `git@github.com:org/repo` for the folder name; run's was right.
    expect(paths('git clone git@github.com:kubernetes/examples.git')).toEqual(['examples']);
    expect(writtenFiles(parseCommandLine('git clone https://github.com/kubernetes/website.git/').commands[0]!)).toEqual({ paths: ['website'], unlisted: true });
    // Run's `createdPaths` knew none of these.
    expect(sorted(createdPaths('touch a.txt && ssh-keygen -t rsa -f ./id_rsa -N ""'))).toEqual(['./id_rsa', './id_rsa.pub', 'a.txt']);
    expect(sorted(createdPaths('cfssl gencert -initca ca-csr.json | cfssljson -bare ca'))).toEqual(['ca-key.pem', 'ca.csr', 'ca.pem']);
    expect(sorted(createdPaths('openssl genrsa -out tls.key 2048'))).toEqual(['tls.key']);
    expect(sorted(createdPaths('htpasswd -c auth foo'))).toEqual(['auth']);
    expect(sorted(createdPaths('cp deploy.yaml backup.yaml'))).toEqual(['backup.yaml']);
    expect(sorted(createdPaths('wget -q https://x.io/a/b.tgz'))).toEqual(['b.tgz']);
    expect(sorted(createdPaths('wget -O out.tgz https://x.io/a/b.tgz'))).toEqual(['out.tgz']);
    // A program path names the same program.
    expect(sorted(createdPaths('/usr/bin/touch made.txt'))).toEqual(['made.txt']);
    expect(writtenFiles(parseCommandLine('cd ~').commands[0]!).unlisted).toBe(false);
    expect(writtenFiles(parseCommandLine('cd website').commands[0]!).unlisted).toBe(true);
    expect(writtenFiles(parseCommandLine('helm pull x/y --untar').commands[0]!).unlisted).toBe(true);
    expect(writtenFiles(parseCommandLine('helm pull x/y').commands[0]!).unlisted).toBe(false);
  });
});

describe('kubectl flags: one table and one parser for the session reader', () => {
  it('should open the same sessions on every corpus command', () => {
    let sessions = 0;
    for (const old of OLD.commands) {
      const now = sessionOpenedBy(old.command) ?? null;
      if (now) sessions++;
      expect({ command: old.command, session: now }).toEqual({ command: old.command, session: old.session });
    }
    expect(sessions).toBeGreaterThan(5);
  });

  it("should read each corpus kubectl call as the session's own parser did where that parser knew the flags", () => {
    let compared = 0;
    let globalFirst = 0;
    const lettered: string[] = [];
    for (const old of OLD.commands) {
      const first = old.kubectl[0];
      // The old reader took the word after `kubectl` for the subcommand (`kubectl -n x edit …`): wrong.
      if (first?.sub?.startsWith('-')) {
        globalFirst++;
        continue;
      }
      const call = firstKubectlCall(old.command);
      if (!first || !call || parseCommandLine(old.command).commands.find((c) => c.program)?.name !== 'kubectl') continue;
      // The old parser knew only 25 value flags: `--timeout 60s`, `-o wide`, `-f x.yaml` left it a
      // positional too many. Compared where its flags were all in its list (or given with `=`).
      const unknown = call.path.length !== 1 || [...call.flags.values()].flat().some((f) => f.valueWord && !KNOWN.has(f.word.value));
      if (unknown) continue;
      compared++;
      expect({
        command: old.command,
        sub: call.path[0]!.value,
        positional: call.positionals.map((w) => w.value),
        after: call.afterDashDash?.map((w) => w.value) ?? null,
      }).toEqual({
        command: old.command,
        sub: first.sub,
        positional: first.positional,
        after: first.after,
      });
      // It read `-o=jsonpath='{…}'` letter by letter, finding `-i` and `-t` in `jsonpath`.
      if (hasFlag(call, '-i', '--stdin') !== first.stdin || hasFlag(call, '-t', '--tty') !== first.tty) lettered.push(old.command);
      for (const [name, value] of Object.entries(first.flags)) if (value !== 'true') expect(call.flags.get(name)?.at(-1)?.value).toBe(value);
    }
    expect(compared).toBeGreaterThan(200);
    expect(globalFirst).toBeGreaterThan(0);
    expect(lettered.length).toBeGreaterThan(0);
    for (const command of lettered) expect(command).toMatch(/ -o=jsonpath/);
  });

  it('should read the forms the session parser got wrong', () => {
    // `--timeout 60s` takes a value: the pod is `web`, not `60s`.
    expect(sessionOpenedBy('kubectl exec -it --request-timeout=5s web -- sh')).toEqual({ kind: 'pod', name: 'web' });
    expect(sessionOpenedBy('kubectl run -it --rm tmp --image=busybox --pod-running-timeout 2m -- sh')).toEqual({ kind: 'pod', name: 'tmp' });
    // `--annotations` takes a value (it was not in the list): the pod is `tmp`, not `a=b`.
    expect(sessionOpenedBy('kubectl run --annotations a=b -it tmp --image=busybox -- sh')).toEqual({ kind: 'pod', name: 'tmp' });
    // Global flags before the subcommand: the session reader took `-n` for the subcommand.
    expect(sessionOpenedBy('kubectl -n dev exec -it web -- sh')).toEqual({ kind: 'pod', name: 'web', namespace: 'dev' });
    expect(sessionOpenedBy('kubectl debug -it web --image=busybox --target web -c dbg -n dev')).toEqual({
      kind: 'pod',
      name: 'web',
      namespace: 'dev',
      container: 'dbg',
    });
    expect(sessionOpenedBy('kubectl exec --stdin=false -t web -- sh')).toBeUndefined();
    expect(sessionOpenedBy('kubectl exec -i --tty=true -nkube-system web -- sh')).toEqual({ kind: 'pod', name: 'web', namespace: 'kube-system' });
  });
});

/** The value flags of the session's old list. */
const KNOWN = new Set([
  ...['-n', '--namespace', '-c', '--container', '--image', '--target', '--copy-to', '--profile', '--context', '--kubeconfig', '--restart', '--overrides'],
  ...['--env', '--port', '-l', '--selector', '--labels', '--pod-running-timeout', '--request-timeout', '--cluster', '--user', '-s', '--server'],
  ...['--custom-profile', '--image-pull-policy'],
]);

describe("a container's programs: the command model", () => {
  // Where the regex split was wrong: it missed `$(date)` (it cut at `$(` and kept `date)`) and
  // took `START` of an SQL string for a program.
  const FIXED: Array<[RegExp, (old: string[]) => string[]]> = [
    [/\$\(date\)/, (old) => ['date', ...old]],
    [/START SLAVE/, (old) => old.filter((p) => p !== 'START')],
  ];

  it('should find the programs the regex split found on the corpus, except where it was wrong', () => {
    let fixed = 0;
    for (const { argv, programs } of OLD.containers) {
      const fix = FIXED.find(([re]) => argv.some((a) => re.test(a)));
      if (fix) fixed++;
      expect({ argv, programs: sorted(programsOf(argv)) }).toEqual({ argv, programs: sorted(fix ? fix[1](programs) : programs) });
    }
    expect(fixed).toBe(5);
    expect(OLD.containers.length).toBeGreaterThan(25);
  });

  it('should read substitutions in tests, heredocs and quoting as the shell does', () => {
    expect(programsOf(['bash', '-c', '[[ `hostname` =~ -([0-9]+)$ ]] || exit 1'])).toEqual(['hostname']);
    expect(programsOf(['sh', '-c', 'cat <<EOF | mysql\nSTART SLAVE;\nEOF'])).toEqual(['cat', 'mysql']);
    expect(programsOf(['sh', '-c', 'echo "x; nginx"'])).toEqual([]);
    expect(programsOf(['sh', '-c', 'if [ -f /a ]; then exec /usr/sbin/nginx -g "daemon off;"; fi'])).toEqual(['nginx']);
  });
});

describe('prints nothing: one answer for parse', () => {
  it("should keep isSilent's answer on every corpus command", () => {
    for (const old of OLD.commands)
      expect({ command: old.command, silent: printsNothing(old.command) }).toEqual({ command: old.command, silent: old.isSilent });
  });

  it('should continue an assignment after the lines the builtin list knew, and after those isSilent knew', () => {
    const differed: string[] = [];
    for (const old of OLD.commands) {
      const before = old.silentBuiltin || /^[A-Za-z_]\w*=/.test(old.command.trim());
      const now = continuesSilentLine(old.command, 'A=1');
      if (before && !now) differed.push(old.command);
      // Output sent to a file, `mkdir`, `rm`, `sleep`: they print nothing, so `A=1` after them is typed.
      if (!before && now) expect(printsNothing(old.command)).toBe(true);
    }
    // The builtin list took any line starting with an assignment for silent: not one that runs kubectl.
    expect(differed).toEqual(['KUBECTL_APPLYSET=true kubectl apply -f <directory> --prune --applyset=<name>']);
  });

  it('should know that listing builtins print without arguments', () => {
    expect(continuesSilentLine('set -e', 'A=1')).toBe(true);
    expect(continuesSilentLine('set', 'A=1')).toBe(false);
    expect(continuesSilentLine('export', 'HOME=/root')).toBe(false);
    expect(continuesSilentLine('declare -x B=2', 'A=1')).toBe(true);
    expect(printsNothing('cd -')).toBe(false);
    expect(printsNothing('umask 022')).toBe(true);
    expect(printsNothing('kubectl get pods -o yaml > pods.yaml')).toBe(true);
    expect(printsNothing('kubectl get pods | tee pods.txt')).toBe(true);
    expect(printsNothing('kubectl get pods > /dev/null')).toBe(false);
  });
});
