import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlSim, type KubectlSim } from './kubectl-helpers.js';

const SA = '/var/run/secrets/kubernetes.io/serviceaccount';
const AS_POD = `TOKEN=$(cat ${SA}/token); curl -sS --cacert ${SA}/ca.crt -H "Authorization: Bearer $TOKEN"`;

let k: KubectlSim;
const inPod = async (command: string) => {
  const r = await k.kubectl(['exec', 'client', '--', 'sh', '-c', command]);
  return { ...r, json: r.code === 0 && r.out.startsWith('{') ? JSON.parse(r.out) : undefined };
};

beforeAll(async () => {
  k = await kubectlSim();
  await k.apply(`apiVersion: v1
kind: Pod
metadata: { name: client }
spec:
  containers: [{ name: c, image: curlimages/curl:8.5.0, command: [sleep, '3600'] }]
`);
  await k.until(['pod', 'client'], (o) => o.status?.containerStatuses?.[0]?.ready === true);
}, 120_000);
afterAll(async () => {
  await k.stop();
});

describe("a pod's requests to the API server over the kubernetes Service", () => {
  it('finds the mounted ServiceAccount credentials', async () => {
    expect((await inPod(`ls ${SA}`)).out.split('\n')).toEqual(['ca.crt', 'namespace', 'token']);
    expect((await inPod(`cat ${SA}/namespace`)).out).toBe('default');
  });

  it('reaches the API server at kubernetes.default.svc with the token, verified by the mounted CA', async () => {
    const r = await inPod(`${AS_POD} https://kubernetes.default.svc/api`);
    expect(r.code, r.err).toBe(0);
    expect(r.json).toEqual({
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '172.18.0.2:6443' }],
    });
    // curl is a person's client: the server indents its answer.
    expect(r.out).toContain('\n  "versions": [');
  });

  it('reaches it by the variables the kubelet sets and by the cluster IP', async () => {
    const r = await inPod(`${AS_POD} https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT/version`);
    expect(r.code, r.err).toBe(0);
    expect(r.json.gitVersion).toMatch(/^v1\.32\./);
  });

  it("answers as RBAC decides for the pod's ServiceAccount: 403, then the list once a role is bound", async () => {
    const denied = await inPod(`${AS_POD} https://kubernetes.default.svc/api/v1/namespaces/default/pods`);
    expect(denied.json).toMatchObject({
      kind: 'Status',
      code: 403,
      reason: 'Forbidden',
      message: 'pods is forbidden: User "system:serviceaccount:default:default" cannot list resource "pods" in API group "" in the namespace "default"',
    });
    expect((await k.kubectl(['create', 'rolebinding', 'default-view', '--clusterrole=view', '--serviceaccount=default:default'])).code).toBe(0);
    const allowed = await inPod(`${AS_POD} https://kubernetes.default.svc/api/v1/namespaces/default/pods`);
    expect(allowed.json.kind).toBe('PodList');
    expect(allowed.json.items.map((p: { metadata: { name: string } }) => p.metadata.name)).toEqual(['client']);
  });

  it('is anonymous without the token', async () => {
    const r = await inPod(`curl -sS --cacert ${SA}/ca.crt https://kubernetes.default.svc/api`);
    expect(r.json).toMatchObject({ code: 403, message: 'forbidden: User "system:anonymous" cannot get path "/api"' });
  });

  it('fails certificate verification without the cluster CA, and plain HTTP on the TLS port', async () => {
    const noCa = await inPod('curl -sS https://kubernetes.default.svc/api');
    expect(noCa.code).toBe(60);
    expect(noCa.err).toMatch(/SSL certificate problem/);
    const plain = await inPod('curl -sS http://kubernetes.default.svc:443/api');
    expect(plain.out).toBe('Client sent an HTTP request to an HTTPS server.');
  });
});
