import type { Dict } from '../admission/util.js';
import { ageColumn, type CellContext, items, nameColumn, type Printer, str } from './columns.js';
import { since } from './duration.js';

/** The pod printer (`printPod` in `pkg/printers/internalversion/printers.go`). */

/** The Ready, Status and Restarts cells of a pod, derived as the real printer does. */
export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

const isTrue = (conditions: Dict[], type: string) => conditions.some((c) => c.type === type && c.status === 'True');
const time = (t: unknown) => (typeof t === 'string' ? Date.parse(t) : NaN);

/** Derives Ready (`1/2`), Status (`Running`, `CrashLoopBackOff`, `Init:0/1`…) and Restarts (`3 (5s ago)`). */
export function podSummary(pod: Dict, ctx: CellContext): PodSummary {
  const spec: Dict = pod.spec ?? {};
  const status: Dict = pod.status ?? {};
  const conditions = items(status.conditions);
  const phase = (status.phase ?? '') as string;
  let reason: string = status.reason || phase;
  if (conditions.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  const initSpecs = new Map(items(spec.initContainers).map((c) => [c.name as string, c]));
  const restartable = (name: string) => initSpecs.get(name)?.restartPolicy === 'Always';
  let total = items(spec.containers).length + [...initSpecs.values()].filter((c) => c.restartPolicy === 'Always').length;
  let ready = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart = NaN;
  let lastSidecarRestart = NaN;
  const later = (a: number, b: unknown) => (Number.isNaN(a) || time(b) > a ? time(b) : a);

  let initializing = false;
  const initStatuses = items(status.initContainerStatuses);
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i] as Dict;
    restarts += c.restartCount ?? 0;
    const lastTerminated = c.lastState?.terminated;
    if (lastTerminated) lastRestart = later(lastRestart, lastTerminated.finishedAt);
    if (restartable(c.name)) {
      sidecarRestarts += c.restartCount ?? 0;
      if (lastTerminated) lastSidecarRestart = later(lastSidecarRestart, lastTerminated.finishedAt);
    }
    const terminated = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (restartable(c.name) && c.started === true) {
      if (c.ready) ready++;
      continue;
    }
    if (terminated) {
      reason = terminated.reason
        ? `Init:${terminated.reason}`
        : terminated.signal
          ? `Init:Signal:${terminated.signal}`
          : `Init:ExitCode:${terminated.exitCode ?? 0}`;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initSpecs.size}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || isTrue(conditions, 'Initialized')) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = items(status.containerStatuses);
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i] as Dict;
      restarts += c.restartCount ?? 0;
      if (c.lastState?.terminated) lastRestart = later(lastRestart, c.lastState.terminated.finishedAt);
      const waiting = c.state?.waiting;
      const terminated = c.state?.terminated;
      if (waiting?.reason) reason = waiting.reason;
      else if (terminated?.reason) reason = terminated.reason;
      else if (terminated) reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode ?? 0}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = isTrue(conditions, 'Ready') ? 'Running' : 'NotReady';
  }

  if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  let restartText = String(restarts);
  if (restarts !== 0 && !Number.isNaN(lastRestart)) {
    restartText = `${restarts} (${since(new Date(lastRestart).toISOString(), ctx.now)} ago)`;
  }
  total = Math.max(total, 0);
  return { ready: `${ready}/${total}`, status: reason, restarts: restartText };
}

function readinessGates(pod: Dict): string {
  const gates = items(pod.spec?.readinessGates);
  if (!gates.length) return '<none>';
  const conditions = items(pod.status?.conditions);
  const trueCount = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length;
  return `${trueCount}/${gates.length}`;
}

/** Row conditions the server attaches to finished pods. */
function podConditions(pod: Dict): Dict[] | undefined {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded') return [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }];
  if (phase === 'Failed') return [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];
  return undefined;
}

/** Pods: Name, Ready, Status, Restarts, Age; wide IP, Node, Nominated Node, Readiness Gates. */
export const podPrinter: Printer = {
  columns: [
    nameColumn,
    str('Ready', 'The aggregate readiness state of this pod for accepting traffic.', (o, c) => podSummary(o, c).ready),
    str('Status', 'The aggregate status of the containers in this pod.', (o, c) => podSummary(o, c).status),
    str(
      'Restarts',
      'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
      (o, c) => podSummary(o, c).restarts,
    ),
    ageColumn,
    str(
      'IP',
      'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.',
      (o) => items(o.status?.podIPs)[0]?.ip || o.status?.podIP || '<none>',
      1,
    ),
    str(
      'Node',
      'NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName.',
      (o) => o.spec?.nodeName || '<none>',
      1,
    ),
    str(
      'Nominated Node',
      'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods.',
      (o) => o.status?.nominatedNodeName || '<none>',
      1,
    ),
    str('Readiness Gates', 'If specified, all readiness gates will be evaluated for pod readiness.', readinessGates, 1),
  ],
  conditions: podConditions,
};
