import type { Api } from '../api/types.js';
import { podListeners } from './container.js';
import type { InternetLookup } from './hooks.js';
import { createNetwork, type PodDirectory } from './net/cluster.js';
import type { Network } from './net/types.js';
import type { PodRecords } from './pod-records.js';

/** The cluster network as the started pods see it. */
export interface PodNetwork {
  /** Who listens at a pod IP, and which pod holds it. */
  directory: PodDirectory;
  /** The network of a pod in `namespace` at `selfIP`. */
  network(namespace: string, selfIP: string): Network;
  /** The names on the internet each pod looked up. */
  internetLookups(): InternetLookup[];
}

/** Creates the network directory of the started pods. */
export function createPodNetwork(api: Api, pods: PodRecords): PodNetwork {
  const directory: PodDirectory = {
    listenersAt(ip: string) {
      const rec = pods.at(ip);
      return rec ? podListeners(rec.containers) : undefined;
    },
    podAt(ip: string) {
      const rec = pods.at(ip);
      if (!rec) return undefined;
      return api.find(api.resolve('pods')!, rec.pod.metadata.namespace, String(rec.pod.metadata.name)) ?? rec.pod;
    },
  };
  // Names on the internet the pods looked up, by pod: the simulator answers none of them.
  const internet = new Map<string, InternetLookup>();
  const lookedUp = (self: string) => (name: string) => {
    const pod = pods.at(self)?.pod;
    if (!pod) return;
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const seen = internet.get(key) ?? { namespace: pod.metadata.namespace ?? 'default', pod: pod.metadata.name!, names: [] };
    if (!seen.names.includes(name)) seen.names.push(name);
    internet.set(key, seen);
  };
  return {
    directory,
    network: (ns, self) => createNetwork(api, directory, ns, self, (n) => api.ctx.ids.int(n), lookedUp(self)),
    internetLookups: () => [...internet.values()].map((l) => ({ ...l, names: [...l.names] })),
  };
}
