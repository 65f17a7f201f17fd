import type { NodeInfo } from './nodes.js';
import { firstPodHost } from './stages/pod-lifecycle.js';

/**
 * Pod IPs per node from its /24, handed out in sequence as host-local IPAM does (a released
 * address is reused only after the range wraps).
 */
export class PodIPs {
  private readonly next = new Map<string, number>();
  private readonly used = new Set<string>();

  /** Marks an address as taken (pods that already run). */
  reserve(ip: string): void {
    this.used.add(ip);
  }

  /** Frees an address. */
  release(ip: string | undefined): void {
    if (ip) this.used.delete(ip);
  }

  /** The next free address on a node. */
  allocate(node: NodeInfo): string {
    const prefix = node.podCIDR.replace(/\.0\/24$/, '');
    let host = this.next.get(node.name) ?? firstPodHost(node.index);
    for (let tries = 0; tries < 253 && this.used.has(`${prefix}.${host}`); tries++) host = host >= 254 ? 2 : host + 1;
    const ip = `${prefix}.${host}`;
    this.used.add(ip);
    this.next.set(node.name, host >= 254 ? 2 : host + 1);
    return ip;
  }
}
