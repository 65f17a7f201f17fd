import { describe, expect, it } from 'vitest';
import { removedApiRequest } from '../../src/run/removed-api.js';

const NOT_SERVED = '404 page not found\n';

describe('removedApiRequest', () => {
  it.each([
    [
      'curl -X DELETE localhost:8080/apis/extensions/v1beta1/namespaces/default/replicasets/web',
      'extensions/v1beta1 replicasets is not served since 1.16; use apps/v1',
    ],
    ['curl localhost:8001/apis/batch/v1beta1/namespaces/default/cronjobs', 'batch/v1beta1 cronjobs is not served since 1.25; use batch/v1'],
    [
      'curl http://127.0.0.1:8001/apis/rbac.authorization.k8s.io/v1beta1/clusterroles',
      'rbac.authorization.k8s.io/v1beta1 clusterroles is not served since 1.22; use rbac.authorization.k8s.io/v1',
    ],
  ])('%s → %s', (command, reason) => {
    expect(removedApiRequest(command, NOT_SERVED)).toBe(reason);
  });

  it('says nothing of a version 1.32 still serves, or of an answer that is not the 404 of an unserved path', () => {
    expect(removedApiRequest('curl -X DELETE localhost:8080/apis/apps/v1/namespaces/default/replicasets/web', NOT_SERVED)).toBeUndefined();
    expect(removedApiRequest('curl localhost:8080/apis/extensions/v1beta1/namespaces/default/replicasets/web', '{"kind":"Status"}')).toBeUndefined();
    // Deprecated, not removed: still served.
    expect(removedApiRequest('curl localhost:8080/api/v1/namespaces/default/endpoints', NOT_SERVED)).toBeUndefined();
  });
});
