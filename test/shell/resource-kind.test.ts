import { describe, expect, it } from 'vitest';
import { kindOf, realResourcePlural } from '../../src/shell/index.js';

describe('kindOf', () => {
  it.each([
    // short names
    ['deploy', 'deployment'],
    ['po', 'pod'],
    ['svc', 'service'],
    ['rs', 'replicaset'],
    ['sts', 'statefulset'],
    ['cj', 'cronjob'],
    ['netpol', 'networkpolicy'],
    ['ep', 'endpoints'],
    // plurals and singulars
    ['deployments', 'deployment'],
    ['pods', 'pod'],
    ['endpoints', 'endpoints'],
    ['ingresses', 'ingress'],
    ['ingress', 'ingress'],
    ['storageclasses', 'storageclass'],
    // -ies
    ['networkpolicies', 'networkpolicy'],
    ['priorityclasses', 'priorityclass'],
    // group-qualified
    ['deployments.apps', 'deployment'],
    ['replicasets.v1.apps', 'replicaset'],
    ['ingressclasses.networking.k8s.io', 'ingressclass'],
    // a manifest's kind
    ['Deployment', 'deployment'],
    ['NetworkPolicy', 'networkpolicy'],
    ['Endpoints', 'endpoints'],
    // words of no real type, by plural rules
    ['crontabs', 'crontab'],
    ['widgetpolicies.example.com', 'widgetpolicy'],
    ['patches', 'patch'],
  ])('%s → %s', (word, kind) => {
    expect(kindOf(word)).toBe(kind);
  });
});

describe('realResourcePlural', () => {
  it.each([
    ['deploy', 'deployments'],
    ['apiservices', 'apiservices'],
    ['deployments.apps', 'deployments'],
    ['crontabs', undefined],
  ])('%s → %s', (word, plural) => {
    expect(realResourcePlural(word)).toBe(plural);
  });
});
