/**
 * What programs print that more than one stage reads. The runner (why a step cannot be checked)
 * and the simulator (which node port a refusal names) both read these; they live here because
 * neither may import the other.
 */

/**
 * curl's "connection refused" on the machine itself, with the port: `curl: (7) Failed to connect
 * to localhost port 10249 after 0 ms: …` (curl 7.68+) and `connect to 127.0.0.1 port 10249
 * failed: Connection refused` (older curl, verbose).
 */
export const LOCAL_PORT_REFUSED =
  /Failed to connect to (?:localhost|127\.0\.0\.1) port (\d+)|connect to (?:localhost|127\.0\.0\.1) port (\d+) failed: Connection refused/;

/** The local port a refusal in `output` names (see {@link LOCAL_PORT_REFUSED}), or undefined. */
export function refusedLocalPort(output: string): number | undefined {
  const m = LOCAL_PORT_REFUSED.exec(output);
  return m ? Number(m[1] ?? m[2]) : undefined;
}
