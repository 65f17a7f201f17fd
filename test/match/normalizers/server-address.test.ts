import { describe, expect, test } from 'vitest';
import { matchOutput } from '../../../src/match/index.js';
import type { Binding } from '../../../src/match/index.js';
import { serverAddress } from '../../../src/match/normalizers/index.js';
import { normalizerCases } from './cases.js';

describe('server-address', () => {
  normalizerCases(serverAddress, [
    ['10.0.1.149:443', '172.18.0.2:6443', true, 'serverAddress'],
    ['192.168.49.2:8443', '172.18.0.2:6443', true, 'serverAddress'],
    ['[fd00::1]:6443', '172.18.0.2:6443', true, 'serverAddress'],
    ['api.example.com:443', '172.18.0.2:6443', true, 'serverAddress'],
    // not an address: stays exact; other fields are not the advertised address
    ['10.0.1.149:443', 'nothing', false, 'serverAddress'],
    ['10.0.1.149:443', '172.18.0.2:6443', false, 'clientCIDR'],
  ]);
});

const api = (address: string) => `{
  "kind": "APIVersions",
  "versions": [
    "v1"
  ],
  "serverAddressByClientCIDRs": [
    {
      "clientCIDR": "0.0.0.0/0",
      "serverAddress": "${address}"
    }
  ]
}`;

describe("the API server's advertised address on a page", () => {
  const step = (expected: string, bindings: Binding[]) =>
    matchOutput({ command: 'curl http://localhost:8080/api/', expected, actual: api('172.18.0.2:6443'), mode: 'similar', line: 10, column: 1, bindings });

  test("the page's cluster's address matches the cluster's, and is bound", () => {
    const r = step(api('10.0.1.149:443'), []);
    expect(r.ok).toBe(true);
    expect(r.bindings).toContainEqual(expect.objectContaining({ doc: '10.0.1.149:443', actual: '172.18.0.2:6443' }));
  });

  test('a second address for the same cluster later on the page contradicts the page', () => {
    const first = step(api('10.0.1.149:443'), []);
    const bindings = first.bindings.map((b) => ({ ...b, line: 10 }));
    expect(step(api('10.0.1.149:443'), bindings).ok).toBe(true);
    expect(step(api('10.0.1.150:443'), bindings).ok).toBe(false);
  });

  test('the rest of the reply stays exact', () => {
    expect(step(api('10.0.1.149:443').replace('"v1"', '"v2"'), []).ok).toBe(false);
  });
});
