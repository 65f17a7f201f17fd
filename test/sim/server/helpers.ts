import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { startSim, type SimHandle, type SimOptions } from '../../../src/backends/sim/index.js';

/** A started simulator plus a kubectl runner with an isolated HOME (so discovery caches do not leak). */
export interface SimFixture {
  sim: SimHandle;
  home: string;
  kubectl(
    args: string[],
    options?: { input?: string; timeoutMs?: number; env?: Record<string, string> },
  ): Promise<{ stdout: string; stderr: string; exitCode: number }>;
  stop(): Promise<void>;
}

/** Starts a simulator (controllers off unless asked) and returns a kubectl runner for it. */
export async function startFixture(options: SimOptions = {}): Promise<SimFixture> {
  const sim = await startSim({ controllers: false, ...options });
  const home = await mkdtemp(join(tmpdir(), 'kdt-sim-home-'));
  return {
    sim,
    home,
    async kubectl(args, o = {}) {
      const r = await execa('kubectl', args, {
        env: { KUBECONFIG: sim.kubeconfigPath, HOME: home, PATH: process.env.PATH ?? '', ...o.env },
        extendEnv: false,
        reject: false,
        timeout: o.timeoutMs ?? 30_000,
        ...(o.input !== undefined ? { input: o.input } : {}),
      });
      return { stdout: String(r.stdout), stderr: String(r.stderr), exitCode: r.exitCode ?? -1 };
    },
    async stop() {
      await sim.stop();
      await rm(home, { recursive: true, force: true });
    },
  };
}
