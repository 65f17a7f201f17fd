import { describe, expect, it } from 'vitest';
import { asReaderShellShows, openedShell } from '../../src/run/rewrite/pod-shell-output.js';
import { podExec } from '../../src/run/rewrite/index.js';
import { exitDifference, shownExitDifference } from '../../src/run/outcome.js';
import { firstKubectlCall } from '../../src/shell/index.js';
import { cmd } from './plan-builder.js';

describe('asReaderShellShows', () => {
  it.each([
    [
      'the exit status kubectl reports',
      'cat: /nope: No such file or directory\ncommand terminated with exit code 1\n',
      'sh',
      'cat: /nope: No such file or directory\n',
    ],
    ['the exit status under a terminal (CR LF)', 'x\r\ncommand terminated with exit code 2\r\n', 'sh', 'x\r\n'],
    ['the exit status without a final newline', '0\ncommand terminated with exit code 1', 'sh', '0'],
    ['the container kubectl picked', 'Defaulted container "app" out of: app, sidecar, init (init)\nhello\n', 'sh', 'hello\n'],
    ['the terminal kubectl could not use', 'Unable to use a TTY - input is not a terminal or the right kind of file\nhello\n', 'sh', 'hello\n'],
    ["bash's script wording of a missing program", 'bash: line 1: ps: command not found\n', 'bash', 'bash: ps: command not found\n'],
    [
      "bash's script wording, started by its path",
      '/bin/bash: line 3: cd: /x: No such file or directory\n',
      '/bin/bash',
      'bash: cd: /x: No such file or directory\n',
    ],
    [
      "bash's script wording of a syntax error",
      "bash: -c: line 1: syntax error near unexpected token `)'\n",
      'bash',
      "bash: syntax error near unexpected token `)'\n",
    ],
  ])('should drop %s', (_what, output, shell, shown) => {
    expect(asReaderShellShows(output, shell)).toBe(shown);
  });

  it.each([
    ['a line of the pod that only mentions the status', 'echo: command terminated with exit code 1 (not kubectl)\n', 'sh'],
    ["dash's wording, which an interactive dash shares", 'sh: 1: ps: not found\n', 'sh'],
    ["busybox ash's wording", 'sh: ps: not found\n', '/bin/ash'],
    ["another shell's line-numbered message under bash", 'sh: line 1: x: command not found\n', 'bash'],
  ])('should keep %s', (_what, output, shell) => {
    expect(asReaderShellShows(output, shell)).toBe(output);
  });
});

describe('openedShell', () => {
  it.each([
    ['kubectl exec -it web -- bash', 'bash'],
    ['kubectl exec -it web -c app -- /bin/ash', '/bin/ash'],
    ['kubectl exec -ti web -- sh', 'sh'],
    ['kubectl run -it --rm box --image=busybox --restart=Never -- sh', 'sh'],
    ['kubectl run -it box --image=busybox bash', 'bash'],
    ['kubectl exec -it web -- sh -c "ls"', undefined],
    ['kubectl exec -it web -- redis-cli', undefined],
  ])('%s → %s', (command, shell) => {
    expect(openedShell(firstKubectlCall(command)!)).toBe(shell);
  });
});

describe('podExec', () => {
  it('should run a line with the shell the page opened, sh when unknown', () => {
    expect(podExec({ target: 'web', flags: ['-n', 'x'], line: 3, removeAfter: false, shell: '/bin/bash' })).toBe('kubectl exec -i web -n x -- /bin/bash -c');
    expect(podExec({ target: 'web', flags: [], line: 3, removeAfter: false })).toBe('kubectl exec -i web -- sh -c');
  });
});

describe('shownExitDifference', () => {
  const failing = cmd(5, 'ps', { expected: 'bash: ps: command not found' });
  it('should not fail on its status a line of a pod shell whose printed output the doc shows', () => {
    expect(exitDifference(failing, 127)?.kind).toBe('exit-status');
    expect(shownExitDifference(failing, 127, undefined, true)).toBeNull();
  });
  it('should still judge the status of a host step, and of a pod shell line the doc shows no output for', () => {
    expect(shownExitDifference(failing, 127, undefined, false)?.kind).toBe('exit-status');
    expect(shownExitDifference(cmd(5, 'test -f /x'), 1, undefined, true)?.kind).toBe('exit-status');
    expect(shownExitDifference(cmd(5, 'test -f /x', { expected: '' }), 1, undefined, true)?.kind).toBe('exit-status');
  });
});
