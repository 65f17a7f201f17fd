import { describe, expect, it } from 'vitest';
import { deployment, pod, setup } from './helpers.js';

describe('garbage collector', () => {
  it('deletes ReplicaSets and pods of a deleted deployment (background)', () => {
    const { api } = setup();
    const deploys = api.resolve('deployments', 'apps')!;
    api.create(deploys, 'default', deployment('web', 2));
    api.run(2000);
    api.delete(deploys, 'default', 'web');
    api.run(2000);
    expect(api.all('replicasets', 'apps')).toHaveLength(0);
    expect(api.all('pods')).toHaveLength(0);
  });

  it('foreground: dependents go first, then the owner', () => {
    const { api } = setup();
    const deploys = api.resolve('deployments', 'apps')!;
    api.create(deploys, 'default', deployment('web', 2));
    api.run(2000);
    api.delete(deploys, 'default', 'web', { propagationPolicy: 'Foreground' });
    api.run(20);
    expect(api.find(deploys, 'default', 'web')?.metadata.finalizers).toEqual(['foregroundDeletion']);
    api.run(3000);
    expect(api.find(deploys, 'default', 'web')).toBeUndefined();
    expect(api.all('replicasets', 'apps')).toHaveLength(0);
    expect(api.all('pods')).toHaveLength(0);
  });

  it('orphan: dependents lose the owner reference and stay', () => {
    const { api } = setup();
    const deploys = api.resolve('deployments', 'apps')!;
    api.create(deploys, 'default', deployment('web', 2));
    api.run(2000);
    api.delete(deploys, 'default', 'web', { propagationPolicy: 'Orphan' });
    api.run(500);
    expect(api.find(deploys, 'default', 'web')).toBeUndefined();
    const [rs] = api.all('replicasets', 'apps');
    expect(rs?.metadata.ownerReferences).toBeUndefined();
    expect(api.all('pods')).toHaveLength(2);
  });
});

describe('replica sets', () => {
  it('replaces a deleted pod and deletes surplus ones', () => {
    const { api, type } = setup();
    api.create(api.resolve('deployments', 'apps')!, 'default', deployment('web', 2));
    api.run(2000);
    const [first] = api.all('pods');
    api.delete(type('pods'), 'default', String(first!.metadata.name));
    api.run(2500);
    const names = api.all('pods').map((p) => p.metadata.name);
    expect(names).toHaveLength(2);
    expect(names).not.toContain(first!.metadata.name);
    const events = api
      .all('events')
      .filter((e: any) => e.involvedObject.kind === 'ReplicaSet')
      .map((e: any) => e.reason);
    expect(events).toEqual(['SuccessfulCreate', 'SuccessfulCreate', 'SuccessfulCreate']);
  });
});

describe('namespaces', () => {
  it('gives new namespaces a default ServiceAccount and the root CA ConfigMap', () => {
    const { api, type } = setup();
    api.create(type('namespaces'), undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' }, spec: { finalizers: ['kubernetes'] } });
    api.run(10);
    expect(api.find(type('serviceaccounts'), 'dev', 'default')).toBeDefined();
    expect(api.find(type('configmaps'), 'dev', 'kube-root-ca.crt')).toBeDefined();
  });

  it('empties a terminating namespace, then removes it', () => {
    const { api, type } = setup();
    const nsType = type('namespaces');
    api.create(nsType, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev', finalizers: [] }, spec: { finalizers: ['kubernetes'] } });
    api.create(type('pods'), 'dev', { ...pod('nginx', { image: 'nginx' }), metadata: { name: 'nginx', namespace: 'dev' } });
    api.run(2000);
    api.delete(nsType, undefined, 'dev');
    api.run(50);
    const terminating = api.get(nsType, undefined, 'dev') as any;
    expect(terminating.status.phase).toBe('Terminating');
    expect(terminating.status.conditions.find((c: any) => c.type === 'NamespaceContentRemaining').status).toBe('True');
    api.run(3000);
    expect(api.find(nsType, undefined, 'dev')).toBeUndefined();
  });
});

describe('jobs', () => {
  it('runs pods to completion and sets Complete', () => {
    const { api, type } = setup();
    const jobs = api.resolve('jobs', 'batch')!;
    api.create(jobs, 'default', {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'pi' },
      spec: {
        completions: 2,
        parallelism: 1,
        backoffLimit: 4,
        template: {
          spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34.0', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] }] },
        },
      },
    });
    api.run(6000);
    const job = api.get(jobs, 'default', 'pi') as any;
    expect(job.status.succeeded).toBe(2);
    expect(job.status.conditions.map((c: any) => `${c.type}:${c.reason}`)).toEqual(['SuccessCriteriaMet:CompletionsReached', 'Complete:CompletionsReached']);
    expect(job.status.completionTime).toBeDefined();
    expect(job.status).toMatchObject({ ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    const pods = api.all('pods') as any[];
    expect(pods).toHaveLength(2);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.status.phase).toBe('Succeeded');
      expect(p.metadata.finalizers ?? []).toEqual([]);
      expect(p.metadata.labels['job-name']).toBe('pi');
    }
    const events = api
      .all('events')
      .filter((e: any) => e.involvedObject.kind === 'Job')
      .map((e: any) => e.reason);
    expect(events).toEqual(['SuccessfulCreate', 'SuccessfulCreate', 'Completed']);
    expect(type('pods')).toBeDefined();
  });
});
