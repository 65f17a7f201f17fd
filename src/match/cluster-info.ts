/**
 * `kubectl cluster-info` lists, after the control plane's address, one line per Service in
 * kube-system labelled `kubernetes.io/cluster-service=true` — the cluster's add-ons (KubeDNS,
 * Metrics-server, a logging stack): which ones run is the cluster's choice, not the page's.
 * Its add-on lines are left out of the comparison on both sides (a doc line becomes blank, so the
 * others keep their positions): even an add-on both clusters run is shown under its Service's
 * `kubernetes.io/name` label and first port name, which the distribution's manifest sets
 * (`kube-dns` vs `CoreDNS`, `kube-dns` vs `kube-dns:dns`). A line that is not in 1.32's form
 * (the `/api/v1/proxy/namespaces/…` links of old clients) stays and is compared, and so does the
 * control plane line with its fixed words, so a page printing 1.19's `Kubernetes master is
 * running at` fails; its address is bound like any API server address.
 *
 * kubectl 1.32 (pkg/cmd/clusterinfo) prints `<kubernetes.io/name label or name> is running at
 * <link>`, the link `<host>/api/v1/namespaces/<ns>/services/<[scheme:]name[:port]>/proxy`, or
 * `http://<ip>:<port>` per port for a Service with a load balancer.
 */
import { firstKubectlCall } from '../shell/index.js';

// Escape codes kubectl writes around the name and the link on a terminal.
// eslint-disable-next-line no-control-regex
const COLOUR = /\u001b\[[0-9;]*m/g;
const ADD_ON =
  /^\s*(?<name>.+?) is running at (?:(?<host>https?:\/\/[^\s/]+)\/api\/v1\/namespaces\/[a-z0-9-]+\/services\/(?:https?:)?(?<service>[a-z0-9-]+)(?::[a-z0-9-]+)?\/proxy|(?:http:\/\/[^\s/:]+:\d+ ?)+)\s*$/;
const CONTROL_PLANE = /^\s*Kubernetes (?:control plane|master) is running at /;

/** True for `kubectl cluster-info` (not `cluster-info dump`). */
function isClusterInfo(command: string | undefined): boolean {
  const call = command ? firstKubectlCall(command) : undefined;
  return call?.command === 'cluster-info';
}

/** The add-on a line of cluster-info output names (its Service, else its shown name), or undefined for other lines. */
function addOn(line: string): string | undefined {
  const plain = line.replace(COLOUR, '');
  if (CONTROL_PLANE.test(plain)) return undefined;
  const m = ADD_ON.exec(plain);
  return m ? (m.groups!['service'] ?? m.groups!['name']!) : undefined;
}

/** The doc and actual text of a `kubectl cluster-info` with the add-on lines left out. */
export function withoutClusterAddOns(expected: string, actual: string, command: string | undefined): { expected: string; actual: string } {
  if (!isClusterInfo(command)) return { expected, actual };
  return {
    expected: expected
      .split('\n')
      .map((l) => (addOn(l) === undefined ? l : ''))
      .join('\n'),
    actual: actual
      .split('\n')
      .filter((l) => addOn(l) === undefined)
      .join('\n'),
  };
}
