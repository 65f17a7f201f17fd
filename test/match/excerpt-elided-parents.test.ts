import { describe, expect, test } from 'vitest';
import { matchOutput } from '../../src/match/index.js';
import type { Difference } from '../../src/match/index.js';

const COMMAND = 'kubectl get pod web --output=yaml';

/** A generic Pod as `kubectl get -o yaml` prints it: two containers, their statuses. */
const ACTUAL = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: default
  labels:
    app: web
spec:
  containers:
  - image: nginx:1.27
    name: app
    ports:
    - containerPort: 80
      protocol: TCP
    resources:
      limits:
        cpu: 500m
      requests:
        cpu: 250m
  - image: busybox:1.36
    name: sidecar
    resources: {}
  restartPolicy: Always
status:
  containerStatuses:
  - image: nginx:1.27
    name: app
    ready: true
    restartCount: 0
    started: true
  - image: busybox:1.36
    name: sidecar
    ready: true
    restartCount: 2
    started: true
  phase: Running
  qosClass: Burstable
`;

/** [case, doc excerpt, ok, differences that must be reported]. */
type Case = [string, string, boolean, Partial<Difference>[]];

const CASES: Case[] = [
  [
    'an elided list item: `...` for the item’s `- name:` line, its other keys after it',
    'spec:\n  containers:\n    ...\n    resources:\n      limits:\n        cpu: 500m',
    true,
    [],
  ],
  [
    'an elided parent key: `...` at column 0 stands for `status:`, the keys after it are the status’s',
    'spec:\n  restartPolicy: Always\n...\n  phase: Running\n  qosClass: Burstable',
    true,
    [],
  ],
  [
    'elisions at several depths: a container, then a container status, then the class',
    'spec:\n  containers:\n    ...\n    name: app\n...\n  containerStatuses:\n...\n    name: sidecar\n    restartCount: 2\n...\n  qosClass: Burstable',
    true,
    [],
  ],
  [
    'a wrong value after an elided parent fails, at the cluster’s path',
    'spec:\n  restartPolicy: Always\n...\n  phase: Running\n  qosClass: Guaranteed',
    false,
    [{ kind: 'wrong-value', path: 'status.qosClass', line: 5 }],
  ],
  [
    'a key the cluster does not have, after an elided parent, is missing',
    'spec:\n  containers:\n    ...\n    name: app\n...\n    name: app\n    ready: true\n    allocatedResources:\n      cpu: 500m',
    false,
    [{ kind: 'missing-line', path: 'status.containerStatuses[0].allocatedResources' }],
  ],
  [
    'a container status unlike any the cluster has still fails',
    'spec:\n  restartPolicy: Always\n...\n  containerStatuses:\n...\n    name: app\n    image: httpd:2.4',
    false,
    [{ kind: 'wrong-value', path: 'status.containerStatuses[0].image' }],
  ],
];

describe('YAML excerpts whose `...` elides parents or list items', () => {
  test.each(CASES)('%s', (_name, expected, ok, want) => {
    const r = matchOutput({ expected, actual: ACTUAL, mode: 'similar', line: 1, column: 1, command: COMMAND });
    expect(r.strategy).toBe('structured');
    expect(r.ok, JSON.stringify(r.differences, null, 2)).toBe(ok);
    for (const w of want) expect(r.differences).toContainEqual(expect.objectContaining(w));
    if (want.length === 0) expect(r.differences).toEqual([]);
  });
});
