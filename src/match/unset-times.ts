import type { KeyPath } from './structured-lines.js';
import { ANY_TIMESTAMP } from './normalizers/timestamp.js';

/** A time the kubelet sets in a container state, and what a doc's `null` there means. */
export interface StateTime {
  /** The container state the time belongs to (`running`, `terminated`). */
  state: string;
  key: string;
  /**
   * `stale`: an older kubelet left the time unset where 1.32's sets it (reported, not failed);
   * `wrong`: every kubelet sets it in this state, so a doc `null` contradicts the cluster.
   */
  docNull: 'stale' | 'wrong';
  why: string;
}

/**
 * The times of a container state (`status.containerStatuses[].state`/`lastState`), decided from
 * the kubelet's conversion of the runtime's status (kuberuntime toKubeContainerStatus): every
 * container that left the created state gets its start time, an exited one its finish time. A
 * state the kubelet makes up for a container it cannot find (`ContainerStatusUnknown`) has
 * neither, and then the cluster shows `null` too. The values themselves are timestamps (the
 * `timestamp` normalizer).
 */
export const STATE_TIMES: readonly StateTime[] = [
  { state: 'running', key: 'startedAt', docNull: 'wrong', why: 'the kubelet reports when every running container started' },
  {
    state: 'terminated',
    key: 'startedAt',
    docNull: 'stale',
    why: 'kubelets before kubernetes#45977 (1.7, cherry-picked to 1.6) reported no start time for an exited container; 1.32 reports when every container that ran started',
  },
  { state: 'terminated', key: 'finishedAt', docNull: 'wrong', why: 'the kubelet reports when every exited container finished' },
];

const TIMESTAMP = new RegExp(`^${ANY_TIMESTAMP}$`);

/**
 * What a doc `null` means at this key path where the cluster shows a time, or undefined when the
 * path is no container state's time (or the actual value is no timestamp).
 */
export function stateTimeOf(path: KeyPath, actual: unknown): StateTime | undefined {
  if (typeof actual !== 'string' || !TIMESTAMP.test(actual)) return undefined;
  const keys = path.filter((k): k is string => typeof k === 'string');
  const [state, key] = keys.slice(-2);
  return STATE_TIMES.find((t) => t.state === state && t.key === key);
}
