import { editFromProse } from '../plan/data/edit-prose.js';
import { choiceCue, literalAssignment } from '../plan/data/reader-choice.js';
import type { Diagnostic } from '../diag/diagnostic.js';
import { optionalRowNames } from './data/optional-row-cues.js';
import { diagnostic } from '../diag/diagnostic.js';
import { classifyStep } from '../plan/classify.js';
import type { CommandStep, DocLink, ExpectedOutput, ManifestStep, MatchMode, PairingForm, Step } from '../plan/types.js';
import type { BlockCommand } from './command-block.js';
import { commandText } from './command-block.js';
import { ContextTracker } from './context.js';
import { accountLogin } from '../plan/account.js';
import { listedFileNames } from '../plan/file-lines.js';
import { assignedNames, elidedValue, findPlaceholders, illustrativeReason, placeholderPath, usageSynopsisReason } from '../plan/placeholders.js';
import { PLACEHOLDER_PATH, PLACEHOLDER_PATH_STILL_RUNS } from '../plan/data/placeholders.js';
import { RESULT_LINE } from './output-block.js';
import { examplesPath, shownPathFor, SITE_URL_IN_TEXT, sitePath } from '../plan/site-url.js';
import { printsNothing, stdoutFile } from '../shell/index.js';
import type { ContainerCue, CueMatch } from './cue.js';
import type { Directive } from './directives.js';
import type { DocLine } from './source-text.js';
import { spanOf } from './source-text.js';
import { alternativeCue } from './cue.js';

/** Where example files come from. */
export interface ExampleSource {
  dir: string | undefined;
  read(examplePath: string): string | undefined;
  /** Reads a file a page includes by path: from the examples folder, else the page's folder or a parent's. */
  readNear?(path: string, alternatives: string[]): string | undefined;
}

/**
 * Mutable state while walking the doc's units in order. Steps are appended in doc order
 * (an example a command downloads is appended just before that command).
 */
export class LessonBuilder {
  readonly steps: Step[] = [];
  readonly findings: Diagnostic[] = [];
  readonly links: DocLink[] = [];
  /** The last command step; output found later pairs with it while it has none. */
  lastCommand: CommandStep | undefined;
  /** The last command step when it is a `kubectl edit` (until the next command). */
  lastEdit: CommandStep | undefined;
  /** What lies between the last command block and here: nothing, prose only, or something else. */
  since: 'adjacent' | 'prose' | 'blocked' = 'blocked';
  /** Output cue of the prose right before the current unit. */
  cue: CueMatch | undefined;
  /** The output cue of the prose before the current run of blocks, for output written inside them after their commands. */
  transcriptCue: string | undefined;
  /** Text of the prose right before the current unit (for manifest file names). */
  prose: string | undefined;
  pending: Directive[] = [];
  /** A command the prose asks to run inline ("Run `kubectl get pods` to check…"), since the last fence. */
  proseCommand: DocLine | undefined;
  /** A read-only command the last paragraph says shows what follows ("You can see using `kubectl describe pod x` that …:"). */
  proseShownWith: DocLine | undefined;
  section: string | undefined;
  readonly podNames = new Set<string>();
  /** Where commands run: prompts, sessions and prose cues seen so far. */
  readonly context = new ContextTracker(this.steps);
  private blockSeq = 0;
  private readonly expectMode = new WeakMap<CommandStep, MatchMode>();
  /** Manifests each command reads; turned into `references` ids once ids are assigned. */
  readonly refs = new Map<CommandStep, ManifestStep[]>();
  /** Shell variables the page assigned so far (`POD_NAME=…`): not placeholders in later steps. */
  readonly assigned = new Set<string>();
  /** Earlier commands of the same block whose output a step's expected text includes; ids set at the end. */
  readonly covers = new Map<CommandStep, CommandStep[]>();
  /** Commands whose paired output the prose attributes to a container they start; resolved to `expected.log` at the end. */
  readonly containerOutput = new Map<CommandStep, ContainerCue>();
  /** Earlier printing commands of the same block whose output the expected text may also include; ids set at the end. */
  readonly mayCover = new Map<CommandStep, CommandStep[]>();

  constructor(readonly examples: ExampleSource) {}

  /** A new block id (`b1`, `b2`, …). */
  nextBlockId(): string {
    return `b${++this.blockSeq}`;
  }

  /** Takes the directives waiting for the next block, merged. */
  takeDirectives(): Directive | undefined {
    if (this.pending.length === 0) return undefined;
    const merged = Object.assign({}, ...this.pending) as Directive;
    this.pending = [];
    return merged;
  }

  /** Adds the commands of one block as steps; output shown in the block becomes their expected output. */
  addCommands(
    commands: BlockCommand[],
    opts: { inferred: boolean; directive?: Directive; setup?: boolean; script?: { reason: string; text: string } },
  ): CommandStep[] {
    const blockId = this.nextBlockId();
    const added: CommandStep[] = [];
    for (const c of commands) {
      const text = commandText(c);
      if (text.trim() === '') continue;
      // The command still running in another terminal, shown again: what follows is its output.
      const running = opts.directive === undefined && !opts.inferred ? this.context.stillRunning(c, text) : undefined;
      if (running?.concurrent && running.expected === null && !running.skip) {
        this.context.continued = running;
        continue;
      }
      // The command kept running in another terminal, shown again with rows: they are its output.
      const shows = opts.directive === undefined && !opts.inferred ? this.context.runningOutputOf(c, text) : undefined;
      const position = spanOf(c.lines[0]!, c.lines[c.lines.length - 1]!);
      const placed = this.context.place(c, text, classifyStep(text, c.host).program, position.line);
      const cls = classifyStep(text, placed.host);
      const step: CommandStep = {
        id: '',
        kind: 'command',
        line: position.line,
        position,
        command: text,
        program: cls.program,
        class: cls.class,
        host: placed.host,
        expected: null,
        inferred: opts.inferred,
        setup: opts.setup === true || opts.directive?.setup === true,
        blockId,
      };
      if (cls.subcommand !== undefined) step.subcommand = cls.subcommand;
      if (shows) step.showsOutputOf = { line: shows.step.line, cue: shows.cue };
      const supposed = this.context.hypothesis;
      const narrated = this.context.narrated;
      const containerCommand = this.context.containerCommand;
      if (opts.script && (step.host.kind === 'local' || step.host.kind === 'unknown')) {
        step.host = { kind: 'illustrative', reason: opts.script.reason, source: { by: 'program', text: opts.script.text } };
      } else if (
        // Prose saying a container runs the block outweighs a prose cue of where to type ("in your container").
        containerCommand &&
        (step.host.kind === 'local' || step.host.kind === 'unknown' || (step.host.kind !== 'illustrative' && step.host.source.by === 'cue'))
      ) {
        step.host = {
          kind: 'illustrative',
          reason: `shows the command a container of the pod runs, which the cluster starts: "${containerCommand.text}"`,
          source: { by: 'cue', line: containerCommand.line, text: containerCommand.text },
        };
      } else if (supposed && step.host.kind === 'local' && step.class === 'read-only') {
        step.host = {
          kind: 'illustrative',
          reason: `shows what a state the page supposes but never sets up would look like: "${supposed.text}"`,
          source: { by: 'cue', line: supposed.line, text: supposed.text },
        };
      } else if (narrated && step.host.kind === 'local' && step.class === 'read-only') {
        // Run and compared: only the state values the narrated change would have set are excused.
        step.narrated = narrated;
      }
      // A step that changes the cluster again leaves the narrated state behind.
      if (narrated && step.class === 'mutating') this.context.narrated = undefined;
      if (placed.opensSession) {
        const { repl: _repl, ...target } = placed.opensSession;
        step.opensSession = target;
      }
      if (placed.closesSession) step.closesSession = true;
      const placeholders = findPlaceholders(text, this.assigned);
      if (placeholders.length > 0) {
        step.placeholders = placeholders;
        if (this.prose && placeholders.some((p) => this.prose!.includes(p))) step.placeholderProse = this.prose;
        const reason = illustrativeReason(text, placeholders);
        if (reason && step.host.kind === 'local') step.host = { kind: 'illustrative', reason, source: { by: 'program', text: placeholders.join(' ') } };
      }
      const synopsis = step.host.kind === 'local' ? usageSynopsisReason(text) : undefined;
      if (synopsis) step.host = { kind: 'illustrative', reason: synopsis, source: { by: 'program', text: step.program } };
      const assigned = literalAssignment(text);
      const chosen = assigned ? choiceCue([...(c.comments ?? []).map((l) => l.text).reverse(), ...(c.comments?.length ? [] : [this.prose ?? ''])]) : undefined;
      if (assigned && chosen) step.readerChoice = { cue: chosen, name: assigned.name };
      const login = accountLogin(text);
      if (login && step.host.kind === 'local') {
        const reason = `signs in with the reader's own account: \`${login.words.join(' ')}\` needs ${login.needs}`;
        step.host = { kind: 'remote', reason, source: { by: 'program', text: login.words.join(' ') } };
      }
      // A path the reader fills in (`/path/to/key`): kubectl stops at reading it, before any effect,
      // so it still runs (its usage errors are the page's) and the runner names the path when the
      // file is missing; another program is not run with it.
      // The page's commands are gathered only for a command that has such a path (pages run to thousands of steps).
      const filled = PLACEHOLDER_PATH.pattern.test(text) ? placeholderPath(text, this.commandTexts()) : undefined;
      if (filled !== undefined && step.host.kind === 'local' && !PLACEHOLDER_PATH_STILL_RUNS.has(step.program)) {
        const reason = `${filled} is a path for the reader to fill in with a file of their own; no step of the page makes it`;
        step.host = { kind: 'illustrative', reason, source: { by: 'program', text: filled } };
      }
      const elided = elidedValue(text);
      if (elided !== undefined && step.host.kind === 'local') {
        const reason = `the doc shortens a value with "..." (${elided}); the command cannot run as written`;
        step.host = { kind: 'illustrative', reason, source: { by: 'program', text: elided } };
      }
      // A line that only names files (`/etc/kubernetes/manifests/`, `~/.kube/config`) shows where
      // they are; a shell would execute the first name, wherever the line is placed.
      const files = step.host.kind === 'illustrative' ? undefined : listedFileNames(text);
      if (files !== undefined) {
        const reason = `names files (${files.join(', ')}), not a command to run: a shell would try to execute ${files[0]}`;
        step.host = { kind: 'illustrative', reason, source: { by: 'program', text: files.join(' ') } };
      }
      for (const name of assignedNames(text)) this.assigned.add(name);
      const d = opts.directive;
      if (d?.skip !== undefined) step.skip = d.skip;
      if (d?.timeoutMs !== undefined) step.timeoutMs = d.timeoutMs;
      if (d?.expect !== undefined) this.expectMode.set(step, d.expect);
      if (this.section !== undefined) step.section = this.section;
      const alternative = alternativeCue(this.prose);
      if (alternative) step.alternative = alternative;
      this.addExampleDownloads(step);
      this.steps.push(step);
      // Shown again as still running after the earlier one already showed its output: the reader's
      // watch has been running since before the action just above, so it starts before that action.
      const cue = running ? this.context.alreadyRunningCue(c) : undefined;
      if (running && cue && step.host.kind === 'local') {
        step.concurrent = { cue: cue.text, line: cue.line };
        const at = this.steps.length - 2;
        const before = this.steps[at];
        if (before?.kind === 'command' && before.class === 'mutating' && before.section === step.section) {
          this.steps.splice(at, 2, step, before);
        }
      }
      if (c.output.length > 0 && c.outputForm) {
        this.attachExpected(step, c.output, c.outputForm);
        // Output written in the block after its command, introduced by prose ("The output shows
        // that the Container is killed, restarted, killed again…"): the prose still says what it shows.
        if (this.transcriptCue && step.expected) step.expected.cue = this.transcriptCue;
      }
      this.notePodShell(text);
      this.context.noteStep(step, c);
      added.push(step);
    }
    if (added.length > 0) {
      this.lastCommand = added[added.length - 1];
      // An edit's change may be stated after the object it opens is shown (a fence in between).
      this.lastEdit = /\bkubectl\s+edit\s/.test(this.lastCommand!.command) ? this.lastCommand : undefined;
      this.since = 'adjacent';
      this.context.continued = undefined;
    }
    return added;
  }

  /** The commands of the page so far, as written (heredoc bodies included). */
  private commandTexts(): string[] {
    return this.steps.flatMap((s) => (s.kind === 'command' ? [s.command] : s.kind === 'manifest' && s.file ? [s.file] : []));
  }

  /**
   * Prose after a `kubectl edit` (before the next command, in its section) that states the change
   * plainly: the runner's editor makes it.
   */
  noteEditProse(text: string, line: number): void {
    const step = this.lastEdit;
    if (!step || step.editProse || step.section !== this.section) return;
    const change = editFromProse(text);
    if (change) step.editProse = { text: change.sentence, line };
  }

  /** Prose right after a step that says what one of its placeholders stands for ("where `<pid>` is the Redis process ID"). */
  notePlaceholderProse(text: string): void {
    const step = this.lastCommand;
    if (!step?.placeholders || this.since !== 'adjacent' || !step.placeholders.some((p) => text.includes(p))) return;
    step.placeholderProse = step.placeholderProse ? `${step.placeholderProse}\n${text}` : text;
  }

  /** The command step right before `step` in the same section, if any. */
  commandBefore(step: CommandStep): CommandStep | undefined {
    const at = this.steps.indexOf(step);
    for (let i = at - 1; i >= 0; i--) {
      const s = this.steps[i]!;
      if (s.kind === 'command') return s.section === step.section ? s : undefined;
    }
    return undefined;
  }

  /** Pairs output lines with a command. */
  attachExpected(step: CommandStep, lines: DocLine[], form: PairingForm, cue?: CueMatch, mode?: MatchMode): void {
    if (lines.length === 0) return;
    const expected: ExpectedOutput = {
      text: lines.map((l) => l.text).join('\n'),
      position: spanOf(lines[0]!, lines[lines.length - 1]!),
      form,
      mode: mode ?? this.expectMode.get(step) ?? cue?.mode ?? 'similar',
    };
    if (cue) expected.cue = cue.text;
    const optional = optionalRowNames(cue?.text);
    if (optional.length) expected.optionalRows = optional;
    if (cue?.container) this.containerOutput.set(step, cue.container);
    if (form === 'cue' || form === 'fence') {
      const file = stdoutFile(step.command);
      if (file !== undefined) expected.file = file;
      else {
        const covered = this.coveredBy(step, expected.text);
        if (covered.length > 0) this.covers.set(step, covered);
        else {
          const printing = this.printingBefore(step);
          if (printing.length > 0) this.mayCover.set(step, printing);
        }
      }
    }
    step.expected = expected;
  }

  /**
   * Earlier commands of the step's block whose output the shown text also holds: kubectl
   * commands that change something when a result line (`pod/x created`) is shown, and `echo`s
   * whose literal text is shown. Commands that print nothing (assignments, `> file`) never are.
   */
  private coveredBy(step: CommandStep, text: string): CommandStep[] {
    const out: CommandStep[] = [];
    for (const s of this.steps) {
      if (s === step) break;
      if (s.kind !== 'command' || s.blockId !== step.blockId || s.expected !== null || printsNothing(s.command)) continue;
      const echoed = /^\s*echo\s+(?:-n\s+)?(['"]?)([^$'"`]+)\1\s*$/.exec(s.command);
      if ((s.class === 'mutating' && s.program === 'kubectl' && RESULT_LINE.test(text)) || (echoed && text.includes(echoed[2]!.trim()))) out.push(s);
    }
    return out;
  }

  /**
   * Earlier commands of the step's block, with no output of their own shown, that print something
   * (not assignments, `cd`, `> file`): one output block after the fence may show their output too.
   */
  private printingBefore(step: CommandStep): CommandStep[] {
    const out: CommandStep[] = [];
    for (const s of this.steps) {
      if (s === step) break;
      if (s.kind === 'command' && s.blockId === step.blockId && s.expected === null && !printsNothing(s.command)) out.push(s);
    }
    return out;
  }

  /** Adds a manifest step. */
  addManifest(m: Omit<ManifestStep, 'id' | 'kind' | 'line' | 'section'>): ManifestStep {
    const step: ManifestStep = { id: '', kind: 'manifest', line: m.position.line, ...m };
    if (this.section !== undefined) step.section = this.section;
    this.steps.push(step);
    return step;
  }

  /** Adds an example file (from a shortcode or URL); `example-not-found` when it cannot be read. */
  addExample(examplePath: string, position: ManifestStep['position'], language: ManifestStep['language']): ManifestStep {
    const content = this.examples.read(examplePath);
    const file = examplePath.split('/').pop() ?? examplePath;
    const step = this.addManifest({ position, file, language, content: content ?? null, origin: 'example', examplePath, inferred: false });
    if (content === undefined) {
      const where = this.examples.dir === undefined ? 'no examples folder was found' : `not in ${this.examples.dir}`;
      this.findings.push(
        diagnostic('example-not-found', 'warning', position, `Example file "${examplePath}" could not be read (${where}).`, {
          expected: examplePath,
        }),
      );
    }
    return step;
  }

  /** Adds a file included by path (`{{% readFile %}}`, Jekyll `include code.html`); `example-not-found` when unreadable. */
  addFileInclude(path: string, alternatives: string[], position: ManifestStep['position'], language: ManifestStep['language']): ManifestStep {
    const content = this.examples.readNear?.(path, alternatives);
    const sitePaths = alternatives.map((a) => a.replace(/^\/+/, '')).filter((a) => a && a !== path);
    if (content === undefined) {
      const step = this.addExample(path, position, language);
      if (sitePaths.length) step.sitePaths = sitePaths;
      return step;
    }
    const file = path.split('/').pop() ?? path;
    return this.addManifest({
      position,
      file,
      language,
      content,
      origin: 'example',
      examplePath: path,
      ...(sitePaths.length ? { sitePaths } : {}),
      inferred: false,
    });
  }

  /** Records pods that a command opens a shell in, so later `root@<pod>:/#` prompts are known. */
  private notePodShell(text: string): void {
    const m = /\bkubectl\s+(?:.*?\s)?(exec|attach|run|debug)\s+(.*)$/m.exec(text);
    if (!m) return;
    const words = m[2]!.split(/\s+/);
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (w === '--') break;
      if (/^-(?:n|c)$|^--(?:namespace|container|image|target)$/.test(w)) {
        i++;
        continue;
      }
      if (w.startsWith('-')) continue;
      this.podNames.add(w.replace(/^(?:pods?|po)\//, ''));
      break;
    }
  }

  /** Example files a command downloads or applies by URL (`https://k8s.io/examples/…`). */
  private addExampleDownloads(step: CommandStep): void {
    for (const m of step.command.matchAll(/https?:\/\/(?:k8s\.io|(?:www\.)?kubernetes\.io)\/examples\/([\w./-]+[\w-])/g)) {
      const examplePath = m[1]!;
      // A URL ending in `/` names a folder, which kubectl cannot read by URL: no example file (the runner judges the step).
      if (step.command[m.index + m[0].length] === '/') continue;
      const existing = this.steps.find((s): s is ManifestStep => s.kind === 'manifest' && s.examplePath === examplePath);
      const manifest = existing ?? this.addExample(examplePath, urlPosition(step, m.index, m[0].length), languageFor(examplePath));
      this.addReference(step, manifest);
    }
    // An older page's address of a file it shows (`http://k8s.io/docs/tasks/x/commands.yaml` and
    // `{% include code.html file="commands.yaml" ghlink="/docs/tasks/x/commands.yaml" %}`).
    for (const m of step.command.matchAll(SITE_URL_IN_TEXT)) {
      const path = sitePath(m[0]);
      // Only what kubectl applies (`-f URL`): another program's address (a link, a curl of a page) reads no manifest.
      if (path === undefined || examplesPath(m[0]) !== undefined || !/(?:-f\s+|--filename[= ])$/.test(step.command.slice(0, m.index))) continue;
      const shown = this.steps.filter((s): s is ManifestStep => s.kind === 'manifest' && s.origin === 'example' && s.examplePath !== undefined);
      // A file included with its site path (a ghlink) is known by that path only.
      const byKey = new Map(shown.flatMap((s) => (s.sitePaths ?? [s.examplePath!]).map((k) => [k, s] as const)));
      const key = shownPathFor(path, byKey.keys(), (k) => String(shown.indexOf(byKey.get(k)!)));
      if (key !== undefined) {
        this.addReference(step, byKey.get(key)!);
        continue;
      }
      // Not shown: a copy at the address's path in the examples folder (or the site checkout the page is in).
      const content = this.examples.readNear?.(path, []);
      if (content === undefined) continue;
      const at = urlPosition(step, m.index, m[0].length);
      const file = path.split('/').pop() ?? path;
      this.addReference(
        step,
        this.addManifest({ position: at, file, language: languageFor(path), content, origin: 'example', examplePath: path, inferred: false }),
      );
    }
  }

  /** Records that a command reads a manifest. */
  addReference(step: CommandStep, manifest: ManifestStep): void {
    const list = this.refs.get(step) ?? [];
    if (!list.includes(manifest)) list.push(manifest);
    this.refs.set(step, list);
  }
}

/** Position of a match inside a (possibly multi-line) command. */
function urlPosition(step: CommandStep, index: number, length: number): ManifestStep['position'] {
  const before = step.command.slice(0, index);
  const lineOffset = before.split('\n').length - 1;
  const col = lineOffset === 0 ? step.position.column + index : index - before.lastIndexOf('\n');
  const line = step.position.line + lineOffset;
  return { line, column: col, endLine: line, endColumn: col + length };
}

function languageFor(path: string): ManifestStep['language'] {
  return /\.json$/i.test(path) ? 'json' : /\.ya?ml$/i.test(path) ? 'yaml' : 'text';
}
