/**
 * A download from the internet that failed because this machine cannot reach it (CI runners are
 * often offline) says nothing about the doc: the step is skipped with that reason, and what it
 * would have written is remembered for the steps after it.
 */

/** curl/wget messages for a host that cannot be resolved or reached. */
const UNREACHABLE =
  /Could not resolve host|unable to resolve host address|Temporary failure in name resolution|Network is unreachable|Name or service not known|Could not resolve proxy|Failed to connect to [\w.-]+ port \d+|failed: Connection (?:refused|timed out)/i;

/** Public http(s) hosts a curl/wget in the command fetches from (not localhost, IPs or cluster names). */
export function internetHosts(command: string): string[] {
  if (!/\b(?:curl|wget)\b/.test(command)) return [];
  const hosts: string[] = [];
  for (const m of command.matchAll(/https?:\/\/([A-Za-z0-9.-]+)/g)) {
    const host = m[1]!.toLowerCase();
    if (!host.includes('.') || /^[\d.]+$/.test(host) || /(^|\.)(localhost|local|internal|svc|cluster\.local)$/.test(host)) continue;
    hosts.push(host);
  }
  return hosts;
}

/** Why a failed step could not run here for want of the network, or undefined. */
export function offline(command: string, output: string): string | undefined {
  const hosts = internetHosts(command);
  if (hosts.length === 0 || !UNREACHABLE.test(output)) return undefined;
  return `needs the network: ${[...new Set(hosts)].join(', ')} cannot be reached from this machine`;
}
