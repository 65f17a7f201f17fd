import { describe, expect, test } from 'vitest';
import { isTolerated, matchOutput } from '../../src/match/index.js';
import type { Difference } from '../../src/match/index.js';

const COMMAND = 'kubectl get svc my-nginx -o yaml | grep nodePort -C 5';

/** connect-applications-service: captured on an older Kubernetes. */
const DOC = `  uid: 07191fb3-f61a-11e5-8ae5-42010af00002
spec:
  clusterIP: 10.0.162.149
  ports:
  - name: http
    nodePort: 31704
    port: 8080
    protocol: TCP
    targetPort: 80
  - name: https
    nodePort: 32453
    port: 443
    protocol: TCP
    targetPort: 443
`;

/** A current cluster prints ipFamilies and ipFamilyPolicy, so the window starts lower. */
const ACTUAL = `  ipFamilies:
  - IPv4
  ipFamilyPolicy: SingleStack
  ports:
  - name: http
    nodePort: 30110
    port: 8080
    protocol: TCP
    targetPort: 80
  - name: https
    nodePort: 31279
    port: 443
    protocol: TCP
    targetPort: 443
  selector:
    run: my-nginx
`;

/** Compares in similar mode; `null` for no command. */
const run = (expected: string, actual: string, command: string | null = COMMAND) =>
  matchOutput({ expected, actual, mode: 'similar', line: 1, column: 1, ...(command !== null ? { command } : {}) });

const MOVED = 'grep -C 5 window: the window moved because the cluster prints fields the doc lacks';

describe('grep context windows', () => {
  test('should pass when new fields move the window, with the pushed-out and pulled-in lines stale', () => {
    const r = run(DOC, ACTUAL);
    expect(r.ok).toBe(true);
    expect(r.diff).toBe('');
    expect(r.strategy).toBe('lines');
    expect(r.differences).toEqual([
      {
        kind: 'missing-line',
        message: `missing in actual output: uid: 07191fb3-f61a-11e5-8ae5-42010af00002 (outside the ${MOVED})`,
        line: 1,
        column: 3,
        expected: 'uid: 07191fb3-f61a-11e5-8ae5-42010af00002',
        stale: true,
      },
      { kind: 'missing-line', message: `missing in actual output: spec: (outside the ${MOVED})`, line: 2, column: 1, expected: 'spec:', stale: true },
      {
        kind: 'missing-line',
        message: `missing in actual output: clusterIP: 10.0.162.149 (outside the ${MOVED})`,
        line: 3,
        column: 3,
        expected: 'clusterIP: 10.0.162.149',
        stale: true,
      },
      { kind: 'extra-line', message: `extra in actual output: ipFamilies: (pulled into the ${MOVED})`, line: 3, column: 3, actual: 'ipFamilies:', stale: true },
      { kind: 'extra-line', message: `extra in actual output: - IPv4 (pulled into the ${MOVED})`, line: 3, column: 3, actual: '- IPv4', stale: true },
      {
        kind: 'extra-line',
        message: `extra in actual output: ipFamilyPolicy: SingleStack (pulled into the ${MOVED})`,
        line: 3,
        column: 3,
        actual: 'ipFamilyPolicy: SingleStack',
        stale: true,
      },
      { kind: 'extra-line', message: `extra in actual output: selector: (pulled into the ${MOVED})`, line: 14, column: 5, actual: 'selector:', stale: true },
      {
        kind: 'extra-line',
        message: `extra in actual output: run: my-nginx (pulled into the ${MOVED})`,
        line: 14,
        column: 5,
        actual: 'run: my-nginx',
        stale: true,
      },
    ]);
    expect(r.bindings).toEqual([
      { doc: '31704', actual: '30110', kind: 'node-port' },
      { doc: '32453', actual: '31279', kind: 'node-port' },
    ]);
  });

  test.each<[string | null, string]>([
    ['kubectl get svc my-nginx -o yaml | grep nodePort', 'grep without a context option'],
    ['kubectl get svc my-nginx -o yaml', 'no grep'],
    ['kubectl get svc my-nginx -o yaml | grep nodePort -C 5 | head -20', 'grep not the last stage'],
    [null, 'no command'],
  ])('should fail on the same texts for %s (%s)', (command) => {
    const r = run(DOC, ACTUAL, command);
    expect(r.ok).toBe(false);
    expect(r.differences.find((d) => d.expected === 'spec:')).toEqual({
      kind: 'missing-line',
      message: 'missing in actual output: spec:',
      line: 2,
      column: 1,
      expected: 'spec:',
    });
  });

  test('should fail on a wrong value inside the window', () => {
    const r = run(DOC, ACTUAL.replace('port: 8080', 'port: 80'));
    expect(r.ok).toBe(false);
    expect(r.differences).toContainEqual({
      kind: 'wrong-value',
      message: 'port: doc 8080, actual 80',
      line: 7,
      column: 5,
      expected: 'port: 8080',
      actual: 'port: 80',
    });
    // A wrong value inside a window means it did not merely move: the edge lines fail too.
    expect(r.differences.find((d) => d.expected === 'spec:')?.stale).toBeUndefined();
  });

  test('should fail when a hit line of the doc is missing', () => {
    const actual = ACTUAL.replace(/ {2}- name: https\n(?:.*\n){4}/, '');
    const r = run(DOC, actual);
    expect(r.ok).toBe(false);
    expect(r.differences).toContainEqual(expect.objectContaining({ kind: 'missing-line', line: 11, expected: 'nodePort: 32453' }));
  });

  test('should fail when the actual output has a hit the doc lacks', () => {
    const actual = ACTUAL.replace('  selector:\n', '  - name: metrics\n    nodePort: 31000\n    port: 9153\n  selector:\n');
    const r = run(DOC, actual);
    expect(r.ok).toBe(false);
    expect(r.differences).toContainEqual(expect.objectContaining({ kind: 'extra-line', actual: 'nodePort: 31000' }));
    expect(r.differences.filter((d) => d.kind === 'missing-line').every((d) => d.stale === undefined)).toBe(true);
  });

  test('should fail when a doc line is missing between aligned lines of a group', () => {
    const r = run(DOC, ACTUAL.replace('    protocol: TCP\n    targetPort: 80\n', '    targetPort: 80\n'));
    expect(r.ok).toBe(false);
    expect(r.differences).toContainEqual({
      kind: 'missing-line',
      message: 'missing in actual output: protocol: TCP',
      line: 8,
      column: 5,
      expected: 'protocol: TCP',
    });
    expect(r.differences.find((d) => d.expected === 'spec:')?.stale).toBeUndefined();
  });

  test('should fail when more lines moved at an edge than grep prints there', () => {
    const r = run(DOC, ACTUAL, 'kubectl get svc my-nginx -o yaml | grep nodePort -C 2');
    expect(r.ok).toBe(false);
    expect(r.differences.filter((d) => d.kind === 'missing-line')).toHaveLength(3);
    expect(r.differences.some((d) => d.kind === 'missing-line' && d.stale)).toBe(false);
  });

  test('should still report a wrong value at an edge when both lines are about the same key', () => {
    const doc = '    nodePort: 31704\n    port: 8080\n    protocol: TCP\n    targetPort: 80\n';
    const r = run(doc, doc.replace('targetPort: 80', 'targetPort: 8080'), 'kubectl get svc my-nginx -o yaml | grep -A 3 nodePort');
    expect(r.ok).toBe(false);
    expect(r.differences).toEqual([
      { kind: 'wrong-value', message: 'targetPort: doc 80, actual 8080', line: 4, column: 5, expected: 'targetPort: 80', actual: 'targetPort: 8080' },
    ]);
  });

  test('should take each group between `--` lines on its own', () => {
    const doc =
      '  uid: 1c5e9f3a-0000-4000-8000-000000000001\nspec:\n  clusterIP: 10.0.162.149\n--\n  uid: 1c5e9f3a-0000-4000-8000-000000000002\nspec:\n  clusterIP: 10.0.171.12\n';
    const actual =
      'spec:\n  allocateLoadBalancerNodePorts: true\n  clusterIP: 10.96.12.7\n--\nspec:\n  allocateLoadBalancerNodePorts: true\n  clusterIP: 10.96.80.3\n';
    const r = run(doc, actual, 'kubectl get svc a b -o yaml | grep -B 2 clusterIP:');
    expect(r.ok).toBe(true);
    expect(r.differences.filter((d) => d.kind === 'missing-line')).toMatchObject([
      { line: 1, stale: true, message: expect.stringContaining('outside the grep -B 2 window') },
      { line: 5, stale: true, message: expect.stringContaining('outside the grep -B 2 window') },
    ]);
  });

  test('should not take lines next to a `...` line for window edges', () => {
    const r = run(
      '    nodePort: 31704\n...\n    sessionAffinity: None\n',
      '    nodePort: 30110\n    port: 8080\n    protocol: TCP\n',
      'kubectl get svc my-nginx -o yaml | grep -A 3 nodePort',
    );
    expect(r.ok).toBe(false);
    expect(r.differences).toEqual([
      { kind: 'missing-line', message: 'missing in actual output: sessionAffinity: None', line: 3, column: 5, expected: 'sessionAffinity: None' },
    ]);
  });

  test('should compare grep output line by line even when the doc parses as YAML', () => {
    const doc = 'ports:\n- name: http\n  nodePort: 31704\n  port: 80\n';
    const r = run(
      doc,
      'ports:\n- appProtocol: http\n  name: http\n  nodePort: 30110\n  port: 80\n',
      'kubectl get svc my-nginx -o yaml | grep -B 2 -A 1 nodePort',
    );
    expect(r.strategy).toBe('lines');
  });
});

describe('isTolerated', () => {
  const at = { line: 1, column: 1, message: 'm' };
  test.each<[Difference, 'similar' | 'exact', boolean]>([
    [{ kind: 'missing-line', stale: true, ...at }, 'similar', true],
    [{ kind: 'missing-line', stale: true, ...at }, 'exact', false],
    [{ kind: 'missing-line', ...at }, 'similar', false],
    [{ kind: 'extra-line', stale: true, ...at }, 'similar', true],
    [{ kind: 'extra-line', ...at }, 'similar', false],
    [{ kind: 'column-layout', stale: true, ...at }, 'similar', true],
    // A renamed field is stale but still fails: the doc names a field the cluster calls otherwise.
    [{ kind: 'wrong-value', stale: true, ...at }, 'similar', false],
    [{ kind: 'wrong-value', environment: true, ...at }, 'similar', true],
    [{ kind: 'wrong-value', environment: true, ...at }, 'exact', false],
    // A key only some environments print (an EndpointSlice's zone, a kubeconfig's CA path).
    [{ kind: 'missing-line', environment: true, ...at }, 'similar', true],
    [{ kind: 'missing-line', environment: true, ...at }, 'exact', false],
    // A row of an object the distribution installs (kind's local-path-storage namespace).
    [{ kind: 'extra-line', environment: true, ...at }, 'similar', true],
    [{ kind: 'extra-line', environment: true, ...at }, 'exact', false],
    [{ kind: 'exit-status', environment: true, ...at }, 'similar', false],
  ])('%j in %s mode → %s', (d, mode, tolerated) => {
    expect(isTolerated(d, mode)).toBe(tolerated);
  });
});
