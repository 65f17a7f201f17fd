import { describe, expect, it } from 'vitest';
import { applyJsonPatch, mergePatch, strategicMergePatch } from '../../../src/backends/sim/api/patch.js';
import { StatusError } from '../../../src/backends/sim/status.js';

const deployment = () => ({
  metadata: { name: 'web', finalizers: ['a'], labels: { app: 'web' } },
  spec: {
    replicas: 1,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } },
    template: {
      spec: {
        containers: [
          {
            name: 'nginx',
            image: 'nginx:1',
            ports: [{ containerPort: 80, protocol: 'TCP' }],
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '2' },
            ],
          },
          { name: 'side', image: 'busybox' },
        ],
        tolerations: [{ key: 'x' }],
      },
    },
  },
});

describe('mergePatch (RFC 7386)', () => {
  it('merges maps, deletes on null and replaces lists', () => {
    expect(mergePatch({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { b: null, d: 3 }, l: [3] })).toEqual({ a: { c: 2, d: 3 }, l: [3] });
    expect(mergePatch({ a: 1 }, 'x')).toBe('x');
  });
});

describe('strategicMergePatch', () => {
  it('merges containers by name and env by name', () => {
    const out = strategicMergePatch(deployment(), {
      spec: {
        template: {
          spec: {
            containers: [
              {
                name: 'nginx',
                image: 'nginx:2',
                env: [
                  { name: 'B', value: '3' },
                  { name: 'C', value: '4' },
                ],
              },
            ],
          },
        },
      },
    }) as ReturnType<typeof deployment>;
    const [nginx, side] = out.spec.template.spec.containers;
    expect(nginx!.image).toBe('nginx:2');
    expect(nginx!.env).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '3' },
      { name: 'C', value: '4' },
    ]);
    expect(nginx!.ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    expect(side).toEqual({ name: 'side', image: 'busybox' });
  });

  it('merges container ports by containerPort and service ports by port', () => {
    const c = strategicMergePatch(
      { ports: [{ containerPort: 80, name: 'http' }] },
      { ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 443 }] },
    );
    expect(c).toEqual({ ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }, { containerPort: 443 }] });
    const s = strategicMergePatch({ ports: [{ port: 80, targetPort: 8080 }] }, { ports: [{ port: 80, nodePort: 30080 }] });
    expect(s).toEqual({ ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] });
  });

  it('honours $patch delete and replace, and replaces lists without a merge key', () => {
    const out = strategicMergePatch(deployment(), {
      spec: {
        strategy: { $patch: 'replace', type: 'Recreate' },
        template: { spec: { containers: [{ name: 'side', $patch: 'delete' }], tolerations: [{ key: 'y' }] } },
      },
    }) as ReturnType<typeof deployment>;
    expect(out.spec.strategy).toEqual({ type: 'Recreate' });
    expect(out.spec.template.spec.containers.map((c) => c.name)).toEqual(['nginx']);
    expect(out.spec.template.spec.tolerations).toEqual([{ key: 'y' }]);
    const gone = strategicMergePatch({ a: { b: 1 }, c: 2 }, { a: { $patch: 'delete' } });
    expect(gone).toEqual({ c: 2 });
    const replaced = strategicMergePatch({ containers: [{ name: 'a' }, { name: 'b' }] }, { containers: [{ name: 'c' }, { $patch: 'replace' }] });
    expect(replaced).toEqual({ containers: [{ name: 'c' }] });
  });

  it('applies $retainKeys and $deleteFromPrimitiveList, orders by $setElementOrder, merges finalizers', () => {
    const out = strategicMergePatch(deployment(), {
      metadata: { $deleteFromPrimitiveList: undefined, '$deleteFromPrimitiveList/finalizers': ['a'] },
      spec: {
        strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: null },
        template: { spec: { '$setElementOrder/containers': [{ name: 'side' }, { name: 'nginx' }] } },
      },
    }) as ReturnType<typeof deployment>;
    expect(out.metadata.finalizers).toEqual([]);
    expect(out.spec.strategy).toEqual({ type: 'Recreate' });
    // mergePatchIntoOriginal sorts the items $setElementOrder names into its order.
    expect(out.spec.template.spec.containers.map((c) => c.name)).toEqual(['side', 'nginx']);
    // Merged scalar lists: every item the patch names, in the patch's order (normalizeElementOrder).
    expect(strategicMergePatch({ metadata: { finalizers: ['a'] } }, { metadata: { finalizers: ['b', 'a'] } })).toEqual({
      metadata: { finalizers: ['b', 'a'] },
    });
    expect(strategicMergePatch({ metadata: { finalizers: ['a', 'c'] } }, { metadata: { finalizers: ['b'] } })).toEqual({
      metadata: { finalizers: ['b', 'a', 'c'] },
    });
  });

  it('puts patch-only list items before live-only ones, as mergeSortedSlice does', () => {
    const live = { spec: { containers: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] } };
    const names = (patch: unknown) => (strategicMergePatch(live, patch) as typeof live).spec.containers.map((c) => c.name);
    expect(names({ spec: { containers: [{ name: 'new' }] } })).toEqual(['new', 'a', 'b', 'c']);
    // A patched live item keeps its live place; a new item after it in the patch follows it.
    expect(names({ spec: { containers: [{ name: 'b', image: 'x' }, { name: 'new' }] } })).toEqual(['a', 'b', 'new', 'c']);
    expect(names({ spec: { containers: [{ name: 'new' }, { name: 'b', image: 'x' }] } })).toEqual(['new', 'a', 'b', 'c']);
    const env = strategicMergePatch({ env: [{ name: 'A', value: '1' }] }, { env: [{ name: 'B', value: '2' }] });
    expect(env).toEqual({
      env: [
        { name: 'B', value: '2' },
        { name: 'A', value: '1' },
      ],
    });
  });

  it('removes keys set to null and leaves the input untouched', () => {
    const input = deployment();
    const out = strategicMergePatch(input, { metadata: { labels: { app: null, tier: 'fe' } } }) as ReturnType<typeof deployment>;
    expect(out.metadata.labels).toEqual({ tier: 'fe' });
    expect(input.metadata.labels).toEqual({ app: 'web' });
  });
});

describe('applyJsonPatch', () => {
  it('applies RFC 6902 operations', () => {
    expect(
      applyJsonPatch({ spec: { replicas: 1 } }, [
        { op: 'replace', path: '/spec/replicas', value: 3 },
        { op: 'add', path: '/spec/paused', value: true },
      ]),
    ).toEqual({ spec: { replicas: 3, paused: true } });
  });
  it('fails with a 422 when an operation does not apply, and 400 when the body is no list', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as StatusError).code;
      }
      return 0;
    };
    expect(code(() => applyJsonPatch({ a: 1 }, [{ op: 'replace', path: '/b/c', value: 3 }]))).toBe(422);
    expect(code(() => applyJsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }]))).toBe(422);
    expect(code(() => applyJsonPatch({ a: 1 }, { op: 'add' }))).toBe(400);
  });
});
