/** Where a line runs: nothing meant for a pod, a node or another machine runs on this machine. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPlan } from '../../src/run/run-plan.js';
import type { HostContext } from '../../src/plan/types.js';
import { FakeBackend, plainMatcher, type FakeEntry } from './fake-backend.js';
import { cmd, plan } from './plan-builder.js';
import { tempDir } from './helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setup(table: FakeEntry[] = [], extra?: ConstructorParameters<typeof FakeBackend>[2]) {
  const t = tempDir();
  cleanups.push(t.remove);
  const backend = new FakeBackend(join(t.dir, 'fake'), table, extra);
  return {
    backend,
    dir: t.dir,
    options: { matcher: plainMatcher, tmpDir: t.dir, settleIntervalMs: 10, settleMs: 0, gatherFacts: false, handleSignals: false },
  };
}

const source = { by: 'prompt' as const, line: 3, text: 'root@web:/#' };

describe('step contexts', () => {
  it('never runs remote, illustrative or unknown-place lines here, and says why', async () => {
    const { backend, dir, options } = setup();
    const marker = join(dir, 'host-marker');
    const hosts: HostContext[] = [
      { kind: 'remote', reason: 'runs on the VM opened by `gcloud compute ssh` at line 2; not run', source: { by: 'session', line: 2 } },
      { kind: 'illustrative', reason: 'a syntax template with <placeholders>; not run', source: { by: 'program' } },
      { kind: 'unknown', reason: '`apt-get` is not a tool of this machine and nothing says where it runs', source: { by: 'program' } },
    ];
    // Each line its own marker: a line reading what a skipped line would have made is skipped for that instead.
    const r = await runPlan(plan(hosts.map((host, i) => cmd(10 + i, `touch ${marker}-${i}`, { host }))), backend, options);
    expect(r.steps.map((s) => s.status)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(r.steps.map((s) => s.skipReason)).toEqual(hosts.map((h) => ('reason' in h ? h.reason : '')));
    for (const i of hosts.keys()) expect(existsSync(`${marker}-${i}`)).toBe(false);
  });

  it('passes on the addresses a step skipped for a skipped input shows, so a later curl to them is skipped too', async () => {
    const { backend, options } = setup();
    const remote: HostContext = {
      kind: 'remote',
      reason: 'runs on the VM opened by `gcloud compute ssh` at line 2; not run',
      source: { by: 'session', line: 2 },
    };
    const r = await runPlan(
      plan([
        cmd(10, 'kubectl create deployment web --image=nginx', { host: remote, expected: 'deployment.apps/web created' }),
        cmd(12, 'minikube service web --url', { expected: 'http://127.0.0.1:51082' }),
        cmd(14, 'curl 127.0.0.1:51082', { expected: 'Hello' }),
      ]),
      backend,
      options,
    );
    expect(r.steps.map((s) => s.status)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(r.steps[2]!.skipReason).toMatch(/^depends on line 12/);
    expect(backend.calls()).toEqual([]);
  });

  it('runs a pod line in the pod its prompt names, with its namespace and container', async () => {
    const { backend, dir, options } = setup([{ args: 'exec -i web -n demo -c app -- sh -c cat /etc/hostname', responses: [{ stdout: 'web\n' }] }]);
    const host: HostContext = { kind: 'pod', prompt: 'root@web:/#', name: 'web', namespace: 'demo', container: 'app', source };
    const r = await runPlan(plan([cmd(10, 'cat /etc/hostname', { host, expected: 'web' })]), backend, options);
    expect(r.steps[0]!.status).toBe('pass');
    expect(backend.calls().map((c) => c.args)).toEqual(['exec -i web -n demo -c app -- sh -c cat /etc/hostname']);
    expect(existsSync(join(dir, 'host-marker'))).toBe(false);
  });

  it('skips a pod line when no pod is known rather than running it here', async () => {
    const { backend, options } = setup();
    const r = await runPlan(
      plan([cmd(10, 'apt-get install -y curl', { host: { kind: 'pod', prompt: '# ', source: { by: 'cue', text: 'From within a Pod' } } })]),
      backend,
      options,
    );
    expect(r.steps[0]!.status).toBe('skipped');
    expect(r.steps[0]!.skipReason).toMatch(/^runs inside a pod \(#, "From within a Pod"\) but which pod is not known/);
    expect(backend.calls()).toEqual([]);
  });

  it('runs node lines in the backend node shell, from the step that opened it; skips them without one', async () => {
    const ran: string[] = [];
    const { backend, options } = setup([], {
      nodeExec: (c) => (ran.push(c), { stdout: c === 'hostname' ? 'kind-control-plane\n' : '', stderr: '', exitCode: 0 }),
    });
    const ssh = { ...cmd(10, 'minikube ssh'), opensSession: { kind: 'node' as const } };
    const line = cmd(12, 'hostname', { host: { kind: 'node', source: { by: 'session', line: 10, text: 'minikube ssh' } }, expected: 'kind-control-plane' });
    const r = await runPlan(plan([ssh, line]), backend, options);
    expect(r.steps.map((s) => s.status)).toEqual(['pass', 'pass']);
    expect(ran).toEqual(['true', 'hostname']);
    expect(backend.calls()).toEqual([]);

    const bare = setup();
    const r2 = await runPlan(plan([ssh, line]), bare.backend, bare.options);
    expect(r2.steps.map((s) => s.status)).toEqual(['skipped', 'skipped']);
    expect(r2.steps[1]!.skipReason).toMatch(/this backend has no node shell/);
  });

  it('compares several commands of one block with the one output block shown after them', async () => {
    const { backend, options } = setup();
    const first = cmd(10, 'echo one');
    const second = cmd(11, 'echo two', { expected: 'one\ntwo' });
    second.expected!.covers = [first.id];
    const r = await runPlan(plan([first, second]), backend, options);
    expect(r.steps.map((s) => s.status)).toEqual(['pass', 'pass']);
  });

  it('compares the file a command wrote when the doc shows that file', async () => {
    const { backend, options } = setup();
    const write = cmd(10, 'printf "kind: Pod\\n" > pod.yaml', { expected: 'kind: Pod' });
    write.expected!.file = 'pod.yaml';
    const wrong = cmd(14, 'printf "kind: Pod\\n" > other.yaml', { expected: 'kind: Service' });
    wrong.expected!.file = 'other.yaml';
    const r = await runPlan(plan([write, wrong]), backend, options);
    expect(r.steps.map((s) => s.status)).toEqual(['pass', 'fail']);
    expect(r.steps[1]!.differences[0]!.message).toContain('kind: Pod');
  });
});
