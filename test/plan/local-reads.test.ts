import { describe, expect, it } from 'vitest';
import { readsOnlyLocalFiles } from '../../src/plan/index.js';

describe('readsOnlyLocalFiles', () => {
  it.each([
    ['kubectl kustomize overlays/production', true],
    ['kubectl kustomize ./base | grep image', true],
    ['kubectl config view --minify', true],
    ['kubectl get pods', false],
    ['kubectl kustomize base; kubectl get deployments', false],
    ['kubectl apply -k overlays/production', false],
    ['ls base', false],
  ])('%s → %s', (command, local) => {
    expect(readsOnlyLocalFiles(command)).toBe(local);
  });
});
