import { describe, expect, it } from 'vitest';
import { prepareCommand } from '../../src/run/rewrite/index.js';
import { execTty } from '../../src/run/rewrite/interactive.js';
import type { CommandStep } from '../../src/plan/types.js';
import type { RewriteContext } from '../../src/run/rewrite/types.js';
import { cmd } from './plan-builder.js';

const ctx = (podShell: RewriteContext['podShell']) =>
  ({ steps: [], index: 0, runDir: '/tmp/x', examples: new Map(), capabilities: {}, podShell, watchMs: 30_000 }) as unknown as RewriteContext;

const typed = (command: string, client: string): CommandStep => ({
  ...cmd(9, command),
  host: { kind: 'pod', name: 'cache', client, source: { by: 'session', line: 3, text: 'kubectl exec -it cache -- redis-cli' } },
});

describe("a database client's prompt", () => {
  it('opens, for `kubectl exec -it POD -- redis-cli -n 2`, a client the following lines are typed in', () => {
    const p = execTty('kubectl exec -it cache -n shop -- redis-cli -n 2', cmd(3, 'kubectl exec -it cache -n shop -- redis-cli -n 2'), ctx(null));
    expect(p).toMatchObject({
      action: 'run',
      pty: true,
      opensPodShell: { target: 'cache', flags: ['-n', 'shop'], client: { program: 'redis-cli', args: ['-n', '2'] } },
    });
  });

  it('runs a line typed in redis-cli as one call of it, with the arguments it was opened with, under a terminal', () => {
    const shell = { target: 'cache', flags: [], line: 3, removeAfter: false, tty: true, client: { program: 'redis-cli', args: ['-n', '2'] } };
    const p = prepareCommand(typed('GET greeting', 'redis-cli'), 'GET greeting', ctx(shell));
    expect(p).toMatchObject({ action: 'run', pty: true });
    if (p.action !== 'run') return;
    expect(p.script).toContain("sh -c '\\''redis-cli -n 2 GET greeting'\\''");
    expect(p.rewrites.at(-1)!.reason).toBe('typed in the redis-cli client opened at line 3, run as one call of it');
  });

  it('runs a line typed in mysql with -e', () => {
    const shell = { target: 'db', flags: [], line: 3, removeAfter: false, tty: false, client: { program: 'mysql', args: ['-uroot'] } };
    const p = prepareCommand(typed('SHOW DATABASES;', 'mysql'), 'SHOW DATABASES;', ctx(shell));
    expect(p.action === 'run' && p.script).toBe("kubectl exec -i db -- sh -c 'mysql -uroot -e '\\''SHOW DATABASES;'\\'''");
  });

  it('opens the client, in the same pod, when a line of the pod shell starts it at its prompt', () => {
    const shell = { target: 'temp', flags: ['-n', 'jobs'], line: 3, removeAfter: true, tty: true };
    const inPod = (command: string): CommandStep => ({
      ...cmd(7, command),
      host: { kind: 'pod', name: 'temp', source: { by: 'session', line: 3, text: 'kubectl run -it temp' } },
    });
    expect(prepareCommand(inPod('redis-cli -h cache'), 'redis-cli -h cache', ctx(shell))).toMatchObject({
      action: 'run',
      opensPodShell: { target: 'temp', flags: ['-n', 'jobs'], client: { program: 'redis-cli', args: ['-h', 'cache'] } },
    });
    const once = prepareCommand(inPod('redis-cli -h cache PING'), 'redis-cli -h cache PING', ctx(shell));
    expect(once.action === 'run' && once.opensPodShell).toBeFalsy();
  });

  it('skips the line, naming why, when the run did not open that client (never a shell line)', () => {
    expect(prepareCommand(typed('GET greeting', 'redis-cli'), 'GET greeting', ctx(null))).toMatchObject({
      action: 'skip',
      reason: 'typed in the redis-cli client opened at line 3, which this run did not open',
    });
    const shell = { target: 'cache', flags: [], line: 3, removeAfter: false, tty: true };
    expect(prepareCommand(typed('GET greeting', 'redis-cli'), 'GET greeting', ctx(shell))).toMatchObject({ action: 'skip' });
  });
});
