import type { Api } from '../api/types.js';
import { podListeners } from './container.js';
import type { InternetLookup } from './hooks.js';
import { apiServerListener, type ApiServerEndpoint } from './net/api-server.js';
import { createNetwork, type PodDirectory } from './net/cluster.js';
import type { Network, Service } from './net/types.js';
import type { PodRecords } from './pod-records.js';

/** The cluster network as the started pods see it. */
export interface PodNetwork {
  /** Who listens at a pod IP, and which pod holds it. */
  directory: PodDirectory;
  /** The network of a pod in `namespace` at `selfIP`. */
  network(namespace: string, selfIP: string): Network;
  /** The names on the internet each pod looked up. */
  internetLookups(): InternetLookup[];
  /** The API server is reachable at its endpoint from now on. */
  serveApiServer(endpoint: ApiServerEndpoint): void;
}

/** Creates the network directory of the started pods. */
export function createPodNetwork(api: Api, pods: PodRecords): PodNetwork {
  let apiServer: { ip: string; port: number; listener: Service } | undefined;
  const directory: PodDirectory = {
    listenersAt(ip: string) {
      const rec = pods.at(ip);
      const found = rec ? podListeners(rec.containers) : undefined;
      // The API server listens on the control plane's address (where the `kubernetes` Service leads).
      if (apiServer?.ip !== ip) return found;
      return new Map([...(found ?? []), [apiServer.port, apiServer.listener]]);
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
    serveApiServer(endpoint) {
      apiServer = { ip: endpoint.ip, port: endpoint.port, listener: apiServerListener(endpoint) };
    },
  };
}
