import { describe, expect, test } from 'vitest';
import { matchOutput } from '../../src/match/index.js';

const CMD = 'kubectl rollout status deployment/web';
const run = (expected: string, actual: string, command = CMD) => matchOutput({ expected, actual, mode: 'similar', line: 20, column: 1, command });

const WAIT = 'Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...';
const AVAIL = 'Waiting for deployment "web" rollout to finish: 1 of 2 updated replicas are available...';
const DONE = 'deployment "web" successfully rolled out';

describe('rollout status progress lines', () => {
  test.each([
    ['progress then done, run finished at once', `${WAIT}\n${DONE}`, DONE],
    ['progress then done, run saw other progress', `${WAIT}\n${DONE}`, `${AVAIL}\n${DONE}`],
    ['done only, run printed progress first', DONE, `${WAIT}\n${AVAIL}\n${DONE}`],
    ['the doc copied a rollout still going; this run finished', WAIT, DONE],
    [
      'daemon set and statefulset wordings',
      'Waiting for daemon set "d" rollout to finish: 0 out of 1 new pods have been updated...\ndaemon set "d" successfully rolled out',
      'daemon set "d" successfully rolled out',
    ],
    [
      'statefulset partitioned',
      'Waiting for partitioned roll out to finish: 0 out of 1 new pods have been updated...\nWaiting for 1 pods to be ready...\npartitioned roll out complete: 1 new pods have been updated...',
      'partitioned roll out complete: 1 new pods have been updated...',
    ],
  ])('passes: %s', (_name, doc, actual) => {
    expect(run(doc, actual).differences).toEqual([]);
  });

  test.each([
    [
      'a progress line in a wording kubectl 1.32 never prints',
      `Waiting for rollout to finish: 1 out of 2 new replicas have been updated...\n${DONE}`,
      DONE,
      20,
    ],
    ['the wrong object finished', `${WAIT}\ndeployment "api" successfully rolled out`, DONE, 21],
    ['the run failed where the doc shows progress only', WAIT, 'error: deployment "web" exceeded its progress deadline', 20],
    ['the doc says done, the run timed out', DONE, `${WAIT}\nerror: timed out waiting for the condition`, 20],
  ])('fails: %s', (_name, doc, actual, line) => {
    const r = run(doc, actual);
    expect(r.ok).toBe(false);
    expect(r.differences[0]!.line).toBe(line);
  });

  test('other commands still compare progress-like lines', () => {
    expect(run(`${WAIT}\n${DONE}`, DONE, 'cat rollout.log').ok).toBe(false);
  });
});
