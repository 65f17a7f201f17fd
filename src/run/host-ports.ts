/**
 * Ports of the reader's machine. Lessons running side by side share them: a `kubectl proxy` or
 * `port-forward` of the page that cannot listen because another process holds its port must not
 * let the later steps talk to that other process as if it were the page's.
 */

/** kubectl's words for a local port it cannot listen on (proxy: `listen tcp 127.0.0.1:8080: bind: …`; port-forward: `Error listen tcp4 …`). */
const IN_USE = /listen tcp[46]? (?:\[[^\]]*\]|[\w.-]*):(\d+): bind: address already in use/;

/** The local port a step's kubectl could not listen on because another process holds it, if any. */
export function heldPort(output: string): number | undefined {
  const m = IN_USE.exec(output);
  return m ? Number(m[1]) : undefined;
}

/** Why a step that could not listen on `port` cannot be checked. */
export function heldPortReason(port: number): string {
  return `port ${port} of this machine is held by another process (another lesson or program): the page's command could not listen on it, and what answers there is not the page's`;
}

/** True when a command reaches `port` on this machine (`localhost:8080`, `http://127.0.0.1:8080/api`, `[::1]:8080`). */
export function reachesHostPort(command: string, port: number): boolean {
  return new RegExp(`(?:localhost|127\\.0\\.0\\.1|\\[::1\\]|0\\.0\\.0\\.0):${port}(?!\\d)`).test(command);
}
