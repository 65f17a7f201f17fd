import { describe, expect, it } from 'vitest';
import { backendContext, contextCreatedBy } from '../../src/run/rewrite/cluster-context.js';
import type { Step } from '../../src/plan/types.js';

const command = (text: string): Step => ({ kind: 'command', command: text }) as unknown as Step;

describe('the context a skipped cluster-creation step names', () => {
  it.each([
    ['kind create cluster --name psa', 'kind-psa'],
    ['kind create cluster --name=demo --image kindest/node:v1.32.0', 'kind-demo'],
    ['kind create cluster', 'kind-kind'],
    ['minikube start -p multinode --nodes 2', 'multinode'],
    ['minikube start', 'minikube'],
    ['k3d cluster create dev', 'k3d-dev'],
    ['kind delete cluster --name psa', undefined],
    ['kubectl create ns kind-psa', undefined],
  ])('%s → %s', (text, context) => {
    expect(contextCreatedBy(text)).toBe(context);
  });

  it('drops `--context` naming that cluster, recording why', () => {
    const steps = [command('kind create cluster --name psa'), command('kubectl cluster-info --context kind-psa')];
    const r = backendContext('kubectl cluster-info --context kind-psa', steps, 1);
    expect(r.command).toBe('kubectl cluster-info');
    expect(r.rewrites).toHaveLength(1);
    expect(r.rewrites[0]!.reason).toContain('kind-psa');
  });

  it('keeps any other context, and contexts of clusters created only later', () => {
    const steps = [command('kind create cluster --name psa'), command('kubectl get pods --context prod'), command('kind create cluster --name late')];
    expect(backendContext('kubectl get pods --context prod', steps, 1).command).toBe('kubectl get pods --context prod');
    expect(backendContext('kubectl get pods --context=kind-late', steps, 1).command).toBe('kubectl get pods --context=kind-late');
  });
});
