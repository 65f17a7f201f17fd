import type { Dict } from '../admission/util.js';
import { ageColumn, formatLabels, formatSelector, int, items, nameColumn, type Printer, selectorString, str, strNum, templateColumns } from './columns.js';
import { humanDuration, since } from './duration.js';

/** Printers for apps/v1 and batch/v1 workloads. */

/** `printBoolPtr`: `True`, `False` or `<unset>`. */
const boolPtr = (v: unknown) => (typeof v === 'boolean' ? (v ? 'True' : 'False') : '<unset>');
const n = (v: unknown) => (typeof v === 'number' ? v : 0);
const podTemplate = (o: Dict) => o.spec?.template as Dict | undefined;
const jobPodTemplate = (o: Dict) => o.spec?.jobTemplate?.spec?.template as Dict | undefined;
const SELECTOR = 'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.';

/** Deployments: Ready, Up-to-date, Available, Age; wide Containers, Images, Selector. */
export const deploymentPrinter: Printer = {
  columns: [
    nameColumn,
    str('Ready', 'Number of the pod with ready state', (o) => `${n(o.status?.readyReplicas)}/${n(o.spec?.replicas)}`),
    strNum('Up-to-date', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.', (o) =>
      n(o.status?.updatedReplicas),
    ),
    strNum('Available', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.', (o) =>
      n(o.status?.availableReplicas),
    ),
    ageColumn,
    ...templateColumns(podTemplate),
    str('Selector', SELECTOR, (o) => selectorString(o.spec?.selector), 1),
  ],
};

/** ReplicaSets (and ReplicationControllers): Desired, Current, Ready, Age; wide Containers, Images, Selector. */
export const replicaSetPrinter: Printer = {
  columns: [
    nameColumn,
    int('Desired', 'Replicas is the number of desired pods.', (o) => n(o.spec?.replicas)),
    int('Current', 'Replicas is the most recently observed number of non-terminating pods.', (o) => n(o.status?.replicas)),
    int('Ready', 'The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.', (o) => n(o.status?.readyReplicas)),
    ageColumn,
    ...templateColumns(podTemplate),
    str('Selector', 'Selector is a label query over pods that should match the replica count.', (o) => formatSelector(o.spec?.selector), 1),
  ],
};

/** ReplicationControllers: selector is a plain map. */
export const replicationControllerPrinter: Printer = {
  columns: [
    ...replicaSetPrinter.columns.slice(0, -1),
    str('Selector', 'Selector is a label query over pods that should match the Replicas count.', (o) => formatLabels(o.spec?.selector), 1),
  ],
};

/** StatefulSets: Ready, Age; wide Containers, Images. */
export const statefulSetPrinter: Printer = {
  columns: [
    nameColumn,
    str('Ready', 'Number of the pod with ready state', (o) => `${n(o.status?.readyReplicas)}/${n(o.spec?.replicas)}`),
    ageColumn,
    ...templateColumns(podTemplate),
  ],
};

/** DaemonSets: Desired, Current, Ready, Up-to-date, Available, Node Selector, Age; wide Containers, Images, Selector. */
export const daemonSetPrinter: Printer = {
  columns: [
    nameColumn,
    int('Desired', 'The total number of nodes that should be running the daemon pod.', (o) => n(o.status?.desiredNumberScheduled)),
    int('Current', 'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod.', (o) =>
      n(o.status?.currentNumberScheduled),
    ),
    int(
      'Ready',
      'numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.',
      (o) => n(o.status?.numberReady),
    ),
    int('Up-to-date', 'The total number of nodes that are running updated daemon pod', (o) => n(o.status?.updatedNumberScheduled)),
    int(
      'Available',
      'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)',
      (o) => n(o.status?.numberAvailable),
    ),
    str(
      'Node Selector',
      "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node.",
      (o) => formatLabels(o.spec?.template?.spec?.nodeSelector),
    ),
    ageColumn,
    ...templateColumns(podTemplate),
    str(
      'Selector',
      "A label query over pods that are managed by the daemon set. Must match in order to be controlled. It must match the pod template's labels.",
      (o) => formatSelector(o.spec?.selector),
      1,
    ),
  ],
};

/** `hasJobCondition`: the first condition of that type decides. */
const hasCondition = (o: Dict, type: string) => items(o.status?.conditions).find((c) => c.type === type)?.status === 'True';

/** The Job Status cell: Complete, Failed, Terminating, Suspended, FailureTarget or Running. */
export function jobStatus(o: Dict): string {
  if (hasCondition(o, 'Complete')) return 'Complete';
  if (hasCondition(o, 'Failed')) return 'Failed';
  if (o.metadata?.deletionTimestamp) return 'Terminating';
  if (hasCondition(o, 'Suspended')) return 'Suspended';
  if (hasCondition(o, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/** The Job Completions cell: `1/3`, or `0/1 of 2` for work queues. */
export function jobCompletions(o: Dict): string {
  const succeeded = n(o.status?.succeeded);
  if (typeof o.spec?.completions === 'number') return `${succeeded}/${o.spec.completions}`;
  const parallelism = n(o.spec?.parallelism);
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(o: Dict, now: Date): string {
  const start = o.status?.startTime;
  if (!start) return '';
  const end = o.status?.completionTime ? Date.parse(o.status.completionTime) : now.getTime();
  return humanDuration(end - Date.parse(start));
}

/** Jobs: Status, Completions, Duration, Age; wide Containers, Images, Selector. */
export const jobPrinter: Printer = {
  columns: [
    nameColumn,
    str('Status', 'Status of the job.', jobStatus),
    str('Completions', 'The completion status of the job.', jobCompletions),
    str('Duration', 'Time required to complete the job.', (o, c) => jobDuration(o, c.now)),
    ageColumn,
    ...templateColumns(podTemplate),
    str('Selector', 'A label query over pods that should match the pod count.', (o) => formatSelector(o.spec?.selector), 1),
  ],
};

/** CronJobs: Schedule, Timezone, Suspend, Active, Last Schedule, Age; wide Containers, Images, Selector. */
export const cronJobPrinter: Printer = {
  columns: [
    nameColumn,
    str('Schedule', 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.', (o) => o.spec?.schedule ?? ''),
    str(
      'Timezone',
      'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones.',
      (o) => o.spec?.timeZone || '<none>',
    ),
    {
      name: 'Suspend',
      type: 'boolean',
      description: 'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.',
      cell: (o) => boolPtr(o.spec?.suspend),
    },
    int('Active', 'A list of pointers to currently running jobs.', (o) => items(o.status?.active).length),
    str('Last Schedule', 'Information when was the last time the job was successfully scheduled.', (o, c) =>
      o.status?.lastScheduleTime ? since(o.status.lastScheduleTime, c.now) : '<none>',
    ),
    ageColumn,
    ...templateColumns(jobPodTemplate),
    str('Selector', 'A label query over pods that should match the pod count.', (o) => formatSelector(o.spec?.jobTemplate?.spec?.selector), 1),
  ],
};
