/**
 * Output the prose attributes to a container ("produces the following output in the
 * `test-container` container:") after a command that only starts it (`kubectl create -f pod.yaml`,
 * `kubectl run x --image=… -- cmd`): which container's log it is, read from the command and the
 * manifests it reads.
 */
import { loadAll } from 'js-yaml';
import type { ContainerLog, ManifestStep } from '../plan/types.js';
import { firstKubectlCall, flagValue, hasFlag } from '../shell/index.js';
import type { ContainerCue } from './cue.js';
import { LOGGED_KINDS, POD_STARTING_VERBS } from './data/container-cues.js';

interface Container {
  name: string;
  runs: string;
}

interface Started {
  target: string;
  namespace?: string;
  containers: Container[];
}

/**
 * The container log the output is, or undefined when the command is not one that only starts a
 * pod (`kubectl logs`, `kubectl exec`, `kubectl run -it` print the container's output themselves:
 * the output stays theirs). `unknown` says why the pod or container cannot be told.
 */
export function containerLogOf(command: string, manifests: readonly ManifestStep[], cue: ContainerCue): ContainerLog | undefined {
  const call = firstKubectlCall(command);
  const verb = call?.path[0]?.value;
  if (!call || !verb || !POD_STARTING_VERBS.has(verb)) return undefined;
  if (verb === 'run' && hasFlag(call, '-i', '--stdin', '-t', '--tty', '--attach', '--rm')) return undefined;
  const namespace = flagValue(call, '-n', '--namespace');
  let started: Started[];
  if (verb === 'run') {
    const name = call.positionals[0]?.value;
    if (!name) return { unknown: 'the command does not name the pod it runs' };
    const runs = (call.afterDashDash ?? []).map((w) => w.value).join(' ');
    started = [{ target: `pod/${name}`, ...(namespace ? { namespace } : {}), containers: [{ name, runs }] }];
  } else {
    if (manifests.length === 0) return { unknown: 'the command reads no manifest the page shows' };
    const missing = manifests.find((m) => m.content === null);
    if (missing) return { unknown: `the manifest ${missing.examplePath ?? missing.file ?? ''} is not available` };
    started = manifests.flatMap((m) => objectsWithPods(m.content!, namespace));
  }
  if (started.length === 0) return { unknown: 'the manifests the command reads start no pod' };
  // The object whose containers the prose names (by name, or by the command one runs).
  const fits = started.filter((s) => s.containers.some((c) => named(c, cue)));
  const candidates = cue.name || cue.command ? fits : started;
  if (candidates.length !== 1) {
    const which = cue.name ? `a container named ${cue.name}` : cue.command ? `a container running \`${cue.command}\`` : 'one pod';
    return { unknown: `the command starts ${started.map((s) => s.target).join(', ')}; ${candidates.length === 0 ? 'none has' : 'more than one has'} ${which}` };
  }
  const object = candidates[0]!;
  const matching = object.containers.filter((c) => named(c, cue));
  const container = matching.length === 1 ? matching[0] : object.containers.length === 1 ? object.containers[0] : undefined;
  if (!container)
    return { unknown: `${object.target} has containers ${object.containers.map((c) => c.name).join(', ')}; the prose does not say which prints it` };
  return { target: object.target, ...(object.namespace ? { namespace: object.namespace } : {}), container: container.name };
}

/** True when the cue names this container, or the command it says the container runs is this one's. */
function named(c: Container, cue: ContainerCue): boolean {
  if (cue.name) return c.name === cue.name;
  if (cue.command) return squash(c.runs).includes(squash(cue.command));
  return true;
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

interface ContainerSpec {
  name?: unknown;
  command?: unknown;
  args?: unknown;
}
interface ObjectLike {
  kind?: unknown;
  metadata?: { name?: unknown; namespace?: unknown };
  spec?: { containers?: ContainerSpec[]; template?: { spec?: { containers?: ContainerSpec[] } } };
}

/** The objects of a manifest whose pods `kubectl logs` can read, with their containers. */
function objectsWithPods(content: string, namespace: string | undefined): Started[] {
  let docs: unknown[];
  try {
    docs = loadAll(content);
  } catch {
    return [];
  }
  const out: Started[] = [];
  for (const d of docs) {
    const o = d as ObjectLike | null;
    const kind = typeof o?.kind === 'string' ? LOGGED_KINDS.get(o.kind) : undefined;
    const name = o?.metadata?.name;
    if (!o || !kind || typeof name !== 'string') continue;
    const specs = (kind === 'pod' ? o.spec?.containers : o.spec?.template?.spec?.containers) ?? [];
    const containers = specs
      .filter((c): c is ContainerSpec & { name: string } => typeof c.name === 'string')
      .map((c) => ({ name: c.name, runs: [...words(c.command), ...words(c.args)].join(' ') }));
    const ns = typeof o.metadata?.namespace === 'string' ? o.metadata.namespace : namespace;
    out.push({ target: `${kind}/${name}`, ...(ns ? { namespace: ns } : {}), containers });
  }
  return out;
}

function words(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((w): w is string => typeof w === 'string') : [];
}
