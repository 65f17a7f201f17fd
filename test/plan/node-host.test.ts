import { describe, expect, it } from 'vitest';
import { NODE_HOSTS } from '../../src/plan/data/node-hosts.js';
import { isNodeHost, sessionOpenedBy } from '../../src/plan/session.js';
import { isNodeListing } from '../../src/parse/context.js';
import { parseMarkdown } from '../../src/parse/index.js';
import type { CommandStep } from '../../src/plan/types.js';

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

describe('the node names a page lists', () => {
  it.each(['kubectl get nodes', 'kubectl get no -o wide', 'kubectl --context prod get node', 'kubectl get nodes,pods', 'kubectl get node/n1 --show-labels'])(
    'reads %s as a table of nodes',
    (command) => expect(isNodeListing(command)).toBe(true),
  );
  it.each([
    'kubectl get nodes -o name',
    'kubectl get nodes -o jsonpath={.items[*].metadata.name}',
    'kubectl get pods',
    'kubectl describe nodes',
    'echo kubectl get nodes',
  ])('does not read %s as one', (command) => expect(isNodeListing(command)).toBe(false));

  const page = (listing: string): string =>
    [
      '```shell',
      listing,
      '```',
      '',
      '```',
      'NAME             STATUS   ROLES',
      'ip-172-20-0-11   Ready    <none>',
      '```',
      '',
      '```shell',
      'ssh ip-172-20-0-11',
      '```',
      '',
    ].join('\n');
  const sshHost = (md: string): string | undefined =>
    parseMarkdown(md, { path: 'doc.md', readFile: () => undefined })
      .steps.filter((s): s is CommandStep => s.kind === 'command')
      .find((s) => s.command.startsWith('ssh'))?.opensSession?.kind;

  it('should take a host the page listed with global flags before get for a node', () => {
    expect(sshHost(page('kubectl --context prod get nodes'))).toBe('node');
    expect(sshHost(page('kubectl get pods'))).toBe('remote');
  });
});
