import { describe, expect, it } from 'vitest';
import { cannotCheck } from '../../src/run/unchecked.js';

const session = { capabilities: { nodeShell: true, loadBalancer: false, nodeExternalIPs: false, portForward: true, namespaceIsolation: false } };
const busybox = (rows: string[]) => ['PID   USER     TIME  COMMAND', ...rows].join('\n');

describe('session-processes', () => {
  const command = 'kubectl exec -i demo -- sh -c ps';

  it('should leave unchecked a listing that shows the interactive shell the runner does not keep', () => {
    const r = cannotCheck(
      {
        command,
        onHost: false,
        expected: busybox(['    1 1000      0:00 sleep 1h', '    6 1000      0:00 sh', '...']),
        output: busybox(['    1 1000      0:00 sleep 1h', '    7 1000      0:00 ps']) + '\n',
      },
      session,
    );
    expect(r?.rule).toBe('session-processes');
  });

  it.each([
    ['the doc lists no shell', busybox(['    1 1000      0:00 sleep 1h']), busybox(['    1 root      0:00 sleep 1h'])],
    ['the shell is pid 1 (the container command)', busybox(['    1 1000      0:00 sh']), busybox(['    1 root      0:00 sleep 1h'])],
  ])('should keep the verdict when %s', (_what, expected, output) => {
    expect(cannotCheck({ command, onHost: false, expected, output }, session)).toBeUndefined();
  });

  it('should not apply to a ps run on this machine', () => {
    expect(cannotCheck({ command: 'ps', onHost: true, expected: busybox(['    6 1000      0:00 sh']), output: '' }, session)).toBeUndefined();
  });
});

describe('session-processes in a shell opened with a terminal', () => {
  it('should recognise the line run with -t under a pseudo-terminal', () => {
    const command = `if command -v script >/dev/null 2>&1; then KDT_POD=demo script -qec 'kubectl exec -i -t "$KDT_POD" -- sh -c '\\''ps aux'\\''' /dev/null; else kubectl exec -i demo -- sh -c 'ps aux'; fi`;
    const expected = busybox(['    1 1000      0:00 sleep 1h', '    6 1000      0:00 sh']);
    const output = busybox(['    1 1000      0:00 sleep 1h', '    7 1000      0:00 ps aux']);
    expect(cannotCheck({ command, onHost: false, expected, output }, session)?.rule).toBe('session-processes');
  });

  it('should recognise the line after the directory an earlier line of the session moved to', () => {
    const command = `if command -v script >/dev/null 2>&1; then KDT_POD=demo script -qec 'kubectl exec -i -t "$KDT_POD" -- sh -c '\\''cd /data 2>/dev/null; ps aux\n__kdt_rc=$?'\\''' /dev/null; else kubectl exec -i demo -- sh -c 'cd /data 2>/dev/null; ps aux'; fi`;
    const expected = busybox(['    1 1000      0:00 sleep 1h', '    6 1000      0:00 sh']);
    const output = busybox(['    1 1000      0:00 sleep 1h', '    7 1000      0:00 ps aux']);
    expect(cannotCheck({ command, onHost: false, expected, output }, session)?.rule).toBe('session-processes');
    expect(cannotCheck({ command: command.replace(/ps aux/g, 'cat ps.txt'), onHost: false, expected, output }, session)).toBeUndefined();
  });
});
