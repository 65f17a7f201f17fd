import { parseCommandLine } from '../../shell/index.js';

/** The address ranges of the simulated cluster, as kind lays them out. */

/** Pod network, Service network, and the node/load-balancer network of kind's docker bridge. */
export const SIM_RANGES: ReadonlyArray<{ base: string; bits: number; what: string }> = [
  { base: '10.244.0.0', bits: 16, what: 'pod network' },
  { base: '10.96.0.0', bits: 12, what: 'Service network' },
  { base: '172.18.0.0', bits: 16, what: 'node and load-balancer network' },
];

function toInt(ip: string): number | null {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return null;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

/** True when the IPv4 address is in one of the simulator's ranges. */
export function isInsideAddress(ip: string): boolean {
  const n = toInt(ip);
  if (n === null) return false;
  return SIM_RANGES.some((r) => {
    const mask = r.bits === 0 ? 0 : (~0 << (32 - r.bits)) >>> 0;
    return (n & mask) === (toInt(r.base)! & mask);
  });
}

/** Programs that open network connections themselves (kubectl talks to the API server, which is reachable). */
const NETWORK_TOOLS = /^(curl|wget|ping|nc|ncat|netcat|telnet|ssh|http|https|nslookup|dig|host)$/;

/** IPv4 addresses that network tools in a shell command would connect to. */
function targetAddresses(command: string): string[] {
  const out: string[] = [];
  for (const c of parseCommandLine(command).commands) {
    if (!NETWORK_TOOLS.test(c.name)) continue;
    for (const w of c.args) {
      for (const m of w.value.matchAll(/(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d.])/g)) if (toInt(m[1]!) !== null) out.push(m[1]!);
    }
  }
  return out;
}

/** Simulator-only addresses that network tools in a shell command would connect to. */
export function insideAddresses(command: string): string[] {
  return targetAddresses(command).filter(isInsideAddress);
}

/**
 * Addresses neither this machine nor the simulated cluster has (`curl 203.0.113.140`, the load
 * balancer or node of the author's cluster, a host on the internet): nothing here answers them,
 * and a doc's address is never contacted.
 */
export function outsideAddresses(command: string): string[] {
  return targetAddresses(command).filter((ip) => !isInsideAddress(ip) && !/^(?:127\.|0\.0\.0\.0$)/.test(ip));
}
