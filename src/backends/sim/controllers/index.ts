import type { Api } from '../api/types.js';
import type { PodRuntime } from '../runtime/hooks.js';

export interface Controllers {
  stop(): Promise<void>;
}

/** Placeholder until the controllers land: starts nothing. */
export function startControllers(_api: Api, _runtime: PodRuntime): Controllers {
  return { stop: async () => undefined };
}
