/**
 * Turns a command step into what the runner executes: host context (node, pod), example-URL
 * paths, interactive rewrites. Every change is recorded as a Rewrite; nothing is fixed silently
 * (a typographic dash or a typo runs as written).
 */
import { dirname, join, relative } from 'node:path';
import { MSYS_DRIVE_PATH } from '../../lint/data/host-paths.js';
import type { CommandStep } from '../../plan/types.js';
import type { Rewrite } from '../types.js';
import { INTERACTIVE_RULES, unhandledInteractive } from './interactive.js';
import type { Prepared, RewriteContext } from './types.js';
import { shQuote } from './words.js';
import { mkdirInside } from '../safe-write.js';

export type { Prepared, RewriteContext, PodShell, Bounded, RewriteRule } from './types.js';
export { deriveEdit } from './edit.js';
export { kubectlWords, firstSimpleCommand, shQuote } from './words.js';

const EXAMPLE_URL = /(-f\s+|--filename[= ])(https:\/\/(?:k8s\.io|kubernetes\.io)\/examples\/|https:\/\/raw\.githubusercontent\.com\/kubernetes\/website\/[^/\s]+\/content\/en\/examples\/)(\S+)/g;

/** Replaces example URLs in `-f` arguments with the sandbox copy the doc's manifest was written to. */
export function rewriteExampleUrls(command: string, examples: Map<string, string>): { command: string; rewrites: Rewrite[] } {
  const rewrites: Rewrite[] = [];
  const out = command.replace(EXAMPLE_URL, (whole, flag: string, base: string, path: string) => {
    const local = examples.get(path);
    if (!local) return whole;
    rewrites.push({ kind: 'path', from: `${base}${path}`, to: `./${local}`, reason: 'the example file the doc shows is used instead of downloading it' });
    return `${flag}./${local}`;
  });
  return { command: out, rewrites };
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
      rewrites.push({ kind: 'path', from: whole, to, reason: `a Windows drive as Git Bash mounts it; a folder of the sandbox stands for drive ${drive.toUpperCase()}:` });
    }
    return to;
  });
  return { command: out, rewrites };
}

/** Ends a pod step's script: keeps its exit status, prints where its shell ended up. */
export const POD_CWD_TRAILER = `__kdt_rc=$?; printf '${'__KDT_PWD__'}%s\\n' "$PWD"; exit $__kdt_rc`;

/** Splits the working-directory marker off a pod step's output. */
export function takePodCwd(output: string): { output: string; cwd?: string } {
  const m = /__KDT_PWD__([^\n]*)\n?$/.exec(output);
  return m ? { output: output.slice(0, m.index), cwd: m[1]! } : { output };
}

const DOWNLOAD = /\b(curl|wget)\b([^;&|\n]*?)(https:\/\/(?:k8s\.io|(?:www\.)?kubernetes\.io)\/examples\/)([\w./-]+[\w-])([^;&|\n]*)/g;

/** Where a curl/wget command line puts what it downloads: a file, or stdout (null). */
function downloadTarget(tool: string, args: string, url: string): string | null {
  const words = args.trim().split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (tool === 'curl' && (w === '-o' || w === '--output')) return words[i + 1] ?? null;
    if (tool === 'curl' && w.startsWith('--output=')) return w.slice('--output='.length);
    if (tool === 'wget' && (w === '-O' || w === '--output-document')) return words[i + 1] === '-' ? null : (words[i + 1] ?? null);
    if (tool === 'wget' && w.startsWith('--output-document=')) return w.slice('--output-document='.length);
  }
  if (tool === 'wget' || words.some((w) => w === '--remote-name' || /^-[a-zA-Z]*O[a-zA-Z]*$/.test(w))) return url.split('/').pop()!;
  return null;
}

/**
 * Serves a download of a k8s.io/examples file (`curl -L -O https://k8s.io/examples/P`,
 * `wget … -O x`) from the copy the lesson already has, so the lesson runs offline and on the
 * exact file the doc shows.
 */
export function rewriteExampleDownloads(command: string, examples: Map<string, string>): { command: string; rewrites: Rewrite[] } {
  const rewrites: Rewrite[] = [];
  const out = command.replace(DOWNLOAD, (whole, tool: string, before: string, base: string, path: string, after: string) => {
    const local = examples.get(path);
    if (!local) return whole;
    const target = downloadTarget(tool, `${before} ${after}`, path);
    const to = target === null ? `cat ./${local}` : `mkdir -p "$(dirname ${shQuote(target)})" && cp ./${local} ${shQuote(target)}`;
    rewrites.push({ kind: 'path', from: `${whole.trim()}`, to, reason: 'the example file the doc downloads is copied from the examples folder' });
    return `${to}${/\s$/.test(after) ? ' ' : ''}`;
  });
  return { command: out, rewrites };
}

/** Prepares one command step (the command already has bindings and placeholders applied). */
export function prepareCommand(step: CommandStep, command: string, ctx: RewriteContext): Prepared {
  if (step.host.kind === 'node') {
    return { action: 'run', script: command, rewrites: [], warnings: [], onNode: step.host.name ? { name: step.host.name } : {} };
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
  }
  if (step.host.kind === 'pod') {
    const pod = ctx.podShell;
    if (!pod) return { action: 'skip', reason: `runs inside a pod (${step.host.prompt.trim()}) but no earlier step opened a shell in a pod`, rewrites: paths.rewrites, warnings: [] };
    const to = ['kubectl', 'exec', '-i', pod.target, ...pod.flags, '--', 'sh', '-c'].map(shQuote).join(' ') + ` ${shQuote(command)}`;
    // Each step is its own `sh -c`, so a `cd` of the doc's session is carried by hand: into the
    // directory an earlier step left, and out through a marker line (stripped from the output).
    const tracksCwd = pod.cwd !== undefined || /(^|[\s;&|(])cd(\s|$)/.test(command);
    const inner = tracksCwd
      ? `${pod.cwd ? `cd ${shQuote(pod.cwd)} 2>/dev/null; ` : ''}${command}\n${POD_CWD_TRAILER}`
      : command;
    const script = ['kubectl', 'exec', '-i', pod.target, ...pod.flags, '--', 'sh', '-c'].map(shQuote).join(' ') + ` ${shQuote(inner)}`;
    return {
      action: 'run',
      script,
      ...(tracksCwd ? { tracksPodCwd: true } : {}),
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
