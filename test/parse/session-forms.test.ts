import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/index.js';
import { BOTH_COMMANDS_CUE } from '../../src/parse/data/cues.js';
import { commands } from './helpers.js';

const lesson = (src: string[]) => parseMarkdown(src.join('\n'), { path: 'p.md', examplesDir: 'none' });

describe('a fence of commands typed in a pod shell', () => {
  it('reads a program installed on the line before as the next command, not as its output', () => {
    const steps = commands(lesson(['```shell', 'kubectl exec -it web -- /bin/bash', '```', '', '```shell', 'apt-get install -y lsof', 'lsof', '```', '']));
    expect(steps.map((s) => [s.command, s.host.kind, s.expected?.text ?? null])).toEqual([
      ['kubectl exec -it web -- /bin/bash', 'local', null],
      ['apt-get install -y lsof', 'pod', null],
      ['lsof', 'pod', null],
    ]);
  });
});

describe('leaving a pod shell', () => {
  it('ends the session at `exit` with a trailing comment, so later lines are the reader machine again', () => {
    const steps = commands(
      lesson([
        '```shell',
        'kubectl exec -it web -- sh',
        '```',
        '',
        '```shell',
        'ls /',
        '```',
        '',
        '```shell',
        'exit # To quit the shell in the container',
        '```',
        '',
        '```shell',
        'ls /',
        '```',
        '',
      ]),
    );
    expect(steps.map((s) => [s.command, s.host.kind])).toEqual([
      ['kubectl exec -it web -- sh', 'local'],
      ['ls /', 'pod'],
      ['exit # To quit the shell in the container', 'pod'],
      ['ls /', 'local'],
    ]);
  });
});

describe("lines typed at a database client's prompt", () => {
  const src = [
    '```shell',
    'kubectl exec -it cache -- redis-cli',
    '```',
    '',
    'Read a key:',
    '',
    '```shell',
    '127.0.0.1:6379> GET greeting',
    '```',
    '',
    'The reply is:',
    '',
    '```',
    '"hello"',
    '```',
    '',
    '```shell',
    '127.0.0.1:6379> DBSIZE',
    '(integer) 1',
    '127.0.0.1:6379> PING',
    'PONG',
    '```',
    '',
    '```shell',
    'kubectl delete pod cache',
    '```',
    '',
  ];

  it('reads each prompt line as a command typed in that client, with the replies after it as its output', () => {
    const steps = commands(lesson(src));
    expect(steps.map((s) => [s.command, s.host.kind, s.host.kind === 'pod' ? s.host.client : undefined, s.expected?.text ?? null])).toEqual([
      ['kubectl exec -it cache -- redis-cli', 'local', undefined, null],
      ['GET greeting', 'pod', 'redis-cli', '"hello"'],
      ['DBSIZE', 'pod', 'redis-cli', '(integer) 1'],
      ['PING', 'pod', 'redis-cli', 'PONG'],
      ['kubectl delete pod cache', 'local', undefined, null],
    ]);
  });

  it('reads a client started from the pod shell (`redis-cli -h cache`) as opening its prompt in that pod', () => {
    const steps = commands(
      lesson([
        '```shell',
        'kubectl run -it temp --image=redis --command -- /bin/sh',
        '```',
        '',
        '```shell',
        'redis-cli -h cache',
        '```',
        '',
        '```console',
        'cache:6379> RPUSH jobs "a"',
        '(integer) 1',
        'cache:6379> LLEN jobs',
        '(integer) 1',
        '```',
        '',
      ]),
    );
    expect(steps.map((s) => [s.command, s.host.kind, s.host.kind === 'pod' ? s.host.client : undefined, s.expected?.text ?? null])).toEqual([
      ['kubectl run -it temp --image=redis --command -- /bin/sh', 'local', undefined, null],
      ['redis-cli -h cache', 'pod', undefined, null],
      ['RPUSH jobs "a"', 'pod', 'redis-cli', '(integer) 1'],
      ['LLEN jobs', 'pod', 'redis-cli', '(integer) 1'],
    ]);
  });

  it('keeps a one-shot client call in the pod shell a shell line (`redis-cli -h cache PING`)', () => {
    const steps = commands(
      lesson(['```shell', 'kubectl exec -it temp -- sh', '```', '', '```shell', 'redis-cli -h cache PING', '```', '', '```shell', 'ls /', '```', '']),
    );
    expect(steps.map((s) => [s.command, s.host.kind, s.host.kind === 'pod' ? s.host.client : undefined])).toEqual([
      ['kubectl exec -it temp -- sh', 'local', undefined],
      ['redis-cli -h cache PING', 'pod', undefined],
      ['ls /', 'pod', undefined],
    ]);
  });

  it('leaves a prompt block alone when no client is open: it is output, as before', () => {
    const steps = commands(lesson(['```shell', 'kubectl get pods', '```', '', '```', '127.0.0.1:6379> PING', 'PONG', '```', '']));
    expect(steps.map((s) => [s.command, s.expected?.text ?? null])).toEqual([['kubectl get pods', '127.0.0.1:6379> PING\nPONG']]);
  });

  it('does not run an unprompted line as the client, nor as a shell line', () => {
    const steps = commands(lesson(['```shell', 'kubectl exec -it db -- mysql -uroot', '```', '', '```sql', 'SHOW DATABASES;', '```', '']));
    expect(steps.map((s) => s.host.kind)).toEqual(['local']);
  });
});

describe('`exit` with no session open', () => {
  it('is not run on the reader machine: the shell it leaves was opened before a heading', () => {
    const steps = commands(
      lesson([
        '```shell',
        'kubectl exec -it web -- bash',
        '```',
        '',
        '## Next part',
        '',
        '```shell',
        'exit # To quit the shell in the container',
        '```',
        '',
        '```shell',
        'kubectl get pods',
        '```',
        '',
      ]),
    );
    expect(steps.map((s) => [s.command, s.host.kind])).toEqual([
      ['kubectl exec -it web -- bash', 'local'],
      ['exit # To quit the shell in the container', 'unknown'],
      ['kubectl get pods', 'local'],
    ]);
  });

  it('names the program that leaves, as the command model reads it (`exit;` is `exit`)', () => {
    const [step] = commands(lesson(['```shell', 'exit;', '```', '']));
    expect(step!.host).toMatchObject({ kind: 'unknown', source: { by: 'program', text: 'exit' } });
  });
});

describe('one output block for two commands the prose names together', () => {
  it.each(BOTH_COMMANDS_CUE.trigger)('%s → both commands get it', (cue) => {
    const steps = commands(
      lesson([
        'Check it:',
        '',
        '```shell',
        'kubectl get ds/web -o jsonpath={.spec.updateStrategy.type}',
        '```',
        '',
        'Or, before creating it:',
        '',
        '```shell',
        'kubectl apply -f ds.yaml --dry-run=client -o jsonpath={.spec.updateStrategy.type}',
        '```',
        '',
        cue,
        '',
        '```',
        'RollingUpdate',
        '```',
        '',
      ]),
    );
    expect(steps.map((s) => s.expected?.text ?? null)).toEqual(['RollingUpdate', 'RollingUpdate']);
  });

  it.each(BOTH_COMMANDS_CUE.clean)('%s → only the last one', (cue) => {
    const steps = commands(
      lesson([
        '```shell',
        'kubectl get ds/web -o jsonpath={.spec.updateStrategy.type}',
        '```',
        '',
        '```shell',
        'kubectl apply -f ds.yaml --dry-run=client -o jsonpath={.spec.updateStrategy.type}',
        '```',
        '',
        cue,
        '',
        '```',
        'RollingUpdate',
        '```',
        '',
      ]),
    );
    expect(steps.map((s) => s.expected?.text ?? null)).toEqual([null, 'RollingUpdate']);
  });
});

describe('a variable set inside a pod shell', () => {
  it('keeps a later line that uses it off the reader machine, after a heading closed the session', () => {
    const steps = commands(
      lesson([
        '```shell',
        'kubectl run -it temp --image=ubuntu -- bash',
        '```',
        '',
        '```shell',
        'root@temp:/# export QUEUE_URL=amqp://guest@queue:5672',
        'root@temp:/# queue-ping --url=$QUEUE_URL',
        '```',
        '',
        '## Fill the queue',
        '',
        '```shell',
        'queue-publish --url=${QUEUE_URL} -b apple',
        'echo done',
        '```',
        '',
        '```shell',
        'export QUEUE_URL=amqp://localhost:5672',
        'curl -s $QUEUE_URL',
        '```',
        '',
      ]),
    );
    expect(steps.map((s) => [s.command, s.host.kind])).toEqual([
      ['kubectl run -it temp --image=ubuntu -- bash', 'local'],
      ['export QUEUE_URL=amqp://guest@queue:5672', 'pod'],
      ['queue-ping --url=$QUEUE_URL', 'pod'],
      ['queue-publish --url=${QUEUE_URL} -b apple', 'unknown'],
      ['echo done', 'local'],
      ['export QUEUE_URL=amqp://localhost:5672', 'local'],
      ['curl -s $QUEUE_URL', 'local'],
    ]);
    const unknown = steps[3]!.host;
    expect(unknown.kind === 'unknown' && unknown.reason).toBe(
      "uses $QUEUE_URL, which the page set in a pod's shell (line 6); which shell it is typed in is not known here",
    );
  });
});
