import { describe, expect, it } from 'vitest';
import { NODE_CONTAINERS } from '../../src/plan/data/node-containers.js';
import { POD_EVIDENCE } from '../../src/plan/data/places.js';
import { containerExec, isContainerListing, listsNodeContainers, nodeContainerRows, nodeOfContainer } from '../../src/plan/node-container.js';

describe('node container names and listing rows', () => {
  it.each(NODE_CONTAINERS.trigger.names.map((n) => [n]))('takes %s as a node container', (name) => {
    expect(nodeOfContainer(name, [])).toEqual({ name });
  });
  it.each(NODE_CONTAINERS.clean.names.map((n) => [n]))('does not take %s as a node container', (name) => {
    expect(nodeOfContainer(name, [])).toBeUndefined();
  });
  it.each(NODE_CONTAINERS.trigger.rows.map((r) => [r]))('reads a node container row in %s', (row) => {
    expect(nodeContainerRows(row)).toHaveLength(1);
  });
  it.each(NODE_CONTAINERS.clean.rows.map((r) => [r]))('reads no node container in %s', (row) => {
    expect(nodeContainerRows(row)).toEqual([]);
  });
});

describe('docker exec', () => {
  it('reads options, the container and the program as written', () => {
    expect(containerExec("docker exec -it -w /tmp -e A=1 --user=root kind-worker bash -c 'crictl ps | jq .'")).toEqual({
      runtime: 'docker',
      container: 'kind-worker',
      command: "bash -c 'crictl ps | jq .'",
      words: ['bash', '-c', 'crictl ps | jq .'],
      stdin: true,
      tty: true,
      env: ['A=1'],
      workdir: '/tmp',
      user: 'root',
    });
    expect(containerExec('podman container exec minikube ls')?.container).toBe('minikube');
    expect(containerExec('docker exec -it kind-control-plane')).toBeUndefined();
    expect(containerExec('docker ps')).toBeUndefined();
    expect(containerExec('kubectl exec -it web -- sh')).toBeUndefined();
  });

  it('resolves an id by the page’s listing and a placeholder by its only node container', () => {
    const listing = NODE_CONTAINERS.trigger.rows[0];
    expect(nodeOfContainer('6a96207fed4b', [listing])).toEqual({ name: 'kind-control-plane' });
    expect(nodeOfContainer('6a96', [listing])).toEqual({ name: 'kind-control-plane' });
    expect(nodeOfContainer('6a96207fed4b', [])).toBeUndefined();
    expect(nodeOfContainer('5b920cbaf8b1', [listing, NODE_CONTAINERS.clean.rows[0]])).toBeUndefined();
    expect(nodeOfContainer('<node-container-id>', [listing])).toEqual({ name: 'kind-control-plane' });
    expect(nodeOfContainer('<node-container-id>', [])).toEqual({});
    expect(nodeOfContainer('<your-app>', [])).toBeUndefined();
  });
});

describe('docker ps of node containers', () => {
  it('is a listing of node containers when its output shows one or the page made a kind cluster', () => {
    expect(isContainerListing('docker container ls -a')).toBe(true);
    expect(isContainerListing('docker exec -it x ps')).toBe(false);
    expect(listsNodeContainers('docker ps', NODE_CONTAINERS.trigger.rows[0], [])).toBe(true);
    expect(listsNodeContainers('docker ps', null, ['kind create cluster --config=kind.yaml'])).toBe(true);
    expect(listsNodeContainers('docker ps', NODE_CONTAINERS.clean.rows[0], [])).toBe(false);
    expect(listsNodeContainers('docker images', null, ['kind create cluster'])).toBe(false);
  });
});

describe('in-pod evidence', () => {
  it.each(POD_EVIDENCE.trigger.map((t) => [t]))('takes %s as a pod line', (line) => {
    expect(POD_EVIDENCE.pattern.test(line)).toBe(true);
  });
  it.each(POD_EVIDENCE.clean.map((t) => [t]))('does not take %s as a pod line', (line) => {
    expect(POD_EVIDENCE.pattern.test(line)).toBe(false);
  });
});
