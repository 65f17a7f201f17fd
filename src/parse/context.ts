import {
  headingContextCue,
  leadInContextCue,
  matchConcurrentCue,
  matchReturnTerminalCue,
  matchStopRunningCue,
  matchNodeShellCue,
  matchContextCue,
  matchSessionEndCue,
  sentencesOf,
  type ContextCueMatch,
} from '../plan/context-cues.js';
import {
  ALREADY_RUNNING_CUE,
  RUNNING_OUTPUT_CUE,
  CONTAINER_COMMAND_CUE,
  CONTAINER_USES_CUE,
  EXAMPLE_COMMAND_LEAD,
  HYPOTHETICAL_STATE_CUE,
  NARRATED_CHANGE_CUE,
} from '../plan/data/context-cues.js';
import { firstKubectlCall, flagValue, parseCommandLine } from '../shell/index.js';
import { NODE_PATHS, NOT_HOST_TOOLS, OUTSIDE_PROGRAMS, POD_EVIDENCE } from '../plan/data/places.js';
import { containerExec, isContainerListing, nodeOfContainer } from '../plan/node-container.js';
import { isDefaultProxyRequest, localRequest, proxyPort } from '../plan/proxy-client.js';
import { clientOpenedBy, endsSession, isLongRunning, sessionOpenedBy, type OpenedSession } from '../plan/session.js';
import type { CommandStep, ContextSource, HostContext, Step } from '../plan/types.js';
import type { BlockCommand } from './command-block.js';
import { LOCAL_HOST_NAMES } from './data/prompts.js';
import { matchCue } from './cue.js';

interface OpenSession {
  target: OpenedSession;
  source: ContextSource;
  /** Prose said to leave it ("Exit your shell:"): the block right after may still hold the `exit`. */
  closing?: boolean;
}

interface Cue extends ContextCueMatch {
  line: number;
}

/** What {@link ContextTracker.place} decided for one command. */
export interface Placement {
  host: HostContext;
  opensSession?: OpenedSession;
  closesSession?: boolean;
}

/**
 * Decides where each command runs while the doc is walked in order. In order of strength:
 * 1. the line's own prompt (`root@pod:/#`, `node $`, `user@laptop$`), except prompts any shell
 *    shows (`$`, `#`, `/ #`), which belong to an open session;
 * 2. the session an earlier step opened (`kubectl exec -it … -- sh`, `minikube ssh`, `ssh …`),
 *    until `exit`, a prompt or cue that says otherwise, prose that closes it, or the next heading;
 * 3. a prose cue in the last sentence before the block ("From within a Pod, run:"), then one
 *    in the section heading ("Create an index.html file on your Node");
 * 4. otherwise the reader's machine, except for tools that are not host tools (`apt-get`,
 *    `nslookup`, `iptables`, …): those are `unknown`, never guessed as local.
 */
export class ContextTracker {
  private session: OpenSession | undefined;
  private cue: Cue | undefined;
  /** A state the prose right before supposes without setting it up ("let's suppose you have…"). */
  hypothesis: { text: string; line: number } | undefined;
  /** Prose right before saying the block is what a container runs ("the init container runs the following command"). */
  containerCommand: { text: string; line: number } | undefined;
  /** A change the prose narrates an outside actor making ("the autoscaler increments … to 15"), until the next heading. */
  narrated: { text: string; line: number } | undefined;
  private sectionCue: Cue | undefined;
  /** The cues of the headings above, by depth: a heading's cue covers its subsections. */
  private headingCues: { depth: number; cue: Cue | undefined }[] = [];
  /** A list of a container's uses the prose opened ("ideas for how to use init containers:"), while its items go on. */
  private containerUses: { text: string; line: number } | undefined;
  /** Long-running steps of the current section, for "in another terminal" said after them. */
  private longRunning: CommandStep[] = [];
  private concurrentCue: { text: string; line: number } | undefined;
  /** Long-running steps of the whole page. */
  private running: CommandStep[] = [];
  /** The last paragraph, for a block that says its command is the one still running. */
  private lastProse = '';
  /**
   * The earlier step a block showed again as still running ("# This should already be running"):
   * the output after that block is its output.
   */
  continued: CommandStep | undefined;
  /** `kubectl proxy` steps of the page by port: where each runs and the line that started it. */
  private proxies = new Map<number, { host: HostContext; line: number; text: string }>();
  /** Shell variables the page set inside a pod's or node's shell (and not on the reader's machine), with the line. */
  private shellVars = new Map<string, { line: number; where: 'pod' | 'node' }>();

  /** `steps`: the page's steps so far (the `docker ps` outputs that name node containers). */
  constructor(private readonly steps: readonly Step[] = []) {}

  /** A heading ends the session and the cues; a heading cue applies to its section and subsections. */
  onHeading(text: string, line: number, depth = 2): void {
    this.session = undefined;
    this.hypothesis = undefined;
    this.containerCommand = undefined;
    this.narrated = undefined;
    this.cue = undefined;
    this.longRunning = [];
    this.concurrentCue = undefined;
    this.continued = undefined;
    this.lastProse = '';
    this.containerUses = undefined;
    // Headings name topics ("… in a multi-container Pod"); "on your Node", "from within a Pod" say
    // where to type, down to the next heading of the same or a higher level.
    const cue = headingContextCue(text);
    this.headingCues = this.headingCues.filter((h) => h.depth < depth);
    this.headingCues.push({ depth, cue: cue ? { ...cue, line } : undefined });
    this.sectionCue = [...this.headingCues].reverse().find((h) => h.cue !== undefined)?.cue;
  }

  /** A paragraph or list item: its cues apply to the blocks right after it. */
  onProse(text: string, line: number): void {
    this.lastProse = text;
    const hypothesis = HYPOTHETICAL_STATE_CUE.pattern.exec(text);
    this.hypothesis = hypothesis ? { text: hypothesis[0].trim(), line } : undefined;
    const containerCommand = CONTAINER_COMMAND_CUE.pattern.exec(text);
    this.containerCommand = containerCommand ? { text: containerCommand[0].trim(), line } : undefined;
    // In the items of a list of what a container can do, a block led in as an example command is
    // what such a container would run ("ideas for how to use init containers: … a command like:").
    if (LIST_ITEM.test(text)) {
      const lead = this.containerUses ? sentencesOf(plainText(text)).findLast((t) => EXAMPLE_COMMAND_LEAD.pattern.test(t)) : undefined;
      if (lead && !this.containerCommand) this.containerCommand = { text: `${this.containerUses!.text} … ${lead}`, line };
    } else {
      const uses = CONTAINER_USES_CUE.pattern.exec(plainText(text));
      this.containerUses = uses ? { text: uses[0].trim(), line } : undefined;
    }
    const narrated = NARRATED_CHANGE_CUE.pattern.exec(text);
    if (narrated) this.narrated = { text: narrated[0].trim(), line };
    const end = matchSessionEndCue(text);
    if (this.session?.closing) this.session = undefined;
    if (end && this.session) this.session.closing = true;
    const cue = leadInContextCue(text, (sentence) => matchCue(sentence) !== undefined);
    this.cue = cue ? { ...cue, line } : undefined;
    if (cue && this.session && cue.kind !== this.session.target.kind) this.session = undefined;
    if (!this.session && !end) {
      const opened = this.sessionFromProse(text, line);
      if (opened) this.session = opened;
    }
    const concurrent = matchConcurrentCue(text);
    this.concurrentCue = concurrent ? { text: concurrent, line } : undefined;
    if (concurrent) {
      // "…keep it running in another window": said after the long-running step it refers to.
      const last = this.longRunning[this.longRunning.length - 1];
      if (last && last.concurrent === undefined) last.concurrent = { cue: concurrent, line };
    }
    // "Terminate the load generation by typing <Ctrl> + C": the latest long-running step of the
    // section not yet stopped is stopped here.
    const stop = matchStopRunningCue(text);
    const running = stop ? this.longRunning.findLast((s) => s.stoppedAt === undefined && s.line < line) : undefined;
    if (stop && running) running.stoppedAt = { cue: stop, line };
  }

  /** A session opened in prose: "open a shell to the Node … `minikube ssh`", an inline `kubectl exec -it … -- sh`. */
  private sessionFromProse(text: string, line: number): OpenSession | undefined {
    // Only prose about getting a shell: "…open a shell to your Node by entering `minikube ssh`".
    const words = text.replace(/`[^`]*`/g, ' ');
    if (!/\b(?:shell|ssh|log\s*in(?:to)?|terminal)\b/i.test(words)) return undefined;
    for (const m of text.matchAll(/`([^`]+)`/g)) {
      const target = sessionOpenedBy(m[1]!);
      if (target && !target.repl) return { target, source: { by: 'cue', line, text: m[1]! } };
    }
    const shell = matchNodeShellCue(words);
    return shell ? { target: { kind: 'node' }, source: { by: 'cue', line, text: shell } } : undefined;
  }

  /** Where one command of a block runs; opens or closes the session it starts or ends. */
  place(c: BlockCommand, command: string, program: string, line: number): Placement {
    // `exit` with no session open leaves a shell opened before a heading or in prose: never the
    // reader's own shell, which it would close.
    if (endsSession(command) && !this.session && !c.prompted) {
      return {
        host: {
          kind: 'unknown',
          reason: 'leaves a shell an earlier step opened (before a heading, or in prose); nothing to run on this machine',
          source: { by: 'program', text: parseCommandLine(command).commands[0]?.program?.raw ?? command.trim() },
        },
      };
    }
    const placement = this.decide(c, command, program);
    this.noteAssignments(command, placement.host, line);
    const port = proxyPort(command);
    if (port !== undefined) this.proxies.set(port, { host: placement.host, line, text: command.split('\n')[0]!.trim() });
    if (endsSession(command) && this.session && placement.host.kind !== 'local') {
      this.session = undefined;
      return { ...placement, closesSession: true };
    }
    const opened = sessionOpenedBy(command, this.containerListings(), this.listedNodes());
    if (opened) {
      this.session = { target: opened, source: { by: 'session', line, text: command.split('\n')[0]!.trim() } };
      return { ...placement, opensSession: opened };
    }
    // A database client started from the pod's own shell (`redis-cli -h redis`): the page is at
    // its prompt now, in the same pod.
    const client = placement.host.kind === 'pod' && this.session?.target.kind === 'pod' && !this.session.target.repl ? clientOpenedBy(command) : undefined;
    if (client && this.session) this.session = { target: { ...this.session.target, repl: client.program }, source: this.session.source };
    return placement;
  }

  /** The database client (`redis-cli`, `mysql`) whose prompt the page is at, if a step opened one. */
  openClient(): string | undefined {
    return this.session?.target.kind === 'pod' ? this.session.target.repl : undefined;
  }

  /** The latest long-running step the page keeps running in another terminal, paired or not. */
  keptRunning(): CommandStep | undefined {
    for (let i = this.longRunning.length - 1; i >= 0; i--) if (this.longRunning[i]!.concurrent) return this.longRunning[i];
    return undefined;
  }

  /** The latest step of this section that keeps running in another terminal and has no output yet. */
  pendingWatch(): CommandStep | undefined {
    for (let i = this.longRunning.length - 1; i >= 0; i--) {
      const s = this.longRunning[i]!;
      if (s.concurrent && s.expected === null) return s;
    }
    return undefined;
  }

  /** Records an added step: a long-running step under a "in one terminal" cue keeps running. */
  noteStep(step: CommandStep, c: BlockCommand): void {
    // A repeat that shows an earlier step's output runs nothing: it keeps nothing running.
    if (!isLongRunning(step.command) || step.showsOutputOf) return;
    const comment = [...(c.comments ?? [])].reverse().find((l) => matchConcurrentCue(l.text.replace(/^#+\s*/, '')) !== undefined);
    if (comment) step.concurrent = { cue: comment.text.replace(/^#+\s*/, ''), line: comment.line };
    else if (this.concurrentCue) step.concurrent = { cue: this.concurrentCue.text, line: this.concurrentCue.line };
    this.longRunning.push(step);
    this.running.push(step);
  }

  /**
   * The earlier step a command repeats when the block says that one is still running ("# This
   * should already be running", "Do not start a new watch"): the same long-running command, kept
   * running in another terminal and with no output of its own yet.
   */
  stillRunning(c: BlockCommand, command: string): CommandStep | undefined {
    if (!isLongRunning(command)) return undefined;
    const said = [...(c.comments ?? []).map((l) => l.text), this.lastProse].some((t) => ALREADY_RUNNING_CUE.pattern.test(t));
    if (!said) return undefined;
    const key = commandKey(command);
    for (let i = this.running.length - 1; i >= 0; i--) {
      const s = this.running[i]!;
      if (commandKey(s.command) === key) return s;
    }
    return undefined;
  }

  /**
   * The earlier step of the page (any section) whose output a block shows by repeating its command
   * with rows, when the prose or a comment sends the reader to that command's terminal ("Examine the
   * output of the `kubectl get` command in the first terminal"): the same long-running command, kept
   * running in another terminal with no output of its own. With the cue that said so.
   */
  runningOutputOf(c: BlockCommand, command: string): { step: CommandStep; cue: string } | undefined {
    if (c.output.length === 0 || !isLongRunning(command)) return undefined;
    const texts = [...(c.comments ?? []).map((l) => l.text.replace(/^#+\s*/, '')), this.lastProse];
    let cue: string | undefined;
    for (const t of texts) {
      cue ??= RUNNING_OUTPUT_CUE.pattern.exec(t)?.[0] ?? ALREADY_RUNNING_CUE.pattern.exec(t)?.[0] ?? matchReturnTerminalCue(t);
    }
    if (cue === undefined) return undefined;
    const key = commandKey(command);
    const step = this.running.findLast((s) => commandKey(s.command) === key && s.showsOutputOf === undefined);
    return step?.concurrent && step.expected === null && !step.skip ? { step, cue: cue.trim() } : undefined;
  }

  /** The cue text a block gives for its command being the one still running, if any. */
  alreadyRunningCue(c: BlockCommand): { text: string; line: number } | undefined {
    const comment = (c.comments ?? []).find((l) => ALREADY_RUNNING_CUE.pattern.test(l.text));
    return comment ? { text: comment.text.replace(/^#+\s*/, ''), line: comment.line } : undefined;
  }

  private decide(c: BlockCommand, command: string, program: string): Placement {
    const onNode = this.nodeContainerExec(command);
    if (onNode) return { host: onNode };
    const s = this.session;
    // `ssh my-node1` typed on the reader's machine opens a shell on a node of the cluster: the
    // step itself runs nothing; the lines after it run in the backend's node shell.
    if ((program === 'ssh' || program === 'gcloud') && s?.target.kind !== 'remote' && !(c.prompted && c.host.kind !== 'local')) {
      const opened = sessionOpenedBy(command, this.containerListings(), this.listedNodes());
      if (opened?.kind === 'node') return { host: { kind: 'local', source: { by: 'program', text: command.split('\n')[0]!.trim() } } };
    }
    if (c.prompted && !(c.genericPrompt && s)) {
      const h = c.host;
      // `root@nginx:~#` names a host the page never made: the container's own name, a pod's
      // hostname. Inside a pod or node shell it is that shell's prompt; elsewhere a tool that is no
      // host tool (`apt-get`) is not guessed to run on the reader's machine.
      if (h.kind === 'local' && isUnknownHostPrompt(h.source?.text)) {
        if (s && s.target.kind !== 'remote' && !s.target.repl) return { host: this.sessionHost(s, h.source?.text) };
        return { host: this.fallback(program, command, h) };
      }
      if (s && !c.genericPrompt) {
        // A prompt of the session's own kind (`root@<pod>:/#` after `kubectl exec`) keeps it.
        if (s.target.kind === 'remote' && h.kind !== 'local')
          return { host: this.sessionHost(s, h.kind === 'pod' || h.kind === 'node' ? h.prompt : undefined) };
        if (h.kind === s.target.kind && (h.kind === 'pod' || h.kind === 'node') && sameName(h.name, s.target.name)) {
          return { host: this.sessionHost(s, h.prompt) };
        }
        this.session = undefined;
      }
      if (h.kind === 'local' && c.genericPrompt) return { host: this.fallback(program, command, h) };
      return { host: h };
    }
    if (s) {
      // A kubectl line typed after a pod or node shell, or a client's prompt, with no `exit` in
      // between: the page went back to the reader's machine (no client runs kubectl).
      if (s.target.kind !== 'remote' && OUTSIDE_PROGRAMS.has(program)) {
        this.session = undefined;
      } else {
        if (s.target.repl) {
          // A line at the client's own prompt is typed in it; one without is no shell line either.
          const host = this.sessionHost(s, undefined);
          if (c.client === s.target.repl && host.kind === 'pod') return { host: { ...host, client: s.target.repl } };
          return {
            host: { kind: 'unknown', reason: `typed in the ${s.target.repl} client opened at line ${s.source.line ?? '?'}, not a shell`, source: s.source },
          };
        }
        return { host: this.sessionHost(s, c.prompted && (c.host.kind === 'pod' || c.host.kind === 'node') ? c.host.prompt : undefined) };
      }
    }
    if (c.host.kind === 'pod' && c.host.source.by === 'cue') return { host: c.host };
    const proxied = this.proxiedHost(c, command);
    if (proxied) return { host: proxied };
    const cue = this.commentCue(c) ?? this.cue ?? this.sectionCue;
    if (cue && !OUTSIDE_PROGRAMS.has(program)) {
      const source: ContextSource = { by: 'cue', line: cue.line, text: cue.text };
      if (cue.kind === 'pod') return { host: { kind: 'pod', source } };
      if (cue.kind === 'node') return { host: { kind: 'node', source } };
      if (cue.kind === 'remote') return { host: { kind: 'remote', reason: `the page says to run it elsewhere: "${cue.text}"`, source } };
      return { host: { kind: 'local', source } };
    }
    return { host: this.fallback(program, command, { kind: 'local' }) };
  }

  /**
   * `docker exec [-it] <node container> <program…>` (not a bare shell, which opens a session): typed
   * on the reader's machine, it runs the program once on that node — a kind node's name, a
   * container id the page's `docker ps` output showed for one, or a placeholder for one. It leaves a
   * pod's or node's shell the page had open, as a kubectl line does.
   */
  private nodeContainerExec(command: string): HostContext | undefined {
    const exec = containerExec(command);
    if (!exec || sessionOpenedBy(command, this.containerListings())) return undefined;
    if (this.session?.target.kind === 'remote') return undefined;
    const node = nodeOfContainer(exec.container, this.containerListings());
    if (!node) return undefined;
    this.session = undefined;
    const host: HostContext = { kind: 'node', source: { by: 'program', text: `${exec.runtime} exec ${exec.container}` } };
    if (node.name !== undefined) host.name = node.name;
    return host;
  }

  /** The page's `kubectl get nodes` steps. */
  private readonly nodeLists = new PickedSteps(isNodeListing);

  /** The node names the page's own `kubectl get nodes` outputs listed (first column, header apart). */
  private listedNodes(): string[] {
    return this.nodeLists.outputs(this.steps).flatMap((text) =>
      text
        .split('\n')
        .slice(1)
        .map((row) => row.trim().split(/\s+/)[0]!)
        .filter((name) => name !== ''),
    );
  }

  /** The page's `docker ps` steps. */
  private readonly containerLists = new PickedSteps(isContainerListing);

  /** What the page's `docker ps` steps showed, newest first. */
  private containerListings(): string[] {
    return this.containerLists.outputs(this.steps).reverse();
  }

  /**
   * Where a request to the API server through `kubectl proxy` runs: where the page started the
   * proxy on that port — stronger evidence than prose — or, with no proxy seen, the reader's machine
   * when it asks the API paths on the proxy's default port and only a heading says otherwise (a
   * heading "…on one of your Nodes" names the API object the request changes).
   */
  private proxiedHost(c: BlockCommand, command: string): HostContext | undefined {
    const request = localRequest(command);
    if (!request?.api) return undefined;
    const proxy = this.proxies.get(request.port ?? 80);
    if (proxy) {
      const source: ContextSource = { by: 'program', line: proxy.line, text: proxy.text };
      return { ...proxy.host, source } as HostContext;
    }
    if (isDefaultProxyRequest(command) && !this.commentCue(c) && !this.cue) return { kind: 'local', source: { by: 'program', text: 'kubectl proxy' } };
    return undefined;
  }

  /** A `# Run this locally on a node you choose` comment in the block, before the command. */
  private commentCue(c: BlockCommand): Cue | undefined {
    for (const l of [...(c.comments ?? [])].reverse()) {
      const cue = matchContextCue(l.text.replace(/^#+\s*/, ''));
      if (cue) return { ...cue, line: l.line };
    }
    return undefined;
  }

  private sessionHost(s: OpenSession, prompt: string | undefined): HostContext {
    const t = s.target;
    if (t.kind === 'remote') {
      return { kind: 'remote', reason: `typed in the session on ${t.name ?? 'another machine'} opened at line ${s.source.line ?? '?'}`, source: s.source };
    }
    if (t.kind === 'node') {
      const host: HostContext = { kind: 'node', source: s.source };
      if (prompt !== undefined) host.prompt = prompt;
      if (t.name !== undefined) host.name = t.name;
      return host;
    }
    const host: HostContext = { kind: 'pod', source: s.source };
    if (prompt !== undefined) host.prompt = prompt;
    if (t.name !== undefined) host.name = t.name;
    if (t.namespace !== undefined) host.namespace = t.namespace;
    if (t.container !== undefined) host.container = t.container;
    return host;
  }

  /** The reader's machine, unless the line works on a path only a node has, or the program is not a host tool. */
  /** Records the variables a line sets: in a pod's or node's shell, or on the reader's machine (which clears them). */
  private noteAssignments(command: string, host: HostContext, line: number): void {
    for (const m of withoutComments(command).matchAll(ASSIGNMENT)) {
      if (host.kind === 'pod' || host.kind === 'node') this.shellVars.set(m[1]!, { line, where: host.kind });
      else if (host.kind === 'local') this.shellVars.delete(m[1]!);
    }
  }

  private fallback(program: string, command: string, local: HostContext): HostContext {
    // A line using a variable the page set only inside a pod's or node's shell (`--url=$BROKER_URL`
    // after `export BROKER_URL=…` at the pod's prompt) was typed in that shell, though a heading
    // came in between: it is not the reader's machine's line.
    for (const m of withoutComments(command).matchAll(VARIABLE_USE)) {
      const set = this.shellVars.get(m[1] ?? m[2]!);
      if (set)
        return {
          kind: 'unknown',
          reason: `uses $${m[1] ?? m[2]}, which the page set in a ${set.where}'s shell (line ${set.line}); which shell it is typed in is not known here`,
          source: { by: 'program', text: m[0] },
        };
    }
    // `ssh host 'command'`: the command runs on that machine, whatever paths it names.
    if (program === 'ssh')
      return {
        kind: 'remote',
        reason: 'runs a command on another machine over ssh; the lines of another machine are not run',
        source: { by: 'program', text: program },
      };
    if (!OUTSIDE_PROGRAMS.has(program)) {
      const path = NODE_PATHS.pattern.exec(withoutComments(command));
      if (path) return { kind: 'node', source: { by: 'program', text: path[0] } };
      // The ServiceAccount mount, `kubernetes.default.svc`, `$KUBERNETES_SERVICE_HOST`: only a pod has them.
      const inPod = POD_EVIDENCE.pattern.exec(withoutComments(command));
      if (inPod) return { kind: 'pod', source: { by: 'program', text: inPod[0] } };
    }
    if (NOT_HOST_TOOLS.has(program)) {
      return {
        kind: 'unknown',
        reason: `${program} is not a tool of the reader's machine and nothing on the page says where it runs`,
        source: { by: 'program', text: program },
      };
    }
    return local;
  }
}

/** A list item's first line: `* text`, `- text`, `1. text`. */
const LIST_ITEM = /^\s*(?:[*+-]|\d+[.)])\s+/;

/** Prose without Markdown emphasis, links and Hugo shortcodes, in one line. */
function plainText(text: string): string {
  return text
    .replace(/\{\{[<%]\s*glossary_tooltip\b[^}]*?\btext="([^"]*)"[^}]*[%>]\}\}/g, '$1')
    .replace(/\{\{[<%][^}]*[%>]\}\}/g, ' ')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `NAME=value` or `export NAME=value` at the start of a simple command. */
const ASSIGNMENT = /(?:^|[;&|(]\s*|\bexport\s+)([A-Za-z_]\w*)=/gm;
/** `$NAME` or `${NAME}`. */
const VARIABLE_USE = /\$(?:([A-Za-z_]\w*)|\{([A-Za-z_]\w*)\})/g;

function sameName(prompted: string | undefined, session: string | undefined): boolean {
  if (prompted === undefined || session === undefined) return true;
  return prompted === session || prompted.startsWith(session) || session.startsWith(prompted);
}

/** A `user@host:dir$` prompt whose host is no name of the reader's machine (`laptop`, `localhost`). */
function isUnknownHostPrompt(label: string | undefined): boolean {
  const m = label === undefined ? null : /^[\w.-]+@([\w.-]+):/.exec(label);
  return m !== null && !LOCAL_HOST_NAMES.has(m[1]!);
}

/** A long-running command's identity: kubectl's path, resource names singular, flags in any order (`-w` is `--watch`). */
function commandKey(command: string): string {
  const call = firstKubectlCall(command);
  if (!call) return command.trim().replace(/\s+/g, ' ');
  const singular = (w: string) => (w === 'po' ? 'pod' : w.replace(/(?<=[a-z])s$/, ''));
  const flags = [...call.flags].flatMap(([name, list]) => list.map((f) => `${name === '-w' ? '--watch' : name}=${f.value === true ? '' : f.value}`)).sort();
  return [call.command, ...call.positionals.map((w) => singular(w.value)), ...flags].join(' ');
}

/** A command without its `# …` comment lines (a path named in a comment is not worked on). */
function withoutComments(command: string): string {
  return command
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n');
}

/** The page's command steps a test picks, in page order: the page's steps only grow, so each is looked at once. */
class PickedSteps {
  private readonly picked: CommandStep[] = [];
  private seen = 0;

  constructor(private readonly pick: (command: string) => boolean) {}

  /** The outputs the picked steps among `steps` show, in page order. */
  outputs(steps: readonly Step[]): string[] {
    for (; this.seen < steps.length; this.seen++) {
      const s = steps[this.seen]!;
      if (s.kind === 'command' && this.pick(s.command)) this.picked.push(s);
    }
    return this.picked.flatMap((s) => (s.expected ? [s.expected.text] : []));
  }
}

/** The names kubectl reads for the Node resource (`kubectl api-resources`: `nodes`, short name `no`). */
const NODE_RESOURCE = new Set(['no', 'node', 'nodes']);

/**
 * True for `kubectl get nodes` (`no`, `node`, `nodes,pods`, `node/<name>`) printing a table, whose
 * first column names the nodes: not `-o yaml|json|name|jsonpath`, which print no such column.
 */
export function isNodeListing(command: string): boolean {
  const call = firstKubectlCall(command);
  if (call?.command !== 'get') return false;
  const output = flagValue(call, '-o', '--output');
  if (output !== undefined && output !== 'wide') return false;
  const resource = (call.positionals[0]?.value ?? '').split(/[,/]/)[0]!;
  return NODE_RESOURCE.has(resource);
}
