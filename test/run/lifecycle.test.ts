import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runPlan } from '../../src/run/run-plan.js';
import { FakeBackend, plainMatcher } from './fake-backend.js';
import { eventually, processesMatching, tempDir } from './helpers.js';
import { cmd, plan } from './plan-builder.js';

const root = join(import.meta.dirname, '../..');
const buildDir = join(root, 'node_modules', '.cache', `kdt-run-test-${process.pid}`);
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('timeouts', () => {
  it('should kill a timed-out step with its process group, report it, and go on in a new shell', async () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const tag = `kdt-to-${randomBytes(4).toString('hex')}`;
    const backend = new FakeBackend(join(t.dir, 'fake'), []);
    const r = await runPlan(
      plan([
        cmd(2, 'mkdir sub && cd sub'),
        cmd(4, `(exec -a ${tag} sleep 1000) & exec -a ${tag} sleep 1000`, { timeoutMs: 1500 }),
        cmd(6, 'basename "$PWD"', { expected: 'sub' }),
      ]),
      backend,
      { matcher: plainMatcher, tmpDir: t.dir, gatherFacts: false, handleSignals: false },
    );
    expect(r.steps[1]).toMatchObject({ status: 'error', exitCode: null });
    expect(r.steps[1]!.error).toBe(
      'timed out after 1.5s and was killed; a new shell was started for the following steps: the working directory, exported and shell variables of earlier steps are lost',
    );
    expect(r.steps[2]).toMatchObject({ status: 'fail', actual: 'home\n', warnings: ['the shell was restarted after line 4; state from before it is lost'] });
    expect(r.findings.find((f) => f.ruleId === 'step-error')?.line).toBe(4);
    expect(await eventually(() => processesMatching(tag).length === 0)).toBe(true);
    expect(r.error).toBeUndefined();
  });

  it('should stop the lesson at its time limit with ERR_LESSON_TIMEOUT', async () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const backend = new FakeBackend(join(t.dir, 'fake'), []);
    const r = await runPlan(plan([cmd(2, 'sleep 1000'), cmd(4, 'echo never')]), backend, {
      matcher: plainMatcher,
      tmpDir: t.dir,
      gatherFacts: false,
      handleSignals: false,
      lessonTimeoutMs: 1000,
    });
    expect(r.steps.map((s) => s.status)).toEqual(['error', 'skipped']);
    expect(r.steps[1]!.skipReason).toBe('the lesson time limit was reached');
    expect(r.error?.code).toBe('ERR_LESSON_TIMEOUT');
    expect(backend.stopped).toBe(1);
  });

  it('should stop at an abort signal and clean up', async () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const tag = `kdt-abort-${randomBytes(4).toString('hex')}`;
    const backend = new FakeBackend(join(t.dir, 'fake'), []);
    const controller = new AbortController();
    const running = runPlan(plan([cmd(2, `exec -a ${tag} sleep 1000`), cmd(4, 'echo never')]), backend, {
      matcher: plainMatcher,
      tmpDir: t.dir,
      gatherFacts: false,
      handleSignals: false,
      signal: controller.signal,
    });
    expect(await eventually(() => processesMatching(tag).length === 1)).toBe(true);
    controller.abort();
    const r = await running;
    expect(r.error?.code).toBe('ERR_INTERRUPTED');
    expect(r.steps.map((s) => s.status)).toEqual(['error', 'skipped']);
    expect(processesMatching(tag)).toEqual([]);
    expect(readdirSync(t.dir).filter((d) => d.startsWith('kubedoctest-'))).toEqual([]);
  });
});

describe('SIGTERM of the kubedoctest process', () => {
  beforeAll(async () => {
    await execa(
      'npx',
      [
        'tsc',
        '--outDir',
        buildDir,
        '--rootDir',
        root,
        '--module',
        'NodeNext',
        '--moduleResolution',
        'NodeNext',
        '--target',
        'ES2022',
        '--skipLibCheck',
        '--types',
        'node',
        join(root, 'test/run/sigterm-child.ts'),
      ],
      { cwd: root, reject: false },
    );
  }, 120_000);
  afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

  it('should kill the lesson processes, stop the backend, remove the sandbox and die by the signal', async () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const stateDir = join(t.dir, 'state');
    const tmp = join(t.dir, 'tmp');
    mkdirSync(tmp);
    const tag = `kdt-sig-${randomBytes(4).toString('hex')}`;
    const child = execa('node', [join(buildDir, 'test/run/sigterm-child.js'), stateDir, tmp, tag], { reject: false });
    try {
      expect(await eventually(() => existsSync(join(stateDir, 'started')), 30_000)).toBe(true);
      expect(processesMatching(tag).filter((pid) => pid !== child.pid).length).toBe(2);
      child.kill('SIGTERM');
      const r = await child;
      expect(r.signal).toBe('SIGTERM');
      expect(existsSync(join(stateDir, 'stopped'))).toBe(true);
      // The caller may see the result before the signal is raised again; it must say interrupted.
      if (existsSync(join(stateDir, 'finished'))) expect(readFileSync(join(stateDir, 'finished'), 'utf8')).toBe('ERR_INTERRUPTED');
      expect(readdirSync(tmp)).toEqual([]);
      expect(await eventually(() => processesMatching(tag).length === 0)).toBe(true);
    } finally {
      child.kill('SIGKILL');
      for (const pid of processesMatching(tag)) process.kill(pid, 'SIGKILL');
    }
  });
});
