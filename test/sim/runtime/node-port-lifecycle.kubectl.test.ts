import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlSim, type KubectlSim } from './kubectl-helpers.js';

let k: KubectlSim;
const onNode = (command: string) => k.sim.runtime.nodeExec!('kind-control-plane', command, 10_000);
const nodePortOf = async (svc: string) => Number(JSON.parse((await k.kubectl(['get', 'svc', svc, '-o', 'json'])).out).spec.ports[0].nodePort);

beforeAll(async () => {
  k = await kubectlSim();
  for (const [name, text] of [
    ['one', 'from one'],
    ['two', 'from two'],
  ]) {
    expect((await k.kubectl(['run', name, '--image=hashicorp/http-echo:1.0', '--', `-text=${text}`])).code).toBe(0);
    await k.until(['pod', name], (o) => o.status?.containerStatuses?.[0]?.ready === true);
  }
}, 120_000);
afterAll(async () => {
  await k.stop();
});

describe("a Service's node port follows the Service's lifecycle", () => {
  it('answers on the node while the Service exists, is refused once it is deleted, and can be taken again', async () => {
    expect((await k.kubectl(['expose', 'pod', 'one', '--type', 'NodePort', '--port', '5678'])).code).toBe(0);
    const port = await nodePortOf('one');
    expect((await onNode(`curl -sS localhost:${port}`)).stdout).toBe('from one\n');

    expect((await k.kubectl(['delete', 'service', 'one', '--wait'])).code).toBe(0);
    const refused = await onNode(`curl -sS localhost:${port}`);
    expect(refused.exitCode).toBe(7);
    expect(refused.stderr).toBe(`curl: (7) Failed to connect to localhost port ${port} after 0 ms: Couldn't connect to server\n`);

    // The allocator released it: a new Service may ask for it, and the node answers for that one.
    const svc = `apiVersion: v1
kind: Service
metadata: { name: two }
spec:
  type: NodePort
  selector: { run: two }
  ports: [{ port: 5678, nodePort: ${port} }]
`;
    await k.apply(svc);
    expect(await nodePortOf('two')).toBe(port);
    expect((await onNode(`curl -sS localhost:${port}`)).stdout).toBe('from two\n');
  });

  it('is refused once the type goes back to ClusterIP, and a port in use cannot be taken twice', async () => {
    const port = await nodePortOf('two');
    expect((await k.kubectl(['expose', 'pod', 'one', '--name', 'again', '--type', 'NodePort', '--port', '5678'])).code).toBe(0);
    const taken = await k.kubectl(['patch', 'svc', 'again', '--type', 'json', '-p', `[{"op":"replace","path":"/spec/ports/0/nodePort","value":${port}}]`]);
    expect(taken.err).toContain(`spec.ports[0].nodePort: Invalid value: ${port}: provided port is already allocated`);
    expect(
      (
        await k.kubectl([
          'patch',
          'svc',
          'two',
          '--type',
          'json',
          '-p',
          '[{"op":"replace","path":"/spec/type","value":"ClusterIP"},{"op":"remove","path":"/spec/ports/0/nodePort"}]',
        ])
      ).code,
    ).toBe(0);
    expect((await onNode(`curl -sS localhost:${port}`)).exitCode).toBe(7);
  });
});
