import { describe } from 'vitest';
import { nodeName } from '../../../src/match/normalizers/index.js';
import { normalizerCases } from './cases.js';

describe('node-name', () => {
  normalizerCases(nodeName, [
    ['kubernetes-node-6jst', 'kind-worker', true, 'NODE'],
    ['Node: kubernetes-node-6jst/10.240.0.5', 'Node: kind-worker/172.18.0.3', true],
    ['nodeName: kubernetes-node-6jst', 'nodeName: minikube', true],
    ['Successfully assigned default/x to kubernetes-node-6jst', 'Successfully assigned default/x to kind-worker', true],
    ['kubernetes.io/hostname=worker0', 'kubernetes.io/hostname=kind-control-plane', true],
    ['kubernetes.io/hostname: minikube', 'kubernetes.io/hostname: kind-control-plane', true],
    ['kubernetes.io/os=linux', 'kubernetes.io/os=windows', false],
    ['node/minikube cordoned', 'node/kind-control-plane cordoned', true],
    ['MY_NODE_NAME=minikube', 'MY_NODE_NAME=kind-control-plane', true],
    ['MY_NODE_NAME=minikube', 'MY_POD_NAME=kind-control-plane', false],
    ['MY_POD_NAME=minikube', 'MY_POD_NAME=kind-control-plane', false],
    ['node/minikube cordoned', 'node/kind-control-plane drained', false],
    ['pod/minikube created', 'pod/kind-control-plane created', false],
    ['kubernetes-node-6jst', '<none>', false, 'NODE'],
    ['<none>', 'kind-worker', false, 'NOMINATED NODE'],
    ['kubernetes-node-6jst', 'kind-worker', false, 'NAME'],
  ]);
});
