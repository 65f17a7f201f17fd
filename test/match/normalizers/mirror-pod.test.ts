import { describe, expect, it } from 'vitest';
import { mirrorPodName } from '../../../src/match/normalizers/index.js';
import { mirrorPodPrefix } from '../../../src/match/normalizers/mirror-pod.js';
import { normalizerCases } from './cases.js';

describe('mirror-pod-name', () => {
  normalizerCases(mirrorPodName, [
    ['static-web-my-node1', 'static-web-kind-control-plane', true, 'podname'],
    ['static-web-node-2', 'static-web-minikube', true, 'podname'],
    ['etcd-master', 'etcd-kind-control-plane', true, 'podname'],
    // the static pod's own name stays exact
    ['static-web-my-node1', 'static-api-kind-control-plane', false, 'podname'],
    ['static-web-my-node1', 'static-web', false, 'podname'],
    // only in a pod table's NAME column
    ['static-web-my-node1', 'static-web-kind-control-plane', false],
  ]);
  it('splits at the longest node-like tail', () => {
    expect(mirrorPodPrefix('static-web-my-node1')).toBe('static-web');
    expect(mirrorPodPrefix('kube-apiserver-kind-control-plane')).toBe('kube-apiserver');
    expect(mirrorPodPrefix('web-7d9c6-abcde')).toBeUndefined();
  });
});
