import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { changedNames, consumersOf, createdObjects, dependsOn, editedConfig, producedNames, readable } from '../../src/run/depends.js';
import { filesReadBy, findLocalCopy, linkFor, planLinkedFiles } from '../../src/run/linked-files.js';
import { runPlan } from '../../src/run/run-plan.js';
import { FakeBackend, plainMatcher } from './fake-backend.js';
import { tempDir } from './helpers.js';
import { cmd, plan } from './plan-builder.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const FOLDER = { url: 'https://github.com/kubernetes/examples/tree/master/_archived/https-nginx/', line: 273 };
const FILE = { url: 'https://github.com/kubernetes/examples/blob/master/_archived/https-nginx/default.conf', line: 396 };
const OTHER = { url: 'https://github.com/coredns/deployment/tree/master/kubernetes', line: 239 };

describe('filesReadBy', () => {
  it.each([
    ['make keys KEY=/tmp/nginx.key CERT=/tmp/nginx.crt', ['Makefile']],
    ['make -C build keys', []],
    ['kubectl create configmap nginxconfigmap --from-file=default.conf', ['default.conf']],
    ['kubectl create configmap c --from-file=site=conf/site.conf', ['conf/site.conf']],
    ['kubectl apply -f ./run-my-nginx.yaml && kubectl get pods', ['run-my-nginx.yaml']],
    ['kubectl apply -f https://k8s.io/examples/x.yaml', []],
    ['kubectl create secret tls s --key /tmp/nginx.key --cert /tmp/nginx.crt', []],
    ['bash ./setup.sh', ['setup.sh']],
    ['./deploy.sh --fast', ['deploy.sh']],
    ['kubectl get pods', []],
  ])('%s → %j', (command, files) => {
    expect(filesReadBy(command)).toEqual(files);
  });
});

describe('linkFor', () => {
  it('prefers a link to the file itself, else the nearest linked folder', () => {
    expect(linkFor('default.conf', [OTHER, FOLDER, FILE], 293)).toBe(FILE);
    expect(linkFor('Makefile', [OTHER, FOLDER, FILE], 278)).toBe(FOLDER);
    expect(linkFor('Makefile', [{ url: 'https://kubernetes.io/docs/concepts/', line: 270 }], 278)).toBeUndefined();
  });

  it('gives a path with folders only a linked folder whose path names one of them', () => {
    const shop = { url: 'https://github.com/acme/demos/tree/main/shop/', line: 40 };
    expect(linkFor('demos/shop/all.yaml', [shop], 60)).toBe(shop);
    expect(linkFor('./shop/', [shop], 60)).toBe(shop);
    // Another folder of the reader's or another page's, however near the link.
    expect(linkFor('site/config/web/', [shop], 41)).toBeUndefined();
    expect(linkFor('project/dev/app.yaml', [shop], 41)).toBeUndefined();
    expect(planLinkedFiles(['project/dev'], [shop], 41, undefined)).toEqual({ action: 'none' });
  });
});

describe('findLocalCopy', () => {
  it('finds the copy whose folders match the link, and refuses an ambiguous or unrelated one', () => {
    const t = tempDir();
    cleanups.push(t.remove);
    mkdirSync(join(t.dir, 'k8s-examples/https-nginx'), { recursive: true });
    mkdirSync(join(t.dir, 'other/site'), { recursive: true });
    writeFileSync(join(t.dir, 'k8s-examples/https-nginx/Makefile'), 'keys:\n');
    writeFileSync(join(t.dir, 'k8s-examples/https-nginx/default.conf'), 'server {}\n');
    writeFileSync(join(t.dir, 'other/site/default.conf'), 'other\n');
    writeFileSync(join(t.dir, 'other/site/Makefile'), 'other\n');
    expect(findLocalCopy(t.dir, 'Makefile', FOLDER)).toBe(join(t.dir, 'k8s-examples/https-nginx/Makefile'));
    expect(findLocalCopy(t.dir, 'default.conf', FILE)).toBe(join(t.dir, 'k8s-examples/https-nginx/default.conf'));
    expect(findLocalCopy(t.dir, 'Makefile', OTHER)).toBeUndefined();
    mkdirSync(join(t.dir, 'b/https-nginx'), { recursive: true });
    writeFileSync(join(t.dir, 'b/https-nginx/Makefile'), 'dup\n');
    expect(findLocalCopy(t.dir, 'Makefile', FOLDER)).toBeUndefined();
  });
});

describe('planLinkedFiles', () => {
  it('skips with the link and the way out when no folder of copies is given', () => {
    const p = planLinkedFiles(['Makefile'], [OTHER, FOLDER], 278, undefined);
    expect(p).toEqual({
      action: 'skip',
      reason:
        'needs Makefile, which the doc does not show but links to (https://github.com/kubernetes/examples/tree/master/_archived/https-nginx/, line 273); give a folder with a copy of it with --files-dir',
    });
  });
  it("does nothing for a missing file the doc does not link to (it is the doc's own defect)", () => {
    expect(planLinkedFiles(['default.conf'], [], 165, undefined)).toEqual({ action: 'none' });
  });
});

describe('depends', () => {
  it('names the files and objects a command would produce, and finds them as whole words', () => {
    const names = producedNames(
      'make keys KEY=/tmp/nginx.key CERT=/tmp/nginx.crt; kubectl create secret tls nginxsecret --key /tmp/nginx.key --cert /tmp/nginx.crt',
    );
    expect([...names].sort()).toEqual(['/tmp/nginx.crt', '/tmp/nginx.key', 'nginx.crt', 'nginx.key', 'nginxsecret']);
    expect(
      [...producedNames('wget https://kubernetes.io/examples/configmap/game.properties -O configure-pod-container/configmap/game.properties')].sort(),
    ).toEqual(['configure-pod-container/configmap/game.properties', 'game.properties']);
    expect([...producedNames('kubectl create configmap nginxconfigmap --from-file=default.conf')].sort()).toEqual(['default.conf', 'nginxconfigmap']);
    // `kubectl run NAME`: the pod it makes, whatever the image (a placeholder the reader fills in).
    expect([...producedNames('kubectl run nginx --image=registry.example/nginx --restart=Never')]).toContain('nginx');
    // `kubectl expose … --name=svc` makes a Service called by the flag.
    expect([...producedNames('kubectl expose deployment <name> --type=LoadBalancer --name=example-service')]).toContain('example-service');
    expect([...producedNames('kubectl expose deployment web --port=80')]).toEqual(['web']);
    const skippedRun = { line: 9, reason: 'r', names: producedNames('kubectl run nginx --image=<registry name>/nginx --restart=Never') };
    expect(dependsOn(`kubectl get pod nginx -o=jsonpath='{.spec.imagePullSecrets[0].name}'`, [skippedRun])?.line).toBe(9);
    // A variable a skipped step would have set: a later `sleep $grace` reads it; `make KEY=…` sets none.
    const grace = { line: 77, reason: 'r', names: producedNames("grace=$(kubectl get pods <pod> --template '{{.spec.terminationGracePeriodSeconds}}')") };
    expect(dependsOn('sleep $grace', [grace])?.line).toBe(77);
    expect(dependsOn('sleep "${grace}"', [grace])?.line).toBe(77);
    expect(dependsOn('sleep $graceful', [grace])).toBeUndefined();
    expect(dependsOn('echo $HOME', [{ line: 1, reason: 'r', names: producedNames('export HOME=/x NAME=y; A=1 env') }])).toBeDefined();
    expect([...producedNames('A=1 env')]).toEqual([]);
    // What a subshell sets, and a bare `export A`, leave the shell no value a later step could miss.
    expect([...producedNames('(B=2); echo $(C=3) | cat; export D')]).toEqual([]);
    // Making the same object afresh is not reading it.
    const again = 'kubectl run nginx --image=nginx -i --rm --restart=Never -- nginx -v';
    expect(dependsOn(again, readable(again, [skippedRun]))).toBeUndefined();
    // kubectl debug: the copy it makes, or the pod it adds an ephemeral container to; not a node.
    expect([...producedNames('kubectl debug myapp -it --copy-to=myapp-debug --container=myapp -- sh')]).toEqual(['myapp-debug']);
    expect([...producedNames('kubectl debug -it pod/ephemeral-demo --image=busybox:1.28 --target=ephemeral-demo')]).toEqual([]);
    expect([...changedNames('kubectl debug -it pod/ephemeral-demo --image=busybox:1.28 --target=ephemeral-demo')]).toEqual(['ephemeral-demo']);
    const debugged = { line: 4, reason: 'r', names: new Set<string>(), changed: new Set(['demo']) };
    expect(dependsOn('kubectl describe pod demo', readable('kubectl describe pod demo', [debugged]))).toBeDefined();
    expect(dependsOn('kubectl delete pod demo', readable('kubectl delete pod demo', [debugged]))).toBeUndefined();
    expect([...producedNames('kubectl debug node/mynode -it --image=ubuntu')]).toEqual([]);
    // kubectl edit changes the object it opens, in either argument form; it makes nothing.
    expect([...changedNames('kubectl edit configmap sport')]).toEqual(['sport']);
    expect([...changedNames('kubectl edit deploy/web svc/web-svc -n prod')]).toEqual(['web', 'web-svc']);
    expect([...producedNames('kubectl edit configmap sport')]).toEqual([]);
    expect(editedConfig('kubectl edit cm sport')).toEqual([{ kind: 'configMap', name: 'sport' }]);
    expect(editedConfig('kubectl edit secrets/token')).toEqual([{ kind: 'secret', name: 'token' }]);
    expect(editedConfig('kubectl edit deployment web')).toEqual([]);
    // The workloads that read an edited ConfigMap: only reading their pods' output depends on the edit.
    const edited = { line: 7, reason: 'r', names: new Set<string>(), changed: new Set(['sport']), outputOf: new Set(['web']) };
    expect(dependsOn('kubectl logs deployments/web', readable('kubectl logs deployments/web', [edited]))).toBeDefined();
    expect(
      dependsOn('kubectl exec web-7d4b9c8f6d-x2x5q -- cat /etc/config/sport', readable('kubectl exec web-7d4b9c8f6d-x2x5q -- cat /etc/config/sport', [edited])),
    ).toBeDefined();
    expect(dependsOn('kubectl get deployment web', readable('kubectl get deployment web', [edited]))).toBeUndefined();
    expect(dependsOn('kubectl rollout restart deployment web', readable('kubectl rollout restart deployment web', [edited]))).toBeUndefined();
    expect(dependsOn('kubectl get configmap sport -o yaml', readable('kubectl get configmap sport -o yaml', [edited]))).toBeDefined();
    const p = { line: 5, reason: 'r', names };
    expect(dependsOn('error: Cannot read file /tmp/nginx.crt, open /tmp/nginx.crt: no such file', [p])).toBe(p);
    expect(dependsOn('NAME  TYPE\nnginxsecret  kubernetes.io/tls', [p])).toBe(p);
    expect(dependsOn('nginxsecret2 and /tmp/nginx.crt.bak', [p])).toBeUndefined();
  });

  it("reads the objects an apply output announces, by name, as kind/name and through their controllers' children", () => {
    const objects = createdObjects('deployment.apps/shop created\nservice/shop-db configured\nwarning: something\n');
    expect([...objects].sort()).toEqual(['shop', 'shop-db']);
    const p = { line: 3, reason: 'r', names: new Set<string>(), objects };
    for (const text of [
      'kubectl get service shop',
      'kubectl port-forward deployment/shop 8080:80',
      'shop-6d4b7c9f8d   1  1  1  5s',
      'pods/shop-6d4b7c9f8d-x2kqp',
      'shop-0',
      'shop-db-8fz2k',
    ]) {
      expect(dependsOn(text, [p]), text).toBe(p);
    }
    // Other objects that merely start with the name, and paths, are not its children.
    for (const text of ['shop-service', 'shop-frontend', 'shop2', 'shop.yaml', './x/shop', 'kubectl get pods', 'shop-abcdefgh']) {
      expect(dependsOn(text, [p]), text).toBeUndefined();
    }
  });
});

describe('runPlan with linked files', () => {
  function setup() {
    const t = tempDir();
    cleanups.push(t.remove);
    const backend = new FakeBackend(join(t.dir, 'fake'), []);
    const files = join(t.dir, 'copies');
    mkdirSync(join(files, 'repo/demo'), { recursive: true });
    writeFileSync(join(files, 'repo/demo/hello.sh'), 'echo hello from the linked repo > made.txt; cat made.txt\n');
    const lesson = plan([
      cmd(10, 'bash hello.sh', { expected: 'hello from the linked repo' }),
      cmd(12, 'cat made.txt', { expected: 'hello from the linked repo' }),
      cmd(14, 'echo unrelated', { expected: 'unrelated' }),
    ]);
    lesson.links = [{ url: 'https://github.com/o/r/tree/main/repo/demo', line: 8 }];
    return { backend, files, lesson, options: { matcher: plainMatcher, tmpDir: t.dir, settleIntervalMs: 10, gatherFacts: false, handleSignals: false } };
  }

  it('copies the linked file into the working directory and says so', async () => {
    const { backend, files, lesson, options } = setup();
    const r = await runPlan(lesson, backend, { ...options, filesDir: files });
    expect(r.steps.map((s) => s.status)).toEqual(['pass', 'pass', 'pass']);
    expect(r.steps[0]!.rewrites).toEqual([
      {
        kind: 'file',
        from: 'https://github.com/o/r/tree/main/repo/demo',
        to: './hello.sh',
        reason: 'the file the doc links to at line 8, copied from repo/demo/hello.sh in the files folder',
      },
    ]);
  });

  it('skips the step without copies, and a later step that fails for want of what it made', async () => {
    const { backend, lesson, options } = setup();
    lesson.steps[0] = cmd(10, 'bash hello.sh > made.txt', { expected: '' });
    const r = await runPlan(lesson, backend, options);
    expect(r.steps.map((s) => s.status)).toEqual(['skipped', 'skipped', 'pass']);
    expect(r.steps[0]!.skipReason).toMatch(
      /^needs hello\.sh, which the doc does not show but links to \(https:\/\/github\.com\/o\/r\/tree\/main\/repo\/demo, line 8\)/,
    );
    expect(r.steps[1]!.skipReason).toMatch(/^depends on line 10, which was skipped: needs hello\.sh/);
    // Skipped before it ran: its input comes from the skipped step.
    expect(r.steps[1]!.attempts).toBe(0);
    expect(r.steps[1]!.actual ?? '').not.toContain('No such file');
  });

  it("skips a step that succeeds on a file a skipped step would have made, since its input is not the doc's", async () => {
    const { backend, lesson, options } = setup();
    lesson.steps[0] = cmd(10, 'bash hello.sh > made.txt', { expected: '' });
    lesson.steps[1] = cmd(12, 'touch made.txt && wc -l < made.txt', { expected: '0' });
    const r = await runPlan(lesson, backend, options);
    expect(r.steps.map((s) => s.status)).toEqual(['skipped', 'skipped', 'pass']);
    expect(r.steps[1]!.skipReason).toMatch(/^depends on line 10, which was skipped/);
  });

  it('excuses only the differences a skipped step explains; the others still fail', async () => {
    const { backend, lesson, options } = setup();
    lesson.steps[0] = cmd(10, 'bash hello.sh > made.txt', { expected: '' });
    // Shows what made.txt would list, and a line that has nothing to do with it.
    lesson.steps[1] = cmd(12, 'ls', { expected: 'made.txt\ntoken-row', mode: 'lines' });
    const { matcher: _plain, ...real } = options;
    const r = await runPlan(lesson, backend, real);
    expect(r.steps.map((s) => s.status)).toEqual(['skipped', 'fail', 'pass']);
    const ls = r.steps[1]!;
    expect(ls.differences.map((d) => d.message).join('\n')).toContain('token-row');
    expect(ls.differences.map((d) => d.message).join('\n')).not.toContain('made.txt');
    expect(ls.warnings?.join('\n')).toMatch(/made\.txt.*excused: depends on line 10, which was skipped/);
  });
});

describe('consumersOf', () => {
  const list = JSON.stringify({
    items: [
      { kind: 'Deployment', metadata: { name: 'vol' }, spec: { template: { spec: { volumes: [{ configMap: { name: 'sport' } }], containers: [{}] } } } },
      {
        kind: 'Deployment',
        metadata: { name: 'env' },
        spec: { template: { spec: { containers: [{ env: [{ valueFrom: { configMapKeyRef: { name: 'fruits' } } }] }] } } },
      },
      { kind: 'StatefulSet', metadata: { name: 'from' }, spec: { template: { spec: { containers: [{ envFrom: [{ secretRef: { name: 'sport' } }] }] } } } },
      { kind: 'Pod', metadata: { name: 'proj' }, spec: { volumes: [{ projected: { sources: [{ configMap: { name: 'sport' } }] } }], initContainers: [] } },
      { kind: 'Pod', metadata: { name: 'other' }, spec: { containers: [{ envFrom: [{ configMapRef: { name: 'sports' } }] }] } },
    ],
  });

  it('finds the workloads whose pods read an edited ConfigMap or Secret, by kind', () => {
    expect([...consumersOf(list, [{ kind: 'configMap', name: 'sport' }])].sort()).toEqual(['proj', 'vol']);
    expect([...consumersOf(list, [{ kind: 'configMap', name: 'fruits' }])]).toEqual(['env']);
    expect([...consumersOf(list, [{ kind: 'secret', name: 'sport' }])]).toEqual(['from']);
    expect([...consumersOf('not json', [{ kind: 'secret', name: 'sport' }])]).toEqual([]);
  });
});
