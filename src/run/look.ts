/**
 * What the runner looks at before a step runs: the lesson shell's variables, working directory and
 * files, and the cluster's objects. Each is answered without starting a process where it can be —
 * the shell's state from the supervisor's state file (shell-state.ts), files on this machine's
 * disk, objects from a backend that holds them in-process (the simulator) — and otherwise asked
 * of the lesson shell, as a later step would see them.
 */
import { readFileSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, relative, resolve } from 'node:path';
import yaml from 'js-yaml';
import { shQuote } from '../shell/index.js';
import { internal } from './internal.js';
import { isCarriedName } from './shell-state.js';
import type { LessonContext } from './state.js';

/** The variables among `names` that the next step has set (empty or not), with their values. */
export async function shellValues(state: LessonContext, names: readonly string[]): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  if (names.length === 0) return values;
  const carried = names.every(isCarriedName) ? state.shell.carried() : null;
  if (carried) {
    for (const name of names) {
      const v = carried.variables.get(name);
      if (v) values.set(name, v.value);
    }
    return values;
  }
  const out = await internal(
    state,
    `for __kdt_v in ${names.join(' ')}; do [ -n "\${!__kdt_v+x}" ] && printf '%s=%s\\0' "$__kdt_v" "\${!__kdt_v}"; done; unset __kdt_v`,
  );
  for (const record of out.split('\0')) {
    const eq = record.indexOf('=');
    if (eq > 0) values.set(record.slice(0, eq), record.slice(eq + 1));
  }
  return values;
}

/** How a path is tested: `exists` as `[ -e ]`; `nonEmpty` as `[ -s ] || [ -d ]` (an empty file is as good as none). */
export type PathTest = 'exists' | 'nonEmpty';

/** True when `path` passes `test` on this machine's disk. */
function passes(path: string, test: PathTest): boolean {
  try {
    const s = statSync(path);
    return test === 'exists' || s.isDirectory() || s.size > 0;
  } catch {
    return false;
  }
}

/** True when `path` is under `dir` (or is it). */
function within(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The shell's working directory and which of `paths` (relative to it, or absolute) fail `test`
 * there. Confined, the lesson sees only its home and run folders at the paths this machine has;
 * anything else is asked of the shell.
 */
export async function missingPaths(state: LessonContext, paths: readonly string[], test: PathTest): Promise<{ cwd: string | undefined; missing: Set<string> }> {
  const carried = state.shell.carried();
  if (carried) {
    const confined = state.shellOptions.wrap !== undefined;
    const targets = paths.map((p) => resolve(carried.cwd, p));
    if (!confined || [carried.cwd, ...targets].every((t) => within(state.sandbox.home, t) || within(state.sandbox.run, t))) {
      return { cwd: carried.cwd, missing: new Set(paths.filter((p, i) => !passes(targets[i]!, test))) };
    }
  }
  const check = test === 'exists' ? '[ -e "$__kdt_f" ]' : '[ -s "$__kdt_f" ] || [ -d "$__kdt_f" ]';
  const out = await internal(state, `pwd; for __kdt_f in ${paths.map(shQuote).join(' ')}; do ${check} || echo "$__kdt_f"; done; unset __kdt_f`);
  const [cwd, ...missing] = out.split('\n').filter(Boolean);
  return { cwd, missing: new Set(missing) };
}

/** An object as `kubectl get -o json` lists it (the fields the runner reads). */
export interface ListedObject {
  kind?: string;
  metadata?: { name?: string; namespace?: string; deletionTimestamp?: string };
  spec?: Record<string, unknown>;
  [field: string]: unknown;
}

/** The namespace the lesson's kubectl uses by default: its kubeconfig's current context's, or undefined when that cannot be read here. */
function defaultNamespace(state: LessonContext): string | undefined {
  const carried = state.shell.carried();
  // Before any step, or after one that ended the shell, the shell has the environment it started with.
  const kubeconfig = carried ? carried.variables.get('KUBECONFIG') : { value: state.shellOptions.env['KUBECONFIG'] ?? '', exported: true };
  if (!kubeconfig?.exported || !kubeconfig.value || kubeconfig.value.includes(delimiter)) return undefined;
  try {
    const config = yaml.load(readFileSync(resolve(carried?.cwd ?? state.sandbox.home, kubeconfig.value), 'utf8')) as {
      'current-context'?: string;
      contexts?: { name?: string; context?: { namespace?: string } }[];
    } | null;
    const current = config?.['current-context'];
    if (!current) return undefined;
    const context = config.contexts?.find((c) => c.name === current);
    if (!context) return undefined;
    return context.context?.namespace || 'default';
  } catch {
    return undefined;
  }
}

/**
 * The objects of `resources` (`pods`, `deployments`) in `namespace`, or in the namespace the
 * lesson's kubectl uses by default, as `kubectl get <resources> -o json` lists them.
 */
export async function listObjects(state: LessonContext, resources: readonly string[], namespace?: string): Promise<ListedObject[]> {
  const list = state.session.listObjects;
  const ns = namespace ?? (list ? defaultNamespace(state) : undefined);
  if (list && ns) return list.call(state.session, resources, ns) as ListedObject[];
  const out = await internal(state, `kubectl get ${resources.join(',')}${namespace ? ` -n ${shQuote(namespace)}` : ''} -o json 2>/dev/null`);
  try {
    const parsed = JSON.parse(out) as { items?: ListedObject[] };
    return Array.isArray(parsed.items) ? parsed.items : [];
  } catch {
    return [];
  }
}
