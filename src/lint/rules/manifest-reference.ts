import { diagnostic, type Diagnostic } from '../../diag/diagnostic.js';
import type { ManifestStep } from '../../plan/types.js';
import { parseKubectl } from '../command-model.js';
import type { LintContext } from '../context.js';
import { normalizePath } from '../file-refs.js';
import type { LintRule } from '../types.js';

/** Manifests the doc shows but no command uses (often: the doc applies something else). */
export const manifestReference: LintRule = {
  id: 'manifest-reference',
  severity: 'info',
  description: 'A manifest is shown but no command applies or reads it.',
  check(_plan, ctx) {
    const refs = manifestArguments(ctx);
    const texts = ctx.commands.map((c) => ({ line: c.line, text: c.command }));
    const named = new Set(ctx.manifests.filter((m) => m.file).map((m) => baseName(m.file!)));
    const out: Diagnostic[] = [];
    const unbound = ctx.manifests.filter((m) => !m.file);
    ctx.manifests.forEach((m) => {
      if (isUsed(m, refs, named, unbound) || isMentioned(m, texts)) return;
      const name = m.file ?? m.examplePath;
      out.push(
        diagnostic(
          this.id,
          'info',
          { line: m.line, column: m.position.column },
          `${name ? `manifest \`${name}\`` : 'this manifest'} is shown but no command applies or reads it`,
          {
            stepId: m.id,
          },
        ),
      );
    });
    return out;
  },
};

interface ManifestArg {
  line: number;
  value: string;
}

/** Every `-f` value of every kubectl command, and `kubectl apply -f -` heredocs. */
function manifestArguments(ctx: LintContext): ManifestArg[] {
  const args: ManifestArg[] = [];
  for (const step of ctx.commands) {
    for (const sc of ctx.simple(step)) {
      if (sc.program?.value !== 'kubectl') continue;
      const call = parseKubectl(sc.args);
      for (const f of [...(call.flags.get('-f') ?? []), ...(call.flags.get('--filename') ?? [])]) {
        if (typeof f.value === 'string') f.value.split(',').forEach((v) => args.push({ line: step.line, value: v }));
      }
    }
  }
  return args;
}

function isUsed(m: ManifestStep, refs: ManifestArg[], named: Set<string>, unbound: ManifestStep[]): boolean {
  if (m.file || m.examplePath) {
    const names = [m.file, m.examplePath].filter((n): n is string => !!n).map((n) => normalizePath(n));
    return refs.some((r) => {
      const v = normalizePath(r.value);
      return names.some((n) => v === n || v.endsWith(`/${n}`) || baseName(v) === baseName(n));
    });
  }
  // An unnamed manifest is used by the first file argument after it (before the next unnamed one)
  // that no named manifest provides.
  const next = unbound.find((u) => u.line > m.line);
  return refs.some(
    (r) =>
      r.line > m.line &&
      (!next || r.line < next.line || r.line === next.line) &&
      r.value !== '-' &&
      !named.has(baseName(r.value)) &&
      /\.(ya?ml|json)$/i.test(r.value),
  );
}

function baseName(p: string): string {
  return normalizePath(p).split('/').pop() ?? p;
}

/** A named manifest whose file name any command mentions (`sed … job-tmpl.yaml`, `--from-file=dir/x`). */
function isMentioned(m: ManifestStep, texts: Array<{ line: number; text: string }>): boolean {
  if (!m.file) return false;
  const name = baseName(m.file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(^|[\\s/='"])${name}($|[\\s'";|&)])`);
  return texts.some((t) => re.test(t.text));
}
