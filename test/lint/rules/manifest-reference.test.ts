import { describe, expect, it } from 'vitest';
import { cmd, lintOne, manifest } from '../helpers.js';

describe('manifest-reference', () => {
  it('reports a manifest that nothing applies', () => {
    const ds = lintOne(
      'manifest-reference',
      manifest(1, 'kind: Service', { file: 'nginx-svc.yaml', origin: 'example', examplePath: 'service/networking/nginx-svc.yaml' }),
      cmd(9, 'kubectl get svc'),
    );
    expect(ds).toEqual([
      expect.objectContaining({ severity: 'info', line: 1, message: 'manifest `nginx-svc.yaml` is shown but no command applies or reads it' }),
    ]);
  });

  it('accepts manifests applied by name, by URL, or right after being shown', () => {
    const ds = lintOne(
      'manifest-reference',
      manifest(1, 'kind: Deployment', { file: 'run-my-nginx.yaml', origin: 'example', examplePath: 'service/networking/run-my-nginx.yaml' }),
      cmd(5, 'kubectl apply -f ./run-my-nginx.yaml'),
      manifest(6, 'kind: Pod', { file: 'envars.yaml', origin: 'example', examplePath: 'pods/inject/envars.yaml' }),
      cmd(8, 'kubectl apply -f https://k8s.io/examples/pods/inject/envars.yaml'),
      manifest(10, 'kind: Secret'),
      cmd(15, 'kubectl apply -f nginxsecrets.yaml'),
    );
    expect(ds).toEqual([]);
  });
});
