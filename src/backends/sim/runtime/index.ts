import type { Api } from '../api/types.js';
import { notSupported } from '../status.js';
import type { PodRuntime } from './hooks.js';

export type { PodRuntime } from './hooks.js';

/** Placeholder until the pod runtime lands: every stream request is answered "not supported". */
export function createRuntime(_api: Api): PodRuntime {
  const refuse = (what: string) => notSupported(what).status;
  return {
    canPull: () => true,
    podStarted: () => undefined,
    podRemoved: () => undefined,
    upgrade: (kind, _pod, _query, _req, socket) => {
      const body = JSON.stringify(refuse(`pods/${kind}`));
      socket.end(`HTTP/1.1 501 Not Implemented\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    },
    log: (_pod, _query, _req, res) => {
      const body = JSON.stringify(refuse('pods/log'));
      res.writeHead(501, { 'Content-Type': 'application/json' }).end(body);
    },
  };
}
