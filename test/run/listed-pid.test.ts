import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyObservations, observe, resolvePlaceholders } from '../../src/run/bind.js';
import { runOnSim } from './helpers.js';

const fixtures = join(import.meta.dirname, '../../fixtures/run/listed-pid');

const PS_AUX = [
  'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND',
  'redis          1  0.1  0.1  33308  3828 ?        Ssl  00:46   0:00 redis-server *:6379',
  'root          12  0.0  0.0  20228  3020 pts/0    Ss   00:47   0:00 /bin/bash',
  'root          15  0.0  0.0  17500  2072 pts/0    R+   00:48   0:00 ps aux',
].join('\n');

const BUSYBOX = [
  'PID   USER     TIME  COMMAND',
  '    1 root      0:00 sleep 3600',
  '   23 root      0:00 httpd -f',
  '   30 root      0:00 sh',
  '   36 root      0:00 ps',
].join('\n');

const fill = (listing: string, command: string, prose: string) => {
  const obs = emptyObservations();
  observe('ps aux', listing, obs);
  return resolvePlaceholders(command, obs, new Set(), prose);
};

describe('<pid> from the process listing shown before', () => {
  it('takes the process the prose names', () => {
    expect(fill(PS_AUX, 'kill <pid>', 'where `<pid>` is the Redis process ID (PID).')).toMatchObject({ command: 'kill 1' });
    expect(fill(BUSYBOX, 'kill -TERM <PID>', 'where `<PID>` is the httpd process.')).toMatchObject({ command: 'kill -TERM 23' });
  });

  it("takes the main process when the prose names none, never the reader's shell or ps", () => {
    expect(fill(PS_AUX, 'kill <pid>', '')).toMatchObject({ command: 'kill 1' });
    expect(fill(BUSYBOX.replace('    1 root      0:00 sleep 3600\n', ''), 'kill <process-id>', '')).toMatchObject({ command: 'kill 23' });
  });

  it('skips with the reason when it cannot tell which', () => {
    const two = `${BUSYBOX}\n   41 root      0:00 httpd -f -p 8080`;
    expect(fill(two, 'kill <pid>', 'where `<pid>` is the httpd process.')).toEqual({
      unresolved: 'cannot fill in <pid>: the process is ambiguous: 23 (httpd), 41 (httpd)',
    });
    expect(fill(BUSYBOX, 'kill <pid>', 'where `<pid>` is the sleep or the httpd process.')).toEqual({
      unresolved: 'cannot fill in <pid>: the process is ambiguous: the prose names sleep, httpd',
    });
    expect(resolvePlaceholders('kill <pid>', emptyObservations(), new Set(), '')).toEqual({
      unresolved: 'cannot fill in <pid>: no earlier output lists the processes (`ps`)',
    });
  });

  it('kills the listed main process in the pod, which the kubelet restarts (simulator, real kubectl)', { timeout: 120_000 }, async () => {
    const r = await runOnSim(join(fixtures, 'kill-main-process.md'));
    const kill = r.steps.find((s) => s.command === 'kill <pid>')!;
    expect(kill.status).toBe('pass');
    expect(kill.rewrites).toContainEqual(expect.objectContaining({ kind: 'placeholder', from: '<pid>', to: '1' }));
    expect(r.steps.find((s) => s.command?.includes('restartCount'))!.status).toBe('pass');
    expect(r.steps.find((s) => s.command === 'ps aux')!.status).toBe('pass');
  });

  it('skips `kill <pid>` with the reason when the listing has several processes of the program the prose names', { timeout: 120_000 }, async () => {
    const r = await runOnSim(join(fixtures, 'ambiguous.md'));
    const kill = r.steps.find((s) => s.command === 'kill <pid>')!;
    expect(kill.status).toBe('skipped');
    expect(kill.skipReason).toMatch(/^cannot fill in <pid>: the process is ambiguous: 29 \(nginx\), 30 \(nginx\)/);
  });
});
