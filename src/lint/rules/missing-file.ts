import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { diagnostic, type Diagnostic } from '../../diag/diagnostic.js';
import type { CommandStep, ManifestStep } from '../../plan/types.js';
import { spanPosition } from '../command-model.js';
import type { LintContext } from '../context.js';
import { fileEffects, normalizePath, type FileRef } from '../file-refs.js';
import type { LintRule } from '../types.js';
import { isReaderFile, readerFileReason } from '../../plan/reader-files.js';

/**
 * Files a command needs that nothing in the doc provides: no manifest bound to the name, no
 * earlier command creating it. A file the surrounding prose links to (a repository) is a
 * warning: the reader can fetch it, a runner cannot without a setup step. So is a file on the
 * reader's own machine (`src/plan/reader-files.ts`, the runner's decision): the run leaves its
 * step unchecked, and lint must not call the page wrong where the run does not.
 */
export const missingFile: LintRule = {
  id: 'missing-file',
  severity: 'error',
  description: 'A command uses a local file (manifest, --from-file, certificate, Makefile …) that nothing in the doc creates.',
  check(_plan, ctx) {
    const out: Diagnostic[] = [];
    const available = new FileSet();
    for (const m of ctx.manifests) if (m.file) available.add(m.file, m.examplePath);
    const unbound = ctx.manifests.filter((m) => !m.file);
    const claimed = new Set<ManifestStep>();
    let unknownFiles = false;

    for (const step of ctx.commands) {
      if (ctx.isRemote(step)) continue;
      for (const sc of ctx.simple(step)) {
        const fx = fileEffects(sc);
        let missing = 0;
        for (const ref of fx.refs) {
          if (unknownFiles || available.has(ref) || existsBesideDoc(ctx.path, ref) || proseCreates(ctx, ref, step.line)) continue;
          if (/\.(ya?ml|json)$/i.test(ref.path) && claimUnbound(step, unbound, claimed)) {
            available.add(ref.path);
            continue;
          }
          out.push(report(this.id, step, ref, ctx, readerOwn(ctx, step, ref)));
          missing++;
          // Report each missing file once.
          available.add(ref.path);
        }
        fx.creates.forEach((c) => available.add(c));
        if (fx.createsUnknown) unknownFiles = true;
        // A Makefile that is there writes files nobody listed.
        if (sc.program?.value === 'make' && missing === 0) unknownFiles = true;
      }
    }
    return out;
  },
};

/** A manifest shown without a file name, just before a command applying a file, is that file. */
function claimUnbound(step: CommandStep, unbound: ManifestStep[], claimed: Set<ManifestStep>): boolean {
  const candidates = unbound.filter((m) => m.line < step.line && !claimed.has(m));
  const nearest = candidates[candidates.length - 1];
  if (!nearest) return false;
  claimed.add(nearest);
  return true;
}

/**
 * The file is the reader's own (the runner's decision, shared): the check leaves a step that
 * needs it unchecked, so it is no error of the page here either.
 */
function readerOwn(ctx: LintContext, step: CommandStep, ref: FileRef): boolean {
  if (ref.kind === 'makefile') return false;
  const earlier = ctx.commands.filter((c) => c.line < step.line).map((c) => c.command);
  const shown = ctx.manifests.flatMap((m) => [m.file, m.examplePath].filter((f): f is string => !!f));
  return isReaderFile(ref.path, step.command, earlier, shown);
}

function report(ruleId: string, step: CommandStep, ref: FileRef, ctx: LintContext, isReaderOwn: boolean): Diagnostic {
  const range = spanPosition(step, ref.word.start, ref.word.end);
  const link = linkNear(ctx, step.line);
  const what =
    ref.kind === 'makefile'
      ? `\`${step.command.split('\n')[0]}\` needs a Makefile, but the doc neither shows nor creates one`
      : `${ref.kind === 'dir' ? 'directory' : 'file'} \`${ref.path}\` is used but no manifest or earlier command in the doc creates it`;
  if (link) {
    return diagnostic(
      ruleId,
      'warning',
      range,
      `${what}; the doc points to ${link} for it — a run needs a local copy (\`check --files-dir <folder>\`) or a setup step that fetches it`,
      {
        stepId: step.id,
        actual: ref.path,
        url: link,
      },
    );
  }
  if (isReaderOwn) {
    return diagnostic(ruleId, 'warning', range, `${readerFileReason(ref.path)}; a check cannot run the steps that need it`, {
      stepId: step.id,
      actual: ref.path,
      fix: { description: `show \`${ref.path}\` as a manifest or add a step that creates it` },
    });
  }
  return diagnostic(ruleId, 'error', range, what, {
    stepId: step.id,
    actual: ref.path,
    fix: {
      description:
        ref.kind === 'makefile'
          ? 'show the Makefile, or replace `make` with the commands it runs'
          : `show \`${ref.path}\` as a manifest or add a step that creates it`,
    },
  });
}

/**
 * A repository or file link in the prose of the step's section (from its heading, at most 40
 * lines up, to a few lines below): the doc says where to get the file.
 */
function linkNear(ctx: LintContext, line: number): string | undefined {
  const lines = ctx.sourceLines;
  if (!lines) return undefined;
  let from = Math.max(0, line - 41);
  for (let i = line - 2; i >= from; i--) {
    if (/^#{1,6}\s/.test(lines[i]!)) {
      from = i;
      break;
    }
  }
  for (let i = from; i < Math.min(lines.length, line + 6); i++) {
    const m = /\]\((https?:\/\/(?:github\.com|gitlab\.com|raw\.githubusercontent\.com)\/[^)\s]+)\)/.exec(lines[i]!);
    if (m) return m[1];
  }
  return undefined;
}

/**
 * The doc before the step tells the reader to create the file: prose such as "into a file
 * called `job.yaml.jinja2`" / "Save this as app.py", or a code fence titled with its name.
 */
function proseCreates(ctx: LintContext, ref: FileRef, line: number): boolean {
  const lines = ctx.sourceLines;
  if (!lines || ref.kind === 'makefile') return false;
  const name = ref.path.replace(/^\.\//, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const token = `(?<![\\w./-])(?:\\./)?${name}(?![\\w/-]|\\.\\w)`;
  const prose = new RegExp(`\\b(?:file|save|saving|create|called|named|paste|write|as)\\b[^.]*${token}`, 'i');
  const fence = new RegExp(`^\\s*(?:\`\`\`|~~~).*${token}`);
  return lines.slice(0, line - 1).some((l) => fence.test(l) || (!/^\s*(?:\$|#|kubectl)/.test(l) && prose.test(l)));
}

/** The doc lives in a repository that has the file next to it (a README beside its Makefile). */
function existsBesideDoc(docPath: string, ref: FileRef): boolean {
  if (!docPath || isAbsolute(ref.path) || ref.path.startsWith('~')) return false;
  return existsSync(join(dirname(docPath), ref.kind === 'makefile' ? 'Makefile' : ref.path));
}

/** Paths known to exist: exact names, directories holding them, and `*` patterns. */
class FileSet {
  private readonly paths = new Set<string>();
  private readonly patterns: RegExp[] = [];

  add(path: string, alias?: string): void {
    for (const p of [path, alias]) {
      if (!p) continue;
      const n = normalizePath(p);
      if (/[*$]/.test(n)) {
        const source = n
          .split(/\$\{?\w+\}?|\*/)
          .map((s) => s.replace(/[.+?^{}()|[\]\\]/g, '\\$&'))
          .join('[^/]*');
        this.patterns.push(new RegExp(`^${source}$`));
      }
      this.paths.add(n);
    }
  }

  has(ref: FileRef): boolean {
    const n = normalizePath(ref.path);
    if (ref.kind === 'makefile') return ['Makefile', 'makefile', 'GNUmakefile'].some((m) => this.paths.has(m));
    if (this.paths.has(n)) return true;
    const base = n.split('/').pop()!;
    for (const p of this.paths) {
      if (p.startsWith(`${n}/`)) return true; // a directory holding a created file
      if (n.startsWith(`${p}/`) && !p.includes('.')) return true; // a file in a created directory
      if (p.split('/').pop() === base && (!n.includes('/') || !p.includes('/'))) return true;
    }
    return this.patterns.some((re) => re.test(n) || re.source.startsWith(`^${n.replace(/[.+?^{}()|[\]\\]/g, '\\$&')}/`));
  }
}
