import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { INSTALLED_OBJECTS, installedRowsOf } from '../../src/match/distribution-rows.js';
import { matchOutput } from '../../src/match/index.js';
import type { MatchMode } from '../../src/plan/types.js';
import { kindAddons } from '../../src/backends/sim/controllers/stages/kind-system.js';
import { startFixture, type SimFixture } from '../sim/server/helpers.js';

const SINGULAR: Record<string, string> = {
  namespaces: 'namespace',
  serviceaccounts: 'serviceaccount',
  configmaps: 'configmap',
  deployments: 'deployment',
  clusterroles: 'clusterrole',
  clusterrolebindings: 'clusterrolebinding',
  roles: 'role',
  rolebindings: 'rolebinding',
  daemonsets: 'daemonset',
};

describe('INSTALLED_OBJECTS', () => {
  test('lists what the simulator adds as kind outside kube-system, and nothing else', () => {
    const added = kindAddons()
      .map((a) => ({
        resource: SINGULAR[a.resource] ?? a.resource,
        namespace: a.object.metadata.namespace,
        name: a.object.metadata.name,
      }))
      .filter((a) => a.namespace !== 'kube-system' && a.name !== undefined)
      .map((a) => `${a.resource} ${a.namespace ?? '-'}/${a.name}`);
    // `standard` is made by the volume controller (ensureStandardStorageClass), not by kindAddons.
    const listed = INSTALLED_OBJECTS.filter((o) => o.name !== 'standard').map((o) => `${o.resource} ${o.namespace ?? '-'}/${o.name}`);
    expect(listed.sort()).toEqual(added.sort());
  });
});

describe('installedRowsOf', () => {
  test.each<[string, Record<string, string>, boolean]>([
    ['kubectl get namespaces', { NAME: 'local-path-storage' }, true],
    ['kubectl get ns --show-labels', { NAME: 'local-path-storage' }, true],
    ['kubectl get namespaces', { NAME: 'kube-node-lease' }, false],
    ['kubectl get namespaces', { NAME: 'local-path' }, false],
    ['kubectl get pods -A', { NAMESPACE: 'local-path-storage', NAME: 'local-path-provisioner-7dc846544d-x2k4p' }, true],
    ['kubectl get pods -n local-path-storage', { NAME: 'local-path-provisioner-7dc846544d-x2k4p' }, true],
    // The same name in another namespace is the tutorial's own.
    ['kubectl get pods -A', { NAMESPACE: 'default', NAME: 'local-path-provisioner-7dc846544d-x2k4p' }, false],
    ['kubectl get pods', { NAME: 'local-path-provisioner-7dc846544d-x2k4p' }, false],
    ['kubectl get deployments --all-namespaces', { NAMESPACE: 'local-path-storage', NAME: 'local-path-provisioner' }, true],
    ['kubectl get rs -A', { NAMESPACE: 'local-path-storage', NAME: 'local-path-provisioner-7dc846544d' }, true],
    ['kubectl get all -A', { NAMESPACE: 'local-path-storage', NAME: 'deployment.apps/local-path-provisioner' }, true],
    ['kubectl get all -A', { NAMESPACE: 'local-path-storage', NAME: 'service/local-path-provisioner' }, false],
    ['kubectl get storageclass', { NAME: 'standard (default)' }, true],
    ['kubectl get sc', { NAME: 'standard' }, true],
    ['kubectl get sc', { NAME: 'fast' }, false],
    // A namespace called `standard` is not the StorageClass.
    ['kubectl get namespaces', { NAME: 'standard' }, false],
  ])('%s, row %j → %s', (command, row, installed) => {
    expect(installedRowsOf(command)?.(row) !== undefined).toBe(installed);
  });

  test('only for kubectl get', () => {
    expect(installedRowsOf('kubectl describe namespaces')).toBeUndefined();
    expect(installedRowsOf('echo local-path-storage')).toBeUndefined();
  });
});

// What a reader sees: the real kubectl against the simulator, which installs what kind installs.
describe('rows kind installs, from the simulator', () => {
  let f: SimFixture;
  beforeAll(async () => {
    f = await startFixture({ controllers: true });
  }, 60_000);
  afterAll(async () => {
    await f?.stop();
  });

  const compare = async (args: string[], expected: string, mode: MatchMode = 'similar') => {
    const r = await f.kubectl(args);
    expect(r.exitCode, r.stderr).toBe(0);
    return matchOutput({ expected, actual: r.stdout, mode, line: 10, column: 1, command: ['kubectl', ...args].join(' ') });
  };

  const ALL_SYSTEM = `NAME              STATUS   AGE
default           Active   11d
kube-node-lease   Active   11d
kube-public       Active   11d
kube-system       Active   11d
`;

  test('a namespace list from another distribution passes, the local-path-storage row a warning', async () => {
    const m = await compare(['get', 'namespaces'], ALL_SYSTEM);
    expect(m.ok, JSON.stringify(m.differences)).toBe(true);
    expect(m.differences).toEqual([
      expect.objectContaining({ kind: 'extra-line', environment: true, message: expect.stringContaining("kind's local-path storage provisioner") }),
    ]);
  }, 30_000);

  test('a missing system namespace still fails', async () => {
    const m = await compare(['get', 'namespaces'], ALL_SYSTEM.replace('kube-node-lease   Active   11d\n', ''));
    expect(m.ok).toBe(false);
    expect(m.differences.filter((d) => !d.environment).map((d) => d.message)).toEqual(['row kube-node-lease: extra in actual output']);
  }, 30_000);

  test('in exact mode the extra row fails', async () => {
    const m = await compare(['get', 'namespaces'], ALL_SYSTEM, 'exact');
    expect(m.ok).toBe(false);
  }, 30_000);

  test('the provisioner pod and the standard StorageClass are tolerated, a wrong row is not', async () => {
    const pods = await compare(
      ['get', 'pods', '-A', '-l', 'app=local-path-provisioner', '-o', 'wide'],
      'NAMESPACE   NAME   READY   STATUS   RESTARTS   AGE   IP   NODE   NOMINATED NODE   READINESS GATES\n',
    );
    expect(pods.differences.map((d) => d.environment === true && d.kind === 'extra-line')).toEqual([true]);
    const sc = await compare(['get', 'storageclass'], 'NAME   PROVISIONER   RECLAIMPOLICY   VOLUMEBINDINGMODE   ALLOWVOLUMEEXPANSION   AGE\n');
    expect(sc.ok, JSON.stringify(sc.differences)).toBe(true);
    const wrong = await compare(
      ['get', 'storageclass'],
      'NAME       PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE\nstandard   rancher.io/local-path   Retain          WaitForFirstConsumer   false                  1m\n',
    );
    expect(wrong.ok).toBe(false);
    // The doc's cluster's own `standard` (another provisioner): its settings are its distribution's.
    const other = await compare(
      ['get', 'storageclass'],
      'NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE\nstandard (default)   kubernetes.io/gce-pd    Retain          Immediate              true                   1d\n',
    );
    expect(other.ok, JSON.stringify(other.differences)).toBe(true);
    expect(other.differences.length).toBeGreaterThan(0);
    expect(other.differences.every((d) => d.environment === true)).toBe(true);
  }, 30_000);
});
