import { describe, expect, it } from 'vitest';
import { COMPONENT_FIXTURES, distributionOf, otherDistributionRows } from '../../src/run/distribution-components.js';

describe("a distribution's own system components", () => {
  it.each(COMPONENT_FIXTURES.trigger.map(([n, d]) => [n, d]))('reads %s as a component of %s', (name, dist) => {
    expect(distributionOf(name)).toBe(dist);
  });
  it.each(COMPONENT_FIXTURES.clean.map((n) => [n]))('does not read %s as one', (name) => {
    expect(distributionOf(name)).toBeUndefined();
  });

  const actual = [
    'NAME                                             READY   STATUS    RESTARTS   AGE',
    'pod/coredns-7b8756c997-69nnq                     1/1     Running   0          63s',
    'pod/etcd-kind-control-plane                      1/1     Running   0          63s',
    'pod/kindnet-mbx2w                                1/1     Running   0          63s',
    '',
    'NAME               TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE',
    'service/kube-dns   ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   63s',
  ].join('\n');
  const doc = (header = 'NAME                      READY     STATUS    RESTARTS   AGE') =>
    [
      header,
      'pod/coredns-5644d7b6d9-mh9ll   1/1   Running   0   34m',
      'pod/etcd-minikube   1/1   Running   0   34m',
      'pod/storage-provisioner   1/1   Running   0   34m',
    ].join('\n');

  it("leaves a kube-system listing of another distribution's components unchecked, naming it", () => {
    expect(otherDistributionRows('kubectl get pod,svc -n kube-system', doc(), actual)).toMatch(
      /its own distribution \(minikube\).*etcd-minikube, storage-provisioner/,
    );
  });

  it('checks it when the header is stale, outside system namespaces, or when the distribution is this one', () => {
    expect(otherDistributionRows('kubectl get pod,svc -n kube-system', doc('NAME   READY   STATUS   RESTARTS   IP   AGE'), actual)).toBeUndefined();
    expect(otherDistributionRows('kubectl get pods', doc(), actual)).toBeUndefined();
    const kindDoc = [
      'NAME   READY   STATUS   RESTARTS   AGE',
      'pod/etcd-kind-control-plane   1/1   Running   0   1m',
      'pod/kube-proxy-x   1/1   Running   0   1m',
    ].join('\n');
    expect(otherDistributionRows('kubectl get pods -n kube-system', kindDoc, actual)).toBeUndefined();
  });
});
