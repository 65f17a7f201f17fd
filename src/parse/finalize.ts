import { loadAll } from 'js-yaml';
import type { CommandStep, ManifestStep, Step } from '../plan/types.js';
import type { LessonBuilder } from './lesson-builder.js';
import { containerLogOf } from './container-log.js';
import type { SkippedTab } from './shortcodes.js';

/** Options that take a file argument a manifest can satisfy (`-f x.yaml`, `--from-file=key=x.conf`). */
const FILE_ARGUMENT = /(?:^|\s)(?:-f|--filename|--from-file|--from-env-file)(?:=|\s+)(['"]?)([^\s'"]+)\1/g;

/**
 * Finishes the lesson: binds unnamed inline manifests to the file a later command reads,
 * links commands to the manifests they read, skips steps in non-first tabs and assigns ids
 * `s1`, `s2`, … in order.
 */
export function finalizeSteps(b: LessonBuilder, skippedTabs: SkippedTab[]): Step[] {
  const steps = b.steps;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (step.kind !== 'command') continue;
    for (const file of referencedFiles(step.command)) bindReference(b, steps, i, step, file);
  }
  for (const step of steps) {
    if (step.skip !== undefined) continue;
    const tab = skippedTabs.find((t) => step.line >= t.from && step.line <= t.to);
    if (tab) step.skip = 'not the first tab';
  }
  moveTabOutput(steps, skippedTabs);
  steps.forEach((s, i) => (s.id = `s${i + 1}`));
  for (const [cmd, manifests] of b.refs) cmd.references = manifests.map((m) => m.id);
  for (const [cmd, covered] of b.covers) if (cmd.expected) cmd.expected.covers = covered.map((c) => c.id);
  for (const [cmd, printing] of b.mayCover) if (cmd.expected) cmd.expected.mayCover = printing.map((c) => c.id);
  // Output the prose attributes to a container the command only starts: that container's log.
  for (const [cmd, cue] of b.containerOutput) {
    const log = cmd.expected ? containerLogOf(cmd.command, b.refs.get(cmd) ?? [], cue) : undefined;
    if (!log || !cmd.expected) continue;
    cmd.expected.log = log;
    delete cmd.expected.covers;
    delete cmd.expected.mayCover;
  }
  return steps;
}

/**
 * Output shown after a `{{< tabs >}}` container belongs to the command that runs, the first tab's:
 * the reader of any tab sees it. Pairing gives it to the last command before it, the last tab's;
 * when that tab holds one command and the tab before ends with a command still without output,
 * the output moves there.
 */
function moveTabOutput(steps: Step[], skippedTabs: SkippedTab[]): void {
  for (const tab of skippedTabs) {
    const inTab = steps.filter((s): s is CommandStep => s.kind === 'command' && s.line >= tab.from && s.line <= tab.to);
    const last = inTab[inTab.length - 1];
    if (inTab.length !== 1 || !last?.expected || last.expected.position.line <= tab.to) continue;
    const i = steps.indexOf(last);
    const first = steps[i - 1];
    if (first?.kind !== 'command' || first.skip !== undefined || first.expected) continue;
    first.expected = last.expected;
    last.expected = null;
  }
}

/** Local files a command reads (URLs excluded), by base name. */
export function referencedFiles(command: string): string[] {
  const out: string[] = [];
  for (const m of command.matchAll(FILE_ARGUMENT)) {
    let value = m[2]!;
    if (/^https?:/.test(value) || value === '-') continue;
    const eq = value.lastIndexOf('=');
    if (eq >= 0) value = value.slice(eq + 1);
    const base = value.replace(/\/+$/, '').split('/').pop() ?? '';
    if (base !== '' && base !== '.' && !out.includes(base)) out.push(base);
  }
  return out;
}

function bindReference(b: LessonBuilder, steps: Step[], index: number, cmd: CommandStep, file: string): void {
  let unnamed: ManifestStep | undefined;
  for (let j = index - 1; j >= 0; j--) {
    const s = steps[j]!;
    if (s.kind !== 'manifest') continue;
    if (s.file === file) {
      // "Update the data field: <manifest>", then `kubectl apply -f ./secret.yaml` again: a nearer
      // unnamed manifest of the same object is the file's new content, not an illustration.
      if (unnamed && sameObject(unnamed, s)) {
        unnamed.file = file;
        return b.addReference(cmd, unnamed);
      }
      return b.addReference(cmd, s);
    }
    if (unnamed === undefined && s.file === null && s.origin === 'inline' && s.skip === undefined && s.language !== 'text') unnamed = s;
  }
  if (unnamed && /\.(?:ya?ml|json)$/i.test(file)) {
    unnamed.file = file;
    b.addReference(cmd, unnamed);
  }
}

/** Kind and name of a manifest's only object, when it has exactly one. */
function objectOf(m: ManifestStep): string | undefined {
  if (m.content === null) return undefined;
  try {
    const docs = loadAll(m.content).filter((d) => d !== null && d !== undefined);
    if (docs.length !== 1 || typeof docs[0] !== 'object') return undefined;
    const d = docs[0] as { kind?: unknown; metadata?: { name?: unknown } };
    return typeof d.kind === 'string' && typeof d.metadata?.name === 'string' ? `${d.kind}/${d.metadata.name}` : undefined;
  } catch {
    return undefined;
  }
}

/** True when two manifests describe the same single object (same kind and name). */
function sameObject(a: ManifestStep, b: ManifestStep): boolean {
  const x = objectOf(a);
  return x !== undefined && x === objectOf(b);
}
