import { describe, expect, it } from 'vitest';
import { lintOne, manifest } from '../helpers.js';

describe('deprecated-api', () => {
  it('reports removed API versions with the version and replacement', () => {
    const ds = lintOne(
      'deprecated-api',
      manifest(
        1,
        'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: a}\n---\napiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: b}\n',
      ),
    );
    expect(ds.map((d) => [d.line, d.severity, d.message])).toEqual([
      [2, 'error', 'extensions/v1beta1 Deployment was removed in Kubernetes 1.16; use apps/v1'],
      [6, 'error', 'batch/v1beta1 CronJob was removed in Kubernetes 1.25; use batch/v1'],
    ]);
  });

  it('warns about deprecated but served versions', () => {
    const [d] = lintOne('deprecated-api', manifest(1, 'apiVersion: v1\nkind: Endpoints\nmetadata: {name: a}\n'));
    expect(d).toMatchObject({ severity: 'warning' });
  });

  it('accepts current versions', () => {
    expect(lintOne('deprecated-api', manifest(1, 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: a}\n'))).toEqual([]);
  });
});
