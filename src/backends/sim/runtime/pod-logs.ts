import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PodRuntime } from './hooks.js';
import { badRequestStatus, sendStatus, serveLog } from './logs.js';
import type { RuntimeParts } from './parts.js';
import { allContainers, specContainers } from './pod-records.js';

type Json = Record<string, unknown>;

/** What the containers wrote: `kubectl logs`, and the tail and termination message the kubelet reads. */
export type PodLogs = Required<Pick<PodRuntime, 'log' | 'logTail' | 'terminationMessage'>>;

function tolerateRead(read: () => Buffer | string): Buffer | undefined {
  try {
    const d = read();
    return typeof d === 'string' ? Buffer.from(d) : d;
  } catch {
    return undefined;
  }
}

/** Creates the log side of the runtime. */
export function createPodLogs(parts: RuntimeParts): PodLogs {
  const { pods } = parts;
  const now = () => parts.api.ctx.clock.now();
  return {
    log(pod, query, req: IncomingMessage, res: ServerResponse) {
      const list = allContainers(pod);
      const name = query.get('container') ?? (specContainers(pod).length === 1 ? String(specContainers(pod)[0]!['name']) : undefined);
      if (!name)
        return sendStatus(
          res,
          badRequestStatus(
            `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${specContainers(pod)
              .map((c) => c['name'])
              .join(' ')}]`,
          ),
        );
      if (!list.some((c) => c['name'] === name)) return sendStatus(res, badRequestStatus(`container ${name} is not valid for pod ${pod.metadata.name}`));
      if (query.get('previous') === 'true') {
        const prev = pods.of(pod)?.previous.get(name);
        if (!prev) return sendStatus(res, badRequestStatus(`previous terminated container "${name}" in pod "${pod.metadata.name}" not found`));
        return serveLog(prev, query, req, res, now);
      }
      const c = pods.of(pod)?.containers.find((x) => x.name === name);
      if (!c) {
        const st = [
          ...((((pod['status'] as Json) ?? {})['containerStatuses'] as Json[]) ?? []),
          ...((((pod['status'] as Json) ?? {})['initContainerStatuses'] as Json[]) ?? []),
        ].find((s) => s['name'] === name);
        const reason = String((((st?.['state'] as Json) ?? {})['waiting'] as Json | undefined)?.['reason'] ?? 'ContainerCreating');
        return sendStatus(res, badRequestStatus(`container "${name}" in pod "${pod.metadata.name}" is waiting to start: ${reason}`));
      }
      serveLog(c.log, query, req, res, now);
    },
    terminationMessage(pod, container) {
      const c = pods.of(pod)?.containers.find((x) => x.name === container);
      const spec = allContainers(pod).find((x) => x['name'] === container);
      if (!c || !spec) return undefined;
      const path = String(spec['terminationMessagePath'] ?? '/dev/termination-log');
      const data = tolerateRead(() => c.vfs.readFile(path));
      // The kubelet reads at most 4096 bytes of the file.
      return data === undefined || data.length === 0 ? undefined : data.subarray(0, 4096).toString();
    },
    logTail(pod, container, maxLines, maxBytes) {
      const c = pods.of(pod)?.containers.find((x) => x.name === container);
      if (!c) return undefined;
      const text = c.log.lines
        .slice(-maxLines)
        .map((l) => l.text + '\n')
        .join('');
      return Buffer.from(text).subarray(-maxBytes).toString();
    },
  };
}
