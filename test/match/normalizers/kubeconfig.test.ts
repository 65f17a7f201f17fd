import { describe } from 'vitest';
import { kubeCluster, kubeContext, kubeUser } from '../../../src/match/normalizers/index.js';
import { normalizerCases } from './cases.js';

describe('kube-context', () => {
  normalizerCases(kubeContext, [
    ['minikube', 'kubedoctest-sim', true, 'current-context'],
    ['kind-kind', 'kubedoctest-sim', true, 'kubecontext'],
    ['gke_my-project_us-central1-c_my-cluster', 'kubedoctest-sim', true, 'current-context'],
    ['arn:aws:eks:us-west-2:123456789012:cluster/demo', 'kubedoctest-sim', true, 'current-context'],
    ['kubernetes-admin@kubernetes', 'kind-kind', true, 'current-context'],
    ['Switched to context "minikube".', 'Switched to context "kubedoctest-sim".', true],
    // `kubectl config current-context`: a distinctive installer name alone on its line
    ['docker-desktop', 'kubedoctest-sim', true],
    // kube-up.sh on GCE names the context `<project>_kubernetes`
    ['lithe-cocoa-92103_kubernetes', 'kubedoctest-sim', true, 'current-context'],
    ['my-project_kubernetes', 'kubedoctest-sim', true],
    // another prefix than the default is not recognisable: it stays exact
    ['my-project_staging', 'kubedoctest-sim', false, 'current-context'],
    // names a tutorial sets itself stay exact
    ['dev-frontend', 'kubedoctest-sim', false, 'current-context'],
    ['Switched to context "dev-frontend".', 'Switched to context "kubedoctest-sim".', false],
    // `kubernetes` alone is the default Service's name, not a context
    ['kubernetes', 'kubedoctest-sim', false],
  ]);
});

describe('kube-cluster', () => {
  normalizerCases(kubeCluster, [
    ['minikube', 'kubedoctest-sim', true, 'cluster'],
    ['kubernetes', 'kubedoctest-sim', true, 'cluster'],
    ['development', 'kubedoctest-sim', false, 'cluster'],
    ['lithe-cocoa-92103_kubernetes', 'kubedoctest-sim', true, 'cluster'],
    ['minikube', 'kubedoctest-sim', false, 'name'],
  ]);
});

describe('kube-user', () => {
  normalizerCases(kubeUser, [
    ['minikube', 'kubedoctest-sim', true, 'user'],
    ['kubernetes-admin', 'kubedoctest-sim', true, 'AUTHINFO'],
    ['developer', 'kubedoctest-sim', false, 'user'],
    ['lithe-cocoa-92103_kubernetes-basic-auth', 'kubedoctest-sim', true, 'user'],
  ]);
});
