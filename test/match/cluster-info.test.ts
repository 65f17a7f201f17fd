import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { matchOutput } from '../../src/match/index.js';
import { startFixture, type SimFixture } from '../sim/server/helpers.js';

const COMMAND = 'kubectl cluster-info';

/** A doc captured on another cluster: its own address and add-ons. */
const doc = (banner: string, addOns: string[] = []): string =>
  [
    `${banner} is running at https://203.0.113.9`,
    ...addOns.map((a) => `${a} is running at https://203.0.113.9/api/v1/namespaces/kube-system/services/${a}/proxy`),
  ].join('\n');

const match = (expected: string, actual: string, command = COMMAND) => matchOutput({ expected, actual, mode: 'similar', line: 1, column: 1, command });

describe('kubectl cluster-info against the simulator', () => {
  let f: SimFixture;
  let actual = '';
  beforeAll(async () => {
    f = await startFixture();
    const r = await f.kubectl(['cluster-info']);
    expect(r.exitCode).toBe(0);
    actual = r.stdout;
  });
  afterAll(async () => {
    await f?.stop();
  });

  test('the address and the add-ons are the cluster’s: a page from a cluster with other add-ons passes', () => {
    const r = match(doc('Kubernetes control plane', ['kube-dns', 'metrics-server', 'kibana-logging']), actual);
    expect(r.ok, JSON.stringify(r.differences)).toBe(true);
    expect(r.bindings).toContainEqual(expect.objectContaining({ doc: 'https://203.0.113.9', kind: 'api-server' }));
  });

  test('the fixed words are the client’s: the pre-1.20 `Kubernetes master` banner fails', () => {
    const r = match(doc('Kubernetes master', ['kube-dns']), actual);
    expect(r.ok).toBe(false);
    expect(r.differences).toEqual([expect.objectContaining({ kind: 'wrong-value', line: 1, expected: 'Kubernetes master is running at https://203.0.113.9' })]);
  });

  test('an add-on link in a form 1.32 does not print (old clients’ /api/v1/proxy/…) is still compared', () => {
    const stale =
      'Kubernetes control plane is running at https://203.0.113.9\nKubeDNS is running at https://203.0.113.9/api/v1/proxy/namespaces/kube-system/services/kube-dns';
    expect(match(stale, actual).ok).toBe(false);
  });

  test('another command’s output is not read this way', () => {
    const r = match('kube-dns is running at https://203.0.113.9/api/v1/namespaces/kube-system/services/kube-dns/proxy', 'something else', 'kubectl get svc');
    expect(r.ok).toBe(false);
  });
});
