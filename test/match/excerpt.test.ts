import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { matchOutput } from '../../src/match/index.js';
import type { Difference } from '../../src/match/index.js';
import { closeTruncatedJson, readDocDocument } from '../../src/match/structured-doc.js';

const output = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/match/outputs', `${name}.txt`), 'utf8');

const POD = 'kubectl get pod default-mem-demo --output=yaml --namespace=default-mem-example';
const DEPLOY = 'kubectl get deployment pod-quota-demo --namespace=quota-pod-example --output=yaml';
const QOS4 = 'kubectl get pod qos-demo-4 --namespace=qos-example --output=yaml';
const EPS = 'kubectl get endpointslices -o json -l kubernetes.io/service-name=nginx-service';

/** [case, command, doc excerpt, actual output, ok, differences that must be reported (kind, path)]. */
type Case = [string, string, string, string, boolean, Partial<Difference>[]];

const CASES: Case[] = [
  // memory-default-namespace.md: a nested fragment that starts at the container list.
  [
    'nested fragment matches at spec',
    POD,
    'containers:\n- image: nginx\n  imagePullPolicy: Always\n  name: default-mem-demo-ctr\n  resources:\n    limits:\n      memory: 512Mi\n    requests:\n      memory: 256Mi',
    'pod',
    true,
    [],
  ],
  [
    'nested fragment with a wrong value fails at its path',
    POD,
    'containers:\n- image: nginx\n  name: default-mem-demo-ctr\n  resources:\n    limits:\n      memory: 1Gi',
    'pod',
    false,
    [{ kind: 'wrong-value', path: 'spec.containers[0].resources.limits.memory', line: 6 }],
  ],
  [
    'a fragment starting deeper (just resources:), indented as copied',
    POD,
    '    resources:\n      limits:\n        memory: 512Mi\n      requests:\n        memory: 256Mi',
    'pod',
    true,
    [],
  ],
  [
    'a deeper fragment with a key the cluster does not have fails',
    POD,
    'resources:\n  limits:\n    memory: 512Mi\n    cpu: 500m',
    'pod',
    false,
    [{ kind: 'missing-line', path: 'spec.containers[0].resources.limits.cpu' }],
  ],
  ['a list item', POD, '- image: nginx\n  imagePullPolicy: Always\n  name: default-mem-demo-ctr', 'pod', true, []],
  [
    'a list item with another name fails',
    POD,
    '- image: nginx\n  imagePullPolicy: Always\n  name: other-ctr',
    'pod',
    false,
    [{ kind: 'wrong-value', path: 'spec.containers[0].name', line: 3 }],
  ],
  // quota-pod-namespace.md: `...` lines elide siblings.
  ['... lines elide siblings', DEPLOY, 'spec:\n  ...\n  replicas: 3\n...\nstatus:\n  availableReplicas: 3\n...', 'deploy', true, []],
  ['# ... comments elide too', DEPLOY, 'spec:\n  # ...\n  replicas: 3\n  # ...', 'deploy', true, []],
  ['... does not excuse a wrong value', DEPLOY, 'spec:\n  ...\n  replicas: 2\n...', 'deploy', false, [{ kind: 'wrong-value', path: 'spec.replicas', line: 3 }]],
  [
    '... does not excuse a missing key',
    DEPLOY,
    'status:\n  ...\n  unavailableReplicas: 1',
    'deploy',
    false,
    [{ kind: 'missing-line', path: 'status.unavailableReplicas' }],
  ],
  ['a ... list item lets the list have more items', DEPLOY, 'status:\n  conditions:\n  - type: Available\n    status: "True"\n  - ...', 'deploy', true, []],
  [
    'a list shown without ... is complete: an extra item fails',
    POD,
    'tolerations:\n- effect: NoExecute\n  key: node.kubernetes.io/not-ready\n  operator: Exists\n  tolerationSeconds: 300',
    'pod',
    false,
    [{ kind: 'extra-line', path: 'spec.tolerations' }],
  ],
  [
    'under status an extra list item is stale (newer clusters add conditions)',
    DEPLOY,
    'status:\n  conditions:\n  - type: Available\n    status: "True"',
    'deploy',
    true,
    [{ kind: 'extra-line', stale: true, path: 'status.conditions' }],
  ],
  [
    'volatile values inside an excerpt',
    DEPLOY,
    'metadata:\n  ...\n  creationTimestamp: "2021-04-02T20:57:05Z"\n  uid: 07191fb3-4e54-4f49-a7bc-8a4e9f1f1b2c\n  resourceVersion: "4521"',
    'deploy',
    true,
    [],
  ],
  // pods-and-endpoint-termination-flow.md: JSON shown cut off, one item of a List.
  [
    'truncated JSON matches the List item it shows',
    EPS,
    '{\n    "addressType": "IPv4",\n    "apiVersion": "discovery.k8s.io/v1",\n    "endpoints": [\n        {\n            "addresses": [\n                "10.12.1.201"\n            ],\n            "conditions": {\n                "ready": true,\n                "serving": true,\n                "terminating": false',
    'eps',
    true,
    [],
  ],
  [
    'truncated JSON with a wrong value fails',
    EPS,
    '{\n    "addressType": "IPv4",\n    "endpoints": [\n        {\n            "conditions": {\n                "ready": false,',
    'eps',
    false,
    [{ kind: 'wrong-value', path: 'items[0].endpoints[0].conditions.ready', line: 6 }],
  ],
  [
    'a zone only some clusters set is reported, not failed',
    EPS,
    '{\n    "endpoints": [\n        {\n            "nodeName": "gke-main-default-pool-dca1511c-d17b",\n            "zone": "us-central1-c"\n        },\n        {',
    'eps',
    true,
    [{ kind: 'missing-line', environment: true, path: 'items[0].endpoints[0].zone' }],
  ],
  // quality-service-pod.md: a `...` under `containers:` hides the `- name:` line of an item.
  [
    "a ... in place of an item's first line matches the item it fits",
    QOS4,
    'spec:\n  containers:\n    ...\n    resources:\n      requests:\n        memory: 200Mi\n    ...\nstatus:\n  qosClass: Burstable',
    'pod-two-containers',
    true,
    [],
  ],
  [
    'such an item with a value no container has fails',
    QOS4,
    'spec:\n  containers:\n    ...\n    resources:\n      requests:\n        memory: 300Mi\n    ...',
    'pod-two-containers',
    false,
    [{ kind: 'wrong-value', path: 'spec.containers.resources.requests.memory', line: 6 }],
  ],
  [
    'groups separated by ... that repeat keys are several items',
    QOS4,
    'spec:\n  containers:\n    ...\n    name: qos-demo-4-ctr-1\n    resources:\n      requests:\n        memory: 200Mi\n    ...\n    name: qos-demo-4-ctr-2\n    resources: {}\n    ...\nstatus:\n  qosClass: Burstable',
    'pod-two-containers',
    true,
    [],
  ],
  [
    'each of those items is checked: the second container has no requests',
    QOS4,
    'spec:\n  containers:\n    ...\n    name: qos-demo-4-ctr-1\n    resources: {}\n    ...\n    name: qos-demo-4-ctr-2\n    resources:\n      requests:\n        memory: 100Mi\n    ...',
    'pod-two-containers',
    false,
    [{ kind: 'missing-line', path: 'spec.containers[3].resources.requests' }],
  ],
  [
    'the class after such an item is still compared',
    QOS4,
    'spec:\n  containers:\n    ...\n    resources: {}\n    ...\nstatus:\n  qosClass: Guaranteed',
    'pod-two-containers',
    false,
    [{ kind: 'wrong-value', path: 'status.qosClass' }],
  ],
  // update-api-object-kubectl-patch.md: the page stops at `template:`, the mapping it leads to left out.
  ['a bare key where the output goes on is where the page cut it', DEPLOY, 'spec:\n  strategy:\n    type: RollingUpdate\n  template:', 'deploy', true, []],
  [
    'a value before the cut is still compared',
    DEPLOY,
    'spec:\n  strategy:\n    type: Recreate\n  template:',
    'deploy',
    false,
    [{ kind: 'wrong-value', path: 'spec.strategy.type' }],
  ],
  [
    'an explicit null is a value, compared',
    DEPLOY,
    'spec:\n  strategy:\n    type: RollingUpdate\n  template: null',
    'deploy',
    false,
    [{ kind: 'wrong-value', path: 'spec.template' }],
  ],
];

describe('YAML and JSON excerpts', () => {
  test.each(CASES)('%s', (_name, command, expected, actual, ok, want) => {
    const r = matchOutput({ expected, actual: output(actual), mode: 'similar', line: 1, column: 1, command });
    expect(r.strategy).toBe('structured');
    expect(r.ok, JSON.stringify(r.differences, null, 2)).toBe(ok);
    for (const w of want) expect(r.differences).toContainEqual(expect.objectContaining(w));
    if (want.length === 0) expect(r.differences).toEqual([]);
  });

  test('an excerpt reports no extra keys; a whole object still reports them as stale', () => {
    const excerpt = matchOutput({ expected: 'spec:\n  replicas: 3', actual: output('deploy'), mode: 'similar', line: 1, column: 1, command: DEPLOY });
    expect(excerpt.differences).toEqual([]);
    const whole = matchOutput({
      expected: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 3',
      actual: output('deploy'),
      mode: 'similar',
      line: 1,
      column: 1,
      command: DEPLOY,
    });
    expect(whole.ok).toBe(true);
    expect(whole.differences.map((d) => d.path)).toContain('metadata');
    expect(whole.differences.every((d) => d.stale === true)).toBe(true);
  });

  test('YAML that does not parse is compared line by line, as before', () => {
    const broken = "spec:\n  replicas: 3\nlastUpdateTime: 2021-04-02T20:57:05Z\n    message: 'unable to create pods'";
    const r = matchOutput({ expected: broken, actual: output('deploy'), mode: 'similar', line: 1, column: 1, command: DEPLOY });
    expect(r.strategy).toBe('lines');
    expect(r.ok).toBe(false);
  });
});

describe('readDocDocument', () => {
  test('marks whole objects and excerpts', () => {
    expect(readDocDocument(['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: x'])?.excerpt).toBe(false);
    expect(readDocDocument(['apiVersion: v1', 'kind: Pod', '...'])?.excerpt).toBe(true);
    expect(readDocDocument(['spec:', '  replicas: 3'])?.excerpt).toBe(true);
    expect(readDocDocument(['just words here'])).toBeUndefined();
  });

  test('keeps one line per doc line, so key paths find their doc line', () => {
    const doc = readDocDocument(['spec:', '  ...', '  replicas: 3', '...']);
    expect(doc?.lines).toHaveLength(4);
  });
});

describe('closeTruncatedJson', () => {
  test.each([
    ['{"a": [1, 2', { a: [1, 2] }],
    ['{"a": {"b": true,', { a: { b: true } }],
    ['{"a": 1, "zone":', { a: 1 }],
    ['{"a": 1,\n"name": "gke-ma', { a: 1 }],
  ])('%j', (text, want) => {
    const closed = closeTruncatedJson(text);
    const strip = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.filter((i) => !(typeof i === 'string' && i.startsWith('\u0000'))).map(strip)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .filter(([k]) => !k.startsWith('\u0000'))
                .map(([k, x]) => [k, strip(x)]),
            )
          : v;
    expect(strip(JSON.parse(closed!))).toEqual(want);
  });

  test('leaves complete JSON alone', () => {
    expect(closeTruncatedJson('{"a": 1}')).toBeUndefined();
  });
});
