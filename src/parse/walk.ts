import { diagnostic } from '../diag/diagnostic.js';
import { splitClientBlock, splitCommandBlock } from './command-block.js';
import { matchCue } from './cue.js';
import { COMMAND_TAGS, MANIFEST_TAGS, OUTPUT_TAGS, SHELL_SYNTAX_TAGS } from './data/fence-tags.js';
import { parseDirective } from './directives.js';
import { analyzeProseRun, looksLikeBareOutput } from './infer.js';
import type { LessonBuilder } from './lesson-builder.js';
import { isOutputOnly, looksLikeCommand, matchPrompt } from './line-kinds.js';
import { findExampleIncludes } from './shortcodes.js';
import { classifyStep } from '../plan/classify.js';
import { hasOnlyPrintedAssignments, isAssignmentBlock, isPrintedEnvironment, looksLikeOutputBlock, nonCommandText } from './output-block.js';
import { printsNothing } from '../shell/index.js';
import { scriptReason, scriptSign } from './script-body.js';
import { textLineShape } from './data/text-lines.js';
import { ALONE_COMMANDS, HTTP_REQUEST_LINE } from './data/output-blocks.js';
import {
  ADDRESS_LINE,
  BOTH_COMMANDS_CUE,
  EXAMPLE_VALUE_PROSE,
  FILE_CONTENT_PROSE,
  isInstructionSentence,
  INSIDE_STATE_PROSE,
  LATER_SNAPSHOT_CUE,
  NO_OUTPUT_CUE,
} from './data/cues.js';
import { matchReturnTerminalCue, sentencesOf } from '../plan/context-cues.js';
import { splitRepeatedCommands } from './repeated-command.js';
import { optionalRowNames } from './data/optional-row-cues.js';
import { findFileIncludes, resolveParams } from './includes.js';
import { languageOf } from './examples.js';
import type { ManifestStep } from '../plan/types.js';
import type { DocLine } from './source-text.js';
import type { CodeUnit, ProseUnit, Unit } from './units.js';

/**
 * `-o yaml` / `--output=json` / `config view` / `kustomize` / a pipe into `jq` or `yq`: a yaml/json
 * fence after such a command is its output.
 */
const STRUCTURED_OUTPUT = /(?:^|\s)(?:-o|--output)[=\s]?(?:yaml|json)\b|\bconfig\s+view\b|\bkustomize\b|\|\s*[jy]q\b/;

/** Prose asking the reader to write a file: the yaml after it is a manifest, not output. */
const WRITE_FILE_PROSE = /\b(?:create|save|write|edit|update|change|modify|add|copy|paste)\b/i;

/**
 * Prose asking to add lines to a file rather than to write it ("Edit the existing `x.yaml` and add
 * the following lines:", "append this to the file"): the block is a part of that file.
 */
const ADD_LINES_PROSE =
  /\b(?:add|append|insert)\s+(?:the\s+following|these|this|the|a)\s+(?:(?:new|extra|additional)\s+)?(?:lines?|fields?|section|entr(?:y|ies)|snippet|block|rule|path|stanza|part)\b|\bappend\b[^.:]*\bto\b/i;

/** A whole Kubernetes object: `apiVersion:` and `kind:` keys at the top level of the block. */
function isWholeManifest(lines: readonly DocLine[]): boolean {
  const keys = lines.map((l) => l.text).filter((t) => /^[A-Za-z]\w*:/.test(t));
  return keys.some((t) => t.startsWith('apiVersion:')) && keys.some((t) => t.startsWith('kind:'));
}

/** A leading `# run-my-nginx.yaml` / `# file: x.yaml` comment naming a manifest. */
const MANIFEST_NAME_COMMENT = /^(?:#|\/\/)\s*(?:file(?:name)?\s*:\s*)?([\w./-]+\.(?:ya?ml|json))\s*$/i;

/** A file name in prose (`Create a file named run-my-nginx.yaml:`). */
const PROSE_FILE_NAME = /([\w.-]+\.(?:ya?ml|json))\b/g;

/**
 * Prose naming the file the next block is to be saved as, whatever its kind: "into a file called
 * `job.yaml.jinja2`", "create a file named `config-demo`" (a kubeconfig file has no extension).
 */
const NAMED_FILE_PROSE = /\b(?:(?:a|the)\s+file\s+(?:called|named)|save\s+(?:it|this|them)\s+as)\s+`([\w.-]+)`/gi;

/** Walks the units in doc order, adding steps and pairing output to the builder. */
export function walkUnits(units: Unit[], b: LessonBuilder): void {
  for (const unit of units) {
    switch (unit.type) {
      case 'heading':
        b.context.onHeading(unit.text, unit.line, unit.depth);
        b.section = unit.text;
        b.since = 'blocked';
        b.cue = undefined;
        b.transcriptCue = undefined;
        b.prose = undefined;
        b.lastCommand = undefined;
        b.proseCommand = undefined;
        b.proseShownWith = undefined;
        break;
      case 'comment': {
        const d = parseDirective(unit.value, unit.line, unit.column, b.findings);
        if (d?.setup && d.setupLines && d.setupLines.length > 0) {
          b.addCommands(splitCommandBlock(d.setupLines, { shellSyntax: true, podNames: b.podNames }), {
            inferred: false,
            setup: true,
            directive: d,
          });
        } else if (d) b.pending.push(d);
        break;
      }
      case 'prose':
        b.transcriptCue = undefined;
        walkProse(unit, b);
        b.transcriptCue = b.cue?.text;
        break;
      case 'code':
        walkCode(unit, b);
        b.cue = undefined;
        b.prose = undefined;
        b.proseCommand = undefined;
        b.proseShownWith = undefined;
        // A supposed state leads into the block right after it only.
        b.context.hypothesis = undefined;
        b.context.containerCommand = undefined;
        break;
    }
  }
}

/** `[text](https://…)`, `<https://…>` or a bare https:// address in prose. */
const LINK = /\]\((https?:\/\/[^\s)]+)\)|<(https?:\/\/[^\s>]+)>|(?<![(<\w])(https?:\/\/[^\s)>\]"'`]+)/g;

function walkProse(unit: ProseUnit, b: LessonBuilder): void {
  for (const l of unit.lines) {
    for (const m of resolveParams(l.text).matchAll(LINK)) {
      const url = (m[1] ?? m[2] ?? m[3]!).replace(/[.,;:]+$/, '');
      b.links.push({ url, line: l.line });
    }
  }
  for (const inc of findExampleIncludes(unit.lines)) {
    const position = { line: inc.line, column: inc.column, endLine: inc.line, endColumn: inc.endColumn };
    b.addExample(inc.file, position, languageOf(inc.file, inc.language));
    b.since = 'blocked';
    b.lastCommand = undefined;
  }
  for (const inc of findFileIncludes(unit.lines)) {
    const position = { line: inc.line, column: inc.column, endLine: inc.line, endColumn: inc.endColumn };
    b.addFileInclude(inc.file, inc.alternatives, position, languageOf(inc.file, inc.language));
    b.since = 'blocked';
    b.lastCommand = undefined;
  }
  for (const piece of analyzeProseRun(unit.lines, b.podNames)) {
    if (piece.kind === 'commands') {
      b.addCommands(piece.commands, { inferred: true, ...directive(b) });
      b.cue = undefined;
      b.prose = undefined;
      continue;
    }
    if (piece.kind === 'manifest') {
      const d = b.takeDirectives();
      const step = b.addManifest({
        position: spanOfLines(piece.lines),
        file: d?.file ?? fileFromProse(b.prose),
        language: 'yaml',
        // Prose lines lost their indentation when read; YAML needs it back (relative to the first line).
        content: piece.lines.map((l) => ' '.repeat(Math.max(0, l.column - piece.lines[0]!.column)) + l.text).join('\n'),
        origin: 'inline',
        inferred: true,
      });
      if (d?.skip !== undefined) step.skip = d.skip;
      b.lastCommand = undefined;
      b.since = 'blocked';
      b.cue = undefined;
      continue;
    }
    const last = b.lastCommand;
    const canPair = last !== undefined && last.expected === null && b.since !== 'blocked';
    if (canPair && looksLikeBareOutput(piece.lines) && (b.cue || (b.since === 'adjacent' && last.inferred))) {
      b.attachExpected(last, piece.lines, b.cue ? 'cue' : 'inline', b.cue);
      b.since = 'adjacent';
      b.cue = undefined;
      continue;
    }
    const text = piece.lines.map((l) => l.text).join(' ');
    // "(you should not see any output)" right after the command: its expected output is empty.
    const said = sentencesOf(text)[0];
    // "If you see dns-autoscaler in the output, …" right after the output: rows the reader's cluster may not have.
    if (last?.expected && b.since === 'adjacent') {
      const optional = optionalRowNames(said).filter((n) => !(last.expected!.optionalRows ?? []).includes(n));
      if (optional.length) last.expected.optionalRows = [...(last.expected.optionalRows ?? []), ...optional];
    }
    if (canPair && b.since === 'adjacent' && said !== undefined && NO_OUTPUT_CUE.pattern.test(said)) {
      const at = piece.lines[0]!;
      last.expected = {
        text: '',
        position: { line: at.line, column: at.column, endLine: at.line, endColumn: at.column + at.text.length },
        form: 'cue',
        mode: 'exact',
        cue: said,
      };
    }
    b.proseCommand = proseCommand(piece.lines) ?? b.proseCommand;
    b.proseShownWith = proseCommand(piece.lines, PROSE_SHOWN_WITH, true);
    b.notePlaceholderProse(text);
    b.noteEditProse(text, piece.lines[0]!.line);
    b.cue = matchCue(text);
    b.context.onProse(text, piece.lines[0]!.line);
    b.prose = text;
    if (b.since === 'adjacent') b.since = 'prose';
  }
}

/** An imperative naming an inline command: "Run `kubectl get deployments` to check…". */
const PROSE_COMMAND = /\b(?:run|type|enter|execute)\s+(?:the\s+)?`([^`]+)`/gi;

/** A command the prose says shows what follows: "You can see using `kubectl describe pod myapp` that …". */
const PROSE_SHOWN_WITH = /\b(?:using|with|via)\s+(?:the\s+)?`([^`]+)`/gi;

/** The last inline command the prose asks the reader to run (or, with `readOnly`, shows a block with), as a line of its own. */
function proseCommand(lines: DocLine[], pattern = PROSE_COMMAND, readOnly = false): DocLine | undefined {
  let found: DocLine | undefined;
  for (const l of lines) {
    for (const m of l.text.matchAll(pattern)) {
      const command = m[1]!.trim();
      if (command.includes('<') || !looksLikeCommand(command)) continue;
      if (readOnly && classifyStep(command, { kind: 'local' }).class !== 'read-only') continue;
      found = { text: command, line: l.line, column: l.column + m.index + m[0].indexOf('`') + 1 };
    }
  }
  return found;
}

function directive(b: LessonBuilder): { directive?: NonNullable<ReturnType<LessonBuilder['takeDirectives']>> } {
  const d = b.takeDirectives();
  return d ? { directive: d } : {};
}

/** A YAML mapping key or list entry (`kind: Pod`, `- name: x`): never the start of a command line. */
const YAML_LINE = /^(?:-\s|[\w./-]+:(?:\s|$)|---|\.\.\.$|[{[])/;

/** True when the first line that is not a `#` comment is a command of a program the command model knows. */
function startsWithCommand(lines: readonly DocLine[], podNames: ReadonlySet<string>): boolean {
  const first = lines.find((l) => l.text.trim() !== '' && !l.text.trim().startsWith('#'))?.text.trim();
  if (first === undefined) return false;
  // `$ kubectl get crontab -o json` and what it printed: a command at its prompt, never a manifest's first line.
  const prompt = matchPrompt(first, true, podNames);
  if (prompt && looksLikeCommand(first.slice(prompt.prompt.length))) return true;
  return !YAML_LINE.test(first) && looksLikeCommand(first);
}

/** A heredoc into a file (`cat <<EOF >x.yaml`, `cat > x.yaml <<'EOF'`, `tee x <<EOF`). */
const HEREDOC_TO_FILE = /^(?:cat|tee)\b(?=.*<<-?\s*['"]?\w+['"]?)(?=.*(?:>\s*\S|tee\s+(?:-a\s+)?\S))/;

/** True when the first line that is not a `#` comment writes a file from a heredoc. */
function writesFilesByHeredoc(lines: readonly string[]): boolean {
  const first = lines.find((l) => !/^\s*#/.test(l));
  return first !== undefined && HEREDOC_TO_FILE.test(first.trim());
}

/** The block is not run: an info finding at its fence says why, and nothing before it pairs with what follows. */
function notRun(b: LessonBuilder, unit: CodeUnit, rule: 'not-a-command' | 'unpaired-output', message: string): void {
  b.findings.push(diagnostic(rule, 'info', { line: unit.line, column: unit.column }, message));
  b.since = 'blocked';
}

function walkCode(unit: CodeUnit, b: LessonBuilder): void {
  if (unit.unterminated) {
    b.findings.push(
      diagnostic(
        'unterminated-fence',
        'warning',
        { line: unit.line, column: unit.column },
        'This code fence is never closed; it runs to the end of the document or of its list item.',
      ),
    );
  }
  const d = b.takeDirectives();
  const lines = unit.lines;
  if (d?.file !== undefined) {
    addInlineManifest(unit, b, d.file, MANIFEST_TAGS[unit.tag] ?? languageOf(d.file), d.skip);
    return;
  }
  // A yaml/json fence whose first line of code is a shell command (`cat <<EOF | kubectl apply -f -`,
  // `kubectl create -f /dev/stdin <<EOF`, `$ kubectl get x -o json` and its output): the reader types
  // it in a shell, as a shell fence; its manifest is the heredoc's body.
  const tag = MANIFEST_TAGS[unit.tag] && startsWithCommand(lines, b.podNames) ? 'shell' : unit.tag;
  const manifestLang = MANIFEST_TAGS[tag];
  const shellSyntax = SHELL_SYNTAX_TAGS.has(tag);
  const nonBlank = lines.filter((l) => l.text.trim() !== '');
  const anyPrompt = nonBlank.some((l) => matchPrompt(l.text, shellSyntax, b.podNames) !== undefined);
  const isCommandTag = COMMAND_TAGS.has(tag);
  const isOutputTag = OUTPUT_TAGS.has(tag);
  // After an output cue, a program word alone on the first line of an untagged fence is a value
  // the command printed (`minikube`, a node name), not a program run without arguments.
  const loneValue = nonBlank[0] !== undefined && b.cue !== undefined && isOutputTag && isLoneValue(nonBlank[0].text, nonBlank.slice(1));
  const firstIsCommand = nonBlank[0] !== undefined && looksLikeCommand(nonBlank[0].text) && !loneValue;
  // Output after prose that asks to run an inline command is that command's output; so is a block
  // the prose introduces as what a read-only command shows ("You can see using `kubectl describe
  // pod myapp` that this container is crashing:"), not the output of the command fence before it.
  const shownWith = b.proseShownWith && !manifestLang && /:\s*$/.test(b.prose ?? '') ? b.proseShownWith : undefined;
  const inline = b.proseCommand ?? shownWith;
  // An output fence (not a shell one) after an output cue is output even when its lines read as
  // assignments (`UNCHANGED_REFERENCE=$(PROTOCOL)://…` printed by a container is nothing to run);
  // a real command line after a cue ("would produce the following ConfigMap:" + `kubectl get …`) is not.
  const cueOutput = b.cue !== undefined && isOutputTag && !isCommandTag && !anyPrompt && !manifestLang && d?.setup !== true && hasOnlyPrintedAssignments(lines);
  if (
    inline &&
    d?.setup !== true &&
    !anyPrompt &&
    (!firstIsCommand || cueOutput) &&
    (b.cue || shownWith || looksLikeOutputBlock(lines, undefined)) &&
    (b.cue || !manifestLang)
  ) {
    b.addCommands(splitCommandBlock([inline], { shellSyntax: true, podNames: b.podNames }), { inferred: true });
  }
  const last = b.lastCommand;
  const canPair = last !== undefined && last.expected === null && d?.setup !== true;
  const pair = (form: 'cue' | 'fence'): void => {
    if (d?.skip !== undefined) return;
    // The block may go on with the next command of the same program, typed in the same shell, and its answer.
    const { own, next } = splitRepeatedCommands(lines, last!);
    const cue = form === 'cue' ? b.cue : undefined;
    b.attachExpected(last!, trimBlank(own), form, cue, d?.expect);
    // "The output from both commands should be:": the command before shows it too, when it shows nothing of its own.
    if (next.length === 0 && BOTH_COMMANDS_CUE.pattern.test(b.prose ?? '')) {
      const before = b.commandBefore(last!);
      if (before && before.expected === null && !printsNothing(before.command)) b.attachExpected(before, trimBlank(own), form, cue, d?.expect);
    }
    for (const { command, output } of next) {
      const step = b.addCommands(splitCommandBlock([command], { shellSyntax: true, podNames: b.podNames }), { inferred: false }).pop();
      if (step) b.attachExpected(step, trimBlank(output), form, cue, d?.expect);
    }
    b.since = 'adjacent';
  };
  if (nonBlank.length === 0) return;
  // Lines at the prompt of the database client an earlier step opened (`127.0.0.1:6379> CONFIG GET
  // maxmemory`): typed in that client, each with the replies after it; never output of the step
  // that opened the client.
  const client = b.context.openClient();
  const typed = client && d?.setup !== true ? splitClientBlock(lines, client) : undefined;
  if (typed) {
    b.addCommands(typed, d ? { inferred: false, directive: d } : { inferred: false });
    return;
  }
  // Prose that asks to save the block under a file name ("copy … into a file called `x.j2`"): the
  // block is that file, whatever its fence's language, unless it is commands.
  const named = !manifestLang && !isCommandTag && !anyPrompt ? namedFile(b.prose) : null;
  if (named && WRITE_FILE_PROSE.test(b.prose ?? '')) {
    addInlineManifest(unit, b, named, languageOf(named, tag), d?.skip);
    return;
  }
  // A whole Kubernetes object in an untagged block (an indented block under a list item, "Create
  // `example-ingress.yaml` from the following file:") after prose asking to write that file: the file.
  if (!manifestLang && !isCommandTag && !anyPrompt && !b.cue && d?.setup !== true && WRITE_FILE_PROSE.test(b.prose ?? '') && isWholeManifest(nonBlank)) {
    const fromComment = fileFromComment(lines);
    const file = fromComment ?? fileFromProse(b.prose);
    if (file !== null) {
      const step = addInlineManifest(unit, b, file, 'yaml', d?.skip);
      const folder = fromComment === null ? folderFromProse(b.prose, file) : null;
      if (folder !== null) step.folder = folder;
      return;
    }
  }
  // (Blocks that do not read as commands take the paths below, which also know kept-running steps.)
  if (canPair && b.since !== 'blocked' && (firstIsCommand || isAssignmentBlock(lines))) {
    if (cueOutput) return pair('cue');
    // `NAME=value` lines right after `kubectl logs`/`printenv`/`env`: the environment it printed.
    if (b.since === 'adjacent' && !anyPrompt && !manifestLang && isPrintedEnvironment(lines, last)) return pair('fence');
  }
  // A block of `VAR=$(…)` assignments is commands, never the previous command's output.
  if (!manifestLang && isAssignmentBlock(lines)) {
    const sign = !anyPrompt && d?.setup !== true ? scriptSign(lines) : undefined;
    const script = sign ? { script: { reason: scriptReason(sign), text: sign.text } } : {};
    b.addCommands(
      splitCommandBlock(lines, { shellSyntax: true, podNames: b.podNames }),
      d ? { inferred: false, directive: d, ...script } : { inferred: false, ...script },
    );
    return;
  }
  // A yaml-tagged fence that is a shell script writing files (`cat <<EOF >deployment.yaml` …):
  // the reader runs it in a shell; it is commands, not a manifest.
  if (manifestLang && writesFilesByHeredoc(nonBlank.map((l) => l.text))) {
    b.addCommands(splitCommandBlock(lines, { shellSyntax: true, podNames: b.podNames }), d ? { inferred: false, directive: d } : { inferred: false });
    return;
  }
  // The output of a command the page showed again as still running in another terminal.
  const continued = b.context.continued;
  if (continued && !anyPrompt && !firstIsCommand && !manifestLang && d?.setup !== true) {
    b.context.continued = undefined;
    if (d?.skip === undefined) b.attachExpected(continued, trimBlank(lines), b.cue ? 'cue' : 'fence', b.cue, d?.expect);
    return;
  }
  // Prose turning back to the terminal a long-running step was left in ("In your original terminal,
  // watch for changes"): the block is that step's output, never the last command's.
  // A shell block whose first line of code is a command (after `#` comments) is commands, not output.
  const firstCode = nonBlank.find((l) => !l.text.trim().startsWith('#'));
  const commandsAfterComments = isCommandTag && firstCode !== undefined && looksLikeCommand(firstCode.text);
  const kept =
    !anyPrompt && !firstIsCommand && !commandsAfterComments && d?.setup !== true && b.prose && matchReturnTerminalCue(b.prose)
      ? b.context.keptRunning()
      : undefined;
  if (kept && kept !== last) {
    if (kept.expected === null) {
      if (d?.skip === undefined) b.attachExpected(kept, trimBlank(lines), b.cue ? 'cue' : 'fence', b.cue, d?.expect);
    } else {
      b.findings.push(
        diagnostic(
          'unpaired-output',
          'info',
          { line: unit.line, column: unit.column },
          `This block shows what the command kept running in another terminal (line ${kept.line}) prints later; its output is compared at line ${kept.expected.position.line}, this later part is not compared.`,
        ),
      );
    }
    b.since = 'blocked';
    return;
  }
  // A sample value the prose offers the reader ("replace X with the path to an image, such as:"),
  // with no output cue: an illustration, not the output of the command before.
  // So is a block of API paths or URLs the prose points at ("an endpoint is created at:").
  const sampleValue =
    !b.cue && b.since === 'prose' && !anyPrompt && !manifestLang && (isExampleValueProse(b.prose) || nonBlank.every((l) => ADDRESS_LINE.test(l.text.trim())));
  // "A little later, the same command may show:" after a read-only command whose output the page
  // already showed: the same command run again later, with this block as its output.
  if (
    last !== undefined &&
    last.expected !== null &&
    last.class === 'read-only' &&
    last.host.kind === 'local' &&
    !anyPrompt &&
    !manifestLang &&
    !firstIsCommand &&
    d?.setup !== true &&
    d?.skip === undefined &&
    lastSentenceMatches(b.prose, LATER_SNAPSHOT_CUE.pattern)
  ) {
    const again = b.addCommands(
      splitCommandBlock([{ text: last.command, line: unit.line, column: unit.column }], { shellSyntax: true, podNames: b.podNames }),
      {
        inferred: true,
      },
    );
    const step = again.length === 1 ? again[0]! : undefined;
    if (step) {
      const shown = trimBlank(lines);
      // The later block shows what changed (one describe line), not the whole output again.
      b.attachExpected(step, shown, b.cue ? 'cue' : 'fence', b.cue, 'contains');
      last.laterSnapshot = { line: unit.line, keys: describeKeys(shown.map((l) => l.text)) };
      b.since = 'adjacent';
      return;
    }
  }
  // Prose saying what is inside a pod or its filesystem ("Both containers will have the following
  // files present …:"), with no output cue: the block shows that state, neither the command
  // before's output nor commands to run.
  if (!b.cue && b.since === 'prose' && !anyPrompt && !manifestLang && !firstIsCommand && d?.setup !== true && isInsideStateProse(b.prose)) {
    return notRun(
      b,
      unit,
      'not-a-command',
      'This block shows what the prose says is inside a pod or container, not what a command prints; it is an illustration and is not run or compared.',
    );
  }
  // Content that can only be output (a table header, `Error from server`, a client's replies, a lone value).
  if (!anyPrompt && d?.setup !== true && !sampleValue && looksLikeOutputBlock(lines, last)) {
    const watch = b.context.pendingWatch();
    if (watch && watch !== last && (!canPair || last!.class === 'mutating' || b.since === 'blocked')) {
      if (d?.skip === undefined) b.attachExpected(watch, trimBlank(lines), b.cue ? 'cue' : 'fence', b.cue, d?.expect);
      return;
    }
    if (canPair && b.since !== 'blocked') return pair(b.cue ? 'cue' : 'fence');
    return notRun(b, unit, 'unpaired-output', 'This block reads as output, but no command before it is waiting for output.');
  }
  // (b) prose cue, then a fence that is not commands: the previous command's output, any tag. A
  // shell fence whose first line of code after its `#` comments is a command ("# Run these commands
  // on the node" then `docker stop …`) is commands, though the prose before announced what they do.
  if (b.cue && !anyPrompt && !((firstIsCommand || commandsAfterComments) && (isCommandTag || isOutputTag))) {
    if (canPair && b.since !== 'blocked') return pair('cue');
    if (!manifestLang) {
      b.findings.push(
        diagnostic(
          'unpaired-output',
          'info',
          { line: unit.line, column: unit.column },
          'Output follows an output cue, but no command before it is waiting for output.',
        ),
      );
      return;
    }
  }
  // A shell fence whose every line has a shape no reader types (host names, `server.1=…` settings,
  // URLs, kubectl's messages) is never run: the output of the command waiting for one, else an
  // illustration.
  const text = isCommandTag && !anyPrompt && d?.setup !== true ? nonCommandText(lines) : undefined;
  if (text && (text.illustration || text.messages)) {
    if (canPair && b.since !== 'blocked' && !sampleValue) return pair('fence');
    const at = text.illustration?.line ?? nonBlank[0]!;
    const what = text.illustration
      ? `${text.illustration.shape.what} (line ${at.line}: "${at.text.trim()}")`
      : `kubectl's messages (line ${at.line}: "${at.text.trim()}")`;
    return notRun(
      b,
      unit,
      'not-a-command',
      `This block is not commands: it shows ${what}, and no command before it is waiting for output; it is an illustration and is not run.`,
    );
  }
  // (a) an output fence right after the command fence (a yaml/json one after `-o yaml`).
  if (canPair && b.since === 'adjacent' && !anyPrompt) {
    if (isOutputTag && tag !== 'console' && tag !== 'terminal') return pair('fence');
    if ((tag === 'console' || tag === 'terminal') && !firstIsCommand) return pair('fence');
    if (manifestLang && STRUCTURED_OUTPUT.test(last!.command)) return pair('fence');
  }
  // A yaml fence after `-o yaml` / `config view` with prose between that does not ask to write a file.
  if (canPair && b.since === 'prose' && !anyPrompt && manifestLang && STRUCTURED_OUTPUT.test(last!.command) && !WRITE_FILE_PROSE.test(b.prose ?? '')) {
    return pair('fence');
  }
  // Output fence separated from its command by prose only (no cue): every line reads as output,
  // unless the prose offers the block as a sample value for the reader ("replace X with …, such as:").
  // An indented code block inside prose ("Your scale target is" + `    Deployment/<name>`) is part of
  // the text, not output, unless an output cue introduces it (above).
  // A shell fence after prose telling the reader to do something ("Then run:", "Next, create …:"),
  // with no output cue, is commands to type, whatever programs its lines name.
  // Only lines that start as a program's do (a lower-case word): `Running`, `10.244.0.5` stay output.
  const instructed = isCommandTag && !b.cue && isInstructionProse(b.prose) && nonBlank.every((l) => /^(?:#|[a-z][\w.+-]*(?:\s|$))/.test(l.text.trim()));
  if (canPair && b.since === 'prose' && !anyPrompt && (isOutputTag || isCommandTag) && !sampleValue && unit.fenced && !instructed) {
    const allOutput = isCommandTag ? nonBlank.every((l) => !looksLikeCommand(l.text)) : !firstIsCommand;
    if (allOutput) return pair('fence');
  }
  if (manifestLang) {
    const saveAs = WRITE_FILE_PROSE.test(b.prose ?? '') ? namedFile(b.prose) : null;
    const fromComment = fileFromComment(lines);
    const file = fromComment ?? fileFromProse(b.prose) ?? saveAs;
    // Lines the prose says to add to a file the page wrote before: a part of it, never the file.
    const partial = file !== null && ADD_LINES_PROSE.test(b.prose ?? '') && !isWholeManifest(nonBlank);
    const step = addInlineManifest(unit, b, file, manifestLang, d?.skip, partial);
    const folder = fromComment === null && file !== null && WRITE_FILE_PROSE.test(b.prose ?? '') ? folderFromProse(b.prose, file) : null;
    if (folder !== null) step.folder = folder;
    return;
  }
  // An HTTP request written out (request line, headers, body): nothing to run.
  if (!anyPrompt && d?.setup !== true && nonBlank[0] !== undefined && HTTP_REQUEST_LINE.test(nonBlank[0].text)) {
    b.since = 'blocked';
    return;
  }
  // A shell-tagged fence with no command in it: YAML fields (`command: ["/bin/sh"]`) are a
  // manifest fragment; a list of values (`128974848, 129e6, 129M`) is nothing to run.
  const code = nonBlank.filter((l) => !l.text.trim().startsWith('#'));
  if (isCommandTag && !anyPrompt && d?.setup !== true && code.length > 0 && code.every((l) => isNotCommandLine(l.text))) {
    // Right after a command that prints YAML or JSON (`get … -o yaml`, `config view`), or after
    // prose that does not ask to write a file, the fields are what that command prints, whatever
    // the fence's tag: its output, never a manifest to write.
    const printsStructured =
      canPair && b.since !== 'blocked' && STRUCTURED_OUTPUT.test(last!.command) && !WRITE_FILE_PROSE.test(b.since === 'prose' ? (b.prose ?? '') : '');
    if (printsStructured) return pair(b.cue ? 'cue' : 'fence');
    if (nonBlank.some((l) => isOutputOnly(l.text))) addInlineManifest(unit, b, null, 'yaml', d?.skip);
    else b.since = 'blocked';
    return;
  }
  // A shell fence whose first word is a key (`Name:`, `status:`): no program is named so; the
  // block is text the page shows (output nothing was waiting for, a note), never commands.
  if (isCommandTag && !anyPrompt && d?.setup !== true && firstCode !== undefined && KEY_FIRST_WORD.test(firstCode.text)) {
    return notRun(
      b,
      unit,
      'not-a-command',
      `This block is not commands: its first word "${firstCode.text.trim().split(/\s+/)[0]}" is a key, not a program; it is an illustration and is not run.`,
    );
  }
  if (isCommandTag || anyPrompt || (isOutputTag && firstIsCommand) || d?.setup) {
    const sign = !anyPrompt && d?.setup !== true ? scriptSign(lines) : undefined;
    // A script the page asks to save under a name ("Save this as `check.sh`:") is that file.
    const scriptFile = sign && WRITE_FILE_PROSE.test(b.prose ?? '') ? scriptFileName(b.prose) : null;
    if (scriptFile) {
      addInlineManifest(unit, b, scriptFile, 'text', d?.skip);
      return;
    }
    const commands = splitCommandBlock(lines, { shellSyntax, podNames: b.podNames });
    const script = sign ? { script: { reason: scriptReason(sign), text: sign.text } } : {};
    b.addCommands(commands, d ? { inferred: false, directive: d, ...script } : { inferred: false, ...script });
    return;
  }
  b.since = 'blocked';
}

/** A script file name in prose (`check.sh`, `probe.py`): the last one named. */
function scriptFileName(prose: string | undefined): string | null {
  const names = [...(prose ?? '').matchAll(/([\w.-]+\.(?:sh|bash|py|pl|rb))\b/g)].map((m) => m[1]!);
  return names.length > 0 ? names[names.length - 1]!.split('/').pop()! : null;
}

/** True when the last sentence of the prose matches `pattern`. */
function lastSentenceMatches(prose: string | undefined, pattern: RegExp): boolean {
  const last = lastSentence(prose);
  return last !== undefined && pattern.test(last);
}

/** The last sentence of prose, made plain; undefined when there is none or it is too long to be a lead-in. */
function lastSentence(prose: string | undefined): string | undefined {
  if (!prose || prose.length > 20_000) return undefined;
  const last = plainLastSentence(prose);
  return last.length <= 500 ? last : undefined;
}

/** The last sentence of prose, backticks dropped and whitespace collapsed ('' when there is none). */
function plainLastSentence(prose: string): string {
  const sentences = prose
    .replace(/`/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=[.!?])\s+(?=\S)/);
  return sentences[sentences.length - 1] ?? '';
}

/** The `Key:` names of describe-style lines (`Pods Status:  3 Running`), trimmed. */
function describeKeys(lines: readonly string[]): string[] {
  return lines.flatMap((t) => {
    const m = /^\s*([A-Za-z][\w .()/-]*?):(?:\s|$)/.exec(t);
    return m ? [m[1]!.trim()] : [];
  });
}

/** True when the last sentence of the prose tells the reader to do something, saying nothing of output ({@link INSTRUCTION_PROSE}). */
function isInstructionProse(prose: string | undefined): boolean {
  const last = lastSentence(prose);
  return last !== undefined && isInstructionSentence(last);
}

/** True when the last sentence of the prose says what is inside a pod or its filesystem ({@link INSIDE_STATE_PROSE}). */
function isInsideStateProse(prose: string | undefined): boolean {
  const last = lastSentence(prose);
  return last !== undefined && !INSIDE_STATE_PROSE.exclude.test(last) && INSIDE_STATE_PROSE.pattern.test(last);
}

/**
 * True when the last sentence of the prose introduces a sample value ({@link EXAMPLE_VALUE_PROSE})
 * or lines to write into a file by hand ({@link FILE_CONTENT_PROSE}).
 */
function isExampleValueProse(prose: string | undefined): boolean {
  if (!prose) return false;
  const last = plainLastSentence(prose);
  return EXAMPLE_VALUE_PROSE.test(last) || FILE_CONTENT_PROSE.pattern.test(last);
}

function addInlineManifest(
  unit: CodeUnit,
  b: LessonBuilder,
  file: string | null,
  language: 'yaml' | 'json' | 'text',
  skip?: string,
  partial = false,
): ManifestStep {
  const step = b.addManifest({
    position: { line: unit.line, column: unit.column, endLine: unit.endLine, endColumn: unit.endColumn },
    file,
    language,
    content: unit.lines.map((l) => l.text).join('\n'),
    origin: 'inline',
    inferred: false,
  });
  if (skip !== undefined) step.skip = skip;
  if (partial) step.partial = true;
  b.lastCommand = undefined;
  b.since = 'blocked';
  return step;
}

function fileFromComment(lines: DocLine[]): string | null {
  const first = lines.find((l) => l.text.trim() !== '');
  const m = first ? MANIFEST_NAME_COMMENT.exec(first.text.trim()) : null;
  return m ? m[1]!.split('/').pop()! : null;
}

function namedFile(prose: string | undefined): string | null {
  const names = [...(prose ?? '').matchAll(NAMED_FILE_PROSE)].map((m) => m[1]!);
  return names.length > 0 ? names[names.length - 1]!.split('/').pop()! : null;
}

/**
 * The folders of the last relative path the prose writes `file` at ("Create `base/deployment.yaml`",
 * "save it as overlays/prod/patch.yaml" → `base`, `overlays/prod`); null for a bare name, an
 * absolute or home path, a web address, or a path that climbs out (`../x.yaml`).
 */
export function folderFromProse(prose: string | undefined, file: string): string | null {
  if (prose === undefined) return null;
  const tokens = [...prose.matchAll(PROSE_PATH_TOKEN)].map((m) => m[1]!).filter((t) => t.endsWith(`/${file}`) || t === file);
  const last = tokens[tokens.length - 1];
  if (last === undefined || last === file) return null;
  const segments = last
    .replace(/^(?:\.\/)+/, '')
    .split('/')
    .slice(0, -1);
  if (segments.length === 0 || segments.some((s) => s === '' || s === '.' || s === '..')) return null;
  return segments.join('/');
}

/** A path-like word of prose: delimited by spaces, backticks, quotes or brackets; a web address or `~/…`/`/…` path is not relative. */
const PROSE_PATH_TOKEN = /(?<![\w.~/:$-])((?:\.\/)?(?:[\w.-]+\/)*[\w.-]+\.(?:ya?ml|json))(?![\w/-])/g;

function fileFromProse(prose: string | undefined): string | null {
  if (prose === undefined) return null;
  const names = [...prose.matchAll(PROSE_FILE_NAME)].map((m) => m[1]!);
  return names.length > 0 ? names[names.length - 1]!.split('/').pop()! : null;
}

function trimBlank(lines: DocLine[]): DocLine[] {
  let s = 0;
  let e = lines.length;
  while (s < e && lines[s]!.text.trim() === '') s++;
  while (e > s && lines[e - 1]!.text.trim() === '') e--;
  return lines.slice(s, e);
}

function spanOfLines(lines: DocLine[]): { line: number; column: number; endLine: number; endColumn: number } {
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  return { line: first.line, column: first.column, endLine: last.line, endColumn: last.column + last.text.length };
}

/** A line that is no command: output-only text (`key: value`), a YAML list item or a comma-separated list of values. */
function isNotCommandLine(text: string): boolean {
  return isOutputOnly(text) || textLineShape(text)?.name === 'yaml-item' || /^\s*[\w.+-]+(?:\s*,\s*[\w.+-]+)+\s*,?\s*$/.test(text);
}

/** A first word ending in a colon (`Name:`, `Pods Status:`): a key, which no program is named. */
const KEY_FIRST_WORD = /^\s*[A-Za-z][\w.()-]*(?:\s[A-Za-z(][\w.()/-]*)*:(?:\s|$)/;

/** A single word that names a program but is typed alone by no one, followed by lines that are not commands. */
function isLoneValue(first: string, rest: DocLine[]): boolean {
  const word = first.trim();
  return /^[\w.-]+$/.test(word) && !ALONE_COMMANDS.has(word) && rest.every((l) => !looksLikeCommand(l.text));
}
