import { describe, expect, test } from 'vitest';
import { evaluatorFor, evaluatorForName, sumUsage } from '../../../src/backends/sim/admission/quota-evaluators.js';

const pods = evaluatorFor('pods', '')!;
const container = (name: string, requests: Record<string, string> = {}, limits: Record<string, string> = {}, extra: Record<string, unknown> = {}) => ({
  name,
  image: 'nginx',
  resources: { requests, limits },
  ...extra,
});
const pod = (spec: Record<string, unknown>, status: Record<string, unknown> = { phase: 'Running' }, metadata: Record<string, unknown> = {}) => ({
  metadata: { name: 'p', namespace: 'q', ...metadata },
  spec,
  status,
});

describe('quota evaluators: what one object uses', () => {
  test.each([
    [
      'containers summed, requests also under the bare name',
      { containers: [container('a', { cpu: '250m', memory: '256Mi' }, { cpu: '500m' }), container('b', { cpu: '250m', memory: '512Mi' })] },
      { 'count/pods': '1', pods: '1', cpu: '500m', 'requests.cpu': '500m', 'limits.cpu': '500m', memory: '768Mi', 'requests.memory': '768Mi' },
    ],
    [
      'the largest init container when it needs more than the app containers',
      { initContainers: [container('init', { cpu: '2' })], containers: [container('a', { cpu: '500m' })] },
      { 'count/pods': '1', pods: '1', cpu: '2', 'requests.cpu': '2' },
    ],
    [
      'a sidecar (restartPolicy Always) adds to the app containers',
      { initContainers: [container('side', { cpu: '100m' }, {}, { restartPolicy: 'Always' })], containers: [container('a', { cpu: '500m' })] },
      { 'count/pods': '1', pods: '1', cpu: '600m', 'requests.cpu': '600m' },
    ],
    [
      'overhead is added',
      { overhead: { cpu: '100m' }, containers: [container('a', { cpu: '500m' })] },
      { 'count/pods': '1', pods: '1', cpu: '600m', 'requests.cpu': '600m' },
    ],
    [
      'hugepages and extended resources',
      { containers: [container('a', { 'hugepages-2Mi': '4Mi', 'example.com/dongle': '2' })] },
      { 'count/pods': '1', pods: '1', 'hugepages-2Mi': '4Mi', 'requests.hugepages-2Mi': '4Mi', 'requests.example.com/dongle': '2' },
    ],
  ])('pod: %s', (_, spec, usage) => {
    expect(pods.usage(pod(spec), 0)).toEqual(usage);
  });

  test('a terminal pod keeps only its object count', () => {
    expect(pods.usage(pod({ containers: [container('a', { cpu: '1' })] }, { phase: 'Succeeded' }), 0)).toEqual({ 'count/pods': '1' });
  });

  test('a deleted pod counts until its grace period has passed', () => {
    const deleting = pod({ containers: [container('a', { cpu: '1' })] }, {}, { deletionTimestamp: '2026-01-01T00:00:00Z', deletionGracePeriodSeconds: 30 });
    const at = Date.parse('2026-01-01T00:00:00Z');
    expect(pods.usage(deleting, at + 10_000)['requests.cpu']).toBe('1');
    expect(pods.usage(deleting, at + 31_000)['requests.cpu']).toBeUndefined();
  });

  test.each([
    ['ClusterIP', {}, { 'services.loadbalancers': '0', 'services.nodeports': '0' }],
    ['NodePort', {}, { 'services.loadbalancers': '0', 'services.nodeports': '2' }],
    ['LoadBalancer', {}, { 'services.loadbalancers': '1', 'services.nodeports': '2' }],
    ['LoadBalancer', { allocateLoadBalancerNodePorts: false }, { 'services.loadbalancers': '1', 'services.nodeports': '1' }],
  ])('service of type %s %o', (type, extra, usage) => {
    const svc = { metadata: { name: 's' }, spec: { type, ports: [{ port: 80, nodePort: 30001 }, { port: 443 }], ...extra } };
    expect(evaluatorFor('services', '')!.usage(svc, 0)).toEqual({ 'count/services': '1', services: '1', ...usage });
  });

  test('a claim counts under its storage class too', () => {
    const claim = { metadata: { name: 'c' }, spec: { storageClassName: 'gold', resources: { requests: { storage: '5Gi' } } } };
    expect(evaluatorFor('persistentvolumeclaims', '')!.usage(claim, 0)).toEqual({
      persistentvolumeclaims: '1',
      'count/persistentvolumeclaims': '1',
      'gold.storageclass.storage.k8s.io/persistentvolumeclaims': '1',
      'requests.storage': '5Gi',
      'gold.storageclass.storage.k8s.io/requests.storage': '5Gi',
    });
  });

  test('object counts: the legacy alias of core kinds, count/<resource>.<group> for the rest', () => {
    expect(evaluatorFor('configmaps', '')!.usage({}, 0)).toEqual({ 'count/configmaps': '1', configmaps: '1' });
    expect(evaluatorFor('deployments', 'apps')!.usage({}, 0)).toEqual({ 'count/deployments.apps': '1' });
    expect(evaluatorFor('deployments', 'apps')!.charges).toEqual(['create']);
    expect(evaluatorFor('events', '')).toBeUndefined();
  });
});

describe('quota evaluators: which names they measure', () => {
  test.each([
    ['requests.cpu', 'pods'],
    ['cpu', 'pods'],
    ['requests.example.com/dongle', 'pods'],
    ['requests.hugepages-1Gi', 'pods'],
    ['count/pods', 'pods'],
    ['services.nodeports', 'services'],
    ['bronze.storageclass.storage.k8s.io/requests.storage', 'persistentvolumeclaims'],
    ['secrets', 'secrets'],
    ['count/cronjobs.batch', 'cronjobs'],
  ])('%s is measured on %s', (name, resource) => {
    expect(evaluatorForName(name)?.resource).toBe(resource);
  });

  test('a name no evaluator knows', () => {
    expect(evaluatorForName('requests.nothing')).toBeUndefined();
  });
});

describe('quota evaluators: constraints and scopes', () => {
  test('each container must state what the quota tracks of cpu and memory; other resources are not required', () => {
    const p = pod({ containers: [container('web', { cpu: '1' }), container('app', { cpu: '1', memory: '1Gi' }, { cpu: '1', memory: '1Gi' })] });
    expect(pods.constraints!(['requests.cpu', 'limits.memory', 'requests.storage', 'pods'], p)).toBe('must specify limits.memory for: web');
    expect(pods.constraints!(['requests.cpu', 'pods'], p)).toBeUndefined();
  });

  test('a scoped quota counts only the pods in every scope, and no other kind', () => {
    const bestEffort = pod({ containers: [container('a')] });
    const burstable = pod({ containers: [container('a', { cpu: '1' })] });
    const quota = { spec: { hard: { pods: '5' }, scopes: ['BestEffort'] } };
    expect(sumUsage(pods, [bestEffort, burstable, bestEffort], quota, ['pods'], 0)).toEqual({ pods: '2' });
    const services = evaluatorFor('services', '')!;
    expect(sumUsage(services, [{ spec: {} }], { spec: { hard: { services: '1' }, scopes: ['BestEffort'] } }, ['services'], 0)).toEqual({ services: '0' });
  });

  test('a PriorityClass selector with In, NotIn, Exists and DoesNotExist', () => {
    const high = pod({ priorityClassName: 'high', containers: [container('a')] });
    const none = pod({ containers: [container('a')] });
    const count = (operator: string, values?: string[]) =>
      sumUsage(pods, [high, none], { spec: { scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator, values }] } } }, ['pods'], 0).pods;
    expect([count('In', ['high']), count('NotIn', ['high']), count('Exists'), count('DoesNotExist')]).toEqual(['1', '1', '1', '1']);
    expect(count('In', ['low'])).toBe('0');
  });
});
