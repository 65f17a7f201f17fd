import type { KObject } from '../../../src/backends/sim/types.js';
import { startControllers } from '../../../src/backends/sim/controllers/index.js';
import type { PodRuntime } from '../../../src/backends/sim/runtime/hooks.js';
import { FakeApi } from './fake-api.js';

/** A runtime that records what the kubelet tells it. */
export function recordingRuntime(cannotPull: string[] = []): PodRuntime & { started: string[]; removed: string[] } {
  const started: string[] = [];
  const removed: string[] = [];
  return {
    started,
    removed,
    canPull: (image) => !cannotPull.includes(image),
    podStarted: (pod) => started.push(String(pod.metadata.name)),
    podRemoved: (pod) => removed.push(String(pod.metadata.name)),
    upgrade: () => undefined,
    log: () => undefined,
  };
}

/** A fake API with every controller running. */
export function setup(options: ConstructorParameters<typeof FakeApi>[0] = {}, cannotPull: string[] = []) {
  const api = new FakeApi(options);
  const runtime = recordingRuntime(cannotPull);
  const controllers = startControllers(api, runtime);
  const type = (r: string) => api.resolve(r)!;
  return { api, runtime, controllers, type };
}

/** A deployment manifest. */
export function deployment(name: string, replicas: number, image = 'nginx', labels = { run: name }, extra: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name, image, ports: [{ containerPort: 80 }] }] } },
      ...extra,
    },
  };
}

/** A bare pod manifest. */
export function pod(name: string, container: Record<string, unknown>, spec: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { run: name } },
    spec: { containers: [{ name, ...container }], ...spec },
  };
}

/** Conditions of an object as `type=status` strings. */
export function conds(o: KObject | undefined): string[] {
  return (((o?.['status'] as any)?.conditions ?? []) as any[]).map((c) => `${c.type}=${c.status}`);
}
