/** The runner with the real parser, planner, matcher, simulator and kubectl. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { simBackend } from '../../src/backends/sim/backend.js';
import { loadLesson } from '../../src/parse/index.js';
import { buildPlan } from '../../src/plan/index.js';
import { findBwrap, preflightConfine } from '../../src/run/confine.js';
import { runPlan } from '../../src/run/run-plan.js';
import type { LessonResult } from '../../src/run/types.js';
import { cmd, manifest, plan } from './plan-builder.js';
import { runOnSim, tempDir } from './helpers.js';

const fixtures = join(import.meta.dirname, '../../fixtures/run');
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const run = (file: string) => runOnSim(join(fixtures, file), { settleMs: 8000 });

describe('runPlan on the simulator', () => {
  it('should reach the simulator from a confined shell', async (ctx) => {
    if (!findBwrap()) ctx.skip('confine is not available here: bubblewrap (bwrap) is not installed');
    try {
      await preflightConfine();
    } catch (e) {
      ctx.skip(`confine is not available here: ${(e as Error).message}`);
    }
    const t = tempDir();
    cleanups.push(t.remove);
    const plan = buildPlan(await loadLesson(join(fixtures, 'check/pass.md')));
    const r = await runPlan(plan, simBackend(), { tmpDir: t.dir, handleSignals: false, settleMs: 20_000, confine: true });
    expect(r.error).toBeUndefined();
    expect(r.steps.map((s) => s.status)).toEqual(['pass', 'pass']);
  });

  it('should fail printenv at its line with the service-env-before-pods hint when pods predate the Service', async () => {
    const r = await run('service-env-order/broken.md');
    expect(r.error).toBeUndefined();
    expect(r.steps.filter((s) => s.kind === 'command').map((s) => s.status)).toEqual(['pass', 'pass', 'pass', 'fail']);
    const printenv = r.steps.find((s) => s.command?.includes('printenv'))!;
    expect(printenv.ran).toMatch(/^kubectl exec my-nginx-[a-z0-9]+-[a-z0-9]{5} -- printenv \| grep SERVICE$/);
    expect(printenv.rewrites[0]!.kind).toBe('binding');
    expect(r.findings.some((f) => f.line >= 58 && f.line <= 62 && f.message.includes('MY_NGINX_SERVICE_HOST'))).toBe(true);
    expect(printenv.status).toBe('fail');
    // The simulator at rest and the output repeated: no need to wait out the settle time.
    expect(printenv.settledEarly).toBe(true);
    expect(printenv.hint?.id).toBe('service-env-before-pods');
    expect(printenv.hint?.message).toMatch(
      /^MY_NGINX_SERVICE_HOST is missing because pod my-nginx-\S+ was created at \S+, before Service my-nginx \(\S+\); Kubernetes sets service variables only when a container starts$/,
    );
    expect(printenv.hint?.fix).toContain('kubectl rollout restart deployment my-nginx');
  });

  it('should pass once the doc recreates the pods after the Service', async () => {
    const r = await run('service-env-order/fixed.md');
    expect(r.error).toBeUndefined();
    expect(r.steps.filter((s) => s.kind === 'command').map((s) => s.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
  });

  it("should keep the pod shell's directory across the steps typed in it", async () => {
    const r = await run('pod-shell/cd.md');
    expect(r.error).toBeUndefined();
    expect(r.steps.filter((s) => s.kind === 'command').map((s) => [s.line, s.status])).toEqual([
      [6, 'pass'],
      [30, 'pass'],
      [31, 'pass'],
      [37, 'pass'],
      [44, 'pass'],
      [45, 'pass'],
      [56, 'pass'],
    ]);
    const ls = r.steps.find((s) => s.line === 45)!;
    expect(ls.ran).toContain('cd /etc/secret-volume 2>/dev/null; ls');
    // The runner's marker never shows in the output.
    expect(ls.actual).toBe('password\nusername\n');
  });

  it("should show a pod shell's line as the reader's shell does: no kubectl exit line, its status no failure, errors worded by the shell the page opened", async () => {
    const r = await run('pod-shell/wrapper-lines.md');
    expect(r.error).toBeUndefined();
    const commands = r.steps.filter((s) => s.kind === 'command');
    expect(commands.map((s) => [s.line, s.status])).toEqual([
      [6, 'pass'],
      [7, 'pass'],
      [13, 'pass'],
      [19, 'pass'],
      [31, 'pass'],
      [41, 'pass'],
      [47, 'pass'],
      [58, 'pass'],
      [62, 'pass'],
    ]);
    const at = (line: number) => commands.find((s) => s.line === line)!;
    // grep found nothing: it exits 1, which the step keeps; the reader's shell shows only the count.
    expect([at(19).actual, at(19).exitCode]).toEqual(['0\n', 1]);
    // Opened with bash, run with bash, worded as an interactive bash words it.
    expect(at(13).ran).toBe('kubectl exec -i web -- bash -c true');
    expect(at(31).ran).toContain("-- bash -c ps' /dev/null");
    expect([at(31).actual, at(31).exitCode]).toEqual(['bash: ps: command not found\n', 127]);
    // The page's own `kubectl exec` on this machine: kubectl's line is what the reader sees.
    expect(at(47).actual).toBe('0\ncommand terminated with exit code 1\n');
    // Opened with sh (the image's dash): dash's wording.
    expect(at(62).ran).toContain("-- sh -c ps' /dev/null");
    expect(at(62).actual).toBe('sh: 1: ps: not found\n');
  });

  it('should fail opening a shell the image does not have, as kubectl does, and run none of the lines typed in it', async () => {
    const r = await run('pod-shell/missing-shell.md');
    expect(r.error).toBeUndefined();
    const open = r.steps.find((s) => s.line === 11)!;
    expect([open.status, open.ran]).toEqual(['fail', 'kubectl exec -i box -- bash -c true']);
    expect(open.actual).toContain('exec: "bash": executable file not found in $PATH');
    expect(r.steps.find((s) => s.line === 15)!.status).toBe('skipped');
  });

  it('should run an endless loop typed in a pod shell "in a different terminal" in the background of that pod, and stop it at the Ctrl+C prose', async () => {
    const events: string[] = [];
    const r = await runOnSim(join(fixtures, 'background/pod-load-loop.md'), {
      settleMs: 8000,
      onStepResult: (res) => void events.push(`${res.line} ${res.status}`),
    });
    expect(r.error).toBeUndefined();
    expect(r.steps.map((s) => [s.line, s.status])).toEqual([
      [8, 'pass'],
      [10, 'pass'],
      [16, 'pass'],
      [26, 'pass'],
    ]);
    const loop = r.steps.find((s) => s.line === 10)!;
    expect(loop.ran).toMatch(/^kubectl exec -i load-generator -- \/bin\/sh -c 'while true; do date >> \/tmp\/hits; echo hit; sleep 1; done'$/);
    expect(loop.actual).toMatch(/^hit\n/);
    // Stopped at the Ctrl+C prose (line 23), before the step after it.
    expect(events.indexOf('10 pass')).toBeLessThan(events.indexOf('26 pass'));
    expect(events.indexOf('10 pass')).toBeGreaterThan(events.indexOf('16 pass'));
  });

  it('should open a shell in the attached container when its main process is a shell with stdin and a terminal, and say why not otherwise', async () => {
    const shell = await run('attach/shell.md');
    expect(shell.error).toBeUndefined();
    expect(shell.steps.map((s) => [s.line, s.status])).toEqual([
      [3, 'pass'],
      [20, 'pass'],
      [26, 'pass'],
      [30, 'pass'],
    ]);
    expect(shell.steps[2]!.rewrites.at(-1)!.reason).toMatch(/^attaches to container shell, whose main process is a shell/);
    expect(shell.steps[3]!.ran).toContain("kubectl exec -i nginx -c shell -- sh -c 'cat /etc/hostname'");
    expect(shell.steps[3]!.actual).toBe('nginx\n');
    const sleep = await run('attach/sleep.md');
    expect(sleep.steps.map((s) => [s.line, s.status])).toEqual([
      [3, 'pass'],
      [21, 'pass'],
      [27, 'skipped'],
      [31, 'skipped'],
    ]);
    expect(sleep.steps[2]!.skipReason).toBe(
      '`kubectl attach` connects to the main process of container shell, `sleep 3600`, which is not a shell: the lines typed after it reach that process, not a shell (a reader sees no prompt); not run',
    );
  });

  it("should keep the pod shell's variables across the steps typed in it, exported or not", async () => {
    const r = await run('pod-shell/variables.md');
    expect(r.error).toBeUndefined();
    const steps = r.steps.filter((s) => s.kind === 'command');
    expect(steps.map((s) => [s.line, s.status])).toEqual([
      [16, 'pass'],
      [17, 'pass'],
      [23, 'pass'],
      [29, 'pass'],
      [30, 'pass'],
      [36, 'pass'],
      [48, 'pass'],
    ]);
    const echo = steps.find((s) => s.command?.startsWith('echo'))!;
    expect(echo.actual).toBe('hello there, world\n');
    // Restored before the line as the shell had them; only the exported one is exported.
    expect(echo.ran).toMatch(/GREETING=\S+hello there\S+; export GREETING; PLACE=world; (cd \S+ 2>\/dev\/null; )?echo/);
    expect(steps.at(-1)!.actual).toBe('[hello there] []\n');
  });

  it('should mark unchecked, with the reason, what a real cluster serves and the simulator does not; an unknown type still fails', async () => {
    const r = await run('unchecked/unserved.md');
    const steps = r.steps.filter((s) => s.kind === 'command');
    expect(steps.map((s) => s.status)).toEqual(['unchecked', 'unchecked', 'fail']);
    expect(steps[0]!.uncheckedReason).toBe('a Kubernetes 1.32 cluster serves flowschemas; the simulator does not (use --backend kind)');
    expect(steps[1]!.uncheckedReason).toMatch(/^the metrics API is served only once metrics-server is installed/);
    const errorLines = r.findings.filter((f) => f.severity === 'error').map((f) => f.line);
    expect(errorLines.length).toBeGreaterThan(0);
    expect(errorLines.every((l) => l >= steps[2]!.line)).toBe(true);
  });

  it('should leave unchecked a step whose example file the lesson lacks, skip what reads its objects, and still fail the rest', async () => {
    const r = await run('unchecked/missing-example.md');
    const steps = r.steps.filter((s) => s.kind === 'command');
    expect(steps.map((s) => s.status)).toEqual(['unchecked', 'skipped', 'skipped', 'skipped', 'fail']);
    expect(steps[0]!.uncheckedReason).toBe('example file nowhere/shop-deployment.yaml not in the examples folder');
    // Nothing was fetched: the step did not run.
    expect(steps[0]!.ran).toBeUndefined();
    expect(steps[1]!.skipReason).toMatch(/^depends on line 6, which was skipped: example file nowhere\/shop-deployment\.yaml/);
    expect(steps[2]!.skipReason).toMatch(/^depends on line 6/);
    // A read naming the object the skipped step would have made is not run, let alone retried.
    expect(steps[2]!.attempts).toBe(0);
    expect(steps[2]!.ran).toBeUndefined();
    expect(steps[3]!.skipReason).toMatch(/^depends on line 6/);
    expect(steps[4]!.differences[0]!.message).toContain('default-ns');
  });

  it('should stop a background proxy before starting another on the same port, as a reader does', async () => {
    const r = await run('background/proxy-twice.md');
    const steps = r.steps.filter((s) => s.kind === 'command');
    expect(steps.map((s) => [s.line, s.status, s.actual])).toEqual([
      [6, 'pass', 'Starting to serve on 127.0.0.1:18081\n'],
      [16, 'pass', '200\n'],
      [26, 'pass', 'Starting to serve on 127.0.0.1:18081\n'],
    ]);
  });

  it('should give a -t step a terminal, as a reader has: no "Unable to use a TTY", lines without CR', async () => {
    const r = await run('tty/exec-tty.md');
    const exec = r.steps.find((s) => s.command?.startsWith('kubectl exec'))!;
    expect(exec.ran).toContain('script -qec');
    expect(exec.actual).not.toMatch(/Unable to use a TTY|Unhandled Error|\r/);
    expect(exec.status).toBe('pass');
  });

  it('skips a step that reads what a skipped `kubectl edit` of a ConfigMap changed, through the Deployment that reads it, and still checks the rest', async () => {
    const r = await run('edit-consumers/page.md');
    expect(r.error).toBeUndefined();
    const byLine = (text: string) => r.steps.find((s) => s.command?.includes(text))!;
    expect(byLine('kubectl edit').status).toBe('skipped');
    const exec = byLine('printenv word');
    expect(exec.status).toBe('skipped');
    expect(exec.skipReason).toMatch(/depends on line \d+, which was skipped/);
    expect(byLine('get deployment reader').status).toBe('pass');
    expect(byLine('create configmap other').status).toBe('fail');
    // A step that passed is not excused by the skipped edit of the object it writes.
    expect(byLine('label configmap greeting').status).toBe('pass');
  });

  it('excuses a listing whose only failing difference is the row of a prerequisite the page never made, whatever stale columns it also has', async () => {
    const r = await run('unchecked/prerequisite-row.md');
    const byLine = (text: string) => r.steps.find((s) => s.command?.includes(text))!;
    expect(byLine('label storageclass gold').status).toBe('unchecked');
    const list = byLine('get storageclass');
    expect(list.status).toBe('skipped');
    expect(list.skipReason).toMatch(/^depends on line \d+, which was skipped: storageclass\/gold is made by a setup this page does not include/);
  });

  it('judges in full a step that itself changes what a skipped `kubectl edit` would have changed', async () => {
    const r = await run('edit-then-change/page.md');
    expect(r.error).toBeUndefined();
    const byLine = (text: string) => r.steps.find((s) => s.command?.includes(text))!;
    expect(byLine('kubectl edit').status).toBe('skipped');
    expect(byLine('set image')).toMatchObject({ status: 'pass', actual: 'deployment.apps/web image updated\n' });
    // The doc's "labelled" is not what kubectl prints: the skipped edit explains none of that.
    expect(byLine('kubectl label').status).toBe('fail');
  });

  it('lets the cluster time pass while `kubectl wait` waits, unless realtime', async () => {
    const pod = `apiVersion: v1
kind: Pod
metadata: { name: slow }
spec:
  containers:
  - name: c
    image: busybox:1.36
    command: [sleep, '3600']
    readinessProbe: { exec: { command: ['true'] }, initialDelaySeconds: 30 }
`;
    for (const realtime of [false, true]) {
      const t = tempDir();
      cleanups.push(t.remove);
      // Ready after 30 s of the cluster's time: within the wait's 4 s only when that time passes at once.
      const lesson = plan([manifest(1, 'slow.yaml', pod), cmd(10, 'kubectl apply -f slow.yaml && kubectl wait --for=condition=Ready pod/slow --timeout=4s')]);
      const r = await runPlan(lesson, simBackend(), { tmpDir: t.dir, handleSignals: false, settleMs: 0, realtime });
      expect(r.error).toBeUndefined();
      expect(r.steps[1], JSON.stringify(r.steps[1])).toMatchObject(realtime ? { status: 'fail', exitCode: 1 } : { status: 'pass', exitCode: 0 });
    }
  });
});

describe('a later section that makes the same objects afresh', () => {
  it('should re-create a Pod applied again with another spec and ConfigMaps created again, but not a repeat within the section', async () => {
    const r = await run('recreate/sections.md');
    expect(r.error).toBeUndefined();
    const commands = r.steps.filter((s) => s.kind === 'command' && !s.command?.startsWith('cat '));
    expect(commands.map((s) => s.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'fail']);
    expect(commands[2]!.warnings?.[0]).toMatch(/^pod\/web \(line \d+\) existed with another spec, which cannot change/);
    expect(commands[3]!.warnings?.[0]).toMatch(
      /^configmap\/settings \(line \d+\) already existed: .* it was removed with configmap\/limits, which this step had made beside it, and this step run again$/,
    );
    expect(commands[5]!.actual).toMatch(/^The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields/);
  });
});

describe('a pod whose init container waits in a loop', () => {
  const read = (r: LessonResult) => r.steps.filter((s) => s.kind === 'command' && s.command === 'kubectl get -f gated.yaml').at(-1)!;

  it('should read it Running once the Service the loop waits for exists: the loop is work still due', async () => {
    const r = await runOnSim(join(fixtures, 'init-wait/waits.md'), { settleMs: 30_000 });
    expect(r.error).toBeUndefined();
    const last = read(r);
    expect(last.status, JSON.stringify(last)).toBe('pass');
    expect(last.actual).toMatch(/gated-app\s+1\/1\s+Running/);
  });

  it('should settle and fail at once when the Service the loop waits for never comes', async () => {
    const r = await runOnSim(join(fixtures, 'init-wait/never.md'), { settleMs: 30_000 });
    expect(r.error).toBeUndefined();
    const last = read(r);
    expect(last.status).toBe('fail');
    expect(last.actual).toMatch(/gated-app\s+0\/1\s+Init:0\/1/);
    // The loop looked again after the other Service came, then the cluster was at rest.
    expect(last.settledEarly).toBe(true);
    expect(last.attempts).toBeLessThanOrEqual(8);
  });
});
