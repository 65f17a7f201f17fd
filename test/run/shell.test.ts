import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withoutJobReport } from '../../src/run/shell.js';
import { eventually, processesMatching, startShell } from './helpers.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('LessonShell', () => {
  it('should keep cd, export and shell variables across steps', async () => {
    const { shell, home } = startShell(cleanups);
    await shell.run('mkdir -p sub && cd sub\nexport GREETING=hello\nlocal_var=42', { timeoutMs: 20_000 });
    const r = await shell.run('pwd; echo "$GREETING $local_var"; bash -c \'echo child:$GREETING\'', { timeoutMs: 20_000 });
    expect(r.output).toBe(`${join(home, 'sub')}\nhello 42\nchild:hello\n`);
    expect(r.exitCode).toBe(0);
  });

  it('should expand aliases an earlier step defined, as an interactive terminal does', async () => {
    const { shell } = startShell(cleanups);
    await shell.run(`alias shout='tr a-z A-Z'`, { timeoutMs: 20_000 });
    const r = await shell.run('echo hello | shout', { timeoutMs: 20_000 });
    expect(r).toMatchObject({ output: 'HELLO\n', exitCode: 0 });
  });

  it("should carry a background job's pid to a later step, which can stop it", async () => {
    const { shell } = startShell(cleanups);
    const tag = `kdt-job-${randomBytes(4).toString('hex')}`;
    await shell.run(`(exec -a ${tag} sleep 1000) & __kdt_job_3=$!`, { timeoutMs: 20_000 });
    expect(await eventually(() => processesMatching(tag).length === 1)).toBe(true);
    const r = await shell.run('kill -TERM "$__kdt_job_3" && echo stopped', { timeoutMs: 20_000 });
    expect(r).toMatchObject({ output: 'stopped\n', exitCode: 0 });
    expect(await eventually(() => processesMatching(tag).length === 0)).toBe(true);
  });

  it('should report the exit status of each step', async () => {
    const { shell } = startShell(cleanups);
    expect((await shell.run('false', { timeoutMs: 20_000 })).exitCode).toBe(1);
    expect((await shell.run('(exit 7)', { timeoutMs: 20_000 })).exitCode).toBe(7);
    expect((await shell.run('true', { timeoutMs: 20_000 })).exitCode).toBe(0);
  });

  it('stops early only on complete lines, and drops what bash reports about the stopped job', async () => {
    const { shell } = startShell(cleanups);
    // The program writes its line in two parts; a stop between them would cut the line.
    const r = await shell.run("timeout --foreground 59 bash -c 'printf namespace/default; sleep 0.3; echo; exec sleep 100'", {
      timeoutMs: 20_000,
      stopWhen: (out) => out.includes('namespace/default'),
    });
    expect(r).toMatchObject({ output: 'namespace/default\n', stoppedEarly: true });
  });

  it('withoutJobReport removes both forms of the report and nothing else', () => {
    expect(withoutJobReport('a\nTerminated\n')).toBe('a\n');
    expect(withoutJobReport('aTerminated\n')).toBe('a');
    expect(withoutJobReport('a\nbash: line 1: 123 Terminated              timeout 59 kubectl get pods -w\n')).toBe('a\n');
    expect(withoutJobReport('web-0   0/1   Terminated   0   1s\n')).toBe('web-0   0/1   Terminated   0   1s\n');
    expect(withoutJobReport('hello\n\nSession terminated, killing shell... ...killed.\n')).toBe('hello\n');
    expect(withoutJobReport('hello\nSession terminated, killing shell... ...killed.\nTerminated\n')).toBe('hello\n');
  });

  it('should keep output without a trailing newline exact', async () => {
    const { shell } = startShell(cleanups);
    const r = await shell.run("printf 'no newline'", { timeoutMs: 20_000 });
    expect(r.output).toBe('no newline');
    const empty = await shell.run('true', { timeoutMs: 20_000 });
    expect(empty.output).toBe('');
  });

  it('should not be fooled by marker-like output', async () => {
    const { shell } = startShell(cleanups);
    const r = await shell.run("printf '\\n__KDT_0123456789abcdef_1_0__\\nafter\\n'; echo done", { timeoutMs: 20_000 });
    expect(r.output).toBe('\n__KDT_0123456789abcdef_1_0__\nafter\ndone\n');
  });

  it('should interleave stdout and stderr like a terminal', async () => {
    const { shell } = startShell(cleanups);
    const r = await shell.run('echo one; echo two >&2; echo three', { timeoutMs: 20_000 });
    expect(r.output).toBe('one\ntwo\nthree\n');
  });

  it('should run heredocs and keep stdin away from the protocol', async () => {
    const { shell } = startShell(cleanups);
    const r = await shell.run('cat <<EOF\nline $((1+1))\nEOF\ncat; echo after-cat', { timeoutMs: 20_000 });
    expect(r.output).toBe('line 2\nafter-cat\n');
  });

  it('should kill the whole process group on timeout, background jobs included', async () => {
    const { shell } = startShell(cleanups);
    const tag = `kdt-sleep-${randomBytes(4).toString('hex')}`;
    const r = await shell.run(`(exec -a ${tag}-bg sleep 1000) & exec -a ${tag} sleep 1000`, { timeoutMs: 1500 });
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).toBeNull();
    expect(shell.alive).toBe(false);
    expect(await eventually(() => processesMatching(tag).length === 0)).toBe(true);
  });

  it('should report a step that exits its shell as a plain result, and go on from the state before it', async () => {
    const { shell, home } = startShell(cleanups);
    await shell.run('mkdir -p kept && cd kept && KEPT=yes', { timeoutMs: 20_000 });
    const r = await shell.run('echo bye; cd /; LOST=yes; exit 3', { timeoutMs: 20_000 });
    expect(r).toMatchObject({ output: 'bye\n', exitCode: 3, endedOwnShell: true, shellExited: false });
    expect(shell.alive).toBe(true);
    const after = await shell.run('pwd; echo "$KEPT:$LOST"', { timeoutMs: 20_000 });
    expect(after).toMatchObject({ output: `${join(home, 'kept')}\nyes:\n`, exitCode: 0, endedOwnShell: false });
  });

  it('should not let an `exit` inside a compound end the lesson shell', async () => {
    const { shell } = startShell(cleanups);
    const r = await shell.run('OK=imok\nif [ "$OK" == "imok" ]; then\n    exit 0\nelse\n    exit 1\nfi', { timeoutMs: 20_000 });
    expect(r).toMatchObject({ exitCode: 0, endedOwnShell: true, shellExited: false });
    expect((await shell.run('echo still here', { timeoutMs: 20_000 })).output).toBe('still here\n');
  });

  it('should stop background jobs when the shell stops', async () => {
    const { shell } = startShell(cleanups);
    const tag = `kdt-bg-${randomBytes(4).toString('hex')}`;
    await shell.run(`(exec -a ${tag} sleep 1000) &`, { timeoutMs: 20_000 });
    expect(await eventually(() => processesMatching(tag).length === 1)).toBe(true);
    await shell.stop();
    expect(await eventually(() => processesMatching(tag).length === 0)).toBe(true);
  });
});
