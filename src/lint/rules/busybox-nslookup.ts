import { diagnostic, type Diagnostic } from '../../diag/diagnostic.js';
import type { LintRule } from '../types.js';

/** True for a busybox tag whose nslookup prints the newer format (1.29 and later, or no tag: latest). */
function newerThan128(tag: string | undefined): boolean {
  if (tag === undefined || tag === 'latest' || tag === 'stable' || tag === 'musl' || tag === 'glibc' || tag === 'uclibc') return true;
  const m = /^(\d+)\.(\d+)/.exec(tag);
  return m ? Number(m[1]) > 1 || Number(m[2]) >= 29 : false;
}

/**
 * busybox rewrote nslookup in 1.29: `Address 1: 10.0.0.10 kube-dns…` became `Address: 10.96.0.10:53`
 * with the full name. A doc that runs a newer busybox and shows the old format shows output the
 * image never prints (the page was written for busybox:1.28 and the image bumped later).
 */
export const busyboxNslookup: LintRule = {
  id: 'busybox-nslookup',
  severity: 'warning',
  description: '`nslookup` output in busybox 1.28 format (`Address 1:`) for a newer busybox image.',
  check(_plan, ctx) {
    const out: Diagnostic[] = [];
    let image: { tag: string | undefined; line: number } | undefined;
    for (const step of ctx.commands) {
      const run = /\bkubectl\s+(?:run|debug)\b.*--image[= ]((?:docker\.io\/)?(?:library\/)?busybox)(?::([\w.-]+))?(?=\s|$)/.exec(step.command);
      if (run) image = { tag: run[2], line: step.line };
      else if (/\bkubectl\s+(?:run|debug)\b.*--image[= ]/.test(step.command)) image = undefined;
      if (!image || !/\bnslookup\b/.test(step.command) || !step.expected || !newerThan128(image.tag)) continue;
      const lines = step.expected.text.split('\n');
      const at = lines.findIndex((l) => /^Address 1:/.test(l.trim()));
      if (at < 0) continue;
      const tag = image.tag ?? 'latest';
      out.push(
        diagnostic(
          this.id,
          'warning',
          { line: step.expected.position.line + at, column: step.expected.position.column },
          `this is busybox 1.28's nslookup output, but the pod runs busybox:${tag} (line ${image.line}), which prints \`Address: <ip>\` and the full name; pin busybox:1.28 or show the newer output`,
          { stepId: step.id },
        ),
      );
    }
    return out;
  },
};
