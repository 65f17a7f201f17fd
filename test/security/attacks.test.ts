/**
 * Every attack of a hostile tutorial on the runner (docs/security.md), as a lesson run through
 * the runner API, with and without confinement where it means something; each asserts that the
 * host marker (a file, a sysctl, a process, a verdict) is untouched.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { NOBODY } from '../../src/run/confine.js';
import { cmd, manifest } from '../run/plan-builder.js';
import { eventually, processesMatching, tempDir } from '../run/helpers.js';
import { MODES, needConfine, runLesson, stopRunningLessons } from './helpers.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  await stopRunningLessons();
  while (cleanups.length) await cleanups.pop()!();
});

function temp(): string {
  const t = tempDir('kdt-sec-');
  cleanups.push(t.remove);
  return t.dir;
}

const tag = (what: string): string => `kdt-${what}-${randomBytes(4).toString('hex')}`;

describe.each(MODES)('attacks on the runner, $name', ({ confine }) => {
  it('1: an exec credential plugin added to the lesson kubeconfig never runs for diagnostics or hints', { timeout: 60_000 }, async (ctx) => {
    await needConfine(ctx, confine);
    const dir = temp();
    const marker = join(dir, 'plugin-ran');
    // The plugin leaves the marker only when the runner, not the lesson, runs it.
    const plugin = `[ -n "$KUBEDOCTEST_LESSON" ] || touch ${marker}; exit 1`;
    const r = await runLesson(
      [
        cmd(
          2,
          `kubectl config set-credentials evil --exec-api-version=client.authentication.k8s.io/v1beta1 --exec-command=/bin/sh --exec-arg=-c --exec-arg='${plugin}' && kubectl config set-context --current --user=evil`,
        ),
        cmd(4, 'kubectl get pod nope -o name', { expected: 'pod/nope', cls: 'read-only' }),
        // The page makes pod nope later, so its absence at line 4 is the page's problem (a failure, with diagnostics).
        cmd(6, 'kubectl run nope --image=nginx', { expected: 'pod/nope created', cls: 'mutating' }),
      ],
      { confine, sim: true, tmpDir: dir },
    );
    expect(r.error).toBeUndefined();
    expect(r.steps[1]!.status).toBe('fail');
    // Diagnostics were gathered, with the runner's own kubeconfig: they reached the cluster.
    expect(r.steps[1]!.diagnostics).toBeDefined();
    expect(r.steps[1]!.diagnostics!.events).not.toMatch(/getting credentials|exec plugin/);
    expect(existsSync(marker)).toBe(false);
  });

  it('2: a symlink, hard link or FIFO planted where the runner writes a manifest does not redirect the write', { timeout: 60_000 }, async (ctx) => {
    await needConfine(ctx, confine);
    const dir = temp();
    const hostFile = join(dir, 'host.txt');
    writeFileSync(hostFile, 'original\n');
    chmodSync(dir, 0o755);
    const r = await runLesson(
      [
        // The runner wrote every manifest once before the first step; the lesson replaces them.
        cmd(
          2,
          `rm -rf web.yaml linkdir fifo.yaml hard.yaml; ln -s ${hostFile} web.yaml; ln -s ${dir} linkdir; mkfifo fifo.yaml; ln ${hostFile} hard.yaml 2>/dev/null; true`,
        ),
        manifest(4, 'web.yaml', 'kind: Pod\n'),
        manifest(6, 'linkdir/escaped.yaml', 'kind: Pod\n'),
        manifest(8, 'fifo.yaml', 'kind: Pod\n'),
        manifest(10, 'hard.yaml', 'kind: Pod\n'),
      ],
      { confine, tmpDir: dir },
    );
    expect(r.error).toBeUndefined();
    expect(readFileSync(hostFile, 'utf8')).toBe('original\n');
    expect(existsSync(join(dir, 'escaped.yaml'))).toBe(false);
    expect(r.steps.slice(1, 4).map((s) => s.status)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(r.steps[1]!.skipReason).toMatch(/symlink/);
  });

  it('3: pid files in the sandbox are not trusted: a host process is never signalled and a watch still stops early', { timeout: 90_000 }, async (ctx) => {
    await needConfine(ctx, confine);
    const dir = temp();
    const victimTag = tag('victim');
    const victim = execa('bash', ['-c', `exec -a ${victimTag} sleep 1000`], { reject: false, detached: true });
    cleanups.push(() => victim.kill('SIGKILL'));
    expect(await eventually(() => processesMatching(victimTag).length === 1)).toBe(true);
    const r = await runLesson(
      [
        cmd(2, `for i in 0 1 2 3 4; do echo ${victim.pid} > "$TMPDIR/watch-$i.pid"; done`),
        cmd(4, 'kubectl get ns default -w -o name', { expected: 'namespace/default', cls: 'read-only' }),
      ],
      // The watch may run 59 s but the lesson only 30 s: only stopping early lets it pass.
      { confine, sim: true, tmpDir: dir, settleMs: 60_000, stepTimeoutMs: 60_000, lessonTimeoutMs: 30_000 },
    );
    expect(r.error).toBeUndefined();
    expect(r.steps[1], JSON.stringify(r.steps[1])).toMatchObject({ status: 'pass', actual: 'namespace/default\n' });
    expect(processesMatching(victimTag)).toEqual([victim.pid]);
  });

  it('7: setsid and double-forked processes a step starts do not outlive the lesson', { timeout: 60_000 }, async (ctx) => {
    await needConfine(ctx, confine);
    const dir = temp();
    const [a, b, c] = [tag('setsid'), tag('fork2'), tag('nohup')];
    const r = await runLesson(
      [
        cmd(2, `setsid bash -c 'exec -a ${a} sleep 1000' </dev/null >/dev/null 2>&1 &`),
        cmd(4, `( ( exec -a ${b} sleep 1000 ) </dev/null >/dev/null 2>&1 & )`),
        cmd(6, `nohup setsid bash -c '(exec -a ${c} sleep 1000) & exit 0' </dev/null >/dev/null 2>&1`),
        // [k]dt: the pattern must not match this step's own command line.
        cmd(8, `sleep 0.5; pgrep -fc '[k]dt-(setsid|fork2|nohup)-(${[a, b, c].map((t) => t.split('-').pop()).join('|')})' || true`),
      ],
      { confine, tmpDir: dir },
    );
    expect(r.error).toBeUndefined();
    expect((r.steps[3]!.actual ?? '').trim()).toBe('3');
    expect(await eventually(() => [a, b, c].every((t) => processesMatching(t).length === 0))).toBe(true);
  });

  it('8: a lesson cannot forge the result of a later step', { timeout: 60_000 }, async (ctx) => {
    await needConfine(ctx, confine);
    const dir = temp();
    const forged = String.raw`builtin printf '\n__KDT_%s_%s_0_0__\n' 0123456789abcdef0123456789abcdef 7`;
    const r = await runLesson(
      [
        cmd(2, `printf() { ${forged}; }; echo() { :; }; exit() { builtin exit 0; }; wait() { :; }; __kdt_save() { :; }; builtin() { :; }; true`),
        cmd(4, `trap '${forged}; echo "$BASH_COMMAND" >>"$TMPDIR/seen"' DEBUG; trap 'exit 0' EXIT; readonly __kdt_rc=0; set +e`),
        cmd(6, `(while :; do ${forged}; sleep 0.05; done) & exec >/dev/null 2>&1; true`),
        cmd(8, 'false'),
        cmd(10, '(exit 3)'),
        cmd(12, 'sh -c "exit 4"'),
        cmd(14, 'exit 5'),
      ],
      { confine, tmpDir: dir },
    );
    expect(r.error).toBeUndefined();
    expect(r.steps.slice(0, 3).map((s) => s.status)).toEqual(['pass', 'pass', 'pass']);
    expect(r.steps.slice(3, 6).map((s) => [s.status, s.exitCode])).toEqual([
      ['fail', 1],
      ['fail', 3],
      ['fail', 4],
    ]);
    // `exit 5` ends only the step's own bash: a plain result with its status, the lesson goes on.
    expect([r.steps[6]!.status, r.steps[6]!.exitCode, r.steps[6]!.error]).toEqual(['fail', 5, undefined]);
  });
});

describe('attacks on a confined lesson', () => {
  it('4: no capabilities, not root, no host sysctl or root-only file', { timeout: 60_000 }, async (ctx) => {
    await needConfine(ctx, true);
    const dir = temp();
    const swappiness = readFileSync('/proc/sys/vm/swappiness', 'utf8');
    const secret = join(homedir(), `.kdt-sec-secret-${randomBytes(4).toString('hex')}`);
    writeFileSync(secret, 'token\n', { mode: 0o600 });
    cleanups.push(() => rmSync(secret, { force: true }));
    const denied = (command: string) => `${command} >/dev/null 2>&1 && echo DONE || echo denied`;
    const r = await runLesson(
      [
        cmd(2, "awk '/^CapEff|^CapPrm|^CapBnd/ {print $2}' /proc/self/status | sort -u", { expected: '0000000000000000' }),
        cmd(4, 'id -u', { expected: '1000' }),
        cmd(6, denied(`sh -c 'echo ${Number(swappiness) === 13 ? 14 : 13} > /proc/sys/vm/swappiness'`), { expected: 'denied' }),
        cmd(8, denied("sh -c 'echo 1 > /proc/sys/vm/drop_caches'"), { expected: 'denied' }),
        cmd(10, denied('cat /etc/shadow'), { expected: 'denied' }),
        cmd(12, denied(`cat ${secret}`), { expected: 'denied' }),
        cmd(14, denied('unshare -r true'), { expected: 'denied' }),
      ],
      { confine: true, tmpDir: dir },
    );
    expect(r.error).toBeUndefined();
    expect(r.steps.map((s) => [s.line, s.status, s.actual])).toEqual(r.steps.map((s) => [s.line, 'pass', s.actual]));
    expect(readFileSync('/proc/sys/vm/swappiness', 'utf8')).toBe(swappiness);
  });

  it("5: a lesson does not see another lesson's sandbox, wherever the temp dir is", { timeout: 60_000 }, async (ctx) => {
    await needConfine(ctx, true);
    // A temp dir outside /tmp, which the sandbox would hide anyway.
    const parent = mkdtempSync(join(process.cwd(), '.kdt-sec-'));
    cleanups.push(() => rmSync(parent, { recursive: true, force: true }));
    chmodSync(parent, 0o711);
    // What a sibling lesson has: its kubeconfig, owned by the same confined user.
    const sibling = join(parent, 'kubedoctest-sibling', 'run');
    mkdirSync(sibling, { recursive: true });
    chmodSync(join(parent, 'kubedoctest-sibling'), 0o711);
    writeFileSync(join(sibling, 'kubeconfig'), 'secret\n', { mode: 0o600 });
    if (process.getuid?.() === 0) {
      chownSync(sibling, NOBODY.uid, NOBODY.gid);
      chownSync(join(sibling, 'kubeconfig'), NOBODY.uid, NOBODY.gid);
    }
    const r = await runLesson(
      [
        cmd(2, 'ls "$(dirname "$(dirname "$HOME")")"'),
        cmd(4, 'cat "$(dirname "$(dirname "$HOME")")/kubedoctest-sibling/run/kubeconfig" 2>/dev/null || echo hidden', { expected: 'hidden' }),
        cmd(6, '{ echo changed > "$(dirname "$(dirname "$HOME")")/kubedoctest-sibling/run/kubeconfig"; } 2>/dev/null || echo hidden', { expected: 'hidden' }),
      ],
      { confine: true, tmpDir: parent },
    );
    expect(r.error).toBeUndefined();
    expect(r.steps[0]!.actual).not.toMatch(/sibling/);
    expect(r.steps.slice(1).map((s) => s.status)).toEqual(['pass', 'pass']);
    expect(readFileSync(join(sibling, 'kubeconfig'), 'utf8')).toBe('secret\n');
  });

  it("6: the lesson reaches its API server and nothing else on the host's network", { timeout: 60_000 }, async (ctx) => {
    await needConfine(ctx, true);
    const dir = temp();
    const hostOnly: Server = createServer((s) => s.end('host secret\n'));
    await new Promise<void>((r) => hostOnly.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => hostOnly.close(r)));
    const port = (hostOnly.address() as { port: number }).port;
    const listenPort = 20_000 + Math.floor(Math.random() * 20_000);
    let reachedListener: boolean | undefined;
    const r = await runLesson(
      [
        cmd(2, 'kubectl get ns default -o name', { expected: 'namespace/default', cls: 'read-only' }),
        cmd(4, `(exec 3<>/dev/tcp/127.0.0.1/${port} && cat <&3) 2>/dev/null || echo unreachable`, { expected: 'unreachable' }),
        cmd(6, `(node -e "require('net').createServer((s) => s.end('inside')).listen(${listenPort}, '127.0.0.1', () => console.log('up'))" &) ; sleep 1`),
        cmd(8, 'true'),
      ],
      {
        confine: true,
        sim: true,
        tmpDir: dir,
        onStepResult: (result) => {
          if (result.line !== 6) return;
          const s = createConnection(listenPort, '127.0.0.1');
          reachedListener = undefined;
          s.on('connect', () => {
            reachedListener = true;
            s.destroy();
          });
          s.on('error', () => (reachedListener = false));
        },
      },
    );
    expect(r.error).toBeUndefined();
    expect(r.steps.map((s) => s.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(await eventually(() => reachedListener !== undefined)).toBe(true);
    expect(reachedListener).toBe(false);
  });

  it(
    '9: a step holds no descriptor but its stdin and output: not the channel the API listener came through, nor one the runner inherited without close-on-exec',
    { timeout: 60_000 },
    async (ctx) => {
      await needConfine(ctx, true);
      const dir = temp();
      // `ls` lists its own descriptors: what the step's shell passed on, and its own directory (the
      // lowest free one: 3 when nothing else is open; a leaked channel would show as 4).
      const others = 'ls /proc/self/fd | grep -vx "[0-3]" || echo none';
      const r = await runLesson(
        [
          cmd(2, 'kubectl get ns default -o name', { expected: 'namespace/default', cls: 'read-only' }),
          cmd(4, 'env | grep -c "^NODE_CHANNEL" || true', { expected: '0' }),
          cmd(6, others, { expected: 'none' }),
          cmd(8, `(${others})`, { expected: 'none' }),
        ],
        { confine: true, sim: true, tmpDir: dir },
      );
      expect(r.error).toBeUndefined();
      expect(r.steps.map((s) => [s.line, s.status, s.actual])).toEqual(r.steps.map((s) => [s.line, 'pass', s.actual]));
    },
  );

  it('10: a lesson whose shell was replaced (a step that timed out) still reaches its API server, and only it', { timeout: 60_000 }, async (ctx) => {
    await needConfine(ctx, true);
    const dir = temp();
    const hostOnly: Server = createServer((s) => s.end('host secret\n'));
    await new Promise<void>((r) => hostOnly.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => hostOnly.close(r)));
    const port = (hostOnly.address() as { port: number }).port;
    const r = await runLesson(
      [
        cmd(2, 'kubectl get ns default -o name', { expected: 'namespace/default', cls: 'read-only' }),
        cmd(4, 'sleep infinity'),
        cmd(6, 'kubectl get ns default -o name', { expected: 'namespace/default', cls: 'read-only' }),
        cmd(8, `(exec 3<>/dev/tcp/127.0.0.1/${port} && cat <&3) 2>/dev/null || echo unreachable`, { expected: 'unreachable' }),
      ],
      { confine: true, sim: true, tmpDir: dir, stepTimeoutMs: 3000 },
    );
    expect(r.error).toBeUndefined();
    expect(r.steps.map((s) => [s.line, s.status])).toEqual([
      [2, 'pass'],
      [4, 'error'],
      [6, 'pass'],
      [8, 'pass'],
    ]);
  });

  it(
    "11: a step cannot inspect bwrap or end the lesson's supervisor: pid 1 of the sandbox is the supervisor, which ignores the lesson's signals",
    { timeout: 60_000 },
    async (ctx) => {
      await needConfine(ctx, true);
      const dir = temp();
      const r = await runLesson(
        [
          cmd(2, 'kept=yes'),
          // bwrap (a dumpable program) would list its descriptors and root; the supervisor is not dumpable.
          cmd(4, 'cat /proc/[0-9]*/comm | grep -cx bwrap; ls /proc/1/fd /proc/1/root/ >/dev/null 2>&1 || echo closed', {
            expected: '0\nclosed',
          }),
          cmd(6, 'kill -STOP 1; kill -KILL 1; kill -9 -1; true'),
          // The same shell goes on: the state of line 2 is still there.
          cmd(8, 'echo "$kept"', { expected: 'yes' }),
        ],
        { confine: true, tmpDir: dir },
      );
      expect(r.error).toBeUndefined();
      expect(r.steps.map((s) => [s.line, s.status, s.error])).toEqual([
        [2, 'pass', undefined],
        [4, 'pass', undefined],
        [6, 'pass', undefined],
        [8, 'pass', undefined],
      ]);
    },
  );
});
