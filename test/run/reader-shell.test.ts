/** What the reader's own shell does: a job it starts with `&`, and a `sleep` it waits with. */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPlan } from '../../src/run/run-plan.js';
import { sleepMs, sleepsInShell } from '../../src/run/reader-sleep.js';
import { FakeBackend, plainMatcher } from './fake-backend.js';
import { runOnSim, tempDir } from './helpers.js';
import { cmd, plan } from './plan-builder.js';

const fixtures = join(import.meta.dirname, '../../fixtures/run/reader-shell');
const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A port of this machine, held by a server of this test (closed after it). */
async function hold(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
  return { port: (server.address() as { port: number }).port, server };
}

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** The proxy fixture with its port replaced, written to a temp dir. */
function proxyPage(port: number): string {
  const t = tempDir();
  cleanups.push(t.remove);
  const file = join(t.dir, 'background-proxy.md');
  writeFileSync(file, readFileSync(join(fixtures, 'background-proxy.md'), 'utf8').replaceAll('18931', String(port)));
  return file;
}

const statuses = (r: Awaited<ReturnType<typeof runOnSim>>) => r.steps.filter((s) => s.kind === 'command').map((s) => [s.line, s.status]);

describe('a job the page starts with &', () => {
  it('runs kubectl proxy in the background for the following steps, as without &', async () => {
    const r = await runOnSim(proxyPage(await freePort()));
    expect(r.error).toBeUndefined();
    expect(statuses(r)).toEqual([
      [6, 'pass'],
      [12, 'pass'],
    ]);
    expect(r.steps[0]!.rewrites.at(-1)!.reason).toMatch(/in the background with `&`/);
    expect(r.steps[1]!.actual).toMatch(/"kind": "APIVersions"/);
  });

  it('names the port another process holds, and does not let later steps talk to that process', async () => {
    const { port } = await hold();
    const r = await runOnSim(proxyPage(port));
    expect(r.error).toBeUndefined();
    expect(statuses(r)).toEqual([
      [6, 'unchecked'],
      [12, 'skipped'],
    ]);
    expect(r.steps[0]!.uncheckedReason).toMatch(new RegExp(`port ${port} of this machine is held by another process`));
    expect(r.steps[1]!.skipReason).toMatch(new RegExp(`^depends on line 6: port ${port} `));
  });
});

describe("a sleep of the reader's shell", () => {
  it("lets the cluster's time pass on the simulator instead of running into the step limit", async () => {
    // A 120 s sleep under a 20 s step limit: only passing the cluster's time lets it finish.
    const r = await runOnSim(join(fixtures, 'sleep.md'), { stepTimeoutMs: 20_000 });
    expect(r.error).toBeUndefined();
    expect(statuses(r)).toEqual([
      [6, 'pass'],
      [12, 'pass'],
    ]);
    expect(r.steps[0]!.warnings).toContain("the page's `sleep` of 120s let that much of the cluster's time pass at once");
  });

  it('sleeps for real where time cannot pass at once, with the step limit raised to cover it', async () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const backend = new FakeBackend(join(t.dir, 'fake'), []);
    const options = { matcher: plainMatcher, tmpDir: t.dir, settleIntervalMs: 10, gatherFacts: false, handleSignals: false, stepTimeoutMs: 1000 };
    const r = await runPlan(plan([cmd(3, 'sleep 2 && echo woke', { expected: 'woke' })]), backend, options);
    expect(r.steps[0]).toMatchObject({ status: 'pass', actual: 'woke\n' });
    expect(r.steps[0]!.warnings?.[0]).toMatch(/^the page's `sleep` waits 2s; this step's time limit was raised to 3(\.\d)?s to cover it$/);
    // The function is gone after the step: a later sleep is the real one.
    const after = await runPlan(
      plan([cmd(3, 'sleep 0.1 && echo woke', { expected: 'woke' }), cmd(5, 'type -t sleep', { expected: 'file' })]),
      backend,
      options,
    );
    expect(after.steps.map((s) => s.status)).toEqual(['pass', 'pass']);
  });

  it('keeps the exit status of the step', async () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const backend = new FakeBackend(join(t.dir, 'fake'), []);
    const options = { matcher: plainMatcher, tmpDir: t.dir, settleIntervalMs: 10, gatherFacts: false, handleSignals: false };
    const r = await runPlan(plan([cmd(3, 'sleep 0.1; false')]), backend, options);
    expect(r.steps[0]).toMatchObject({ status: 'fail', exitCode: 1 });
  });

  it.each([
    [['120'], 120_000],
    [['$grace'], undefined],
    [['1m', '30'], 90_000],
    [['0.5s'], 500],
    [['infinity'], undefined],
    [[], undefined],
  ])('reads sleep %j as %s ms', (args, ms) => {
    expect(sleepMs(args)).toBe(ms);
  });

  it.each([
    ['kubectl delete sts web && sleep 30 && kubectl get pvc', true],
    ['until kubectl get pod web; do sleep 1; done', true],
    ['sleep 1000 &', false],
    ['kubectl proxy & sleep 2', false],
    ['timeout 5 sleep 10', false],
    ['kubectl get pods', false],
  ])('takes %j as a sleep of the shell: %s', (script, yes) => {
    expect(sleepsInShell(script)).toBe(yes);
  });
});
