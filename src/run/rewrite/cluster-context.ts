/**
 * The kubeconfig context a cluster-creation step names (`kind create cluster --name psa` writes
 * `kind-psa`). Those steps are skipped — the backend provides the cluster — so a later
 * `kubectl --context kind-psa …` means the backend's cluster: the flag is dropped, and recorded.
 */
import type { CommandStep, Step } from '../../plan/types.js';
import type { Rewrite } from '../types.js';
import { parseCommandLine } from '../../shell/index.js';

/** How each cluster tool names the context it writes: behaviour as data. */
const CREATORS: { program: string; sub: string[]; nameFlags: string[]; positional: boolean; context: (name: string | undefined) => string }[] = [
  { program: 'kind', sub: ['create', 'cluster'], nameFlags: ['--name', '-n'], positional: false, context: (n) => `kind-${n ?? 'kind'}` },
  { program: 'minikube', sub: ['start'], nameFlags: ['--profile', '-p'], positional: false, context: (n) => n ?? 'minikube' },
  { program: 'k3d', sub: ['cluster', 'create'], nameFlags: [], positional: true, context: (n) => `k3d-${n ?? 'k3s-default'}` },
];

/** The context a cluster-creation command writes, or undefined when it is none. */
export function contextCreatedBy(command: string): string | undefined {
  for (const c of parseCommandLine(command).commands) {
    const words = [c.program?.value, ...c.args.map((a) => a.value)].filter((w): w is string => w !== undefined);
    for (const creator of CREATORS) {
      if (words[0] !== creator.program || creator.sub.some((s, i) => words[i + 1] !== s)) continue;
      const rest = words.slice(1 + creator.sub.length);
      let name: string | undefined;
      for (let i = 0; i < rest.length; i++) {
        const w = rest[i]!;
        const eq = creator.nameFlags.find((f) => w.startsWith(`${f}=`));
        if (eq) name = w.slice(eq.length + 1);
        else if (creator.nameFlags.includes(w)) name = rest[++i];
        else if (creator.positional && !w.startsWith('-') && name === undefined) name = w;
      }
      return creator.context(name);
    }
  }
  return undefined;
}

/** Drops `--context X` when X is the context an earlier cluster-creation step of the page names. */
export function backendContext(command: string, steps: readonly Step[], index: number): { command: string; rewrites: Rewrite[] } {
  const made = new Set(
    steps
      .slice(0, index)
      .filter((s): s is CommandStep => s.kind === 'command')
      .map((s) => contextCreatedBy(s.command))
      .filter((c): c is string => c !== undefined),
  );
  if (made.size === 0) return { command, rewrites: [] };
  const rewrites: Rewrite[] = [];
  const out = command.replace(/(\s)--context(?:=|\s+)(["']?)([\w.:@/-]+)\2(?=\s|$)/g, (whole, space: string, _q: string, name: string) => {
    if (!made.has(name)) return whole;
    rewrites.push({
      kind: 'interactive',
      from: whole.trim(),
      to: '',
      reason: `context ${name} is the cluster an earlier step creates; the backend provides that cluster, so its own context is used`,
    });
    return space === '\n' ? space : '';
  });
  return { command: out, rewrites };
}
