import { describe, expect, test } from 'vitest';
import { matchOutput } from '../../src/match/index.js';
import { STATE_TIMES, stateTimeOf } from '../../src/match/unset-times.js';

const getYaml = 'kubectl get pod memory-demo-2 --output=yaml';
const similar = (expected: string, actual: string) => matchOutput({ expected, actual, mode: 'similar', line: 1, column: 0, command: getYaml });

const status = (terminated: string) => `apiVersion: v1
kind: Pod
metadata:
  name: memory-demo-2
status:
  containerStatuses:
  - name: ctr
    lastState:
      terminated:
${terminated
  .split('\n')
  .map((l) => `        ${l}`)
  .join('\n')}
`;

const actualTerminated =
  'containerID: containerd://4f2a9c1e7b3d5a6f8e9d0c1b2a3f4e5d\nexitCode: 137\nfinishedAt: "2026-12-07T23:26:09Z"\nreason: OOMKilled\nstartedAt: "2026-12-07T23:26:08Z"';

describe('a doc null in a container state time', () => {
  test('terminated.startedAt null (an older kubelet left it unset) is stale, not a failure', () => {
    const doc = 'containerID: docker://65183c1877aa\nexitCode: 137\nfinishedAt: 2017-06-20T20:52:19Z\nreason: OOMKilled\nstartedAt: null';
    const r = similar(status(doc), status(actualTerminated));
    expect(r.ok).toBe(true);
    expect(r.differences).toMatchObject([{ kind: 'extra-line', stale: true, actual: '2026-12-07T23:26:08Z', message: expect.stringContaining('45977') }]);
  });

  test('terminated.finishedAt null fails: every kubelet reports when an exited container finished', () => {
    const doc = 'containerID: docker://65183c1877aa\nexitCode: 137\nfinishedAt: null\nreason: OOMKilled\nstartedAt: 2017-06-20T20:52:18Z';
    const r = similar(status(doc), status(actualTerminated));
    expect(r.ok).toBe(false);
    expect(r.differences).toMatchObject([{ kind: 'wrong-value', message: expect.stringContaining('every exited container finished') }]);
  });

  test('another key holding null where the cluster has a time stays a difference', () => {
    const doc = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  creationTimestamp: null\n';
    const r = similar(doc, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  creationTimestamp: "2026-12-07T23:26:08Z"\n');
    expect(r.ok).toBe(false);
  });

  test('the table decides by state and key, and only over a timestamp', () => {
    expect(stateTimeOf(['status', 'containerStatuses', 0, 'lastState', 'terminated', 'startedAt'], '2026-12-07T23:26:08Z')?.docNull).toBe('stale');
    expect(stateTimeOf(['status', 'containerStatuses', 0, 'state', 'running', 'startedAt'], '2026-12-07T23:26:08Z')?.docNull).toBe('wrong');
    expect(stateTimeOf(['status', 'containerStatuses', 0, 'lastState', 'terminated', 'startedAt'], 'soon')).toBeUndefined();
    expect(stateTimeOf(['status', 'startTime'], '2026-12-07T23:26:08Z')).toBeUndefined();
    expect(STATE_TIMES.every((t) => t.why.length > 0)).toBe(true);
  });
});
