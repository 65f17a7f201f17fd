import { describe, expect, it } from 'vitest';
import { NODE_HOSTS } from '../../src/plan/data/node-hosts.js';
import { isNodeHost, sessionOpenedBy } from '../../src/plan/session.js';

describe('NODE_HOSTS', () => {
  it.each(NODE_HOSTS.trigger)('reads ssh %s as a node of the cluster', (host) => {
    expect(isNodeHost(host)).toBe(true);
    expect(sessionOpenedBy(`ssh ${host}`)).toEqual({ kind: 'node', name: host });
  });
  it.each(NODE_HOSTS.clean)('reads ssh %s as another machine', (host) => {
    expect(isNodeHost(host)).toBe(false);
    expect(sessionOpenedBy(`ssh ${host}`)).toEqual({ kind: 'remote', name: host });
  });
  it("reads a host the page's own node list showed as a node", () => {
    expect(sessionOpenedBy('ssh ip-172-20-0-11', [], ['ip-172-20-0-11'])).toEqual({ kind: 'node', name: 'ip-172-20-0-11' });
    expect(sessionOpenedBy('ssh ip-172-20-0-11')).toEqual({ kind: 'remote', name: 'ip-172-20-0-11' });
  });
});
