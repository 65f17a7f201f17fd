/**
 * Pods whose programs the simulator does not model. A container (or its exec probe) that runs a
 * program its image profile does not have, or that the simulated commands do not implement
 * (`ncat` and `xtrabackup` in an image the simulator does not know, `mysql -e` queries), cannot
 * behave as on a cluster: such a pod that is not Ready, the pods its StatefulSet has not made yet
 * behind it, and the Services that select it, cannot be checked. The runner asks after a step
 * failed; a step that names one of them is unchecked with the reason.
 */
import { parseCommandLine, SHELL_BUILTINS } from '../../shell/index.js';
import { canRun } from './runtime/images/can-run.js';
import { profileFor } from './runtime/images/index.js';
import { RELEASE_SHOWN } from './runtime/images/releases.js';
import type { Api } from './api/types.js';
import type { InternetLookup } from './runtime/hooks.js';
import type { KObject } from './types.js';
import { serviceSelector } from './controllers/service-pods.js';
import { mapSelectorMatches, selectorMatches, type LabelSelector } from './controllers/util.js';
import { unenforcedProfile } from './unenforced-profiles.js';

/**
 * The programs a container command runs: its first word, and for `sh -c`/`bash -c` scripts the
 * program of every simple command of the script, read by the command model (in loops,
 * conditions and `$(…)` too), less the shell's own builtins.
 */
export function programsOf(argv: readonly string[]): string[] {
  if (!argv.length) return [];
  const first = argv[0]!.split('/').pop()!;
  const script = ['sh', 'bash', 'ash', 'dash'].includes(first) && argv.includes('-c') ? argv[argv.indexOf('-c') + 1] : undefined;
  if (script === undefined) return [first];
  const found = new Set<string>();
  for (const c of parseCommandLine(script).commands) {
    // `$(<file)` and `[[ … ]]` are the shell's own; `"$CMD"` names no program we can know.
    if (c.program && !SHELL_BUILTINS.has(c.name) && /^[A-Za-z][\w.+-]*$/.test(c.name)) found.add(c.name);
  }
  return [...found];
}

interface Container {
  name?: string;
  image?: string;
  command?: string[];
  args?: string[];
  readinessProbe?: { exec?: { command?: string[] } };
  livenessProbe?: { exec?: { command?: string[] } };
  startupProbe?: { exec?: { command?: string[] } };
}

/** Why a pod spec's containers cannot run as on a cluster here, or undefined. */
export function unmodelledProgram(spec: { initContainers?: Container[]; containers?: Container[] }): string | undefined {
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    if (!c.image) continue;
    const runs = [startedArgv(c), c.readinessProbe?.exec?.command, c.livenessProbe?.exec?.command, c.startupProbe?.exec?.command];
    for (const argv of runs) {
      for (const program of programsOf(argv ?? [])) {
        const can = canRun(c.image, program);
        if (!can.ok) return `container ${c.name ?? '?'} (image ${c.image}) runs ${program}: ${can.reason}`;
      }
    }
  }
  return undefined;
}

/**
 * The program line a container's own fields choose: `command` and `args`; with only `args`, the
 * image's entrypoint runs with them (`args: [-cpus, "2"]` on vish/stress starts `/stress -cpus 2`,
 * not a program called `-cpus`), and that entrypoint is the image's, which its profile models.
 */
function startedArgv(c: Container): string[] {
  if (c.command?.length) return [...c.command, ...(c.args ?? [])];
  const profile = profileFor(c.image ?? '');
  if (!profile.generic && profile.entrypoint?.length) return [];
  return c.args ?? [];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function finishedPod(pod: KObject): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

function ready(pod: KObject): boolean {
  const conditions = (pod.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

/** What a step may name that the simulator cannot run as on a cluster: names, name patterns and why. */
export interface UnmodelledObject {
  /** A pod or Service name, or a pattern for the pods a StatefulSet has not made yet. */
  name: string | RegExp;
  reason: string;
  /** Named only by the command (a claim the StatefulSet would make): the doc's listings of such objects stay checked. */
  commandOnly?: boolean;
  /** Only for a command like this one (a Job's `kubectl logs`: its status follows the image's rules, its output cannot). */
  command?: RegExp;
  /**
   * A state the simulator cannot reach (a pod that never becomes Ready, the pods its StatefulSet
   * never makes): it explains what the page shows of those objects later too, after they are gone.
   */
  blocked?: boolean;
  /** Only where the doc's or the actual output shows this (a distribution release). */
  shows?: RegExp;
}

/**
 * The not-Ready pods whose programs are not modelled (finished ones included), the Jobs that own
 * them (for their logs), the later pods of their StatefulSets, and the Services selecting them.
 */
export function unmodelledObjects(api: Pick<Api, 'resolve' | 'list'>, internet: readonly InternetLookup[] = []): UnmodelledObject[] {
  const podType = api.resolve('pods');
  if (!podType) return [];
  const out: UnmodelledObject[] = [];
  // A pod that looked up a name on the internet: what it fetched, and what followed, is not a cluster's.
  for (const l of internet) {
    const pod = api.list(podType, l.namespace).items.find((p) => p.metadata.name === l.pod);
    const reason = `pod ${l.pod} looked up ${l.names.join(', ')} on the internet, which the simulator does not reach: what it fetched there is not simulated (use --backend kind)`;
    const jobs = (pod?.metadata.ownerReferences ?? []).filter((o) => o.kind === 'Job').map((o) => o.name);
    for (const name of [l.pod, ...jobs, ...(pod ? deploymentOf(api, pod) : [])]) out.push({ name, reason });
  }
  out.push(...unknownServers(api, podType), ...ingressHosts(api));
  out.push(...unknownReleases(api.list(podType, undefined).items));
  // A pod confined by a profile the node would load (seccomp, AppArmor): its status is not a cluster's.
  for (const pod of api.list(podType, undefined).items) {
    const reason = pod.metadata.deletionTimestamp ? undefined : unenforcedProfile(pod);
    if (reason) for (const name of [pod.metadata.name!, ...deploymentOf(api, pod)]) out.push({ name, reason: `${reason} (use --backend kind)` });
  }
  const stuck: KObject[] = [];
  for (const pod of api.list(podType, undefined).items) {
    if (pod.metadata.deletionTimestamp) continue;
    const why = unmodelledProgram((pod.spec ?? {}) as { containers?: Container[] });
    if (!why) continue;
    if (ready(pod)) {
      // Ready as the image's rules say, but what its program prints is not a cluster's.
      const reason = `pod ${pod.metadata.name} runs a program the simulator does not model, so its logs are not a cluster's: ${why}`;
      for (const name of [pod.metadata.name!, ...deploymentOf(api, pod)]) out.push({ name, reason, commandOnly: true, command: /\blogs\b/ });
      continue;
    }
    const phase = (pod.status as { phase?: string } | undefined)?.phase;
    const finished = phase === 'Succeeded' || phase === 'Failed';
    const reason = finished
      ? `pod ${pod.metadata.name} ran a program the simulator does not model, so its output and outcome are not a cluster's: ${why}`
      : `pod ${pod.metadata.name} cannot become Ready in the simulator: ${why}`;
    stuck.push(pod);
    out.push({ name: pod.metadata.name!, reason, blocked: !finished });
    // A Job's outcome and its logs (`kubectl logs job/x`) are its pods' programs' outcome and output.
    const job = (pod.metadata.ownerReferences ?? []).find((o) => o.kind === 'Job');
    if (job) out.push({ name: job.name, reason: `${reason}; Job ${job.name} runs it`, commandOnly: true, command: /\blogs\b/ });
    const owner = (pod.metadata.ownerReferences ?? []).find((o) => o.kind === 'StatefulSet');
    if (owner) {
      const later = `${reason}; the pods of StatefulSet ${owner.name} depend on it`;
      out.push({ name: new RegExp(`^${escape(owner.name)}-\\d+$`), reason: later, blocked: !finished });
      // Its rollout (`kubectl rollout status sts/zk`, `kubectl wait`) waits for pods that never become Ready.
      out.push({ name: owner.name, reason: later, commandOnly: true, command: /\brollout\s+status\b|\bwait\b/, blocked: !finished });
      // The claims of the pods the StatefulSet has not made yet: <template>-<statefulset>-<ordinal>.
      const stsType = api.resolve('statefulsets', 'apps');
      const sts = stsType ? api.list(stsType, pod.metadata.namespace).items.find((o) => o.metadata.name === owner.name) : undefined;
      const templates = ((sts?.spec as { volumeClaimTemplates?: { metadata?: { name?: string } }[] } | undefined)?.volumeClaimTemplates ?? [])
        .map((t) => t.metadata?.name)
        .filter((n): n is string => !!n);
      for (const t of templates) out.push({ name: new RegExp(`^${escape(t)}-${escape(owner.name)}-\\d+$`), reason: later, commandOnly: true });
    }
  }
  out.push(...unknownImageJobs(api, podType));
  const svcType = api.resolve('services');
  if (svcType && stuck.length) {
    for (const svc of api.list(svcType, undefined).items) {
      // A headless Service is addressed through its pods' own names (`mysql-0.mysql`).
      if ((svc.spec as { clusterIP?: string } | undefined)?.clusterIP === 'None') continue;
      const selector = serviceSelector(svc);
      if (!selector) continue;
      const pod = stuck.find((p) => p.metadata.namespace === svc.metadata.namespace && mapSelectorMatches(selector, p.metadata.labels));
      if (pod)
        out.push({
          name: svc.metadata.name!,
          reason: `Service ${svc.metadata.name} selects pod ${pod.metadata.name}, which cannot become Ready in the simulator: ${unmodelledProgram((pod.spec ?? {}) as { containers?: Container[] })}`,
        });
    }
  }
  out.push(...budgetsOver(api, stuck));
  return out;
}

/**
 * PodDisruptionBudgets selecting a pod that cannot become Ready: the disruption controller counts
 * only Ready pods as healthy (countHealthyPods), so their status (ALLOWED DISRUPTIONS, currentHealthy)
 * follows from that pod. Blocked: the budget's status stays so for the rest of the page.
 */
function budgetsOver(api: Pick<Api, 'resolve' | 'list'>, stuck: readonly KObject[]): UnmodelledObject[] {
  const type = stuck.length ? api.resolve('poddisruptionbudgets', 'policy') : undefined;
  if (!type) return [];
  const out: UnmodelledObject[] = [];
  for (const pdb of api.list(type, undefined).items) {
    const selector = (pdb.spec as { selector?: LabelSelector } | undefined)?.selector;
    const pod = stuck.find((p) => p.metadata.namespace === pdb.metadata.namespace && !finishedPod(p) && selectorMatches(selector, p.metadata.labels));
    if (pod)
      out.push({
        name: pdb.metadata.name!,
        reason: `PodDisruptionBudget ${pdb.metadata.name} selects pod ${pod.metadata.name}, which cannot become Ready in the simulator, so the budget counts it unhealthy: ${unmodelledProgram((pod.spec ?? {}) as { containers?: Container[] })}`,
        blocked: true,
      });
  }
  return out;
}

/** What a step asks of a Job whose program is not modelled: whether it completes (`kubectl wait`), what its pods print. */
const JOB_OUTCOME = /\bkubectl\b.*\s(?:wait|logs)\s/;

/**
 * Jobs not finished whose pods run the own program of an image the simulator does not know (no
 * `command`: the image's entrypoint, the reader's own worker): whether they complete and what they
 * print cannot be checked — `kubectl wait --for=condition=complete` would wait for ever. The Job and
 * its pods are named for `kubectl wait` and `kubectl logs` only; listings and describes stay checked.
 */
function unknownImageJobs(api: Pick<Api, 'resolve' | 'list'>, podType: NonNullable<ReturnType<Api['resolve']>>): UnmodelledObject[] {
  const jobType = api.resolve('jobs', 'batch');
  if (!jobType) return [];
  const out: UnmodelledObject[] = [];
  for (const job of api.list(jobType, undefined).items) {
    const conditions = (job.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
    if (conditions.some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')) continue;
    const template = (job.spec as { template?: { spec?: { containers?: Container[] } } } | undefined)?.template?.spec;
    const c = (template?.containers ?? []).find((x) => profileFor(x.image ?? '').generic && !x.command?.length);
    if (!c) continue;
    const reason = `Job ${job.metadata.name} runs image ${c.image}, which the simulator does not know: its program (the image's own) is not modelled, so whether the Job completes and what its pods print cannot be checked (use --backend kind)`;
    out.push({ name: job.metadata.name!, reason, commandOnly: true, command: JOB_OUTCOME });
    for (const pod of api.list(podType, job.metadata.namespace).items) {
      if ((pod.metadata.ownerReferences ?? []).some((o) => o.kind === 'Job' && o.name === job.metadata.name))
        out.push({ name: pod.metadata.name!, reason, commandOnly: true, command: JOB_OUTCOME });
    }
  }
  return out;
}

/** A client reaching a pod over the network. */
const NETWORK_CLIENT = /\b(?:curl|wget|nc|ncat|telnet)\b/;

/**
 * Ready pods of an image the simulator does not know: they serve nothing here, so what a client
 * reaches at the pod, its address, or a Service (name or ClusterIP) selecting it is not a cluster's.
 */
function unknownServers(api: Pick<Api, 'resolve' | 'list'>, podType: NonNullable<ReturnType<Api['resolve']>>): UnmodelledObject[] {
  const out: UnmodelledObject[] = [];
  const svcType = api.resolve('services');
  const services = svcType ? api.list(svcType, undefined).items : [];
  for (const pod of api.list(podType, undefined).items) {
    if (!ready(pod) || pod.metadata.deletionTimestamp) continue;
    const image = ((pod.spec as { containers?: Container[] } | undefined)?.containers ?? []).map((c) => c.image ?? '').find((i) => profileFor(i).generic);
    if (!image) continue;
    const reason = `pod ${pod.metadata.name} runs image ${image}, which the simulator does not know: it serves nothing here, so what a client reaches there is not a cluster's (use --backend kind)`;
    const ip = (pod.status as { podIP?: string } | undefined)?.podIP;
    const names = [pod.metadata.name!, ...(ip ? [ip] : [])];
    for (const svc of services) {
      const selector = serviceSelector(svc);
      if (svc.metadata.namespace !== pod.metadata.namespace || !selector || !mapSelectorMatches(selector, pod.metadata.labels)) continue;
      const spec = (svc.spec ?? {}) as { clusterIP?: string };
      names.push(svc.metadata.name!, ...(spec.clusterIP && spec.clusterIP !== 'None' ? [spec.clusterIP] : []));
    }
    for (const name of names) out.push({ name, reason, commandOnly: true, command: NETWORK_CLIENT });
  }
  return out;
}

/**
 * The hosts of Ingress rules: a client reaches them through an ingress controller, which the
 * simulator does not run, and by a name that resolves only through the reader's hosts-file entry
 * (`172.17.0.15 hello-world.info`) or their DNS. What `curl hello-world.info` gets cannot be checked.
 */
function ingressHosts(api: Pick<Api, 'resolve' | 'list'>): UnmodelledObject[] {
  const type = api.resolve('ingresses', 'networking.k8s.io');
  if (!type) return [];
  const out: UnmodelledObject[] = [];
  for (const ing of api.list(type, undefined).items) {
    for (const rule of (ing.spec as { rules?: { host?: string }[] } | undefined)?.rules ?? []) {
      if (!rule.host || rule.host.includes('*')) continue;
      const reason = `host ${rule.host} is served through Ingress ${ing.metadata.name}: the simulator runs no ingress controller, and the name resolves only through the reader's hosts-file entry or DNS (use --backend kind with an ingress controller)`;
      out.push({ name: rule.host, reason, commandOnly: true, command: NETWORK_CLIENT });
    }
  }
  return out;
}

/** The Deployment whose ReplicaSet owns a pod (for `kubectl logs deployment/x`), if any. */
function deploymentOf(api: Pick<Api, 'resolve' | 'list'>, pod: KObject): string[] {
  const rs = (pod.metadata.ownerReferences ?? []).find((o) => o.kind === 'ReplicaSet');
  const rsType = rs ? api.resolve('replicasets', 'apps') : undefined;
  if (!rs || !rsType) return [];
  const owner = api.list(rsType, pod.metadata.namespace).items.find((o) => o.metadata.name === rs.name);
  return (owner?.metadata.ownerReferences ?? []).filter((o) => o.kind === 'Deployment').map((o) => o.name);
}

/** The reason a step that names (in its command or the doc's output) an unmodelled object cannot be checked, or undefined. */
export function namesUnmodelled(command: string, expected: string, objects: readonly UnmodelledObject[], output = ''): string | undefined {
  if (!objects.length) return undefined;
  // Whole words: `mysql-0`, `pod/mysql-0`, `mysql-0.mysql` (a pod's DNS name), not `data-mysql-0` or `app=mysql`.
  const words = (text: string): string[] =>
    text
      .split(/[\s'",:/()]+/)
      .flatMap((t) => [t, t.split('.')[0]!])
      .filter(Boolean);
  const inCommand = words(command);
  // The server answering that a pod the StatefulSet never made here is not found (`pods "zk-1" not found`).
  const notFound = output
    .split('\n')
    .filter((l) => /\(NotFound\)|\bnot found\b/.test(l))
    .join('\n');
  const inBoth = [...inCommand, ...words(expected), ...words(notFound)];
  for (const o of objects) {
    if (o.command && !o.command.test(command)) continue;
    if (o.shows && !o.shows.test(expected) && !o.shows.test(output)) continue;
    if ((o.commandOnly ? inCommand : inBoth).some((t) => (typeof o.name === 'string' ? t === o.name : o.name.test(t)))) return o.reason;
  }
  return undefined;
}

/**
 * Pods of an Ubuntu or Debian image whose tag the release table does not know (`ubuntu:17.10`):
 * the simulator makes no claim about their release, so a step in them where a release shows
 * (os-release, apt's suites) cannot be checked.
 */
function unknownReleases(pods: readonly KObject[]): UnmodelledObject[] {
  const out: UnmodelledObject[] = [];
  for (const pod of pods) {
    const spec = (pod.spec ?? {}) as { containers?: Container[]; initContainers?: Container[] };
    const image = [...(spec.initContainers ?? []), ...(spec.containers ?? [])]
      .map((c) => c.image)
      .find((i) => i !== undefined && profileFor(i).release === null);
    if (!image) continue;
    out.push({
      name: pod.metadata.name!,
      reason: `image ${image}: the simulator's release table (runtime/images/releases.ts) does not know this tag, so the distribution release it shows cannot be checked (use --backend kind)`,
      commandOnly: true,
      command: /\bkubectl\b.*\s(?:exec|attach|run)\s/,
      shows: RELEASE_SHOWN,
    });
  }
  return out;
}
