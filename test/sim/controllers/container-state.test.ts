import { describe, expect, it } from 'vitest';
import { type ContainerRun, containerReady, containerState, containerStatus, initialContainers } from '../../../src/backends/sim/controllers/kubelet-status.js';
import { podStage, podStages } from '../../../src/backends/sim/controllers/stages/pod-stages.js';

const container = (c: Partial<ContainerRun> = {}): ContainerRun => ({ ...initialContainers({ containers: [{ name: 'app', image: 'nginx' }] })[0]!, ...c });

describe("a container's status from the stage it is in", () => {
  it('gives a state to the stages that change it, and only to those', () => {
    expect(podStages.filter((s) => s.state).map((s) => `${s.name}=${s.state}`)).toEqual([
      'pull-failed=waiting',
      'pull-backoff=waiting',
      'create=running',
      'exited=terminated',
      'crash-loop-backoff=waiting',
      'containers-stopped=terminated',
    ]);
    // The restart count and lastState change on entering these rows too.
    expect(
      podStages.filter((s) => s.keepsLastState || s.restarts).map((s) => `${s.name}${s.keepsLastState ? ' lastState' : ''}${s.restarts ? ' restarts' : ''}`),
    ).toEqual(['crash-loop-backoff lastState', 'restart lastState restarts']);
    // A stage with a waiting state is in state waiting.
    for (const s of podStages) if (s.waiting) expect(s.state, s.name).toBe('waiting');
  });

  it('reads the state, ready and started from the stage and what it recorded', () => {
    const terminated = { containerID: 'containerd://1', exitCode: 1, finishedAt: 'T2', reason: 'Error', startedAt: 'T1' };
    // Before any stage: the waiting state the pod was created with.
    expect(containerState(container())).toEqual({ waiting: { reason: 'ContainerCreating' } });
    const running = container({ stage: podStage('create'), startedAt: 'T1', started: true, terminated });
    expect(containerState(running)).toEqual({ running: { startedAt: 'T1' } });
    expect(containerReady(running)).toBe(true);
    // A readiness probe that settled on failure, or a startup probe not passed yet, is not ready.
    expect(containerReady({ ...running, readiness: 'failure' })).toBe(false);
    expect(containerReady({ ...running, started: false })).toBe(false);
    const ended = { ...running, stage: podStage('exited'), started: false };
    expect(containerState(ended)).toEqual({ terminated });
    expect(containerReady(ended)).toBe(false);
    const backOff = { ...ended, stage: podStage('crash-loop-backoff'), waiting: { message: 'back-off 10s', reason: 'CrashLoopBackOff' } };
    expect(containerStatus(backOff)).toMatchObject({ state: { waiting: { reason: 'CrashLoopBackOff' } }, ready: false, started: false });
  });

  it('counts an init container ready once its stage says it exited with success', () => {
    const init = { ...container({ init: true, stage: podStage('exited'), startedAt: 'T1' }) };
    expect(containerReady({ ...init, terminated: { exitCode: 0 } })).toBe(true);
    expect(containerReady({ ...init, terminated: { exitCode: 2 } })).toBe(false);
    // The same record back in a running stage (a restart) is not ready until it exits again.
    expect(containerReady({ ...init, stage: podStage('create'), terminated: { exitCode: 0 } })).toBe(false);
  });
});
