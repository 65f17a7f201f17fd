import { KIND_NODE_RESOURCES } from '../controllers/stages/node-resources.js';
import type { ImageProfile } from './images/types.js';

/**
 * CPUs a container sees: the node's (kind's node is the machine it runs on, and a container's
 * CPU limit does not hide CPUs from `nproc` or nginx's `worker_processes auto`).
 */
export const MACHINE_CPUS = Number(KIND_NODE_RESOURCES['cpu'] ?? 1);

/** Pids of the workers the image's own command starts (none when the image has none). */
export function workerPids(profile: ImageProfile): number[] {
  const w = profile.workers;
  if (!w) return [];
  const count = w.count === 'cpus' ? MACHINE_CPUS : w.count;
  return Array.from({ length: count }, (_, i) => w.firstPid + i);
}
