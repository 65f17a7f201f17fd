import { describe, expect, it } from 'vitest';
import { deployment, setup } from './helpers.js';
import { serviceEnv } from '../../../src/backends/sim/controllers/service-env.js';

const svc = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default', labels: { run: name } },
  spec,
});

describe('endpoints and endpoint slices', () => {
  it('lists ready pod addresses for a service with a selector', () => {
    const { api, type } = setup();
    api.create(api.resolve('deployments', 'apps')!, 'default', deployment('my-nginx', 2));
    api.create(
      type('services'),
      'default',
      svc('my-nginx', { clusterIP: '10.96.0.10', selector: { run: 'my-nginx' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] }),
    );
    api.run(50);
    expect((api.get(type('endpoints'), 'default', 'my-nginx') as any).subsets).toBeUndefined();
    api.run(2000);
    const ep = api.get(type('endpoints'), 'default', 'my-nginx') as any;
    expect(ep.metadata.labels).toEqual({ run: 'my-nginx' });
    expect(ep.subsets).toHaveLength(1);
    expect(ep.subsets[0].addresses.map((a: any) => a.ip)).toEqual(['10.244.0.5', '10.244.0.6']);
    expect(ep.subsets[0].addresses[0]).toMatchObject({ nodeName: 'kind-control-plane', targetRef: { kind: 'Pod', namespace: 'default' } });
    expect(ep.subsets[0].ports).toEqual([{ port: 80, protocol: 'TCP' }]);
    const [slice] = api.all('endpointslices', 'discovery.k8s.io') as any[];
    expect(slice.metadata.name).toMatch(/^my-nginx-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice.metadata.labels).toEqual({
      run: 'my-nginx',
      'kubernetes.io/service-name': 'my-nginx',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    expect(slice.addressType).toBe('IPv4');
    expect(slice.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    expect(slice.endpoints[0]).toMatchObject({
      addresses: ['10.244.0.5'],
      conditions: { ready: true, serving: true, terminating: false },
      nodeName: 'kind-control-plane',
    });
    expect(slice.metadata.ownerReferences[0]).toMatchObject({ kind: 'Service', name: 'my-nginx', controller: true });
  });

  it('resolves named target ports and keeps unready pods apart', () => {
    const { api, type } = setup();
    const d = deployment('web', 1);
    (d as any).spec.template.spec.containers[0].ports = [{ name: 'http', containerPort: 8080 }];
    (d as any).spec.template.spec.containers[0].readinessProbe = { httpGet: { port: 'http' }, initialDelaySeconds: 5 };
    api.create(api.resolve('deployments', 'apps')!, 'default', d);
    api.create(
      type('services'),
      'default',
      svc('web', { clusterIP: '10.96.0.11', selector: { run: 'web' }, ports: [{ name: 'web', port: 80, protocol: 'TCP', targetPort: 'http' }] }),
    );
    api.run(2000);
    let ep = api.get(type('endpoints'), 'default', 'web') as any;
    expect(ep.subsets).toEqual([{ notReadyAddresses: [expect.objectContaining({ ip: '10.244.0.5' })], ports: [{ name: 'web', port: 8080, protocol: 'TCP' }] }]);
    let slice = api.all('endpointslices', 'discovery.k8s.io')[0] as any;
    expect(slice.endpoints[0].conditions).toEqual({ ready: false, serving: false, terminating: false });
    // The probe worker ticks every periodSeconds (10s by default): the first tick past the 5s delay probes.
    api.run(5000);
    expect((api.all('endpointslices', 'discovery.k8s.io')[0] as any).endpoints[0].conditions.ready).toBe(false);
    api.run(5000);
    ep = api.get(type('endpoints'), 'default', 'web') as any;
    expect(ep.subsets[0].ports).toEqual([{ name: 'web', port: 8080, protocol: 'TCP' }]);
    slice = api.all('endpointslices', 'discovery.k8s.io')[0] as any;
    expect(slice.endpoints[0].conditions).toEqual({ ready: true, serving: true, terminating: false });
    expect(ep.subsets[0].addresses).toHaveLength(1);
  });

  it('leaves services without a selector alone and drops endpoints with the service', () => {
    const { api, type } = setup();
    api.create(type('services'), 'default', svc('ext', { clusterIP: '10.96.0.12', ports: [{ port: 80 }] }));
    api.create(type('services'), 'default', svc('gone', { clusterIP: '10.96.0.13', selector: { run: 'x' }, ports: [{ port: 80 }] }));
    api.run(100);
    expect(api.find(type('endpoints'), 'default', 'ext')).toBeUndefined();
    expect(api.find(type('endpoints'), 'default', 'gone')).toBeDefined();
    const [placeholder] = api.all('endpointslices', 'discovery.k8s.io') as any[];
    expect(placeholder.endpoints).toBeNull();
    api.delete(type('services'), 'default', 'gone');
    api.run(100);
    expect(api.find(type('endpoints'), 'default', 'gone')).toBeUndefined();
    expect(api.all('endpointslices', 'discovery.k8s.io')).toHaveLength(0);
  });

  it('does not rewrite endpoints when nothing changed', () => {
    const { api, type } = setup();
    api.create(type('services'), 'default', svc('web', { clusterIP: '10.96.0.11', selector: { run: 'web' }, ports: [{ port: 80 }] }));
    api.create(api.resolve('deployments', 'apps')!, 'default', deployment('web', 1));
    api.run(2000);
    const rv = api.get(type('endpoints'), 'default', 'web').metadata.resourceVersion;
    api.patch(type('services'), 'default', 'web', 'merge', { metadata: { annotations: { a: 'b' } } });
    api.run(100);
    expect(api.get(type('endpoints'), 'default', 'web').metadata.resourceVersion).toBe(rv);
  });

  it('gives LoadBalancer services an ingress IP only when a load balancer is emulated', () => {
    for (const loadBalancer of [true, false]) {
      const { api, type } = setup({ loadBalancer });
      api.create(type('services'), 'default', svc('lb', { type: 'LoadBalancer', clusterIP: '10.96.0.20', selector: { run: 'lb' }, ports: [{ port: 80 }] }));
      api.run(100);
      const status = (api.get(type('services'), 'default', 'lb') as any).status;
      if (loadBalancer) expect(status.loadBalancer.ingress).toEqual([{ ip: '172.18.255.1', ipMode: 'VIP' }]);
      else expect(status?.loadBalancer?.ingress).toBeUndefined();
    }
  });
});

describe('service environment variables', () => {
  const kubernetes = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default' },
    spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP' }] },
  };
  const redis = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'redis-primary', namespace: 'app' },
    spec: { clusterIP: '10.96.0.50', ports: [{ port: 6379, protocol: 'TCP' }] },
  };
  const headless = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'hl', namespace: 'app' }, spec: { clusterIP: 'None', ports: [{ port: 80 }] } };

  it('builds the docker-links variables like kubelet', () => {
    expect(serviceEnv([kubernetes, redis, headless], 'app')).toEqual({
      KUBERNETES_SERVICE_HOST: '10.96.0.1',
      KUBERNETES_SERVICE_PORT: '443',
      KUBERNETES_SERVICE_PORT_HTTPS: '443',
      KUBERNETES_PORT: 'tcp://10.96.0.1:443',
      KUBERNETES_PORT_443_TCP: 'tcp://10.96.0.1:443',
      KUBERNETES_PORT_443_TCP_PROTO: 'tcp',
      KUBERNETES_PORT_443_TCP_PORT: '443',
      KUBERNETES_PORT_443_TCP_ADDR: '10.96.0.1',
      REDIS_PRIMARY_SERVICE_HOST: '10.96.0.50',
      REDIS_PRIMARY_SERVICE_PORT: '6379',
      REDIS_PRIMARY_PORT: 'tcp://10.96.0.50:6379',
      REDIS_PRIMARY_PORT_6379_TCP: 'tcp://10.96.0.50:6379',
      REDIS_PRIMARY_PORT_6379_TCP_PROTO: 'tcp',
      REDIS_PRIMARY_PORT_6379_TCP_PORT: '6379',
      REDIS_PRIMARY_PORT_6379_TCP_ADDR: '10.96.0.50',
    });
  });

  it('keeps only the kubernetes service when enableServiceLinks is false', () => {
    expect(Object.keys(serviceEnv([kubernetes, redis], 'app', false)).every((k) => k.startsWith('KUBERNETES_'))).toBe(true);
  });
});
