import { describe, expect, it } from 'vitest';
import { deployment, errorOf, nginx, setup, TYPES } from './fixtures.js';

describe('metadata on create', () => {
  it('sets uid, creationTimestamp from the clock and the default namespace', () => {
    const { create, ctx } = setup();
    ctx.clock.advance(90_500);
    const cm = create(TYPES.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', uid: 'mine', generation: 9 } });
    expect(cm.metadata.creationTimestamp).toBe('2024-01-01T00:01:30Z');
    expect(cm.metadata.uid).not.toBe('mine');
    expect(cm.metadata.namespace).toBe('default');
    expect(cm.metadata.generation).toBeUndefined();
  });

  it('drops the namespace of cluster-scoped objects', () => {
    const { create } = setup();
    expect(create(TYPES.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x', namespace: 'default' } }).metadata.namespace).toBeUndefined();
  });

  it('fills generateName with five characters of the Kubernetes alphabet', () => {
    const { create } = setup();
    const names = Array.from(
      { length: 20 },
      () => create(TYPES.pods, { apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'web-' }, spec: { containers: [nginx()] } }).metadata.name,
    );
    for (const name of names) expect(name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(new Set(names).size).toBe(20);
  });

  it.each([
    ['Deployment', TYPES.deployments, deployment('d'), 1],
    ['Pod', TYPES.pods, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [nginx()] } }, undefined],
    ['Service', TYPES.services, { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }] } }, undefined],
  ])('%s starts at generation %j', (_n, type, object, generation) => {
    const { create } = setup();
    expect(create(type, object).metadata.generation).toBe(generation);
  });
});

describe('updates', () => {
  it('bumps generation on spec changes only', () => {
    const { create, update } = setup();
    const d = create(TYPES.deployments, deployment('web'));
    const labelled = update(TYPES.deployments, { ...d, metadata: { ...d.metadata, labels: { tier: 'fe' } } });
    expect(labelled.metadata.generation).toBe(1);
    const scaled = update(TYPES.deployments, { ...labelled, spec: { ...(labelled.spec as object), replicas: 3 } });
    expect(scaled.metadata.generation).toBe(2);
    expect(scaled.metadata.uid).toBe(d.metadata.uid);
    expect(scaled.metadata.creationTimestamp).toBe(d.metadata.creationTimestamp);
  });

  it('keeps status on a main write and spec on a status write', () => {
    const { create, update } = setup();
    const d = create(TYPES.deployments, deployment('web'));
    const withStatus = update(TYPES.deployments, { ...d, spec: { ...(d.spec as object), replicas: 5 }, status: { replicas: 1 } }, { subresource: 'status' });
    expect(withStatus.status).toEqual({ replicas: 1 });
    expect((withStatus.spec as { replicas: number }).replicas).toBe(1);
    expect(withStatus.metadata.generation).toBe(1);
    const main = update(TYPES.deployments, { ...withStatus, status: { replicas: 99 } });
    expect(main.status).toEqual({ replicas: 1 });
  });

  it('adds the kubernetes finalizer to new namespaces only', () => {
    const { create, update } = setup();
    const ns = create(TYPES.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' }, spec: { finalizers: ['example.com/x'] } });
    expect(ns.spec).toEqual({ finalizers: ['example.com/x', 'kubernetes'] });
    const finalized = update(TYPES.namespaces, { ...ns, spec: { finalizers: [] } });
    expect(finalized.spec).toEqual({ finalizers: [] });
    expect(finalized.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'dev' });
  });

  it('keeps pod status on a main update, takes it on a status write', () => {
    const { create, update } = setup();
    const p = create(TYPES.pods, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [nginx()] } });
    const running = update(TYPES.pods, { ...p, status: { phase: 'Running' } }, { subresource: 'status' });
    expect(running.status).toEqual({ phase: 'Running' });
    const labelled = update(TYPES.pods, { ...running, metadata: { ...running.metadata, labels: { a: 'b' } }, status: { phase: 'Failed' } });
    expect(labelled.status).toEqual({ phase: 'Running' });
    expect(labelled.metadata.labels).toEqual({ a: 'b' });
  });

  it('rejects a changed Deployment selector', () => {
    const { create, admission, store } = setup();
    const d = create(TYPES.deployments, deployment('nginx'));
    const changed = deployment('nginx', { app: 'nginx2' });
    const err = errorOf(() => admission.admit('update', TYPES.deployments, changed as never, store.get(TYPES.deployments, 'default', 'nginx'), {}));
    expect(d.metadata.name).toBe('nginx');
    expect(err.message).toBe(
      'Deployment.apps "nginx" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"nginx2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });

  it('rejects pod spec changes other than the image', () => {
    const { create, update, admission, store } = setup();
    const p = create(TYPES.pods, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [nginx('nginx:1.26')] } });
    const spec = p.spec as { containers: Record<string, unknown>[] };
    const newImage = update(TYPES.pods, { ...p, spec: { ...spec, containers: [{ ...spec.containers[0], image: 'nginx:1.27' }] } });
    expect((newImage.spec as typeof spec).containers[0]!.image).toBe('nginx:1.27');
    const bound = update(TYPES.pods, { ...newImage, spec: { ...(newImage.spec as object), nodeName: 'kind-control-plane' } });
    expect((bound.spec as { nodeName: string }).nodeName).toBe('kind-control-plane');
    const err = errorOf(() =>
      admission.admit(
        'update',
        TYPES.pods,
        { ...bound, spec: { ...(bound.spec as object), restartPolicy: 'Never' } } as never,
        store.get(TYPES.pods, 'default', 'p'),
        {},
      ),
    );
    expect(err.message).toMatch(/^Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`/);
  });

  it('rejects changing a Secret type and data of immutable ConfigMaps', () => {
    const { create, admission, store } = setup();
    create(TYPES.secrets, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { a: 'Yg==' } });
    const err = errorOf(() =>
      admission.admit(
        'update',
        TYPES.secrets,
        { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'kubernetes.io/basic-auth', data: { username: 'YQ==' } } as never,
        store.get(TYPES.secrets, 'default', 's'),
        {},
      ),
    );
    expect(err.message).toBe('Secret "s" is invalid: type: Invalid value: "kubernetes.io/basic-auth": field is immutable');
    create(TYPES.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, immutable: true, data: { a: '1' } });
    const err2 = errorOf(() =>
      admission.admit(
        'update',
        TYPES.configmaps,
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, immutable: true, data: { a: '2' } } as never,
        store.get(TYPES.configmaps, 'default', 'c'),
        {},
      ),
    );
    expect(err2.message).toBe('ConfigMap "c" is invalid: data: Forbidden: field is immutable when `immutable` is set');
  });
});

describe('Service allocation', () => {
  const svc = (spec: Record<string, unknown>, name = 'web') => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec });

  it('allocates distinct ClusterIPs from the dynamic part of 10.96.0.0/12', () => {
    const { create } = setup();
    const ips = Array.from({ length: 30 }, (_, i) => (create(TYPES.services, svc({ ports: [{ port: 80 }] }, `s${i}`)).spec as { clusterIP: string }).clusterIP);
    expect(new Set(ips).size).toBe(30);
    for (const ip of ips) {
      const [a, b, c] = ip.split('.').map(Number) as [number, number, number];
      expect(a).toBe(10);
      expect(b).toBeGreaterThanOrEqual(96);
      expect(b).toBeLessThanOrEqual(111);
      expect(b === 96 && c === 0).toBe(false);
    }
  });

  it('gives the requested well-known addresses', () => {
    const { create } = setup();
    const k = create(TYPES.services, svc({ clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, targetPort: 6443 }] }, 'kubernetes'));
    expect(k.spec).toMatchObject({ clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' });
  });

  it('marks headless Services None', () => {
    const { create } = setup();
    const h = create(TYPES.services, svc({ clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] }, 'db'));
    expect(h.spec).toMatchObject({ clusterIP: 'None', clusterIPs: ['None'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' });
    const bare = create(TYPES.services, svc({ clusterIP: 'None' }, 'bare'));
    expect(bare.spec).toMatchObject({ clusterIPs: ['None'], ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4', 'IPv6'] });
  });

  it('allocates unique NodePorts in 30000-32767 for NodePort and LoadBalancer Services', () => {
    const { create } = setup();
    const ports: number[] = [];
    for (let i = 0; i < 20; i++) {
      const s = create(
        TYPES.services,
        svc(
          {
            type: i % 2 ? 'NodePort' : 'LoadBalancer',
            ports: [
              { name: 'a', port: 80 },
              { name: 'b', port: 443 },
            ],
          },
          `s${i}`,
        ),
      );
      for (const p of (s.spec as { ports: { nodePort: number }[] }).ports) ports.push(p.nodePort);
    }
    expect(new Set(ports).size).toBe(40);
    for (const p of ports) expect(p >= 30000 && p <= 32767).toBe(true);
  });

  it('gives a LoadBalancer with allocateLoadBalancerNodePorts false no NodePorts', () => {
    const { create } = setup();
    const s = create(TYPES.services, svc({ type: 'LoadBalancer', allocateLoadBalancerNodePorts: false, ports: [{ port: 80 }] }));
    expect((s.spec as { ports: { nodePort?: number }[] }).ports[0]!.nodePort).toBeUndefined();
  });

  it('keeps ClusterIP and NodePorts when an update leaves them out (kubectl apply/replace)', () => {
    const { create, update } = setup();
    const s = create(TYPES.services, svc({ type: 'NodePort', ports: [{ port: 80 }] }));
    const again = update(TYPES.services, svc({ type: 'NodePort', ports: [{ port: 80 }] }));
    expect((again.spec as Record<string, unknown>).clusterIP).toBe((s.spec as Record<string, unknown>).clusterIP);
    expect(again.spec).toEqual(s.spec);
  });

  it('drops NodePorts when the type goes back to ClusterIP, and allocates them when it changes to NodePort', () => {
    const { create, update } = setup();
    const s = create(TYPES.services, svc({ type: 'NodePort', ports: [{ port: 80 }] }));
    const cluster = update(TYPES.services, { ...s, spec: { ...(s.spec as object), type: 'ClusterIP' } });
    expect((cluster.spec as { ports: { nodePort?: number }[] }).ports[0]!.nodePort).toBeUndefined();
    const back = update(TYPES.services, { ...cluster, spec: { ...(cluster.spec as object), type: 'NodePort' } });
    expect((back.spec as { ports: { nodePort: number }[] }).ports[0]!.nodePort).toBeGreaterThanOrEqual(30000);
  });

  it('rejects a changed ClusterIP', () => {
    const { create, admission, store } = setup();
    create(TYPES.services, svc({ clusterIP: '10.96.100.100', ports: [{ port: 80 }] }));
    const err = errorOf(() =>
      admission.admit(
        'update',
        TYPES.services,
        svc({ clusterIP: '10.96.100.101', ports: [{ port: 80 }] }) as never,
        store.get(TYPES.services, 'default', 'web'),
        {},
      ),
    );
    expect(err.message).toBe('Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.100.101"}: may not change once set');
  });

  it('frees ClusterIP and NodePort when the Service is removed', () => {
    const { create, store, admission } = setup();
    const s = create(TYPES.services, svc({ clusterIP: '10.96.5.5', type: 'NodePort', ports: [{ port: 80, nodePort: 30500 }] }));
    store.remove(TYPES.services, 'default', 'web');
    admission.release(TYPES.services, s);
    const again = create(TYPES.services, svc({ clusterIP: '10.96.5.5', type: 'NodePort', ports: [{ port: 80, nodePort: 30500 }] }, 'web2'));
    expect((again.spec as { clusterIP: string }).clusterIP).toBe('10.96.5.5');
  });
});
