import { describe, expect, it } from 'vitest';
import { matchOutput } from '../../src/match/match-output.js';

const actual = `Name:             web
Namespace:        default
Containers:
  web:
    Container ID:  containerd://620a9e
    Image:         busybox:1.37
    Image ID:      docker.io/library/busybox@sha256:0b9d
    Args:
      false
    Ready:          False
Events:          <none>
`;
const check = (expected: string) => matchOutput({ expected, actual, mode: 'similar', line: 1, column: 1, command: 'kubectl describe pod web' });

describe('describe output the doc shows in part', () => {
  it('finds the doc line a field it predates sits before, rather than letting the `...` after it swallow it', () => {
    const r = check('Name:             web\nNamespace:        default\nContainers:\n  web:\n    Image:         busybox:1.37\n    ...\n    Args:\n      false');
    expect(r.ok, JSON.stringify(r.differences)).toBe(true);
  });

  it('reads output shown from a section on as an excerpt: the fields above it are not differences', () => {
    const r = check('Containers:\n  web:\n    Image:         busybox:1.37\n    ...\n    Args:\n      false');
    expect(r.ok, JSON.stringify(r.differences)).toBe(true);
    expect(r.differences.some((d) => /Name: web/.test(d.message))).toBe(false);
  });

  it('still fails the one line that differs, and only that line', () => {
    const r = check('Containers:\n  web:\n    Image:         busybox\n    ...\n    Args:\n      false');
    expect(r.ok).toBe(false);
    const failing = r.differences.filter((d) => !d.stale);
    expect(failing.map((d) => d.message)).toEqual([expect.stringContaining('Image: busybox')]);
  });

  it('does not read as an excerpt a doc whose first line is not a section of the output', () => {
    const r = check('Events:\n  Normal  Scheduled  0s  default-scheduler  Successfully assigned default/web');
    expect(r.ok).toBe(false);
  });
});

describe('describe output the doc shows as its Events table alone', () => {
  const described = `Name:             web
Namespace:        default
Containers:
  web:
    Image:          busybox:1.37
Conditions:
  Type              Status
  Ready             True
Events:
  Type    Reason     Age   From               Message
  ----    ------     ----  ----               -------
  Normal  Scheduled  5s    default-scheduler  Successfully assigned default/web to kind-control-plane
  Normal  Pulled     4s    kubelet            Container image "busybox:1.37" already present on machine
`;
  const events = (rows: string[]) =>
    ['Type    Reason     Age   From               Message', '----    ------     ----  ----               -------', ...rows].join('\n');
  const run = (expected: string, command = 'kubectl describe pod web') =>
    matchOutput({ expected, actual: described, mode: 'similar', line: 1, column: 1, command });

  it('compares the table and nothing around it', () => {
    const r = run(
      events([
        'Normal  Scheduled  11s   default-scheduler  Successfully assigned default/web to node01',
        'Normal  Pulled     9s    kubelet            Container image "busybox:1.37" already present on machine',
      ]),
    );
    expect(r.ok, JSON.stringify(r.differences)).toBe(true);
    expect(r.differences.filter((d) => d.kind === 'extra-line')).toEqual([]);
  });

  it('still fails a row of the table that differs', () => {
    const r = run(
      events([
        'Normal  Scheduled  11s   default-scheduler  Successfully assigned default/web to node01',
        'Normal  Pulled     9s    kubelet, node01    Container image "busybox" already present on machine',
      ]),
    );
    expect(r.ok).toBe(false);
    expect([...new Set(r.differences.filter((d) => !d.stale).map((d) => d.line))]).toEqual([4]);
  });

  it('keeps comparing the text around a table for other commands', () => {
    const r = run(events(['Normal  Scheduled  11s   default-scheduler  Successfully assigned default/web to node01']), 'kubectl get events');
    expect(r.differences.some((d) => d.kind === 'extra-line')).toBe(true);
  });
});

describe('a table nested in describe output', () => {
  const deploy = (rs: string, indent = '  ') =>
    `Name:                   web\nConditions:\n${indent}Type           Status  Reason\n${indent}----           ------  ------\n${indent}Available      True    MinimumReplicasAvailable\n${indent}Progressing    True    NewReplicaSetAvailable\nOldReplicaSets:  <none>\nNewReplicaSet:   ${rs} (2/2 replicas created)\n`;
  const run = (expected: string) =>
    matchOutput({ expected, actual: deploy('web-68bdbd645c'), mode: 'similar', line: 1, column: 1, command: 'kubectl describe deployment web' });

  it('ends at the first line left of its header: the fields after it are not rows', () => {
    expect(run(deploy('web-3621623197')).ok).toBe(true);
    const r = run(deploy('hello-3621623197'));
    expect(r.ok).toBe(false);
    expect(r.differences.map((d) => [d.line, d.message])).toEqual([
      [8, 'NewReplicaSet: doc hello-3621623197 (2/2 replicas created), actual web-68bdbd645c (2/2 replicas created)'],
    ]);
  });
});

describe('describe output the doc shows as a fragment of its indented sections', () => {
  const pod = `Name:         gadget-demo
Namespace:    default
Containers:
  gadget-demo-ctr:
    Image:      nginx
    Limits:
      cpu:                 500m
      example.com/gadget:  3
    Requests:
      cpu:                 500m
      example.com/gadget:  3
    Environment:  <none>
Conditions:
  Type              Status
  Ready             True
Events:          <none>
`;
  const node = `Name:               n1
Capacity:
  cpu:                 8
  ephemeral-storage:   102625208Ki
  example.com/gadget:  4
  memory:              16351080Ki
  pods:                110
Allocatable:
  cpu:                8
  memory:             16351080Ki
  pods:               110
Events:              <none>
`;
  const check = (expected: string, actual: string, command: string) => matchOutput({ expected, actual, mode: 'similar', line: 1, column: 1, command });

  it('finds nested sections where they occur, other indentation and the fields left out notwithstanding', () => {
    const r = check('Limits:\n  example.com/gadget: 3\nRequests:\n  example.com/gadget: 3', pod, 'kubectl describe pod gadget-demo');
    expect(r.ok, JSON.stringify(r.differences)).toBe(true);
    expect(r.differences).toEqual([]);
  });

  it('still fails a value of the fragment that differs, and a line that is not there', () => {
    const r = check('Limits:\n  example.com/gadget: 2\nRequests:\n  example.com/gadget: 3\n  memory: 64Mi', pod, 'kubectl describe pod gadget-demo');
    expect(r.ok).toBe(false);
    expect(r.differences.map((d) => [d.kind, d.line])).toEqual([
      ['wrong-value', 2],
      ['missing-line', 5],
    ]);
  });

  it("tolerates the node's own capacity (the author's machine), in any order, but not the page's extended resource", () => {
    const ok = check('Capacity:\n cpu:  2\n memory:  2049008Ki\n example.com/gadget:  4', node, 'kubectl describe node n1');
    expect(ok.ok, JSON.stringify(ok.differences)).toBe(true);
    expect(ok.differences.map((d) => [d.line, d.environment])).toEqual([
      [2, true],
      [3, true],
    ]);
    const wrong = check('Capacity:\n cpu:  2\n memory:  2049008Ki\n example.com/gadget:  5', node, 'kubectl describe node n1');
    expect(wrong.ok).toBe(false);
    expect(wrong.differences.filter((d) => !d.environment).map((d) => d.line)).toEqual([4]);
  });

  it('is not used for a doc section the output does not have', () => {
    const r = check('Capacity:\n  example.com/gadget: 4', pod, 'kubectl describe pod gadget-demo');
    expect(r.ok).toBe(false);
  });
});

describe('indented JSON the doc shows from a key on', () => {
  const answer = JSON.stringify(
    { kind: 'Node', metadata: { name: 'n1' }, status: { capacity: { cpu: '8', 'example.com/gadget': '4', memory: '16351080Ki', pods: '110' }, phase: 'x' } },
    null,
    2,
  );
  const check = (expected: string, command = 'curl http://localhost:8001/api/v1/nodes/n1/status') =>
    matchOutput({ expected, actual: answer, mode: 'similar', line: 1, column: 1, command });

  it("finds the fragment where it occurs; the node's own capacity is the cluster's value", () => {
    const r = check('"capacity": {\n  "cpu": "2",\n  "memory": "2049008Ki",\n  "example.com/gadget": "4",');
    expect(r.ok, JSON.stringify(r.differences)).toBe(true);
    expect(r.differences.every((d) => d.environment)).toBe(true);
  });

  it('fails a value the page itself set, and node capacity of something that is not a node', () => {
    expect(check('"capacity": {\n  "cpu": "8",\n  "example.com/gadget": "5"\n}').ok).toBe(false);
    expect(check('"capacity": {\n  "cpu": "2"', 'curl http://localhost:8001/api/v1/namespaces/default/resourcequotas/q').ok).toBe(false);
  });
});
