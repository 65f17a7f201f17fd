/**
 * Turns a command step into what the runner executes: host context (node, pod), example-URL
 * paths, interactive rewrites. Every change is recorded as a Rewrite; nothing is fixed silently
 * (a typographic dash or a typo runs as written).
 */
import { dirname, join, relative } from 'node:path';
import { MSYS_DRIVE_PATH } from '../../lint/data/host-paths.js';
import { REPL_CLIENTS } from '../../plan/data/places.js';
import type { CommandStep } from '../../plan/types.js';
import { clientOpenedBy } from '../../plan/session.js';
import { containerExec } from '../../plan/node-container.js';
import { namesAnotherPod } from '../../plan/shown-shell.js';
import type { Rewrite } from '../types.js';
import { INTERACTIVE_RULES, startShownPodShell, unhandledInteractive } from './interactive.js';
import { quietForTerminal } from './terminal-output.js';
import { backendContext } from './cluster-context.js';
import type { PodShell, Prepared, RewriteContext } from './types.js';
import { dropRootSudo } from './sudo.js';
import { downloads, firstKubectlCall, parseCommandLine, shQuote, shQuoteExpanding, variablesSet } from '../../shell/index.js';
import { mkdirInside } from '../safe-write.js';
import { examplesPath, shownPathFor, sitePath } from '../../plan/site-url.js';
import { changesDirectory, podPrelude, podTrailer } from './pod-session.js';
import { openedShell } from './pod-shell-output.js';

export type { Prepared, RewriteContext, PodShell, Bounded, RewriteRule } from './types.js';
export { deriveEdit } from './edit.js';
export { takePodState } from './pod-session.js';

const EXAMPLE_URL =
  /(-f\s+|--filename[= ])(https?:\/\/(?:k8s\.io|kubernetes\.io)\/examples\/|https?:\/\/raw\.githubusercontent\.com\/kubernetes\/website\/[^/\s]+\/content\/en\/examples\/)(\S+)/g;

/** A website address in a `-f` argument (group 2), any path: `-f http://k8s.io/docs/tasks/x/commands.yaml`. */
const SITE_FILE_URL =
  /(-f\s+|--filename[= ])(https?:\/\/(?:(?:www\.)?k8s\.io|(?:www\.)?kubernetes\.io|raw\.githubusercontent\.com\/kubernetes\/website\/[^/\s]+)\/[^\s'"`;|&)]+)/g;

/**
 * The sandbox copy a website address outside `examples/` stands for: the file the page shows whose
 * include path the address's path ends with. A file included with its site path (a ghlink, a
 * further key of `examples` for the same copy) is known by that path only: an address in another
 * folder is another file of the same name.
 */
function siteCopy(url: string, examples: Map<string, string>): string | undefined {
  const path = sitePath(url);
  if (path === undefined || examplesPath(url) !== undefined) return undefined;
  const copies = [...examples];
  const keys = copies.filter(([k, v]) => k !== v || !copies.some(([k2, v2]) => v2 === v && k2 !== k)).map(([k]) => k);
  const key = shownPathFor(path, keys, (k) => examples.get(k));
  return key === undefined ? undefined : examples.get(key);
}

/** Replaces example URLs in `-f` arguments with the sandbox copy the doc's manifest was written to. */
export function rewriteExampleUrls(command: string, examples: Map<string, string>): { command: string; rewrites: Rewrite[] } {
  const rewrites: Rewrite[] = [];
  const reason = 'the example file the doc shows is used instead of downloading it';
  let out = command.replace(EXAMPLE_URL, (whole, flag: string, base: string, path: string) => {
    const local = examples.get(path);
    if (!local) return whole;
    rewrites.push({ kind: 'path', from: `${base}${path}`, to: `./${local}`, reason });
    return `${flag}./${local}`;
  });
  out = out.replace(SITE_FILE_URL, (whole, flag: string, url: string) => {
    const local = siteCopy(url, examples);
    if (!local) return whole;
    rewrites.push({ kind: 'path', from: url, to: `./${local}`, reason });
    return `${flag}./${local}`;
  });
  return { command: out, rewrites };
}

/**
 * Website addresses of files a command applies (`-f http://k8s.io/docs/tasks/x/y.yaml`) that
 * stand for no file of the lesson: kubectl would fetch them from the live site, which this run
 * does not (the site has moved them since, and the machine may be offline).
 */
export function unfetchedSiteUrls(command: string, examples: Map<string, string>): string[] {
  const urls: string[] = [];
  for (const m of command.matchAll(SITE_FILE_URL)) {
    const url = m[2]!;
    if (examplesPath(url) === undefined && siteCopy(url, examples) === undefined) urls.push(url);
  }
  return [...new Set(urls)];
}

/**
 * The output as the reader's kubectl prints it: a file name kubectl echoes (`error when creating
 * "./admin/x.yaml"`) is the URL the doc gave, not the sandbox copy the runner put in its place.
 */
export function asReaderSees(output: string, rewrites: readonly Rewrite[]): string {
  let out = output;
  for (const r of rewrites) {
    if (r.kind !== 'path' || !r.to.startsWith('./') || !/^https?:\/\//.test(r.from)) continue;
    out = out.split(r.to).join(r.from);
  }
  return out;
}

/**
 * Example files a command applies or downloads by URL (`-f https://k8s.io/examples/P`,
 * `curl -O https://k8s.io/examples/P`) that the lesson has no copy of: run as written, kubectl or
 * curl would fetch them from the live site (a version the doc may not show) or fail offline.
 */
export function missingExamples(command: string, examples: Map<string, string>): string[] {
  const missing: string[] = [];
  for (const m of command.matchAll(EXAMPLE_URL)) if (!examples.has(m[3]!)) missing.push(m[3]!);
  for (const m of command.matchAll(DOWNLOAD)) if (!examples.has(m[4]!)) missing.push(m[4]!);
  return [...new Set(missing)];
}

/**
 * Maps Git Bash/MSYS drive paths (`/d/tmp/nginx.key`) to a folder in the run dir that stands for
 * the drive, creating the folders the path names, as the author's drive had them.
 */
export function rewriteDrivePaths(command: string, runDir: string): { command: string; rewrites: Rewrite[] } {
  const rewrites: Rewrite[] = [];
  const out = command.replace(MSYS_DRIVE_PATH, (whole, drive: string, rest: string) => {
    const to = join(runDir, 'drives', drive.toLowerCase(), rest);
    // The run dir is the lesson's: no link it planted may take the folders elsewhere.
    try {
      mkdirInside(runDir, relative(runDir, rest.endsWith('/') ? to : dirname(to)));
    } catch {
      // the step then fails as it would on a machine without that folder
    }
    if (!rewrites.some((r) => r.from === whole)) {
      rewrites.push({
        kind: 'path',
        from: whole,
        to,
        reason: `a Windows drive as Git Bash mounts it; a folder of the sandbox stands for drive ${drive.toUpperCase()}:`,
      });
    }
    return to;
  });
  return { command: out, rewrites };
}

const DOWNLOAD = /\b(curl|wget)\b([^;&|\n]*?)(https:\/\/(?:k8s\.io|(?:www\.)?kubernetes\.io)\/examples\/)([\w./-]+[\w-])([^;&|\n]*)/g;

/**
 * Where the curl/wget command a {@link DOWNLOAD} match found saves the example at `path`, as the
 * command model reads the program's options: a file, or its standard output (null).
 */
function downloadTarget(match: string, path: string): string | null {
  const sc = parseCommandLine(match).commands.find((c) => c.name === 'curl' || c.name === 'wget');
  const download = sc ? downloads(sc).find((d) => d.url.split(/[?#]/)[0]!.endsWith(`/examples/${path}`)) : undefined;
  return download?.file ?? null;
}

/** The k8s.io/examples files a curl/wget command saves, each with the file it saves it as (downloads to stdout left out). */
export function exampleDownloadTargets(command: string): { path: string; target: string }[] {
  const out: { path: string; target: string }[] = [];
  for (const m of command.matchAll(DOWNLOAD)) {
    const target = downloadTarget(m[0], m[4]!);
    if (target !== null) out.push({ path: m[4]!, target });
  }
  return out;
}

/**
 * Serves a download of a k8s.io/examples file (`curl -L -O https://k8s.io/examples/P`,
 * `wget … -O x`) from the copy the lesson already has, so the lesson runs offline and on the
 * exact file the doc shows.
 */
export function rewriteExampleDownloads(command: string, examples: Map<string, string>): { command: string; rewrites: Rewrite[] } {
  const rewrites: Rewrite[] = [];
  const out = command.replace(DOWNLOAD, (whole: string, ...[, , , path, after]: string[]) => {
    const local = examples.get(path);
    if (!local) return whole;
    const target = downloadTarget(whole, path);
    const to = target === null ? `cat ./${local}` : `mkdir -p "$(dirname ${shQuote(target)})" && cp ./${local} ${shQuote(target)}`;
    rewrites.push({ kind: 'path', from: `${whole.trim()}`, to, reason: 'the example file the doc downloads is copied from the examples folder' });
    return `${to}${/\s$/.test(after) ? ' ' : ''}`;
  });
  return { command: out, rewrites };
}

/**
 * `kubectl exec -i <pod> [flags] -- SHELL -c` for a pod shell, SHELL the one the page opened
 * (`bash`, `/bin/ash`; `sh` when unknown); the pod as the doc wrote it, so a `$POD_NAME` the doc
 * set earlier still expands in the lesson shell.
 */
export function podExec(pod: PodShell): string {
  return ['kubectl exec -i', shQuoteExpanding(pod.target), ...pod.flags.map(shQuote), '--', shQuote(pod.shell ?? 'sh'), '-c'].join(' ');
}

/**
 * A line typed in a pod shell that runs in the background while the next steps run (an endless
 * load loop "in a different terminal"): `kubectl exec -i … -- sh -c LINE` without a terminal (no
 * one types into it), after restoring the variables and directory earlier lines left.
 */
export function podBackgroundLine(pod: PodShell, line: string): string {
  return `${podExec(pod)} ${shQuote(`${podPrelude(pod)}${line}`)}`;
}

/**
 * A line typed in a pod shell: `kubectl exec -i … -- sh -c LINE`; in a shell the doc opened with a
 * terminal, run with `-t` under a pseudo-terminal, so programs print what they print on the
 * reader's terminal (curl without its progress meter, `ls` in columns).
 */
function podLine(pod: PodShell, line: string): string {
  const plain = `${podExec(pod)} ${shQuote(line)}`;
  if (!pod.tty) return plain;
  // The lesson shell expands the pod (a `$POD_NAME` the doc set) into the environment of `script`'s shell.
  const inner = ['kubectl exec -i -t "$KDT_POD"', ...pod.flags.map(shQuote), '--', shQuote(pod.shell ?? 'sh'), '-c', shQuote(line)].join(' ');
  return `if command -v script >/dev/null 2>&1; then KDT_POD=${shQuoteExpanding(pod.target)} script -qec ${shQuote(inner)} /dev/null; else ${plain}; fi`;
}

/**
 * A line typed at a database client's prompt as one call of the client (its arguments as the page
 * opened it): `redis-cli CONFIG GET maxmemory`, `mysql -uroot -e 'SHOW DATABASES;'`; undefined for
 * a client with no one-shot form.
 */
function clientCall(client: { program: string; args: string[] }, line: string): string | undefined {
  const one = REPL_CLIENTS[client.program]?.oneShot;
  if (one === undefined) return undefined;
  const base = [client.program, ...client.args].map(shQuote).join(' ');
  // redis-cli takes the command as its arguments, split as its own prompt splits them (quotes as in sh).
  return one === 'args' ? `${base} ${line.trim()}` : `${base} ${one} ${shQuote(line.trim())}`;
}

/** What decided a step's context, for messages: its prompt, the session or the cue. */
function contextText(step: CommandStep): string {
  const h = step.host;
  if (h.kind === 'local') return 'this machine';
  const prompt = 'prompt' in h && h.prompt ? h.prompt.trim() : undefined;
  const by =
    h.source.by === 'session'
      ? `in the session opened at line ${h.source.line ?? '?'}`
      : h.source.by === 'cue' || h.source.by === 'program'
        ? `"${h.source.text ?? ''}"`
        : undefined;
  return [prompt, 'name' in h ? h.name : undefined, by].filter(Boolean).join(', ') || h.kind;
}

/**
 * The pod a `pod` step runs in: the shell an earlier step opened (the doc's prompt names the pod
 * of the author's cluster, `[ root@curl-deployment-1515033274-1410r:/ ]$`, which this run's pod is
 * not); with no shell open, the pod the step's prompt or session names, as this run bound it.
 */
function podFor(step: CommandStep, ctx: RewriteContext): PodShell | null {
  if (step.host.kind !== 'pod') return null;
  if (namesAnotherPod(step.host)) return null;
  if (ctx.podShell) return ctx.podShell;
  // Typed in a shell a step of the page opens, which this run did not open (it failed or was skipped).
  if (step.host.source.by === 'session') return null;
  const { name, namespace, container, shownShell } = step.host;
  if (!name) return null;
  const flags = [...(namespace ? ['-n', namespace] : []), ...(container ? ['-c', container] : [])];
  // The shell the page showed is named by the page's own command, which this run uses as written; it has a terminal.
  if (shownShell !== undefined) {
    const opener = ctx.steps.find((s) => s.kind === 'command' && s.line === shownShell);
    const k = opener?.kind === 'command' ? firstKubectlCall(opener.command) : undefined;
    const shell = k ? openedShell(k) : undefined;
    return { target: name, flags, line: shownShell, removeAfter: false, tty: true, ...(shell ? { shell } : {}) };
  }
  return { target: ctx.bind ? ctx.bind(name) : name, flags, line: step.host.source.line ?? step.line, removeAfter: false };
}

/**
 * What starts the pod of the shell the page showed (`kubectl run -it … busybox … sh`) for a step
 * that runs in it when no step of this run opened it; undefined when the step is not one of its
 * lines or the page's command makes no pod (`kubectl exec -it` into the page's own pod).
 */
function shownShellStart(step: CommandStep, ctx: RewriteContext): { start: string; removeAfter: boolean } | undefined {
  const line = step.host.kind === 'pod' ? step.host.shownShell : undefined;
  if (line === undefined) return undefined;
  const opener = ctx.steps.find((s) => s.kind === 'command' && s.line === line);
  return opener?.kind === 'command' ? startShownPodShell(opener.command) : undefined;
}

/**
 * A step that opens a shell on a node (`minikube ssh`, `docker exec -it kind-control-plane bash`)
 * or on another machine (`ssh host`, `gcloud compute ssh vm`): nothing runs for it on this machine.
 * Lines typed in a node's shell then run in the backend's node shell; lines of another machine are
 * not run. Pod shells are opened by the interactive rules (`kubectl exec -it`, `kubectl run -it`).
 */
function opensSession(step: CommandStep, command: string, ctx: RewriteContext): Prepared | null {
  const target = step.opensSession;
  if (!target || target.kind === 'pod') return null;
  if (target.kind === 'remote') {
    return {
      action: 'skip',
      reason: `opens a shell on another machine (\`${command.trim().split('\n')[0]}\`); the lines typed there are not run`,
      rewrites: [],
      warnings: [],
    };
  }
  if (!ctx.capabilities.nodeShell) return { action: 'skip', reason: 'opens a shell on a node; this backend has no node shell', rewrites: [], warnings: [] };
  const to = 'true';
  return {
    action: 'run',
    script: to,
    rewrites: [
      {
        kind: 'interactive',
        from: command,
        to: `(node shell${target.name ? ` on ${target.name}` : ''})`,
        reason: "opens a shell on a node; the following lines typed in it run in the backend's node shell",
      },
    ],
    warnings: [],
    onNode: target.name ? { name: target.name } : {},
    ignoreOutput: true,
  };
}

/**
 * `docker exec [-it] <node container> <program…>` typed on the reader's machine (the plan placed it
 * on that node by its program): the program runs once in the backend's node shell, as `docker
 * exec` runs it in the local cluster's node container (`-w` is its directory, `-e` its variables).
 */
function nodeContainerProgram(step: CommandStep, command: string): Prepared | null {
  if (step.host.kind !== 'node' || step.host.source.by !== 'program') return null;
  const exec = containerExec(command);
  if (!exec) return null;
  const env = exec.env.map((e) => `export ${shQuote(e)}; `).join('');
  const script = `${exec.workdir ? `cd ${shQuote(exec.workdir)} && ` : ''}${env}${exec.command}`;
  const node = step.host.name ?? 'a node';
  return {
    action: 'run',
    script,
    rewrites: [
      {
        kind: 'interactive',
        from: command,
        to: `(node shell on ${node}) ${script}`,
        reason: `\`${exec.runtime} exec\` runs it in the node container ${exec.container}; it runs once in the backend's node shell`,
      },
    ],
    warnings: [],
    // `-t`: the program's output is a terminal, as the reader sees it (curl shows no progress meter).
    onNode: { ...(step.host.name ? { name: step.host.name } : {}), ...(exec.tty ? { tty: true } : {}) },
  };
}

/** Prepares one command step (the command already has bindings and placeholders applied). */
export function prepareCommand(step: CommandStep, command: string, ctx: RewriteContext): Prepared {
  // A line meant for another machine, a template, or a tool with no known place never runs on the host.
  if (step.host.kind === 'remote' || step.host.kind === 'illustrative' || step.host.kind === 'unknown') {
    return { action: 'skip', reason: step.host.reason, rewrites: [], warnings: [] };
  }
  const opened = opensSession(step, command, ctx);
  if (opened) return opened;
  if (step.host.kind === 'node') {
    if (!ctx.capabilities.nodeShell)
      return { action: 'skip', reason: `runs on a node (${contextText(step)}); this backend has no node shell`, rewrites: [], warnings: [] };
    const inContainer = nodeContainerProgram(step, command);
    if (inContainer) return inContainer;
    const sudo = dropRootSudo(command);
    const rewrites = sudo.dropped
      ? [
          {
            kind: 'interactive' as const,
            from: command,
            to: sudo.command,
            reason: 'the node shell already runs as root and has no sudo; `sudo` asking for root was dropped',
          },
        ]
      : [];
    return { action: 'run', script: sudo.command, rewrites, warnings: [], onNode: step.host.name ? { name: step.host.name } : {} };
  }
  const paths = rewriteExampleUrls(command, ctx.examples);
  command = paths.command;
  if (step.host.kind === 'local') {
    const downloads = rewriteExampleDownloads(command, ctx.examples);
    command = downloads.command;
    paths.rewrites.push(...downloads.rewrites);
  }
  if (step.host.kind === 'local') {
    const drives = rewriteDrivePaths(command, ctx.runDir);
    command = drives.command;
    paths.rewrites.push(...drives.rewrites);
    const quiet = quietForTerminal(command);
    command = quiet.command;
    paths.rewrites.push(...quiet.rewrites);
    const context = backendContext(command, ctx.steps, ctx.index);
    command = context.command;
    paths.rewrites.push(...context.rewrites);
  }
  if (step.host.kind === 'pod' && step.host.client) {
    // Typed at a database client's prompt: one call of that client, opened the way the page opened it.
    const client = ctx.podShell?.client;
    if (!ctx.podShell || client?.program !== step.host.client)
      return {
        action: 'skip',
        reason: `typed in the ${step.host.client} client opened at line ${step.host.source.line ?? '?'}, which this run did not open`,
        rewrites: paths.rewrites,
        warnings: [],
      };
    const call = clientCall(client, command);
    if (!call)
      return { action: 'skip', reason: `typed in the ${client.program} client; it cannot be run as one call of it`, rewrites: paths.rewrites, warnings: [] };
    const pod = { ...ctx.podShell, client: undefined };
    return {
      action: 'run',
      script: podLine(pod, call),
      ...(pod.tty ? { pty: true } : {}),
      readerShell: { shell: pod.shell ?? 'sh' },
      rewrites: [
        ...paths.rewrites,
        {
          kind: 'interactive',
          from: command,
          to: `${podExec(pod)} ${shQuote(call)}`,
          reason: `typed in the ${client.program} client opened at line ${pod.line}, run as one call of it`,
        },
      ],
      warnings: [],
    };
  }
  if (step.host.kind === 'pod') {
    const shell = podFor(step, ctx);
    // A shell line after a client's prompt runs in a shell of that pod, never as a client call.
    const pod = shell?.client ? { ...shell, client: undefined } : shell;
    if (!pod)
      return {
        action: 'skip',
        reason:
          step.host.source.by === 'session'
            ? `typed in the shell opened at line ${step.host.source.line ?? '?'}, which this run did not open`
            : namesAnotherPod(step.host)
              ? `runs inside another pod than the reader's shell (${contextText(step)}), which the page does not name`
              : `runs inside a pod (${contextText(step)}) but which pod is not known: no earlier step opened a shell in one`,
        rewrites: paths.rewrites,
        warnings: [],
      };
    const to = podExec(pod) + ` ${shQuote(command)}`;
    const client = clientOpenedBy(command);
    // Each step is its own `sh -c`, so the session's directory and variables are carried by hand:
    // restored from what earlier steps left, and out through marker lines (stripped from the output).
    // Whether each is exported rides along: the next line restores it as it was (`export A` too).
    const assigned = new Map([...variablesSet(command)].map(([name, v]) => [name, v.exported]));
    const known = Object.keys(pod.vars ?? {});
    const tracks = pod.cwd !== undefined || known.length > 0 || assigned.size > 0 || changesDirectory(command);
    const inner = tracks ? `${podPrelude(pod)}${command}\n${podTrailer(new Set([...known, ...assigned.keys()]))}` : command;
    const shown = ctx.podShell ? undefined : shownShellStart(step, ctx);
    const script = shown ? `${shown.start}\n${podLine(pod, inner)}` : podLine(pod, inner);
    return {
      action: 'run',
      script,
      // The pod the page showed a shell in, started here: later lines use it as a shell this run opened.
      ...(shown && !client ? { opensPodShell: { ...pod, removeAfter: shown.removeAfter } } : {}),
      ...(tracks ? { tracksPodState: { assigned: Object.fromEntries(assigned) } } : {}),
      ...(pod.tty ? { pty: true } : {}),
      podTarget: pod,
      readerShell: { shell: pod.shell ?? 'sh' },
      // A database client started from the pod's shell: the lines typed at its prompt are calls of it, in this pod.
      ...(client ? { opensPodShell: { ...pod, client } } : {}),
      rewrites: [...paths.rewrites, { kind: 'interactive', from: command, to, reason: `runs in the pod shell opened at line ${pod.line}` }],
      warnings: [],
    };
  }
  for (const rule of INTERACTIVE_RULES) {
    const prepared = rule(command, step, ctx);
    if (prepared) {
      prepared.rewrites.unshift(...paths.rewrites);
      return prepared;
    }
  }
  const unhandled = unhandledInteractive(step);
  if (unhandled) return { action: 'skip', reason: unhandled, rewrites: paths.rewrites, warnings: [] };
  return { action: 'run', script: command, rewrites: paths.rewrites, warnings: [] };
}
