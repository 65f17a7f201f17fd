import { describe, expect, test } from 'vitest';
import { programsOf, unmodelledObjects, unmodelledProgram } from '../../src/backends/sim/unmodelled-pods.js';
import { simCannotCheck } from '../../src/backends/sim/cannot-check.js';
import type { KObject } from '../../src/backends/sim/types.js';

describe('programs a container runs', () => {
  test('first word, or every command of a sh -c script', () => {
    expect(programsOf(['sleep', '3600'])).toEqual(['sleep']);
    expect(programsOf(['/bin/sh', '-c', 'set -e\n# comment\nx=1 nc -l 9000 | tar -x -C /data\nif [[ -d /d ]]; then exec cp /a /b; fi'])).toEqual([
      'nc',
      'tar',
      'cp',
    ]);
    expect(programsOf([])).toEqual([]);
    // A builtin's words are its arguments, not programs.
    expect(programsOf(['/bin/sh', '-c', 'echo Hello from the debian container > /pod-data/index.html'])).toEqual([]);
    expect(programsOf(['sh', '-c', 'for f in a b; do printf "%s" $f; cat $f; done; test -f x && nginx'])).toEqual(['cat', 'nginx']);
    expect(programsOf(['bash', '-c', 'items=(foo bar baz)\necho ${items[$I]} > /in/data.txt'])).toEqual([]);
  });

  test('a program the image does not have, or an image the simulator does not know, is unmodelled', () => {
    expect(unmodelledProgram({ containers: [{ name: 'web', image: 'nginx:1.27', command: ['nginx', '-g', 'daemon off;'] }] })).toBeUndefined();
    expect(unmodelledProgram({ initContainers: [{ name: 'fetch', image: 'example.com/tools:1', command: ['bash', '-c', 'fetcher --all'] }] })).toMatch(
      /^container fetch \(image example.com\/tools:1\) runs fetcher: image example.com\/tools:1 is not known/,
    );
    // args alone run the image's entrypoint with them (vish/stress starts /stress -cpus 2).
    expect(unmodelledProgram({ containers: [{ name: 'cpu', image: 'vish/stress', args: ['-cpus', '2'] }] })).toBeUndefined();
    expect(unmodelledProgram({ containers: [{ name: 'cpu', image: 'vish/stress', command: ['-cpus'], args: ['2'] }] })).toMatch(/runs -cpus: /);
    expect(unmodelledProgram({ containers: [{ name: 'db', image: 'mysql:8', readinessProbe: { exec: { command: ['mysql', '-e', 'SELECT 1'] } } }] })).toMatch(
      /runs mysql: .*does not run queries/,
    );
  });
});

function pod(name: string, labels: Record<string, string>, spec: object, ready = false, owner?: string): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      labels,
      ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: owner, uid: 'u', controller: true }] } : {}),
    },
    spec,
    status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  } as KObject;
}

function fakeApi(pods: KObject[], services: KObject[], statefulsets: KObject[] = []) {
  const byType: Record<string, KObject[]> = { pods, services, statefulsets };
  return {
    resolve: (n: string) => ({ name: n }) as never,
    list: (t: { name: string }) => ({ items: byType[t.name] ?? [], resourceVersion: '1' }),
  };
}

describe('pods that cannot become Ready and what names them', () => {
  const stuckSpec = { containers: [{ name: 'sync', image: 'example.com/replicator:2', command: ['replicator', '--serve'] }] };
  const svc = (name: string, selector: Record<string, string>) =>
    ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector } }) as KObject;
  const api = fakeApi(
    [pod('store-0', { app: 'store' }, stuckSpec, false, 'store'), pod('web-1', { app: 'web' }, { containers: [{ name: 'n', image: 'nginx:1.27' }] })],
    [
      svc('store-read', { app: 'store' }),
      svc('web', { app: 'web' }),
      { ...svc('store', { app: 'store' }), spec: { clusterIP: 'None', selector: { app: 'store' } } } as KObject,
    ],
    [
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 'store', namespace: 'default' },
        spec: { volumeClaimTemplates: [{ metadata: { name: 'data' } }] },
      } as KObject,
    ],
  );
  const objects = unmodelledObjects(api as never);

  test.each([
    ['kubectl get pods -l app=store', 'NAME READY STATUS\nstore-0 1/1 Running'],
    ['kubectl exec store-2 -- ls', ''],
    ['kubectl get pod/store-1', ''],
    ['kubectl run client --image=busybox -- wget -qO- store-read', ''],
    ['kubectl run client --image=busybox -- ping store-0.store', ''],
    ['kubectl delete pvc data-store-3', 'persistentvolumeclaim "data-store-3" deleted'],
  ])('unchecked: %s', (command, expected) => {
    expect(simCannotCheck(command, 'whatever', false, expected, objects)).toMatch(
      /store-0,? (?:which )?cannot become Ready in the simulator: container sync \(image example.com\/replicator:2\) runs replicator/,
    );
  });

  test.each([
    ['kubectl get pvc -l app=store', 'NAME STATUS\ndata-store-0 Bound'],
    ['kubectl get pods', 'NAME READY\nweb-1 1/1'],
    ['kubectl get svc web', ''],
    ['kubectl exec store -- ls', ''],
    ['kubectl get svc store', ''],
    ['kubectl get pvc', 'NAME STATUS\ndata-store-3 Bound'],
  ])('checked as usual: %s', (command, expected) => {
    expect(simCannotCheck(command, 'whatever', false, expected, objects)).toBeUndefined();
  });

  test('the StatefulSet’s rollout and the server’s NotFound for the pods it never made are unchecked; its listing is not', () => {
    expect(
      simCannotCheck('kubectl rollout status sts/store', 'Waiting for 2 pods to be ready...', false, 'statefulset rolling update complete', objects),
    ).toMatch(/the pods of StatefulSet store depend on it$/);
    expect(
      simCannotCheck(
        'for i in 1 2; do kubectl get pod store-$i --template {{.spec.nodeName}}; done',
        'Error from server (NotFound): pods "store-1" not found',
        false,
        'node-a\nnode-b',
        objects,
      ),
    ).toMatch(/the pods of StatefulSet store depend on it$/);
    expect(simCannotCheck('kubectl get sts store', 'whatever', false, 'NAME READY\nstore 0/1', objects)).toBeUndefined();
    expect(objects.filter((o) => o.blocked).map((o) => String(o.name))).toEqual(['store-0', '/^store-\\d+$/', 'store']);
  });

  test('an Ingress host is reached through an ingress controller the simulator does not run', () => {
    const ingress = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'site', namespace: 'default' },
      spec: { rules: [{ host: 'shop.example', http: { paths: [] } }, { host: '*.wild.example' }] },
    } as KObject;
    const api = {
      resolve: (n: string) => ({ name: n }) as never,
      list: (t: { name: string }) => ({ items: t.name === 'ingresses' ? [ingress] : [], resourceVersion: '1' }),
    };
    const found = unmodelledObjects(api as never);
    expect(simCannotCheck('curl shop.example/v2', 'curl: (6) Could not resolve host: shop.example', false, 'Hello', found)).toMatch(
      /^host shop.example is served through Ingress site: the simulator runs no ingress controller/,
    );
    // Only a client reaching it: the Ingress's listing is checked.
    expect(simCannotCheck('kubectl get ingress site', '', false, 'NAME HOSTS\nsite shop.example', found)).toBeUndefined();
    expect(simCannotCheck('curl other.example', '', false, 'Hello', found)).toBeUndefined();
  });

  test("a Job whose pod runs an unmodelled program: its logs are unchecked, its status and other Jobs' logs are not", () => {
    const ran = (name: string, image: string, command: string[], job: string) =>
      ({
        ...pod(name, { 'job-name': job }, { containers: [{ name: job, image, command }] }),
        metadata: { name, namespace: 'default', ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: job, uid: 'j', controller: true }] },
        status: { phase: 'Succeeded', conditions: [{ type: 'Ready', status: 'False' }] },
      }) as KObject;
    const objects = unmodelledObjects(
      fakeApi(
        [ran('calc-x7k2p', 'example.com/python:3', ['python3', '-c', 'print(45)'], 'calc'), ran('hi-q8w2e', 'busybox:1.36', ['echo', 'hi'], 'hi')],
        [],
      ) as never,
    );
    expect(simCannotCheck('kubectl logs job/calc', '', false, '45', objects)).toMatch(
      /^pod calc-x7k2p ran a program the simulator does not model.*: container calc \(image example.com\/python:3\) runs python3: .*; Job calc runs it$/,
    );
    // Its status follows the image's rules, as on a cluster where the program ends well.
    expect(simCannotCheck('kubectl get jobs', '', false, 'NAME STATUS\ncalc Complete', objects)).toBeUndefined();
    expect(simCannotCheck('kubectl describe job calc', '', false, 'Pods Statuses: 0 Active', objects)).toBeUndefined();
    expect(simCannotCheck('kubectl logs job/hi', '', false, 'hi', objects)).toBeUndefined();
  });

  test('a pod that looked up a name on the internet, and its Job, cannot be checked', () => {
    const fetcher = {
      ...pod('fetch-abcde', {}, { containers: [{ name: 'w', image: 'busybox:1.36', command: ['wget', 'http://info.cern.ch'] }] }),
      metadata: {
        name: 'fetch-abcde',
        namespace: 'default',
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'fetch', uid: 'j', controller: true }],
      },
    } as KObject;
    const objects = unmodelledObjects(fakeApi([fetcher], []) as never, [{ namespace: 'default', pod: 'fetch-abcde', names: ['info.cern.ch'] }]);
    expect(simCannotCheck('kubectl logs job/fetch', '', false, '<html>', objects)).toMatch(
      /^pod fetch-abcde looked up info.cern.ch on the internet, which the simulator does not reach/,
    );
    expect(simCannotCheck('kubectl get pod fetch-abcde', '', false, '', objects)).toMatch(/info.cern.ch/);
    expect(simCannotCheck('kubectl get pod other', '', false, '', objects)).toBeUndefined();
    expect(unmodelledObjects(fakeApi([fetcher], []) as never)).toEqual([]);
  });

  test('a Ready pod of an image the simulator does not know: clients reaching it, its address or its Service are unchecked', () => {
    const server = { ...pod('hostnames-x1', { app: 'hostnames' }, { containers: [{ name: 'h', image: 'example.com/serve-anything:1.4' }] }, true) } as KObject;
    (server.status as Record<string, unknown>).podIP = '10.244.0.7';
    const known = pod('web-1', { app: 'web' }, { containers: [{ name: 'n', image: 'nginx:1.27' }] }, true);
    const service = (name: string, app: string, ip: string) =>
      ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector: { app }, clusterIP: ip } }) as KObject;
    const objects = unmodelledObjects(
      fakeApi([server, known], [service('hostnames', 'hostnames', '10.96.0.175'), service('web', 'web', '10.96.0.80')]) as never,
    );
    for (const command of ['curl 10.96.0.175:80', 'wget -qO- hostnames', 'curl http://10.244.0.7:9376', 'kubectl exec c -- wget -qO- hostnames:80']) {
      expect(simCannotCheck(command, "wget: can't connect", false, 'hostnames-x1', objects), command).toMatch(
        /^pod hostnames-x1 runs image example.com\/serve-anything:1.4, which the simulator does not know/,
      );
    }
    expect(simCannotCheck('curl 10.96.0.80:80', '', false, '', objects)).toBeUndefined();
    expect(simCannotCheck('kubectl get svc hostnames', '', false, 'hostnames ClusterIP 10.96.0.175', objects)).toBeUndefined();
  });

  test('a Ready pod is checked even when its programs are not modelled, but not its logs', () => {
    const readyApi = fakeApi([pod('store-0', { app: 'store' }, stuckSpec, true, 'store')], [svc('store-read', { app: 'store' })]);
    const objects = unmodelledObjects(readyApi as never);
    expect(simCannotCheck('kubectl get pod store-0', '', false, 'store-0 1/1 Running', objects)).toBeUndefined();
    expect(simCannotCheck('kubectl exec store-0 -- ls', '', false, '', objects)).toBeUndefined();
    expect(simCannotCheck('kubectl get pods', '', false, 'store-0 1/1 Running', objects)).toBeUndefined();
    expect(simCannotCheck('kubectl logs store-0', '', false, 'serving', objects)).toMatch(
      /^pod store-0 runs a program the simulator does not model, so its logs are not a cluster's: container sync/,
    );
  });

  test("the logs of a Deployment whose Ready pods run an unmodelled program are unchecked; another Deployment's are not", () => {
    const owned = (name: string, rs: string, spec: object) =>
      ({
        ...pod(name, {}, spec, true),
        metadata: { name, namespace: 'default', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs, uid: 'r', controller: true }] },
      }) as KObject;
    const rs = (name: string, deployment: string) =>
      ({
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name,
          namespace: 'default',
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment, uid: 'd', controller: true }],
        },
      }) as KObject;
    const api = {
      resolve: (n: string) => ({ name: n }) as never,
      list: (t: { name: string }) => ({
        items:
          t.name === 'pods'
            ? [owned('app-5d8f-x2k4q', 'app-5d8f', stuckSpec), owned('web-7c9b-p0q1r', 'web-7c9b', { containers: [{ name: 'n', image: 'nginx:1.27' }] })]
            : t.name === 'replicasets'
              ? [rs('app-5d8f', 'app'), rs('web-7c9b', 'web')]
              : [],
        resourceVersion: '1',
      }),
    };
    const objects = unmodelledObjects(api as never);
    expect(simCannotCheck('kubectl logs deployment/app', '', false, 'serving', objects)).toMatch(/pod app-5d8f-x2k4q runs a program/);
    expect(simCannotCheck('kubectl logs deployment/web', '', false, 'serving', objects)).toBeUndefined();
    expect(simCannotCheck('kubectl rollout status deployment/app', '', false, '', objects)).toBeUndefined();
  });
});

describe('pods confined by a profile the node would load', () => {
  const busy = { name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'] };
  const api = fakeApi(
    [
      pod('denied', {}, { securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/deny-all.json' } }, containers: [busy] }, true),
      pod('guarded', {}, { containers: [{ ...busy, securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'k8s-deny-write' } } }] }, true),
      pod('defaulted', {}, { securityContext: { seccompProfile: { type: 'RuntimeDefault' } }, containers: [busy] }, true),
      pod('imaged', {}, { containers: [busy], volumes: [{ name: 'v', image: { reference: 'quay.io/crio/artifact:v2', pullPolicy: 'IfNotPresent' } }] }, true),
    ],
    [],
  );
  const objects = unmodelledObjects(api as never);

  test('a Localhost seccomp profile: a differing step naming the pod is unchecked, with the profile named', () => {
    expect(
      simCannotCheck(
        'kubectl get pod/denied',
        'NAME  READY  STATUS  RESTARTS  AGE\ndenied  1/1  Running  0  5s',
        false,
        'denied  0/1  CrashLoopBackOff',
        objects,
      ),
    ).toBe(
      'pod denied uses the Localhost seccomp profile profiles/deny-all.json: seccomp profiles are not enforced by the simulator (a profile that denies the system calls a container needs keeps it from starting on a cluster) (use --backend kind)',
    );
  });

  test("a container's Localhost AppArmor profile", () => {
    expect(simCannotCheck('kubectl describe pod guarded', 'whatever', false, '', objects)).toMatch(
      /^pod guarded uses the Localhost AppArmor profile k8s-deny-write: AppArmor profiles are not loaded/,
    );
  });

  test('an image volume: its files are not there, so what a step reads of them cannot be checked', () => {
    expect(simCannotCheck('kubectl exec imaged -- cat /volume/dir/file', "cat: can't open", false, '1', objects)).toMatch(
      /^pod imaged uses an image volume \(quay\.io\/crio\/artifact:v2\): image volumes are mounted empty by the simulator/,
    );
  });

  test('the runtime default profile is no gap: the step stays checked', () => {
    expect(simCannotCheck('kubectl get pod defaulted', 'whatever', false, 'defaulted  1/1  Running', objects)).toBeUndefined();
  });
});
