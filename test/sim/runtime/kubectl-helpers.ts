import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { type SimHandle, type SimOptions, startSim } from '../../../src/backends/sim/index.js';

/** A simulator with the real kubectl pointed at it. */
export interface KubectlSim {
  sim: SimHandle;
  kubectl(args: string[], input?: string): Promise<{ out: string; err: string; code: number | undefined }>;
  /** `kubectl apply -f -` with the manifest text. */
  apply(yaml: string): Promise<void>;
  /** Events of an object as `Type Reason: message` lines, oldest first. */
  events(name: string): Promise<string[]>;
  /** Polls `kubectl get <args> -o json` until `test` holds (at most `timeoutMs` real ms); resolves the last object. */
  until(args: string[], test: (o: any) => boolean, timeoutMs?: number): Promise<any>;
  stop(): Promise<void>;
}

/** Starts a simulator (fast by default) and a kubectl bound to it through a private HOME. */
export async function kubectlSim(options: SimOptions = {}): Promise<KubectlSim> {
  const home = await mkdtemp(join(tmpdir(), 'kdt-kubelet-'));
  const sim = await startSim({ speed: 10, ...options });
  const kubectl = async (args: string[], input?: string) => {
    const r = await execa('kubectl', args, {
      env: { KUBECONFIG: sim.kubeconfigPath, HOME: home },
      reject: false,
      timeout: 90_000,
      ...(input !== undefined ? { input } : {}),
    });
    return { out: r.stdout, err: r.stderr, code: r.exitCode };
  };
  return {
    sim,
    kubectl,
    async apply(yaml) {
      const r = await kubectl(['apply', '-f', '-'], yaml);
      if (r.code !== 0) throw new Error(`kubectl apply failed: ${r.err}`);
    },
    async events(name) {
      const r = await kubectl(['get', 'events', '--field-selector', `involvedObject.name=${name}`, '-o', 'json']);
      const items = (JSON.parse(r.out || '{"items":[]}').items ?? []) as { type: string; reason: string; message: string; firstTimestamp?: string }[];
      return items.map((e) => `${e.type} ${e.reason}: ${e.message}`);
    },
    async until(args, test, timeoutMs = 60_000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const r = await kubectl(['get', ...args, '-o', 'json']);
        const o = r.code === 0 ? JSON.parse(r.out) : undefined;
        if (o && test(o)) return o;
        if (Date.now() > end) throw new Error(`condition not met for ${args.join(' ')}: ${r.out || r.err}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    async stop() {
      await sim.stop();
      await rm(home, { recursive: true, force: true });
    },
  };
}
