/**
 * What a skipped step would have left behind, so that a later step failing for want of it is
 * reported as skipped (with the chain) rather than as a defect of its own: the files a command
 * names (`make keys KEY=/tmp/nginx.key`) and the objects it creates (`kubectl create configmap
 * nginxconfigmap …`).
 */
import { accountLogin } from '../plan/account.js';
import { flagValue, kindOf, kubectlCall, parseCommandLine, variablesSet, writtenFiles } from '../shell/index.js';

/** A skipped step and the names of what it would have produced. */
export interface SkippedProducer {
  line: number;
  reason: string;
  names: Set<string>;
  /**
   * Objects it would have created (`mongo` of `deployment.apps/mongo created`). Besides the bare
   * name they are read as `kind/name` and through the objects their controllers name after them
   * (`mongo-75f59d57f4` ReplicaSets, `mongo-75f59d57f4-4nd6q` Pods, `web-0`, `pi-x7k2p`).
   */
  objects?: Set<string>;
  /**
   * The kind words of its objects, by name (`deployment` of `deployment.apps/my-nginx created`),
   * when the output announcing them named one: an object of another kind with the same name is
   * another object.
   */
  kinds?: Map<string, Set<string>>;
  /**
   * Names of objects the step would have changed, not made (the pod `kubectl debug` adds an
   * ephemeral container to): only a later step that reads them depends on it, not one that
   * deletes or makes them afresh.
   */
  changed?: Set<string>;
  /**
   * Workloads whose pods' output follows what the step would have changed (the Deployments that
   * mount or import an edited ConfigMap): only a later step that reads that output (`logs`,
   * `exec`, `attach`, `cp`) depends on it, not one that reads or drives the workload itself.
   */
  outputOf?: Set<string>;
  /**
   * Programs its install would have put on PATH (`nslookup` of `apt-get install dnsutils`): a later
   * step depends on it when its output says one of them is not found.
   */
  programs?: Set<string>;
  /**
   * What it would have made is not known: it applies a file that is neither shown nor available
   * (`kubectl apply -f <a file of another repository>`). A listed row naming no object of the page
   * may be one of its objects.
   */
  unknownObjects?: boolean;
  /** The step was unchecked (its outcome cannot be known here), not skipped. */
  unchecked?: boolean;
  /**
   * The step ran and failed (it is not skipped): its names are the files and folders it would have
   * made, and a later step depends on it only when one of them is really missing.
   */
  failed?: boolean;
}

/** How a dependent step's reason names the step it depends on. */
export function dependencyReason(p: SkippedProducer): string {
  return p.failed ? `depends on line ${p.line}, which failed` : `depends on line ${p.line}, which was skipped: ${p.reason}`;
}

/**
 * The producers that were skipped or unchecked (not the failed ones, whose absence is checked on
 * disk), without the objects that are there all the same: an object a step that ran made (and no
 * step that ran deleted since) is not missing because another step that would also have made it
 * was skipped.
 */
export function skippedOnly(producers: readonly SkippedProducer[], present?: PresentObjects): SkippedProducer[] {
  return stillMissing(
    producers.filter((p) => !p.failed),
    present,
  );
}

/** The producers without the objects that are present (see {@link skippedOnly}). */
export function stillMissing(producers: readonly SkippedProducer[], present?: PresentObjects): SkippedProducer[] {
  return present && present.size ? producers.map((p) => withoutPresent(p, present)) : [...producers];
}

/** Objects known to exist, as `kind/name` and as the bare name (the kind word without its group, singular). */
export type PresentObjects = ReadonlySet<string>;

/** The producer without the objects that are present (by kind and name when it knows the kind, else by name). */
function withoutPresent(p: SkippedProducer, present: PresentObjects): SkippedProducer {
  const isPresent = (name: string): boolean => {
    const kinds = p.kinds?.get(name);
    return kinds?.size ? [...kinds].some((k) => present.has(`${kindOf(k)}/${name}`)) : present.has(name);
  };
  const objects = new Set([...(p.objects ?? [])].filter((n) => !isPresent(n)));
  // An object name among the names (`kubectl create deployment web`), not a file or a variable.
  const names = new Set([...p.names].filter((n) => isPathLike(n) || n.startsWith('$') || !present.has(n)));
  if (objects.size === (p.objects?.size ?? 0) && names.size === p.names.size) return p;
  return { ...p, names, ...(p.objects ? { objects } : {}) };
}

/** Result words of kubectl that say the object is there after the command. */
const THERE = 'created|configured|unchanged|serverside-applied|replaced|scaled|labeled|annotated|patched|edited|autoscaled|exposed|restarted|image updated';

/** `kind/name <verb>` or `kind "name" <verb>` lines, for the verbs given. */
const resultLines = (verbs: string): RegExp =>
  new RegExp(`^(?:([a-z][\\w.-]*)\\/([a-z0-9][a-z0-9.-]*)|([a-z][\\w.-]*) "([a-z0-9][a-z0-9.-]*)") (${verbs})\\b`, 'gm');

/**
 * The objects present after the commands that ran, in order: each `kind/name created|configured|…`
 * line adds its object, each `… deleted` line removes it (a failed command's lines count too: kubectl
 * prints one per object it handled).
 */
export function presentObjects(ran: readonly { output: string }[]): Set<string> {
  const present = new Set<string>();
  const lines = resultLines(`${THERE}|deleted`);
  for (const r of ran) {
    for (const m of r.output.matchAll(lines)) {
      const kind = kindOf((m[1] ?? m[3])!);
      const name = (m[2] ?? m[4])!;
      if (m[5] === 'deleted') {
        present.delete(`${kind}/${name}`);
        // The bare name stays while an object of another kind has it.
        if (![...present].some((o) => o.endsWith(`/${name}`))) present.delete(name);
      } else {
        present.add(`${kind}/${name}`);
        present.add(name);
      }
    }
  }
  return present;
}

/**
 * Objects a command's own output shows were there when it ran: a result line for one (`deployment.apps
 * "web" deleted`, `pod/web labeled`). A difference naming such an object is not explained by a
 * skipped step that would have made it.
 */
export function shownPresent(output: string): Set<string> {
  const present = new Set<string>();
  for (const m of output.matchAll(resultLines(`${THERE}|deleted`))) {
    const name = (m[2] ?? m[4])!;
    present.add(`${kindOf((m[1] ?? m[3])!)}/${name}`);
    present.add(name);
  }
  return present;
}

/**
 * The files and folders a command writes by name, for a later step that uses them: its
 * redirections and what the command model's table of file writers says of its programs
 * (`tee`, `mkdir`, `touch`, a download's output, `openssl -out`, the folder `git clone` makes).
 * Not the files it reads.
 */
export function createdPaths(command: string): Set<string> {
  const paths = new Set<string>();
  for (const c of parseCommandLine(command).commands) {
    for (const p of writtenFiles(c).paths) if (/^[\w./~-]+$/.test(p) && !p.startsWith('-') && !p.startsWith('/dev/')) paths.add(p);
  }
  return paths;
}

/** kubectl verbs that read what a pod's containers print or hold. */
const READS_OUTPUT = new Set(['logs', 'exec', 'attach', 'cp']);

/** kubectl verbs that make or remove an object whatever an earlier change to it was. */
const REMAKES = new Set(['delete', 'run', 'create', 'apply', 'replace']);

/**
 * What a skipped `kubectl debug` or `kubectl edit` would have changed: the pod `debug` adds an
 * ephemeral container to (when no copy is made), the object `edit` opens.
 */
export function changedNames(command: string): Set<string> {
  const names = new Set<string>();
  for (const c of parseCommandLine(command).commands) {
    const call = kubectlCall(c);
    const positional = call ? [...call.path, ...call.positionals].map((w) => w.value) : [];
    if (call && positional[0] === 'edit') {
      for (const t of editTargets(positional.slice(1))) names.add(t.name);
      continue;
    }
    if (!call || positional[0] !== 'debug' || flagValue(call, '--copy-to') !== undefined || /^nodes?\//.test(positional[1] ?? '')) continue;
    const target = positional[1]?.replace(/^(?:pods?|po)\//, '');
    if (target && /^[a-z0-9][a-z0-9.-]*$/.test(target)) names.add(target);
  }
  return names;
}

const NAME = /^[a-z0-9][a-z0-9.-]*$/;

/** The objects `kubectl edit` arguments name: `TYPE NAME…` or `TYPE/NAME…`. */
function editTargets(args: readonly string[]): { type: string; name: string }[] {
  const targets: { type: string; name: string }[] = [];
  if (args[0] && !args[0].includes('/')) {
    const type = args[0].toLowerCase();
    for (const name of args.slice(1)) if (NAME.test(name)) targets.push({ type, name });
    return targets;
  }
  for (const a of args) {
    const slash = a.indexOf('/');
    const name = a.slice(slash + 1);
    if (slash > 0 && NAME.test(name)) targets.push({ type: a.slice(0, slash).toLowerCase(), name });
  }
  return targets;
}

/** Resource words of the objects whose content workloads read (`configmap`, `cm`, `secrets`, `configmaps.v1`). */
const CONSUMED: Record<string, 'configMap' | 'secret'> = {
  configmap: 'configMap',
  configmaps: 'configMap',
  cm: 'configMap',
  secret: 'secret',
  secrets: 'secret',
};

/** The ConfigMaps and Secrets a `kubectl edit` command opens (their content is read by the workloads that mount or import them). */
export function editedConfig(command: string): { kind: 'configMap' | 'secret'; name: string }[] {
  const found: { kind: 'configMap' | 'secret'; name: string }[] = [];
  for (const c of parseCommandLine(command).commands) {
    const call = kubectlCall(c);
    const positional = call ? [...call.path, ...call.positionals].map((w) => w.value) : [];
    if (positional[0] !== 'edit') continue;
    for (const t of editTargets(positional.slice(1))) {
      const kind = CONSUMED[t.type.split('.')[0]!];
      if (kind) found.push({ kind, name: t.name });
    }
  }
  return found;
}

interface PodSpecLike {
  volumes?: {
    configMap?: { name?: string };
    secret?: { secretName?: string };
    projected?: { sources?: { configMap?: { name?: string }; secret?: { name?: string } }[] };
  }[];
  containers?: ContainerLike[];
  initContainers?: ContainerLike[];
}
interface ContainerLike {
  env?: { valueFrom?: { configMapKeyRef?: { name?: string }; secretKeyRef?: { name?: string } } }[];
  envFrom?: { configMapRef?: { name?: string }; secretRef?: { name?: string } }[];
}

/** The names a pod spec reads ConfigMaps or Secrets by (volumes, projected sources, env, envFrom). */
function readsConfig(spec: PodSpecLike, kind: 'configMap' | 'secret'): Set<string> {
  const names = new Set<string>();
  const add = (n: string | undefined): void => void (n && names.add(n));
  for (const v of spec.volumes ?? []) {
    add(kind === 'configMap' ? v.configMap?.name : v.secret?.secretName);
    for (const s of v.projected?.sources ?? []) add(kind === 'configMap' ? s.configMap?.name : s.secret?.name);
  }
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    for (const e of c.env ?? []) add(kind === 'configMap' ? e.valueFrom?.configMapKeyRef?.name : e.valueFrom?.secretKeyRef?.name);
    for (const e of c.envFrom ?? []) add(kind === 'configMap' ? e.configMapRef?.name : e.secretRef?.name);
  }
  return names;
}

/**
 * The objects whose pods read an edited ConfigMap or Secret, from a `kubectl get … -o json` list
 * (its text or its parsed form; Deployments, StatefulSets, DaemonSets, Jobs, Pods): what they show (a mounted file, a variable
 * picked up on restart) follows the edit, so they count as changed by it too.
 */
export function consumersOf(listJson: string | { items?: readonly unknown[] }, edited: readonly { kind: 'configMap' | 'secret'; name: string }[]): Set<string> {
  const names = new Set<string>();
  let list: { items?: { kind?: string; metadata?: { name?: string }; spec?: PodSpecLike & { template?: { spec?: PodSpecLike } } }[] };
  try {
    list = (typeof listJson === 'string' ? JSON.parse(listJson) : listJson) as typeof list;
  } catch {
    return names;
  }
  for (const item of list.items ?? []) {
    const spec = item.kind === 'Pod' ? item.spec : item.spec?.template?.spec;
    const name = item.metadata?.name;
    if (!spec || !name) continue;
    if (edited.some((e) => readsConfig(spec, e.kind).has(e.name))) names.add(name);
  }
  return names;
}

/** The producers a command depends on by what it reads: changes count only for steps that do not remake the object. */
export function readable(command: string, producers: readonly SkippedProducer[], includeChanged = true): SkippedProducer[] {
  producers = withoutMadeBy(command, producers);
  const verbs = parseCommandLine(command).commands.map((c) => kubectlCall(c)?.path[0]?.value ?? '');
  const remakes = verbs.some((v) => REMAKES.has(v));
  const readsOutput = verbs.some((v) => READS_OUTPUT.has(v));
  producers = producers.map((p) => (p.outputOf?.size && readsOutput ? { ...p, objects: new Set([...(p.objects ?? []), ...p.outputOf]) } : p));
  // Read as objects: by name, as kind/name (`deployment/web`) and through their children (`web-7d4b9c-x2x5q`).
  return producers.map((p) => (p.changed?.size && !remakes && includeChanged ? { ...p, objects: new Set([...(p.objects ?? []), ...p.changed]) } : p));
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
  // A sign-in leaves its credentials file (`docker login` → ~/.docker/config.json).
  const names = new Set<string>(accountLogin(command)?.writes ?? []);
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
      // `kubectl debug pod --copy-to=copy` makes the copy (without it the pod is changed: changedNames).
      if (positional[0] === 'debug') {
        const copy = flagValue(call, '--copy-to');
        if (copy && /^[a-z0-9][a-z0-9.-]*$/.test(copy)) names.add(copy);
      }
      if (positional[0] === 'create' || positional[0] === 'run' || positional[0] === 'expose') {
        // `run NAME`, `create KIND NAME`, `create secret TYPE NAME`, `expose KIND NAME`.
        const skip = positional[0] === 'run' ? 1 : positional[0] === 'create' && TYPED.has(positional[1] ?? '') ? 3 : 2;
        const name = positional[skip];
        if (name && /^[a-z0-9][a-z0-9.-]*$/.test(name) && !name.includes('=')) names.add(name);
        // `expose … --name=svc`: the Service is named by the flag, not after the exposed object (expose.go).
        const service = positional[0] === 'expose' ? flagValue(call, '--name') : undefined;
        if (service && /^[a-z0-9][a-z0-9.-]*$/.test(service)) names.add(service);
      }
    }
  }
  // A shell variable it sets (`grace=$(kubectl get pod …)`): a later `sleep $grace` reads it.
  // Given a value: `export A` alone makes nothing a later step could miss.
  for (const [v, how] of variablesSet(command)) {
    if (!how.valued) continue;
    names.add(`$${v}`);
    names.add(`\${${v}}`);
  }
  return names;
}

/**
 * `kind/name created|configured|unchanged` lines of the output a step shows: the objects it makes.
 * Pages written for kubectl before 1.x show `service "name" created`: the same objects.
 */
const MADE = /^(?:([a-z][\w.-]*)\/([a-z0-9][a-z0-9.-]*)|([a-z][\w.-]*) "([a-z0-9][a-z0-9.-]*)") (created|configured|unchanged|serverside-applied)\b/gm;

/** The objects an output announces: kind word (`service`, `deployment.apps`), name and what happened. */
function announced(output: string): { kind: string; name: string; verb: string }[] {
  return [...output.matchAll(MADE)].map((m) => ({ kind: (m[1] ?? m[3])!, name: (m[2] ?? m[4])!, verb: m[5]! }));
}

/** The names of the objects an apply/create output line announces (`service/mongo created` → mongo). */
export function createdObjects(output: string): Set<string> {
  return new Set(announced(output).map((a) => a.name));
}

/** The kind words of the objects an output announces as made anew, by name. */
export function newObjectKinds(output: string): Map<string, Set<string>> {
  const kinds = new Map<string, Set<string>>();
  for (const a of announced(output)) if (a.verb === 'created') kinds.set(a.name, new Set([...(kinds.get(a.name) ?? []), kindOf(a.kind)]));
  return kinds;
}

/** The names of the objects an output announces as made anew (`configmap/game-config-4-m9dm2f92bt created`), not changed. */
export function newObjects(output: string): Set<string> {
  return new Set(
    announced(output)
      .filter((a) => a.verb === 'created')
      .map((a) => a.name),
  );
}

/**
 * Names derived from the Services an output announces as made: the variables the kubelet gives
 * the containers started after them (`RABBITMQ_SERVICE_SERVICE_HOST`, `…_SERVICE_PORT`, `…_PORT…`,
 * per Kubernetes' service environment variables). A step that misses one depends on that Service.
 */
export function serviceDerivedNames(output: string): Set<string> {
  const names = new Set<string>();
  for (const a of announced(output)) {
    if (a.verb !== 'created' || !/^(?:services?|svc)(?:\.v1)?$/.test(a.kind)) continue;
    const env = a.name.toUpperCase().replaceAll('-', '_').replaceAll('.', '_');
    names.add(`${env}_SERVICE_*`);
    names.add(`${env}_PORT`);
    names.add(`${env}_PORT_*`);
  }
  return names;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Suffixes controllers append to their object's name: a pod-template hash (ReplicaSet), then a
 * 5-character id (Pod); a StatefulSet ordinal; a Job's or DaemonSet's 5-character id. A hash has a
 * digit and an id has a digit or no vowel (Kubernetes draws them from consonants and digits), so
 * `mongo-service` or `nginx-ingress` are other objects, not children of `mongo` or `nginx`.
 */
const ID = '(?:(?=[a-z]*\\d)[a-z0-9]{5}|[b-df-hj-np-tv-xz]{5})';
const GENERATED = `(?:-(?=[a-z]*\\d)[a-z0-9]{6,10}(?:-${ID})?|-${ID}|-\\d+)?`;

/** A shell's or kubectl exec's word that a program is not there: `sh: amqp-publish: not found`, `exec: "nslookup": executable file not found`. */
const notFound = (program: string): RegExp => {
  // `amqp*`: the program `amqp` or any `amqp-…` (the programs of a package the catalog does not know).
  const name = program.endsWith('*') ? `${escape(program.slice(0, -1))}(?:-[\\w.+-]*)?` : escape(program);
  return new RegExp(`(?:^|[\\s:/])${name}: (?:command )?not found\\b|exec: "(?:[\\w/.-]*/)?${name}": executable file not found`, 'm');
};

/**
 * The skipped install whose program the command runs and the output says is not there: nothing
 * the step shows could have come, so every difference follows from that step.
 */
export function missingProgram(command: string, output: string, producers: readonly SkippedProducer[]): SkippedProducer | undefined {
  const runs = (program: string): boolean => {
    const name = program.endsWith('*') ? `${escape(program.slice(0, -1))}(?:-[\\w.+-]*)?` : escape(program);
    return new RegExp(`(?:^|[\\s;|&(/'"])${name}(?=$|[\\s;|&)'"])`).test(command);
  };
  return producers.find((p) => [...(p.programs ?? [])].some((program) => notFound(program).test(output) && runs(program)));
}

/** The first skipped producer whose names appear, as whole words, in `text`. */
export function dependsOn(text: string, producers: readonly SkippedProducer[]): SkippedProducer | undefined {
  for (const p of producers) {
    for (const program of p.programs ?? []) if (notFound(program).test(text)) return p;
    for (const name of p.names) {
      // `RABBITMQ_SERVICE_*`: a family of variables (`…_SERVICE_HOST`, `…_PORT_5672_TCP_ADDR`).
      const word = name.endsWith('_*') ? `${escape(name.slice(0, -1))}\\w+` : escape(name);
      if (new RegExp(`(?<![\\w./-])${word}(?![\\w/-]|\\.\\w)`).test(text)) return p;
    }
    for (const name of p.objects ?? []) {
      if (new RegExp(`(?<![\\w.-])(?:(?<=(?<![\\w./-])[a-z][\\w.]*/)|(?<!/))${escape(name)}${GENERATED}(?![\\w/-]|\\.\\w)`).test(text)) return p;
    }
  }
  return undefined;
}

/**
 * The producers without the objects this command makes itself (`kubectl run mysql-client …` after
 * a skipped `kubectl run mysql-client …`): a step that makes an object afresh does not read it.
 */
export function withoutMadeBy(command: string, producers: readonly SkippedProducer[]): SkippedProducer[] {
  const made = [...producedNames(command)].filter((n) => !isPathLike(n));
  if (made.length === 0) return [...producers];
  return producers.map((p) => ({ ...p, names: new Set([...p.names].filter((n) => !made.includes(n))) }));
}

/** True for a command that applies, creates or replaces objects from files (`kubectl apply -f x.yaml`, `-k dir`). */
export function appliesFiles(command: string): boolean {
  return parseCommandLine(command).commands.some((c) => {
    const call = kubectlCall(c);
    const verb = call?.path[0]?.value ?? '';
    return !!call && /^(?:apply|create|replace)$/.test(verb) && ['-f', '--filename', '-k', '--kustomize'].some((f) => call.flags.has(f));
  });
}

/** The first word of a listed row (`guestbook-fe-4nlpb   1/1   Running`): the object's name, when it looks like one. */
export function rowName(line: string): string | undefined {
  const first = line.trim().split(/\s+/)[0] ?? '';
  const name = first.replace(/^[a-z][\w.]*\//, '');
  return /^[a-z0-9][a-z0-9.-]*$/.test(name) && /[a-z]/.test(name) ? name : undefined;
}
