import { describe, expect, it } from 'vitest';
import { RESOURCE_TYPES } from '../../../src/backends/sim/registry.js';
import { StatusError } from '../../../src/backends/sim/status.js';
import { createStore } from '../../../src/backends/sim/store/index.js';
import type { KObject, StoreChange, WatchEvent } from '../../../src/backends/sim/types.js';

const cms = RESOURCE_TYPES.find((t) => t.resource === 'configmaps')!;
const nss = RESOURCE_TYPES.find((t) => t.resource === 'namespaces')!;
const cm = (name: string, labels: Record<string, string> = {}, namespace = 'default'): KObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace, labels },
});
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as StatusError).code;
  }
  return 0;
};

describe('createStore', () => {
  it('hands out increasing resourceVersions and copies objects in and out', () => {
    const s = createStore();
    const a = s.create(cms, cm('a'));
    const b = s.create(cms, cm('b'));
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
    a.metadata.labels = { changed: 'yes' };
    expect(s.get(cms, 'default', 'a')!.metadata.labels).toEqual({});
    const u = s.update(cms, { ...s.get(cms, 'default', 'a')!, data: { k: 'v' } });
    expect(Number(u.metadata.resourceVersion)).toBeGreaterThan(Number(b.metadata.resourceVersion));
    expect(s.resourceVersion()).toBe(u.metadata.resourceVersion);
  });

  it('lists copies, unless a reader that serializes at once asks for the stored objects', () => {
    const s = createStore();
    s.create(cms, cm('b'));
    s.create(cms, cm('a'));
    const copies = s.list(cms, 'default').items;
    copies[0]!.metadata.labels = { changed: 'yes' };
    expect(s.get(cms, 'default', 'a')!.metadata.labels).toEqual({});
    const shared = s.list(cms, 'default', { shared: true }).items;
    expect(shared.map((o) => o.metadata.name)).toEqual(['a', 'b']);
    expect(s.list(cms, 'default', { shared: true }).items[0]).toBe(shared[0]);
    expect(s.list(cms, 'default').items[0]).not.toBe(shared[0]);
  });

  it('throws AlreadyExists, NotFound and Conflict', () => {
    const s = createStore();
    const a = s.create(cms, cm('a'));
    expect(codeOf(() => s.create(cms, cm('a')))).toBe(409);
    expect(codeOf(() => s.update(cms, cm('zz')))).toBe(404);
    s.update(cms, a);
    let message = '';
    try {
      s.update(cms, a);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      'Operation cannot be fulfilled on configmaps "a": the object has been modified; please apply your changes to the latest version and try again',
    );
    expect(s.remove(cms, 'default', 'nope')).toBeUndefined();
  });

  it('keeps namespaces apart and lists across them, sorted', () => {
    const s = createStore();
    s.create(cms, cm('b', {}, 'x'));
    s.create(cms, cm('a', {}, 'y'));
    s.create(cms, cm('c', { app: 'web' }, 'x'));
    expect(s.list(cms, 'x').items.map((o) => o.metadata.name)).toEqual(['b', 'c']);
    expect(s.list(cms, undefined).items.map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['x/b', 'x/c', 'y/a']);
    expect(s.list(cms, undefined, { labelSelector: 'app=web' }).items).toHaveLength(1);
    s.create(nss, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } });
    expect(s.get(nss, 'ignored', 'x')).toBeDefined();
  });

  it('replays history after a resourceVersion and sends the initial state from 0', () => {
    const s = createStore();
    const a = s.create(cms, cm('a'));
    s.create(cms, cm('b'));
    const fromA: WatchEvent[] = [];
    const stop = s.watch(cms, 'default', a.metadata.resourceVersion, {}, (e) => fromA.push(e));
    s.remove(cms, 'default', 'a');
    stop();
    s.create(cms, cm('c'));
    expect(fromA.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED b', 'DELETED a']);
    const initial: WatchEvent[] = [];
    s.watch(cms, undefined, '0', {}, (e) => initial.push(e))();
    expect(initial.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED b', 'ADDED c']);
  });

  it('answers 410 Gone for a resourceVersion older than its history', () => {
    const s = createStore({ historySize: 3 });
    for (let i = 0; i < 6; i++) s.create(cms, cm(`c${i}`));
    expect(codeOf(() => s.watch(cms, undefined, '1', {}, () => undefined))).toBe(410);
    const recent: WatchEvent[] = [];
    s.watch(cms, undefined, '4', {}, (e) => recent.push(e))();
    expect(recent.map((e) => e.object.metadata.name)).toEqual(['c4', 'c5']);
  });

  it('turns label changes into ADDED and DELETED for selector watches', () => {
    const s = createStore();
    const a = s.create(cms, cm('a'));
    const seen: string[] = [];
    s.watch(cms, 'default', s.resourceVersion(), { labelSelector: 'app=web' }, (e) => seen.push(`${e.type} ${e.object.metadata.name}`));
    const b = s.update(cms, { ...a, metadata: { ...a.metadata, labels: { app: 'web' } } });
    const c = s.update(cms, { ...b, data: { x: '1' } });
    s.update(cms, { ...c, metadata: { ...c.metadata, labels: {} } });
    expect(seen).toEqual(['ADDED a', 'MODIFIED a', 'DELETED a']);
  });

  it('tells subscribers of every change in order, also changes made by subscribers', () => {
    const s = createStore();
    const log: string[] = [];
    s.subscribe((c: StoreChange) => {
      log.push(`${c.type} ${c.object.metadata.name}${c.old ? ' (had old)' : ''}`);
      if (c.object.metadata.name === 'a' && c.type === 'ADDED') s.create(cms, cm('from-subscriber'));
    });
    const unsubscribe = s.subscribe(() => {
      throw new Error('a failing subscriber');
    });
    const a = s.create(cms, cm('a'));
    s.update(cms, a);
    unsubscribe();
    expect(log).toEqual(['ADDED a', 'ADDED from-subscriber', 'MODIFIED a (had old)']);
  });
});
