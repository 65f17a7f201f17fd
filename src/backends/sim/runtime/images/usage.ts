import { quantity } from '../env.js';
import { argValue } from '../argv.js';
import { imageRepo } from './index.js';

type Json = Record<string, unknown>;

/** CPU and memory a container uses, as metrics-server would report them. */
export interface ContainerUsage {
  /** CPU in cores (0.25 = 250m). */
  cpuCores: number;
  /** Working-set memory in bytes. */
  memoryBytes: number;
}

/** What a container's process asks for, what it gets within its limits, and whether the memory limit kills it. */
export interface UsageVerdict {
  /** What the process would use without limits. */
  demand: ContainerUsage;
  /** What it uses: CPU capped at the CPU limit (throttled), memory as demanded while within the limit. */
  usage: ContainerUsage;
  /** Its memory demand exceeds the memory limit: the kernel's OOM killer ends it (OOMKilled, 137). */
  oomKilled: boolean;
  /** False when neither the image nor its arguments are known: the numbers are a guess. */
  modelled: boolean;
}

const Mi = 1024 * 1024;

/** Idle footprint of the images the simulator knows, by repository (measured on kind, rounded). */
export const idleUsage: Readonly<Record<string, ContainerUsage>> = {
  nginx: { cpuCores: 0, memoryBytes: 3 * Mi },
  httpd: { cpuCores: 0.001, memoryBytes: 5 * Mi },
  redis: { cpuCores: 0.002, memoryBytes: 3 * Mi },
  mysql: { cpuCores: 0.004, memoryBytes: 380 * Mi },
  busybox: { cpuCores: 0, memoryBytes: 0.3 * Mi },
  alpine: { cpuCores: 0, memoryBytes: 0.4 * Mi },
  debian: { cpuCores: 0, memoryBytes: 0.6 * Mi },
  ubuntu: { cpuCores: 0, memoryBytes: 0.6 * Mi },
  'registry.k8s.io/hpa-example': { cpuCores: 0.001, memoryBytes: 9 * Mi },
  'registry.k8s.io/e2e-test-images/agnhost': { cpuCores: 0.001, memoryBytes: 6 * Mi },
  'gcr.io/google-samples/hello-app': { cpuCores: 0, memoryBytes: 2 * Mi },
  'polinux/stress': { cpuCores: 0, memoryBytes: 0.5 * Mi },
  'vish/stress': { cpuCores: 0, memoryBytes: 1 * Mi },
};

/** `250M` → bytes as stress reads it (B, K, M, G: powers of 1024). */
function stressBytes(s: string): number {
  const m = /^(\d+(?:\.\d+)?)([bBkKmMgG]?)$/.exec(s);
  if (!m) return 0;
  const unit = { '': 1, b: 1, k: 1024, m: Mi, g: 1024 * Mi }[m[2]!.toLowerCase()] ?? 1;
  return Number(m[1]) * unit;
}

/** Demand of the stress tools the task pages run, from their arguments; undefined for other programs. */
function stressDemand(repo: string, argv: string[]): ContainerUsage | undefined {
  const program = argv.find((a) => /(^|\/)stress$/.test(a));
  if (repo === 'polinux/stress' || program) {
    // stress --vm N --vm-bytes B [--cpu N]: N workers each keeping B allocated (default 256M).
    const vm = Number(argValue(argv, '--vm', '-m') ?? 0);
    const bytes = stressBytes(argValue(argv, '--vm-bytes') ?? '256M');
    const cpu = Number(argValue(argv, '--cpu', '-c') ?? 0);
    return { cpuCores: cpu + vm, memoryBytes: vm * bytes + 0.5 * Mi };
  }
  if (repo === 'vish/stress') {
    // vish/stress -cpus N -mem-total Q: busy loops on N CPUs, allocates up to Q.
    const cpus = Number(argValue(argv, '-cpus', '--cpus') ?? 0);
    const mem = quantity(argValue(argv, '-mem-total', '--mem-total') ?? '0');
    return { cpuCores: cpus, memoryBytes: mem + 1 * Mi };
  }
  return undefined;
}

/**
 * How much CPU and memory a container uses, from its image and arguments (a stress image uses
 * what its arguments say, an idle server next to nothing), within its limits. The metrics API
 * and the kubelet's OOM decision both read this.
 */
export function containerUsage(container: Json): UsageVerdict {
  const repo = imageRepo(String(container['image'] ?? ''));
  const argv = [...((container['command'] as string[]) ?? []), ...((container['args'] as string[]) ?? [])];
  const stress = stressDemand(repo, argv);
  const idle = idleUsage[repo];
  const demand = stress ?? idle ?? { cpuCores: 0, memoryBytes: 1 * Mi };
  const limits = ((container['resources'] as Json | undefined)?.['limits'] as Record<string, string> | undefined) ?? {};
  const cpuLimit = limits['cpu'] !== undefined ? quantity(String(limits['cpu'])) : Infinity;
  const memLimit = limits['memory'] !== undefined ? quantity(String(limits['memory'])) : Infinity;
  const oomKilled = demand.memoryBytes > memLimit;
  return {
    demand,
    usage: { cpuCores: Math.min(demand.cpuCores, cpuLimit), memoryBytes: Math.min(demand.memoryBytes, memLimit) },
    oomKilled,
    modelled: stress !== undefined || idle !== undefined,
  };
}
