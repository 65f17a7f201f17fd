import { describe, expect, it } from 'vitest';
import { healthCheckPort } from '../../src/backends/sim/node-daemons.js';

const api = {
  resolve: (r: string) => (r === 'services' ? ({ kind: 'Service' } as never) : undefined),
  list: () => ({ items: [{ metadata: { name: 'lb' }, spec: { type: 'LoadBalancer', healthCheckNodePort: 32122 } }] }) as never,
};

describe("a Service's healthCheckNodePort on a node", () => {
  it('is unchecked when refused there: kube-proxy serves it, and the simulator runs none', () => {
    expect(healthCheckPort(api, "curl: (7) Failed to connect to localhost port 32122 after 0 ms: Couldn't connect to server")).toMatch(
      /^port 32122 is the healthCheckNodePort of Service lb, which kube-proxy serves on every node/,
    );
  });

  it('leaves any other refused port to the rules: a NodePort refused is a finding', () => {
    expect(healthCheckPort(api, "curl: (7) Failed to connect to localhost port 30080 after 0 ms: Couldn't connect to server")).toBeUndefined();
    expect(healthCheckPort(api, 'ok')).toBeUndefined();
  });
});
