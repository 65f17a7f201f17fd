/**
 * Interactive commands made non-interactive, each change recorded as a Rewrite.
 * Every rule gets the command after bindings/placeholders and returns null when it does not apply.
 */
import { join } from 'node:path';
import { sessionOpenedBy } from '../../plan/session.js';
import type { CommandStep } from '../../plan/types.js';
import type { Rewrite } from '../types.js';
import { readerImageBuild } from '../image-builds.js';
import { refusalProbe } from '../interactive-arguments.js';
import { deriveEdit, writeEditor } from './edit.js';
import { openedShell, SHELL_PROGRAMS as SHELLS } from './pod-shell-output.js';
import type { Bounded, Prepared, RewriteRule } from './types.js';
import {
  firstKubectlCall,
  flagValue,
  flagWords,
  hasFlag,
  isEndlessLoop,
  kubectlCall,
  neverEnds,
  parseCommandLine,
  shQuote,
  shQuoteExpanding,
  type KubectlCall,
} from '../../shell/index.js';

const skip = (reason: string, rewrites: Rewrite[] = []): Prepared => ({ action: 'skip', reason, rewrites, warnings: [] });
const run = (script: string, rewrites: Rewrite[], extra: Partial<Extract<Prepared, { action: 'run' }>> = {}): Prepared => ({
  action: 'run',
  script,
  rewrites,
  warnings: [],
  ...extra,
});
const interactive = (from: string, to: string, reason: string): Rewrite => ({ kind: 'interactive', from, to, reason });

/** Programs and forms that only make sense on a reader's desktop or another cluster tool. */
export const skipHostTools: RewriteRule = (command) => {
  const first = parseCommandLine(command).commands.find((c) => c.inside.length === 0);
  const program = first?.program?.value;
  const sub = first?.args[0]?.value;
  if (!program) return null;
  if (program === 'minikube') {
    if (sub === 'service' || sub === 'dashboard')
      return skip(`\`minikube ${sub}\` opens a browser or a tunnel on a minikube cluster; not available on this backend`);
    if (sub === 'ip') return skip('`minikube ip` needs a minikube cluster; not available on this backend');
    return skip(`\`minikube ${sub ?? ''}\` manages a minikube cluster; the backend provides the cluster instead`.replace(' `', '`'));
  }
  const build = readerImageBuild(command);
  if (build) return skip(build);
  if (program === 'kind' && (sub === 'create' || sub === 'delete')) return skip("cluster lifecycle is the backend's job; `kind` steps are not run");
  // `curl http://"$(minikube ip):$NODE_PORT"`: the address of a minikube cluster, which this is not.
  const inner = /\$\(\s*minikube\s+(\w+)/.exec(command);
  if (inner) return skip(`\`minikube ${inner[1]}\` gives an address of a minikube cluster; not available on this backend`);
  if (program === 'open' || program === 'xdg-open' || /^https?:\/\//.test(program)) return skip('opens a browser; not run');
  if (['vi', 'vim', 'nano', 'emacs'].includes(program)) return skip(`\`${program}\` opens an editor; not run (show the file's content in the doc instead)`);
  return null;
};

/** `watch [-n N] cmd` → `cmd` once (settled like a read-only step). */
export const watchProgram: RewriteRule = (command) => {
  const m = /^\s*watch(?:\s+(?:-[dtx]+|-n\s*\S+|--interval[= ]\S+|--differences))*\s+(.+)$/s.exec(command);
  if (!m) return null;
  return run(m[1]!, [interactive(command, m[1]!, '`watch` repeats forever; the command runs once and is retried until it matches')], { settle: true });
};

/** `kubectl get -w` → bounded with `timeout`, stopped once the expected lines appear. */
export const boundedWatch: RewriteRule = (command, step, ctx) => {
  const k = firstKubectlCall(command);
  if (!k || k.path[0]?.value !== 'get' || !hasFlag(k, '-w', '--watch', '--watch-only')) return null;
  const b = underTimeout(command, boundSeconds(step, ctx), 'a watch never ends');
  return run(b.script, [b.rewrite], { bounded: b.bounded });
};

/** Seconds a bounded command may run: the watch bound, or at most 5 s when the doc shows nothing to wait for. */
function boundSeconds(step: CommandStep, ctx: Parameters<RewriteRule>[2], always = false): number {
  return Math.max(1, Math.round((step.expected || always ? ctx.watchMs : Math.min(ctx.watchMs, 5000)) / 1000));
}

/**
 * The command's kubectl run under `timeout --foreground`, which keeps timeout in the step's process
 * group (the runner stops it once the doc's lines appear), with the rewrite that says why.
 */
function underTimeout(command: string, seconds: number, why: string): { script: string; rewrite: Rewrite; bounded: Bounded } {
  return {
    script: command.replace(/\bkubectl\s/, () => `timeout --foreground ${seconds} kubectl `),
    rewrite: interactive(command, `timeout ${seconds} ${command.trim()}`, `${why}; run for at most ${seconds}s and stopped once the doc's lines appear`),
    bounded: { stoppedCodes: [124, 143], ms: seconds * 1000 },
  };
}

/**
 * `kubectl rollout status` waits until the rollout ends, for ever when it is stuck (an image that
 * cannot be pulled): a reader sees the progress lines and presses Ctrl-C. It is bounded like a
 * watch, unless it stops by itself (`--timeout`, `--watch=false`).
 */
export const rolloutWatch: RewriteRule = (command, step, ctx) => {
  const k = firstKubectlCall(command);
  if (!k || k.path[0]?.value !== 'rollout' || k.path[1]?.value !== 'status') return null;
  if (hasFlag(k, '--timeout') || /^false$/i.test(flagValue(k, '--watch', '-w') ?? '')) return null;
  const b = underTimeout(command, boundSeconds(step, ctx, true), '`rollout status` waits while a rollout is stuck');
  return run(b.script, [b.rewrite], { bounded: b.bounded });
};

/**
 * `kubectl logs -f` follows until its containers end (a Job's pod) or for ever (a server): it is
 * bounded with `timeout` like a watch and stopped once the doc's lines appeared, so lines a
 * container prints after the step starts are read as a reader's terminal shows them.
 */
export const logsFollow: RewriteRule = (command, step, ctx) => {
  const k = firstKubectlCall(command);
  if (!k || k.path[0]?.value !== 'logs' || !hasFlag(k, '-f', '--follow')) return null;
  const b = underTimeout(command, boundSeconds(step, ctx), '`logs -f` follows until its containers end');
  return run(b.script, [b.rewrite], { bounded: b.bounded });
};

/**
 * A loop of the reader's shell that never ends by itself (`while true; do curl …; sleep 10; done`,
 * "cancel this when you're happy with it"): a reader watches its lines and presses Ctrl-C. It runs
 * in a subshell that ends once `ctx.watchMs` of real time have passed (its lines come at this
 * machine's pace, its `sleep`s being real), and is stopped earlier once the doc's lines appeared.
 * The loop's own variables and the shell's stay as they are. The command model says which loops
 * never end (`isEndlessLoop`: `while true|:|sleep N|[ 1 ]`, `until false`, no `break` in the body).
 */
export const endlessLoop: RewriteRule = (command, step, ctx) => {
  if (step.host.kind !== 'local') return null;
  const trimmed = command.trim();
  const from = command.length - command.trimStart().length;
  const loop = parseCommandLine(command).loops.find((l) => l.start === from);
  // The whole line is the loop (nothing after `done`), a `while`/`until` one whose condition never changes.
  if (!loop || loop.kind === 'for' || loop.end !== from + trimmed.length || !isEndlessLoop(loop)) return endlessLoopInPod(command, step, ctx);
  const condStart = loop.condition[0]!.start;
  const condEnd = loop.condition[loop.condition.length - 1]!.end;
  const condition = command.slice(condStart, condEnd);
  const seconds = Math.max(1, Math.round((step.expected ? ctx.watchMs : Math.min(ctx.watchMs, 5000)) / 1000));
  const bound = loop.kind === 'while' ? `(( SECONDS < __kdt_until )) && ${condition}` : `(( SECONDS >= __kdt_until )) || ${condition}`;
  const bounded = `${command.slice(from, condStart)}${bound}${command.slice(condEnd)}`;
  const to = `( __kdt_until=$((SECONDS + ${seconds})); ${bounded.trim()}\n)`;
  return run(
    to,
    [
      interactive(
        command,
        `timeout ${seconds} ${command.trim()}`,
        `an endless loop (a reader stops it with Ctrl-C); run for at most ${seconds}s and stopped once the doc's lines appear`,
      ),
    ],
    { bounded: { stoppedCodes: [124, 143], ms: seconds * 1000, realTime: true, endless: true } },
  );
};

/**
 * `kubectl exec POD -- sh -c 'while true; do …; sleep 5; done'` (or `kubectl run -it … -- sh -c …`):
 * the loop runs in the pod, for ever. Bounded with `timeout` like a watch (with a terminal when the doc asks for one), stopped
 * once the doc's lines appeared; the pod's sleeps follow the cluster's time, which passes on while
 * it prints nothing.
 */
function endlessLoopInPod(command: string, step: CommandStep, ctx: Parameters<RewriteRule>[2]): Prepared | null {
  const k = firstKubectlCall(command);
  // An endless loop in the command line or in the quoted script it hands the pod (`sh -c '…'`), with no `break`.
  if (!k || !attachesToLoop(k) || neverEnds(command)?.kind !== 'loop') return null;
  const b = underTimeout(command, boundSeconds(step, ctx), 'an endless loop in the pod (a reader stops it with Ctrl-C)');
  const tty = hasFlag(k, '-t', '--tty');
  return run(tty ? withTerminal(b.script.trim()) : b.script.trim(), [b.rewrite], { bounded: { ...b.bounded, endless: true }, ...(tty ? { pty: true } : {}) });
}

/** `kubectl exec`, or a `kubectl run` that stays attached to its container (`-i`, `-t`, `--attach`). */
function attachesToLoop(k: KubectlCall): boolean {
  const verb = k.path[0]?.value;
  if (verb === 'exec') return true;
  return verb === 'run' && hasFlag(k, '-i', '--stdin', '-t', '--tty', '--attach');
}

/**
 * The local ports a `kubectl proxy` (`--port`, default 8001) or `kubectl port-forward`
 * (`28015:27017`, `8080`; not `:80`, which picks a free one) listens on.
 */
export function localPorts(k: KubectlCall): number[] {
  if (k.path[0]?.value === 'proxy') {
    const p = flagValue(k, '--port', '-p');
    return [Number(p ?? 8001)].filter((n) => Number.isInteger(n) && n > 0);
  }
  return k.positionals
    .slice(1)
    .map((w) => /^(\d+)(?::\d+)?$/.exec(w.value)?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number);
}

/** A trailing `&`: the page's own way of keeping a command running in the background. */
const AMPERSAND = /(?<![&|])&\s*$/;

/**
 * `kubectl port-forward` / `kubectl proxy` → a background process for the following steps, whether
 * the page runs it in a terminal of its own or with `&` in the reader's shell. A reader stops one
 * (Ctrl-C, or `kill %1`) before starting another on the same local port; so does the runner: the
 * earlier process holding that port is stopped first, else the new one could not listen.
 */
export const background: RewriteRule = (raw, _step, ctx) => {
  const ampersand = AMPERSAND.test(raw);
  const command = ampersand ? raw.replace(AMPERSAND, '') : raw;
  const k = firstKubectlCall(command);
  if (!k || (k.path[0]?.value !== 'port-forward' && k.path[0]?.value !== 'proxy')) return null;
  // Its own redirections (`>/dev/null 2>&1 &`) hide the line that says it listens: not rewritten.
  if (ampersand && parseCommandLine(command).commands.some((c) => c.redirects.length > 0)) return null;
  if (k.path[0]?.value === 'port-forward' && !ctx.capabilities.portForward)
    return skip('`kubectl port-forward` needs port forwarding; not available on this backend');
  const log = join(ctx.runDir, `background-${ctx.index}.log`);
  const ready = "'Forwarding from\\|Starting to serve'";
  const pids = localPorts(k).map((port) => shQuote(join(ctx.runDir, `background-port-${port}.pid`)));
  const stop = pids.map((f) => `[ -s ${f} ] && { kill "$(cat ${f})" 2>/dev/null; wait "$(cat ${f})" 2>/dev/null; }; `).join('');
  const record = pids.map((f) => ` echo $! >${f};`).join('');
  const script = [
    `${stop}: >${shQuote(log)}; ${command.trim()} >>${shQuote(log)} 2>&1 &${record}`,
    // Up to 10 s for it to listen, unless it ended (a pod that does not exist, a port in use): then
    // what it printed is all there is.
    `for __kdt_i in $(seq 1 100); do grep -qs ${ready} ${shQuote(log)} && break; kill -0 $! 2>/dev/null || break; sleep 0.1; done; unset __kdt_i`,
    `cat ${shQuote(log)}; grep -qs ${ready} ${shQuote(log)}`,
  ].join('\n');
  const why = ampersand
    ? `the page runs \`kubectl ${k.path[0]?.value}\` in the background with \`&\`; it runs there for the following steps, is waited for until it listens, and is stopped at the end`
    : `\`kubectl ${k.path[0]?.value}\` blocks a terminal; it runs in the background for the following steps and is stopped at the end`;
  return run(script, [interactive(raw, `${command.trim()} &`, why)]);
};

/** `kubectl edit` → KUBE_EDITOR script applying the change the doc shows next. */
export const edit: RewriteRule = (command, step, ctx) => {
  const k = firstKubectlCall(command);
  // `kubectl edit`, and `create`/`apply`/`replace --edit`, which open the same editor first.
  if (!k || (k.path[0]?.value !== 'edit' && !hasFlag(k, '--edit'))) return null;
  const what = k.path[0]?.value === 'edit' ? 'kubectl edit' : `kubectl ${k.path[0]?.value ?? ''} --edit`;
  const change = deriveEdit(step, ctx);
  if (!change) {
    return {
      action: 'skip',
      reason: `\`${what}\` needs an editor and the doc does not show the resulting object; add a \`<!-- kubedoctest: edit s/old/new/ -->\` directive`,
      rewrites: [],
      warnings: [`${what} skipped: no change could be derived`],
    };
  }
  const editor = writeEditor(ctx, change);
  const to = `KUBE_EDITOR=${shQuote(editor)} ${command.trim()}`;
  return run(
    to,
    [interactive(command, `KUBE_EDITOR="sed -i -e '${change.sed}'" ${command.trim()}`, `kubectl edit opens an editor; the change comes from ${change.source}`)],
    { ignoreOutput: true },
  );
};

function dropTty(command: string): string {
  return command
    .replace(/\s-(it|ti)(?=\s|$)/, ' -i')
    .replace(/\s--tty(=true)?(?=\s|$)/, '')
    .replace(/\s-t(?=\s|$)/, '');
}

/**
 * A command the doc runs with a terminal (`-t`/`-it`/`--tty`), run under a pseudo-terminal as a
 * reader's shell would give it (`script` from util-linux), so kubectl allocates a tty in the
 * container and programs print what they print on a terminal (no curl progress meter, no "Unable
 * to use a TTY"). Where `script` is missing, the tty is dropped instead.
 */
export function withTerminal(command: string): string {
  const trimmed = command.trim();
  return `if command -v script >/dev/null 2>&1; then script -qec ${shQuote(trimmed)} /dev/null; else ${dropTty(trimmed)}; fi`;
}

/** `kubectl exec -it` → `-i`; a shell session opens a pod shell for the following `pod` steps. */
export const execTty: RewriteRule = (command, step) => {
  const k = firstKubectlCall(command) ?? execInLoop(command);
  if (!k || (k.path[0]?.value !== 'exec' && k.path[0]?.value !== 'attach') || !hasFlag(k, '-t', '--tty')) return null;
  // Arguments kubectl may refuse before any session starts: kubectl is asked first.
  const probe = refusalProbe(command, k);
  // Read from the pod's spec before this rule (src/run/attach.ts); here the pod could not be read.
  if (k.path[0]?.value === 'attach')
    return {
      ...skip("`kubectl attach` connects to the container's main process, and the pod could not be read to tell whether that is a shell; not run"),
      ...(probe ? { probe } : {}),
    };
  if (probe) return { ...skip('`kubectl exec` with a command but no `--`; not run'), probe };
  const target = k.positionals[0]?.value;
  const opensShell = !k.afterDashDash || k.afterDashDash.length === 0 || (k.afterDashDash.length === 1 && SHELLS.has(k.afterDashDash[0]!.value));
  if (opensShell && target) {
    const flags = carriedFlags(k);
    // The shell the page opens runs the lines typed in it (and must exist in the container).
    const shell = openedShell(k);
    const to = ['kubectl', 'exec', '-i', shQuoteExpanding(target), ...flags.map(shQuote), '--', shell ?? 'sh', '-c', 'true'].join(' ');
    return run(to, [interactive(command, to, 'an interactive shell in the pod; the following steps shown inside it run with `kubectl exec -i`')], {
      ignoreOutput: true,
      opensPodShell: { target, flags, line: step.line, removeAfter: false, tty: true, ...(shell ? { shell } : {}) },
    });
  }
  // A database client's prompt (`-- redis-cli`): run as written, under a terminal; the lines the
  // page types at its prompt then run as calls of the same client in the same pod.
  const repl = sessionOpenedBy(command)?.repl;
  const client =
    repl && target && k.afterDashDash?.[0]?.value.split('/').pop() === repl
      ? {
          target,
          flags: carriedFlags(k),
          line: step.line,
          removeAfter: false,
          tty: true,
          client: { program: repl, args: k.afterDashDash.slice(1).map((w) => w.value) },
        }
      : undefined;
  return run(
    withTerminal(command),
    [interactive(command, `script -qec '${command.trim()}' /dev/null`, "runs under a pseudo-terminal, as in a reader's terminal")],
    { pty: true, ...(client ? { opensPodShell: client } : {}) },
  );
};

/**
 * `for i in 0 1; do kubectl exec -i -t "web-$i" -- curl …; done`: an exec with a terminal that runs
 * a program to its end, inside a loop; the whole loop runs under a pseudo-terminal.
 */
function execInLoop(command: string): KubectlCall | undefined {
  for (const c of parseCommandLine(command).commands) {
    if (c.inside.length === 0) continue;
    const k = kubectlCall(c);
    if (k?.path[0]?.value === 'exec' && hasFlag(k, '-t', '--tty') && (k.afterDashDash?.length ?? 0) > 0 && !SHELLS.has(k.afterDashDash![0]!.value)) return k;
  }
  return undefined;
}

/** `kubectl run -it NAME … [-- sh]` → run the pod detached; a shell session opens a pod shell. */
export const runTty: RewriteRule = (command, step, ctx) => {
  const k = firstKubectlCall(command);
  if (!k || k.path[0]?.value !== 'run' || !hasFlag(k, '-t', '--tty')) return null;
  const name = k.positionals[0]?.value;
  // `-- mysql -h mysql -p…`: a database client's prompt, where the reader types what the page does not show.
  const repl = sessionOpenedBy(command)?.repl;
  if (repl)
    return skip(
      `opens the ${repl} client's interactive prompt in a new pod; what is typed there is not a command of the page, and the session does not end by itself`,
    );
  const next = ctx.steps.slice(ctx.index + 1).find((s) => s.kind === 'command');
  const nextInPod = next?.kind === 'command' && next.host.kind === 'pod';
  // `kubectl run -it … busybox --image=busybox sh`: an argument after the name is the container's
  // argument as after `--`, so a lone shell there opens a shell as `-- sh` does.
  const args = k.afterDashDash ?? k.positionals.slice(1);
  const opensShell = args.length > 0 ? args.length === 1 && SHELLS.has(args[0]!.value) : nextInPod;
  if (!opensShell || !name) {
    return run(
      withTerminal(command),
      [interactive(command, `script -qec '${command.trim()}' /dev/null`, "runs under a pseudo-terminal, as in a reader's terminal")],
      { pty: true },
    );
  }
  const ns = flagValue(k, '-n', '--namespace');
  const nsFlags = ns ? ['-n', ns] : [];
  const to = detachedRun(k, name);
  const shell = openedShell(k);
  return run(
    to,
    [interactive(command, to, 'an interactive shell in a new pod; the pod runs detached and the following steps shown inside it run with `kubectl exec -i`')],
    {
      ignoreOutput: true,
      opensPodShell: { target: name, flags: nsFlags, line: step.line, removeAfter: hasFlag(k, '--rm'), tty: true, ...(shell ? { shell } : {}) },
    },
  );
};

/**
 * `kubectl run NAME …` of an interactive `kubectl run -it NAME …`, started detached instead: the
 * same image, name, namespace and flags, its command a long sleep so its shell can be exec'd into,
 * then a wait for it to be Ready.
 */
function detachedRun(k: KubectlCall, name: string): string {
  const interactiveFlags = new Set(['-i', '-t', '-it', '-ti', '--tty', '--stdin', '--rm', '--attach', '-q', '--quiet']);
  const kept = flagWords(k)
    .filter((f) => !interactiveFlags.has(f.name) && f.name !== '--command')
    .map((f) => (f.value === undefined ? f.name : `${f.name}=${f.value}`));
  const ns = flagValue(k, '-n', '--namespace');
  const nsFlags = ns ? ['-n', ns] : [];
  return [
    ['kubectl', 'run', name, ...kept, '--command', '--', 'sleep', '3600'].map(shQuote).join(' '),
    `&& { ${['kubectl', 'wait', '--for=condition=Ready', `pod/${name}`, ...nsFlags, '--timeout=60s'].map(shQuote).join(' ')} >/dev/null 2>&1 || true; }`,
  ].join(' ');
}

/**
 * The pod shell a page showed with `kubectl run -it NAME … <shell>`, for a later line that runs in
 * it when no step of this run opened it: a command that starts the pod detached (as
 * {@link runTty} does) unless it exists, printing nothing. Undefined for any other opening
 * command (`kubectl exec -it POD -- sh` reads a pod the page made).
 */
export function startShownPodShell(command: string): { start: string; removeAfter: boolean } | undefined {
  const k = firstKubectlCall(command);
  const name = k?.positionals[0]?.value;
  if (!k || !name || k.path[0]?.value !== 'run' || !hasFlag(k, '-t', '--tty')) return undefined;
  const ns = flagValue(k, '-n', '--namespace');
  const get = ['kubectl', 'get', 'pod', name, ...(ns ? ['-n', ns] : [])].map(shQuote).join(' ');
  return { start: `{ ${get} >/dev/null 2>&1 || { ${detachedRun(k, name)}; } >/dev/null 2>&1; }`, removeAfter: hasFlag(k, '--rm') };
}

function carriedFlags(k: KubectlCall): string[] {
  const out: string[] = [];
  const ns = flagValue(k, '-n', '--namespace');
  const container = flagValue(k, '-c', '--container');
  if (ns) out.push('-n', ns);
  if (container) out.push('-c', container);
  return out;
}

/** The rules in the order they are tried. */
export const INTERACTIVE_RULES: RewriteRule[] = [
  skipHostTools,
  watchProgram,
  boundedWatch,
  rolloutWatch,
  logsFollow,
  endlessLoop,
  background,
  edit,
  execTty,
  runTty,
];

/** True when the step is interactive and no rule made it runnable. */
export function unhandledInteractive(step: CommandStep): string | null {
  return step.class === 'interactive' ? 'an interactive command with no non-interactive form; not run' : null;
}
