import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/index.js';
import type { CommandStep } from '../../src/plan/types.js';

const commands = (md: string) => parseMarkdown(md, { path: 'doc.md', readFile: () => undefined }).steps.filter((s): s is CommandStep => s.kind === 'command');

const page = (comment: string) =>
  [
    '## Start',
    '',
    'In one terminal, watch the Pods:',
    '',
    '```shell',
    'kubectl get pods --watch -l app=db',
    '```',
    '',
    'In a second terminal, delete them:',
    '',
    '```shell',
    'kubectl delete pod -l app=db',
    '```',
    '```',
    'pod "db-0" deleted',
    '```',
    '',
    '### Looking at it',
    '',
    'Look at the first terminal again.',
    '',
    '```shell',
    comment,
    'kubectl get pod -l app=db -w',
    '```',
    '```',
    'NAME   READY   STATUS        RESTARTS   AGE',
    'db-0   1/1     Terminating   0          1m',
    '```',
    '',
  ].join('\n');

describe('a watch shown again as still running', () => {
  it('is the earlier watch: its output is the earlier step’s, and no second watch is started', () => {
    const steps = commands(page('# This should already be running'));
    expect(steps.map((s) => s.command)).toEqual(['kubectl get pods --watch -l app=db', 'kubectl delete pod -l app=db']);
    const watch = steps[0]!;
    expect(watch.concurrent?.line).toBe(3);
    expect(watch.expected?.text).toBe('NAME   READY   STATUS        RESTARTS   AGE\ndb-0   1/1     Terminating   0          1m');
    expect(watch.expected?.position.line).toBe(27);
  });

  it('is the earlier watch also when the prose turns back to the first terminal', () => {
    const steps = commands(
      page('# This should already be running').replace(
        'Look at the first terminal again.',
        'Examine the output of the `kubectl get` command in the first terminal.',
      ),
    );
    expect(steps.map((s) => s.command)).toEqual(['kubectl get pods --watch -l app=db', 'kubectl delete pod -l app=db']);
    expect(steps[0]!.expected?.text).toContain('db-0   1/1     Terminating');
  });

  it('is a new step when the block does not say it is already running', () => {
    const steps = commands(page('# Start a new watch'));
    expect(steps.map((s) => s.command)).toEqual(['kubectl get pods --watch -l app=db', 'kubectl delete pod -l app=db', 'kubectl get pod -l app=db -w']);
    expect(steps[0]!.expected).toBeNull();
    expect(steps[2]!.expected?.text).toContain('db-0');
  });

  it('is a new step when the command differs (another selector)', () => {
    const steps = commands(page('# This should already be running').replace('kubectl get pod -l app=db -w', 'kubectl get pod -l app=web -w'));
    expect(steps).toHaveLength(3);
    expect(steps[0]!.expected).toBeNull();
  });

  it('starts again before the action above it when the earlier watch already showed its output', () => {
    const md = [
      '## Update',
      '',
      '```shell',
      'kubectl get pod -l app=db --watch',
      '```',
      '```',
      'NAME   READY   STATUS    RESTARTS   AGE',
      'db-0   1/1     Running   0          1m',
      '```',
      '',
      'Delete the Pod:',
      '',
      '```shell',
      'kubectl delete pod db-0',
      '```',
      '',
      '```shell',
      '# This should already be running',
      'kubectl get pod -l app=db --watch',
      '```',
      '```',
      'NAME   READY   STATUS        RESTARTS   AGE',
      'db-0   1/1     Terminating   0          1m',
      '```',
      '',
    ].join('\n');
    const steps = commands(md);
    expect(steps.map((s) => [s.line, s.command, s.concurrent?.line ?? null])).toEqual([
      [4, 'kubectl get pod -l app=db --watch', null],
      [19, 'kubectl get pod -l app=db --watch', 18],
      [14, 'kubectl delete pod db-0', null],
    ]);
    expect(steps[1]!.expected?.text).toContain('Terminating');
  });
});
