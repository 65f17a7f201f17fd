import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { matchOutput } from '../../src/match/index.js';
import type { Difference } from '../../src/match/index.js';
import { segmentLines } from '../../src/match/table-parse.js';

const output = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/match/outputs', `${name}.txt`), 'utf8');
const PODS = 'kubectl get pods -o wide';

/** [case, command, doc table, actual output, ok, differences that must be reported]. */
type Case = [string, string, string, string, boolean, Partial<Difference>[]];

const P1 = 'nginx-deployment-7768647bf9-b4b9s';
const P2 = 'nginx-deployment-7768647bf9-rkxlw';

const CASES: Case[] = [
  [
    'a ... column elides the columns there',
    PODS,
    `NAME   READY   STATUS    ...   NODE\n${P1}   1/1   Running   ...   gke-main-default-pool-dca1511c-d17b\n${P2}   1/1   Running   ...   gke-main-default-pool-dca1511c-d17b`,
    'pods',
    true,
    [],
  ],
  [
    'a ... column does not excuse a wrong status',
    PODS,
    `NAME   READY   STATUS    ...   NODE\n${P1}   1/1   Running   ...   gke-1\n${P2}   1/1   Pending   ...   gke-1`,
    'pods',
    false,
    [{ kind: 'wrong-value', line: 3, message: 'column STATUS: doc Pending, actual Running' }],
  ],
  [
    'a ... column does not excuse a column the cluster lacks',
    PODS,
    `NAME   READY   STATUS    ...   ZONE\n${P1}   1/1   Running   ...   us-1\n${P2}   1/1   Running   ...   us-1`,
    'pods',
    false,
    [{ kind: 'column-layout', message: 'column ZONE missing in actual table' }],
  ],
  [
    'a header and rows ending in ... elide the rest of the row',
    PODS,
    `NAME                                READY   STATUS    RESTARTS   ...\n${P1}   1/1     Running   0          ...\n${P2}   1/1     Running   0          ...`,
    'pods',
    true,
    [],
  ],
  [
    'rows ending in ... still compare the cells they show',
    PODS,
    `NAME                                READY   STATUS    RESTARTS   ...\n${P1}   0/1     Running   0          ...\n${P2}   1/1     Running   0          ...`,
    'pods',
    false,
    [{ kind: 'wrong-value', message: 'column READY: doc 0/1, actual 1/1' }],
  ],
  [
    'a ... row elides rows',
    PODS,
    `NAME                                READY   STATUS    RESTARTS   AGE   IP            NODE                 NOMINATED NODE   READINESS GATES\n${P1}   1/1     Running   0          5s    10.244.0.12   kind-control-plane   <none>           <none>\n...`,
    'pods',
    true,
    [],
  ],
  [
    'without a ... row an extra actual row fails',
    PODS,
    `NAME                                READY   STATUS    RESTARTS   AGE   IP            NODE                 NOMINATED NODE   READINESS GATES\n${P1}   1/1     Running   0          5s    10.244.0.12   kind-control-plane   <none>           <none>`,
    'pods',
    false,
    [{ kind: 'extra-line' }],
  ],
  // assign-pods-nodes-using-node-affinity.md: a LABELS cell that elides the labels before.
  [
    'a comma list with ... matches the labels it shows, in order',
    'kubectl get nodes --show-labels',
    'NAME      STATUS    ROLES    AGE     VERSION        LABELS\nworker0   Ready     control-plane   1d      v1.32.4        ...,kubernetes.io/hostname=worker0',
    'nodes',
    true,
    [],
  ],
  [
    'a comma list with ... fails on a label the node lacks',
    'kubectl get nodes --show-labels',
    'NAME      STATUS    ROLES    AGE     VERSION        LABELS\nworker0   Ready     control-plane   1d      v1.32.4        ...,disktype=ssd,kubernetes.io/hostname=worker0',
    'nodes',
    false,
    [{ kind: 'wrong-value', message: 'column LABELS' }],
  ],
];

describe('inline ... in tables', () => {
  test.each(CASES)('%s', (_name, command, expected, actual, ok, want) => {
    const r = matchOutput({ expected, actual: output(actual), mode: 'similar', line: 1, column: 1, command });
    expect(r.strategy).toBe('table');
    expect(r.ok, JSON.stringify(r.differences, null, 2)).toBe(ok);
    for (const w of want) {
      const { message, ...rest } = w;
      expect(
        r.differences.some(
          (d) => Object.entries(rest).every(([k, v]) => d[k as keyof Difference] === v) && (message === undefined || d.message.includes(message)),
        ),
        JSON.stringify(r.differences),
      ).toBe(true);
    }
    if (want.length === 0) expect(r.differences.filter((d) => d.environment !== true)).toEqual([]);
  });

  test('a ... token in a header is a column of its own, marked as elided', () => {
    const [seg] = segmentLines([{ text: 'NAME   READY   STATUS ...   AGE', index: 0 }]);
    expect(seg?.kind).toBe('table');
    if (seg?.kind !== 'table') return;
    expect(seg.table.columns.map((c) => [c.name, c.elision === true])).toEqual([
      ['NAME', false],
      ['READY', false],
      ['STATUS', false],
      ['...', true],
      ['AGE', false],
    ]);
  });

  test('an inline ... in a line elides text there; a real difference elsewhere still fails', () => {
    const ok = matchOutput({
      expected: 'deployment.apps/my-nginx ... rolled out',
      actual: 'deployment.apps/my-nginx successfully rolled out',
      mode: 'similar',
      line: 1,
      column: 1,
    });
    expect(ok.ok).toBe(true);
    const bad = matchOutput({
      expected: 'deployment.apps/my-nginx ... rolled out',
      actual: 'deployment.apps/my-nginx successfully rolled back',
      mode: 'similar',
      line: 1,
      column: 1,
    });
    expect(bad.ok).toBe(false);
    // `...` inside a word is text, not an elision: kubectl prints `Waiting...`.
    const word = matchOutput({ expected: 'Waiting...', actual: 'Waiting for rollout', mode: 'similar', line: 1, column: 1 });
    expect(word.ok).toBe(false);
  });
});
