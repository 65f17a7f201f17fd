import { describe, expect, it } from 'vitest';
import { canonicalQuantity, parseQuantity, sumQuantities } from '../../../src/backends/sim/admission/quantity.js';
import { errorOf, setup, TYPES } from './fixtures.js';

describe('quantities', () => {
  it.each([
    ['500m', 0.5],
    ['1', 1],
    ['1.5', 1.5],
    ['128Mi', 128 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1G', 1e9],
    ['2k', 2000],
    ['1e3', 1000],
    [2, 2],
    ['1Gb', 'format'],
    ['1gi', 'format'],
    ['abc', 'format'],
    ['1iM', 'suffix'],
  ])('%j → %j', (text, value) => {
    expect(parseQuantity(text)).toBe(value);
  });

  it.each([
    ['1.5Gi', '1536Mi'],
    ['1Gi', '1Gi'],
    ['1024Mi', '1Gi'],
    ['512Mi', '512Mi'],
    ['0.5', '500m'],
    ['1000m', '1'],
    ['1000', '1k'],
    ['1500M', '1500M'],
    ['1.5G', '1500M'],
    ['100', '100'],
    ['0', '0'],
    ['500m', '500m'],
    ['1e3', '1k'],
    ['1000Ki', '1000Ki'],
    [2, '2'],
  ])('canonical form of %j is %s', (text, canonical) => {
    expect(canonicalQuantity(text)).toBe(canonical);
  });

  it('rejects an unparseable quantity as the decoder does', () => {
    const { admission } = setup();
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { limits: { memory: '512Mb' } } }] } },
      },
    };
    expect(errorOf(() => admission.admit('create', TYPES.deployments, deployment as never, undefined, {}))).toEqual({
      message: `Deployment in version "v1" cannot be handled as a Deployment: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
      code: 400,
      reason: 'BadRequest',
    });
  });

  it('rejects requests above limits', () => {
    const { admission } = setup();
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } }] },
    };
    expect(errorOf(() => admission.admit('create', TYPES.pods, pod as never, undefined, {})).message).toBe(
      'Pod "p" is invalid: spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
    );
  });

  it('stores quantities in canonical form, as the server serves them', () => {
    const { create } = setup();
    const pod = create(TYPES.pods, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default' },
      spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '0.5', memory: '1.5Gi' }, limits: { cpu: 1, memory: '2048Mi' } } }] },
    });
    const resources = (pod.spec as { containers: { resources: unknown }[] }).containers[0]?.resources;
    expect(resources).toEqual({ requests: { cpu: '500m', memory: '1536Mi' }, limits: { cpu: '1', memory: '2Gi' } });
  });

  it('canonicalizes the quantities of a pod template and of a claim, and copies canonical limits to requests', () => {
    const { create } = setup();
    const deployment = create(TYPES.deployments, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { limits: { cpu: '0.25' } } }] } },
      },
    });
    expect(JSON.stringify(deployment.spec)).toContain('"limits":{"cpu":"250m"}');
    const claim = create(TYPES.pvcs, {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', namespace: 'default' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1024Mi' } } },
    });
    expect((claim.spec as { resources: unknown }).resources).toEqual({ requests: { storage: '1Gi' } });
  });
});

describe('sumQuantities', () => {
  it.each([
    [['512Mi', '512Mi'], '1Gi'],
    [['250m', '750m'], '1'],
    [['250m', '500m'], '750m'],
    [['100Mi', '200Mi'], '300Mi'],
    [['1', '500m'], '1500m'],
    [[], '0'],
    [['1', '1'], '2'],
  ])('%j → %s', (values, sum) => expect(sumQuantities(values)).toBe(sum));
});
