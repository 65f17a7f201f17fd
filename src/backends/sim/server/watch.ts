import type { IncomingMessage, ServerResponse } from 'node:http';
import { StatusError } from '../status.js';
import type { ResourceType, WatchEvent } from '../types.js';
import type { HandlerContext } from './resources.js';
import { table } from './resources.js';
import { listOptions, wantsTable } from './query.js';
import { servedBody } from './served-time.js';

/**
 * How much a watch may have waiting for a client that does not read. The API server gives each
 * watcher a bounded channel (at most 1,000 events) and closes the watch when it stays full
 * ("Forcing watcher close due to unresponsiveness"); the simulator bounds events and bytes.
 */
export interface WatchLimits {
  /** Events written while the client is not keeping up (default 1,000). */
  maxPendingEvents: number;
  /** Bytes waiting in the response and its socket (default 8 MiB). */
  maxPendingBytes: number;
}

export const DEFAULT_WATCH_LIMITS: WatchLimits = { maxPendingEvents: 1000, maxPendingBytes: 8 * 1024 * 1024 };

/** Open watches, so the server can end them when it stops. */
export interface WatchRegistry {
  limits: WatchLimits;
  add(end: () => void): () => void;
  endAll(): void;
  /** How many watches are open. */
  size(): number;
}

/** A set of open watches. */
export function createWatchRegistry(limits: WatchLimits = DEFAULT_WATCH_LIMITS): WatchRegistry {
  const open = new Set<() => void>();
  return {
    limits,
    size: () => open.size,
    add(end) {
      open.add(end);
      return () => open.delete(end);
    },
    endAll() {
      for (const end of [...open]) end();
      open.clear();
    },
  };
}

/**
 * Serves `?watch=true`: newline-delimited JSON events (Tables when the Accept header asks),
 * headers flushed at once, ended after `timeoutSeconds`, when the client goes, or when the
 * server stops. A too-old resourceVersion gives an ERROR event with a 410 Status, as the real server does.
 */
export function serveWatch(
  ctx: HandlerContext,
  type: ResourceType,
  namespace: string | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
): void {
  const asTable = wantsTable(req.headers.accept);
  const options = listOptions(query, type);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  let ended = false;
  let unsubscribe: () => void = () => undefined;
  let timer: NodeJS.Timeout | undefined;
  // Events written since the socket last drained; a client that never reads is cut off.
  let pending = 0;
  res.on('drain', () => (pending = 0));
  const write = (line: unknown) => {
    if (ended || res.destroyed || !res.writable) return;
    if (res.write(`${JSON.stringify(servedBody(res, line))}\n`)) return;
    pending += 1;
    const { maxPendingEvents, maxPendingBytes } = ctx.watches.limits;
    if (pending > maxPendingEvents || res.writableLength > maxPendingBytes) {
      end();
      // Nothing buffered reaches a client that does not read; free it now.
      res.destroy();
    }
  };
  const end = () => {
    if (ended) return;
    ended = true;
    unsubscribe();
    unregister();
    if (timer) clearTimeout(timer);
    if (!res.destroyed) res.end();
  };
  const unregister = ctx.watches.add(end);
  res.on('close', end);
  const send = (event: WatchEvent) => {
    if (!asTable) return write(event);
    const t = table(ctx.api, type, [event.object], query, event.object.metadata.resourceVersion ?? '');
    write({ type: event.type, object: t });
  };
  try {
    const rv = query.get('resourceVersion') ?? undefined;
    unsubscribe = ctx.api.store.watch(type, namespace, rv, options, send);
  } catch (error) {
    const status = error instanceof StatusError ? error.status : new StatusError({ message: String(error), reason: 'InternalError', code: 500 }).status;
    write({ type: 'ERROR', object: status });
    end();
    return;
  }
  const seconds = Number(query.get('timeoutSeconds') ?? 0);
  if (seconds > 0) {
    timer = setTimeout(end, seconds * 1000);
    timer.unref();
  }
}
