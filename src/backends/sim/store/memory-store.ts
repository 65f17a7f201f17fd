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
  return new MemoryStore(options.historySize ?? 10_000, (options.startResourceVersion ?? 1) - 1);
}

class MemoryStore implements Store {
  private readonly data = new Map<string, Map<string, KObject>>();
  private readonly history: HistoryEntry[] = [];
  private readonly watchers = new Set<Watcher>();
  private readonly subscribers = new Set<(c: StoreChange) => void>();
  // Changes made by a subscriber while another change is being delivered wait their turn.
  private readonly queue: { change: StoreChange; entry: HistoryEntry }[] = [];
  private delivering = false;
  private truncated = false;

  constructor(
    private readonly historySize: number,
    private rv: number,
  ) {}

  get(type: ResourceType, namespace: string | undefined, name: string): KObject | undefined {
    const o = this.bucket(type).get(objectKey(type.namespaced ? namespace : undefined, name));
    return o ? clone(o) : undefined;
  }

  list(type: ResourceType, namespace: string | undefined, listOptions: ListOptions = {}): { items: KObject[]; resourceVersion: string } {
    const match = compileSelectors(listOptions);
    const items: KObject[] = [];
    for (const o of this.bucket(type).values()) {
      if (type.namespaced && namespace !== undefined && o.metadata.namespace !== namespace) continue;
      if (match(o)) items.push(o);
    }
    items.sort(
      (a, b) => (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''),
    );
    return { items: listOptions.shared ? items : items.map(clone), resourceVersion: String(this.rv) };
  }

  create(type: ResourceType, object: KObject): KObject {
    const name = object.metadata.name ?? '';
    const b = this.bucket(type);
    const key = objectKey(nsOf(type, object), name);
    if (b.has(key)) throw alreadyExists(type.resource, type.group, name);
    return this.put(type, b, key, object, 'ADDED');
  }

  update(type: ResourceType, object: KObject): KObject {
    const name = object.metadata.name ?? '';
    const b = this.bucket(type);
    const key = objectKey(nsOf(type, object), name);
    const old = b.get(key);
    if (!old) throw notFound(type.resource, type.group, name);
    const want = object.metadata.resourceVersion;
    if (want !== undefined && want !== '' && want !== old.metadata.resourceVersion)
      throw conflict(type.resource, type.group, name, 'the object has been modified; please apply your changes to the latest version and try again');
    return this.put(type, b, key, object, 'MODIFIED', old);
  }

  remove(type: ResourceType, namespace: string | undefined, name: string): KObject | undefined {
    const key = objectKey(type.namespaced ? namespace : undefined, name);
    const b = this.bucket(type);
    const old = b.get(key);
    if (!old) return undefined;
    b.delete(key);
    const gone = clone(old);
    gone.metadata.resourceVersion = String(++this.rv);
    this.record(type, 'DELETED', gone, old);
    return clone(gone);
  }

  watch(
    type: ResourceType,
    namespace: string | undefined,
    fromResourceVersion: string | undefined,
    watchOptions: ListOptions,
    onEvent: (event: WatchEvent) => void,
  ): () => void {
    const w: Watcher = { typeKey: typeKeyOf(type), namespace: type.namespaced ? namespace : undefined, match: compileSelectors(watchOptions), onEvent };
    const from = fromResourceVersion === undefined || fromResourceVersion === '' ? 0 : Number(fromResourceVersion);
    if (!Number.isFinite(from) || from < 0) throw gone(TOO_OLD);
    if (from === 0) {
      for (const o of this.list(type, namespace, watchOptions).items) onEvent({ type: 'ADDED', object: o });
    } else {
      const oldest = this.history.length > 0 ? this.history[0]!.rv : this.rv + 1;
      if (this.truncated && from < oldest - 1) throw gone(`${TOO_OLD}: ${from} (${oldest - 1})`);
      for (const entry of this.history) if (entry.rv > from) notifyWatcher(w, entry);
    }
    this.watchers.add(w);
    return () => {
      this.watchers.delete(w);
    };
  }

  subscribe(onChange: (change: StoreChange) => void): () => void {
    this.subscribers.add(onChange);
    return () => {
      this.subscribers.delete(onChange);
    };
  }

  resourceVersion(): string {
    return String(this.rv);
  }

  private bucket(t: ResourceType): Map<string, KObject> {
    const k = typeKeyOf(t);
    let b = this.data.get(k);
    if (!b) this.data.set(k, (b = new Map()));
    return b;
  }

  /** Stores a copy of `object` under the next resourceVersion and records the change. */
  private put(type: ResourceType, b: Map<string, KObject>, key: string, object: KObject, change: 'ADDED' | 'MODIFIED', old?: KObject): KObject {
    const stored = clone(object);
    stored.metadata.resourceVersion = String(++this.rv);
    b.set(key, stored);
    this.record(type, change, stored, old);
    return clone(stored);
  }

  private record(t: ResourceType, type: StoreChange['type'], object: KObject, old?: KObject): void {
    const entry: HistoryEntry = { rv: this.rv, typeKey: typeKeyOf(t), namespace: nsOf(t, object), event: { type, object }, old };
    this.history.push(entry);
    if (this.history.length > this.historySize) {
      this.history.splice(0, this.history.length - this.historySize);
      this.truncated = true;
    }
    this.queue.push({ change: { type, resource: t, object: clone(object), ...(old ? { old: clone(old) } : {}) }, entry });
    this.deliver();
  }

  private deliver(): void {
    if (this.delivering) return;
    this.delivering = true;
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) {
        for (const w of [...this.watchers]) notifyWatcher(w, next.entry);
        for (const s of [...this.subscribers]) {
          try {
            s(next.change);
          } catch {
            // A failing subscriber must not stop the others.
          }
        }
      }
    } finally {
      this.delivering = false;
    }
  }
}

const nsOf = (t: ResourceType, o: KObject) => (t.namespaced ? o.metadata.namespace : undefined);

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
