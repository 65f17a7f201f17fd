import rfdc from 'rfdc';
import { alreadyExists, conflict, gone, notFound } from '../status.js';
import type { KObject, ListOptions, ResourceType, Store, StoreChange, WatchEvent } from '../types.js';
import { compileSelectors } from './selectors.js';

/** Options for `createStore`. */
export interface StoreOptions {
  /** How many past changes watches can resume from (default 10,000). */
  historySize?: number;
  /** First resourceVersion handed out (default 1). */
  startResourceVersion?: number;
}

interface HistoryEntry {
  rv: number;
  typeKey: string;
  namespace: string | undefined;
  event: WatchEvent;
  old: KObject | undefined;
}

interface Watcher {
  typeKey: string;
  namespace: string | undefined;
  match: (o: KObject) => boolean;
  onEvent: (e: WatchEvent) => void;
}

const typeKeyOf = (t: ResourceType) => `${t.group}/${t.resource}`;
const objectKey = (ns: string | undefined, name: string) => `${ns ?? ''}/${name}`;
// Objects are plain JSON values (strings, numbers, booleans, null, arrays, plain objects): a
// plain deep copy is about three times faster than structuredClone, and lists copy every item.
const deepCopy = rfdc();
const clone = <T>(v: T): T => deepCopy(v);

/** The message a real server gives when a watch asks for a version it no longer has. */
export const TOO_OLD = 'too old resource version';

/**
 * An in-memory Store: objects per type, a monotonically increasing resourceVersion, a bounded
 * change history for resuming watches, and synchronous, ordered notification of subscribers.
 * Objects are copied on the way in and out, so callers may mutate what they get.
 */
export function createStore(options: StoreOptions = {}): Store {
  const historySize = options.historySize ?? 10_000;
  const data = new Map<string, Map<string, KObject>>();
  const history: HistoryEntry[] = [];
  const watchers = new Set<Watcher>();
  const subscribers = new Set<(c: StoreChange) => void>();
  let rv = (options.startResourceVersion ?? 1) - 1;
  // Changes made by a subscriber while another change is being delivered wait their turn.
  const queue: { change: StoreChange; entry: HistoryEntry }[] = [];
  let delivering = false;
  let truncated = false;

  const bucket = (t: ResourceType) => {
    const k = typeKeyOf(t);
    let b = data.get(k);
    if (!b) data.set(k, (b = new Map()));
    return b;
  };
  const nsOf = (t: ResourceType, o: KObject) => (t.namespaced ? o.metadata.namespace : undefined);

  const deliver = () => {
    if (delivering) return;
    delivering = true;
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        for (const w of [...watchers]) notifyWatcher(w, next.entry);
        for (const s of [...subscribers]) {
          try {
            s(next.change);
          } catch {
            // A failing subscriber must not stop the others.
          }
        }
      }
    } finally {
      delivering = false;
    }
  };

  const record = (t: ResourceType, type: StoreChange['type'], object: KObject, old?: KObject) => {
    const entry: HistoryEntry = { rv, typeKey: typeKeyOf(t), namespace: nsOf(t, object), event: { type, object }, old };
    history.push(entry);
    if (history.length > historySize) {
      history.splice(0, history.length - historySize);
      truncated = true;
    }
    queue.push({ change: { type, resource: t, object: clone(object), ...(old ? { old: clone(old) } : {}) }, entry });
    deliver();
  };

  const store: Store = {
    get(type, namespace, name) {
      const o = bucket(type).get(objectKey(type.namespaced ? namespace : undefined, name));
      return o ? clone(o) : undefined;
    },
    list(type, namespace, listOptions: ListOptions = {}) {
      const match = compileSelectors(listOptions);
      const items: KObject[] = [];
      for (const o of bucket(type).values()) {
        if (type.namespaced && namespace !== undefined && o.metadata.namespace !== namespace) continue;
        if (match(o)) items.push(o);
      }
      items.sort(
        (a, b) => (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''),
      );
      return { items: listOptions.shared ? items : items.map(clone), resourceVersion: String(rv) };
    },
    create(type, object) {
      const name = object.metadata.name ?? '';
      const key = objectKey(nsOf(type, object), name);
      const b = bucket(type);
      if (b.has(key)) throw alreadyExists(type.resource, type.group, name);
      const stored = clone(object);
      stored.metadata.resourceVersion = String(++rv);
      b.set(key, stored);
      record(type, 'ADDED', stored);
      return clone(stored);
    },
    update(type, object) {
      const name = object.metadata.name ?? '';
      const key = objectKey(nsOf(type, object), name);
      const b = bucket(type);
      const old = b.get(key);
      if (!old) throw notFound(type.resource, type.group, name);
      const want = object.metadata.resourceVersion;
      if (want !== undefined && want !== '' && want !== old.metadata.resourceVersion)
        throw conflict(type.resource, type.group, name, 'the object has been modified; please apply your changes to the latest version and try again');
      const stored = clone(object);
      stored.metadata.resourceVersion = String(++rv);
      b.set(key, stored);
      record(type, 'MODIFIED', stored, old);
      return clone(stored);
    },
    remove(type, namespace, name) {
      const key = objectKey(type.namespaced ? namespace : undefined, name);
      const b = bucket(type);
      const old = b.get(key);
      if (!old) return undefined;
      b.delete(key);
      const gone = clone(old);
      gone.metadata.resourceVersion = String(++rv);
      record(type, 'DELETED', gone, old);
      return clone(gone);
    },
    watch(type, namespace, fromResourceVersion, watchOptions, onEvent) {
      const w: Watcher = {
        typeKey: typeKeyOf(type),
        namespace: type.namespaced ? namespace : undefined,
        match: compileSelectors(watchOptions),
        onEvent,
      };
      const from = fromResourceVersion === undefined || fromResourceVersion === '' ? 0 : Number(fromResourceVersion);
      if (!Number.isFinite(from) || from < 0) throw gone(TOO_OLD);
      if (from === 0) {
        for (const o of store.list(type, namespace, watchOptions).items) onEvent({ type: 'ADDED', object: o });
      } else {
        const oldest = history.length > 0 ? history[0]!.rv : rv + 1;
        if (truncated && from < oldest - 1) throw gone(`${TOO_OLD}: ${from} (${oldest - 1})`);
        for (const entry of history) if (entry.rv > from) notifyWatcher(w, entry);
      }
      watchers.add(w);
      return () => {
        watchers.delete(w);
      };
    },
    subscribe(onChange) {
      subscribers.add(onChange);
      return () => {
        subscribers.delete(onChange);
      };
    },
    resourceVersion: () => String(rv),
  };
  return store;
}

/** Sends one history entry to a watcher, turning selector transitions into ADDED/DELETED as the real server does. */
function notifyWatcher(w: Watcher, entry: HistoryEntry): void {
  if (entry.typeKey !== w.typeKey) return;
  if (w.namespace !== undefined && entry.namespace !== w.namespace) return;
  const { event, old } = entry;
  const now = w.match(event.object);
  let type = event.type;
  if (event.type === 'MODIFIED') {
    const before = old ? w.match(old) : now;
    if (!now && !before) return;
    if (now && !before) type = 'ADDED';
    if (!now && before) type = 'DELETED';
  } else if (!now) return;
  try {
    w.onEvent({ type, object: clone(event.object) });
  } catch {
    // A broken watcher must not break the writer.
  }
}
