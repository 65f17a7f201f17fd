import { describe, expect, it } from 'vitest';
import type { BackendCapabilities } from '../../src/backends/backend.js';
import { cannotCheck, type Outcome } from '../../src/run/unchecked.js';

const caps = (more: Partial<BackendCapabilities> = {}): BackendCapabilities => ({
  nodeShell: true,
  loadBalancer: false,
  nodeExternalIPs: false,
  portForward: true,
  namespaceIsolation: false,
  ...more,
});
const outcome = (o: Partial<Outcome>): Outcome => ({ command: 'true', output: '', expected: null, onHost: true, ...o });

describe('cluster-nodes', () => {
  const expected = 'NAME     STATUS   ROLES    AGE   VERSION\nnode-a   Ready    <none>   2h    v1.30.0\nnode-b   Ready    <none>   2h    v1.30.0\n';
  const actual = 'NAME           STATUS   ROLES           AGE   VERSION\ncontrol-plane  Ready    control-plane   1m    v1.32.4\n';

  it("should leave the author's node list unchecked when the header is the same", () => {
    const r = cannotCheck(outcome({ command: 'kubectl get nodes', output: actual, expected }), { capabilities: caps() });
    expect(r?.rule).toBe('cluster-nodes');
    expect(r?.reason).toMatch(/2 nodes/);
  });

  it('should keep a stale header, or a named node, checked', () => {
    const stale = expected.replace('ROLES    ', '');
    expect(cannotCheck(outcome({ command: 'kubectl get nodes', output: actual, expected: stale }), { capabilities: caps() })).toBeUndefined();
    expect(cannotCheck(outcome({ command: 'kubectl get node node-a', output: actual, expected }), { capabilities: caps() })).toBeUndefined();
  });
});

describe('cluster-nodes-template', () => {
  const command = "kubectl get nodes -o=jsonpath=$'{range .items[*]}{@.metadata.name}: {@.status.nodeInfo.kubeletVersion}\\n{end}'";
  const expected = 'gke-pool-239f5d02-gyn2: v1.4.0\ngke-pool-239f5d02-x1kf: v1.4.0\n';

  it("should leave unchecked the author's nodes printed by a template, none of them the backend's", () => {
    const r = cannotCheck(outcome({ command, output: 'kind-control-plane: v1.32.4\n', expected }), { capabilities: caps() });
    expect(r?.rule).toBe('cluster-nodes-template');
    expect(r?.reason).toMatch(/naming gke-pool-239f5d02-gyn2, gke-pool-239f5d02-x1kf/);
    expect(
      cannotCheck(outcome({ command: 'kubectl get nodes -o name', output: 'node/kind-control-plane\n', expected: 'node/minikube\n' }), { capabilities: caps() })
        ?.rule,
    ).toBe('cluster-nodes-template');
  });

  it('should keep checked a line naming a node the backend has, and a list that is not of nodes', () => {
    expect(
      cannotCheck(outcome({ command, output: 'kind-control-plane: v1.32.4\n', expected: 'kind-control-plane: v1.4.0\n' }), { capabilities: caps() }),
    ).toBeUndefined();
    expect(cannotCheck(outcome({ command: 'kubectl get pods -o name', output: 'pod/a\n', expected: 'pod/b\n' }), { capabilities: caps() })).toBeUndefined();
  });
});

describe('node-daemon-port', () => {
  const refused = "curl: (7) Failed to connect to localhost port 10249 after 0 ms: Couldn't connect to server\n";

  it('should leave a node-local daemon port unchecked only on a node shell without daemons', () => {
    expect(cannotCheck(outcome({ onHost: false, onNode: true, output: refused }), { capabilities: caps({ nodeDaemons: false }) })?.rule).toBe(
      'node-daemon-port',
    );
    // A real node (kind) runs kube-proxy: a refused port there is the page's problem.
    expect(cannotCheck(outcome({ onHost: false, onNode: true, output: refused }), { capabilities: caps() })).toBeUndefined();
    // On the reader's machine it is not a node daemon at all.
    expect(cannotCheck(outcome({ onHost: false, onNode: false, output: refused }), { capabilities: caps({ nodeDaemons: false }) })).toBeUndefined();
  });
});

describe('node-program', () => {
  const missing = 'bash: line 1: ipvsadm: command not found\n';

  it("leaves a node's own program unchecked only on a node shell that does not model them", () => {
    const r = cannotCheck(outcome({ onHost: false, onNode: true, output: missing }), { capabilities: caps({ nodeDaemons: false }) });
    expect(r).toEqual({ rule: 'node-program', reason: expect.stringMatching(/^`ipvsadm` is not simulated in the backend's node shell/) });
    // A real node (kind) has what it has: a missing program there is the page's problem.
    expect(cannotCheck(outcome({ onHost: false, onNode: true, output: missing }), { capabilities: caps() })).toBeUndefined();
    // On the reader's machine a missing program is the reader's (or the page's) concern.
    expect(cannotCheck(outcome({ onHost: true, onNode: false, output: missing }), { capabilities: caps({ nodeDaemons: false }) })).toBeUndefined();
    // A program that ran and printed something else is judged as usual.
    expect(
      cannotCheck(outcome({ onHost: false, onNode: true, output: 'TCP 10.0.1.175:80 rr\n' }), { capabilities: caps({ nodeDaemons: false }) }),
    ).toBeUndefined();
  });
});

describe('node-files', () => {
  const command = 'for intf in /sys/devices/virtual/net/cbr0/brif/*; do cat $intf/hairpin_mode; done';
  const missing = 'cat: /sys/devices/virtual/net/cbr0/brif/*/hairpin_mode: No such file or directory\n';

  it("leaves a node's own file unchecked only on a node shell that does not model them", () => {
    const r = cannotCheck(outcome({ command, onHost: false, onNode: true, output: missing }), { capabilities: caps({ nodeDaemons: false }) });
    expect(r).toEqual({
      rule: 'node-files',
      reason: expect.stringMatching(/^\/sys\/devices\/virtual\/net\/cbr0 is not simulated in the backend's node shell/),
    });
    expect(cannotCheck(outcome({ command, onHost: false, onNode: true, output: missing }), { capabilities: caps() })).toBeUndefined();
    // Another missing file on the node is judged as usual.
    expect(
      cannotCheck(outcome({ command: 'cat /tmp/x', onHost: false, onNode: true, output: 'cat: /tmp/x: No such file or directory\n' }), {
        capabilities: caps({ nodeDaemons: false }),
      }),
    ).toBeUndefined();
  });
});
