/**
 * What a skipped step would have left behind, so that a later step failing for want of it is
 * reported as skipped (with the chain) rather than as a defect of its own: the files a command
 * names (`make keys KEY=/tmp/nginx.key`) and the objects it creates (`kubectl create configmap
 * nginxconfigmap …`).
 */
import { kubectlCall, parseCommandLine } from '../shell/index.js';

/** A skipped step and the names of what it would have produced. */
export interface SkippedProducer {
  line: number;
  reason: string;
  names: Set<string>;
}

const PATH_LIKE = /^(?:\.{0,2}\/)?[\w.-]+(?:\/[\w.-]+)*\.[A-Za-z0-9]{1,12}$|^\/[\w.-]+(?:\/[\w.-]+)+$/;

/** True for a name that is a file path (`made.txt`, `/tmp/nginx.key`), not an object name. */
export function isPathLike(name: string): boolean {
  return PATH_LIKE.test(name) && !name.startsWith('-');
}

/** kubectl create subcommands whose object name follows a type word (`create secret tls NAME`). */
const TYPED = new Set(['secret', 'service', 'svc']);

/** File paths and created object names a command mentions. */
export function producedNames(command: string): Set<string> {
  const names = new Set<string>();
  for (const c of parseCommandLine(command).commands) {
    const program = c.program?.value;
    const words = [...c.assignments, ...c.words, ...c.redirects.map((r) => r.target)].map((w) => w.value);
    for (const w of words) {
      const value = w.includes('=') ? w.slice(w.indexOf('=') + 1) : w;
      if (value !== program && PATH_LIKE.test(value) && !value.startsWith('-')) {
        names.add(value);
        // Output shows a file by its own name (`game.properties:` in a ConfigMap made from its folder).
        const base = value.split('/').pop()!;
        if (base !== value && /\.[A-Za-z0-9]{2,12}$/.test(base) && base.length >= 6) names.add(base);
      }
    }
    const call = kubectlCall(c);
    if (call) {
      const positional = [...call.path, ...call.positionals].map((w) => w.value);
      if (positional[0] === 'create' || positional[0] === 'run' || positional[0] === 'expose') {
        const skip = positional[0] === 'create' && TYPED.has(positional[1] ?? '') ? 3 : 2;
        const name = positional[skip];
        if (name && /^[a-z0-9][a-z0-9.-]*$/.test(name) && !name.includes('=')) names.add(name);
      }
    }
  }
  return names;
}

/** The first skipped producer whose names appear, as whole words, in `text`. */
export function dependsOn(text: string, producers: readonly SkippedProducer[]): SkippedProducer | undefined {
  for (const p of producers) {
    for (const name of p.names) {
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (new RegExp(`(?<![\\w./-])${escaped}(?![\\w/-]|\\.\\w)`).test(text)) return p;
    }
  }
  return undefined;
}
