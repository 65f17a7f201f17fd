import { describe, expect, it } from 'vitest';
import { findHint, type ClusterFacts, type HintContext } from '../../src/run/hints/index.js';
import { cmd, manifest } from './plan-builder.js';

const noFacts: ClusterFacts = { pods: [], services: [], deployments: [], replicaSets: [] };

function ctx(over: Partial<HintContext>): HintContext {
  return { step: cmd(40, 'true'), output: '', exitCode: 1, expected: null, earlier: [], manifests: [], lintFindings: [], facts: null, ...over };
}

const nginxFacts = (podTime: string, svcTime: string): ClusterFacts => ({
  pods: [
    {
      kind: 'Pod',
      metadata: {
        name: 'my-nginx-7875f76dd5-db9zr',
        creationTimestamp: podTime,
        labels: { run: 'my-nginx' },
        ownerReferences: [{ kind: 'ReplicaSet', name: 'my-nginx-7875f76dd5' }],
      },
      spec: { containers: [{ ports: [{ containerPort: 80 }] }] },
    },
  ],
  services: [
    {
      kind: 'Service',
      metadata: { name: 'my-nginx', creationTimestamp: svcTime },
      spec: { selector: { run: 'my-nginx' }, ports: [{ port: 80, targetPort: 80 }] },
    },
  ],
  deployments: [{ kind: 'Deployment', metadata: { name: 'my-nginx' } }],
  replicaSets: [{ kind: 'ReplicaSet', metadata: { name: 'my-nginx-7875f76dd5', ownerReferences: [{ kind: 'Deployment', name: 'my-nginx' }] } }],
});

describe('hints', () => {
  it('service-env-before-pods: names the pod, both timestamps and the fix', () => {
    const hint = findHint(
      ctx({
        step: cmd(54, 'kubectl exec my-nginx-x -- printenv | grep SERVICE'),
        expected: 'KUBERNETES_SERVICE_HOST=10.0.0.1\nMY_NGINX_SERVICE_HOST=10.0.162.149',
        output: 'KUBERNETES_SERVICE_HOST=10.96.0.1\n',
        exitCode: 0,
        facts: nginxFacts('2026-01-01T10:00:00Z', '2026-01-01T10:00:05Z'),
      }),
    );
    expect(hint).toEqual({
      id: 'service-env-before-pods',
      message:
        'MY_NGINX_SERVICE_HOST is missing because pod my-nginx-7875f76dd5-db9zr was created at 2026-01-01T10:00:00Z, before Service my-nginx (2026-01-01T10:00:05Z); Kubernetes sets service variables only when a container starts',
      fix: 'recreate the pods after creating the Service: kubectl rollout restart deployment my-nginx (or kubectl scale deployment my-nginx --replicas=0; kubectl scale deployment my-nginx --replicas=N)',
    });
  });

  it('service-env-before-pods: not when the pods are newer than the Service', () => {
    const hint = findHint(ctx({ expected: 'MY_NGINX_SERVICE_HOST=1', output: '', facts: nginxFacts('2026-01-01T10:00:09Z', '2026-01-01T10:00:05Z') }));
    expect(hint?.id).not.toBe('service-env-before-pods');
  });

  it('service-no-endpoints: a selector matching no pod', () => {
    const facts = nginxFacts('2026-01-01T10:00:00Z', '2026-01-01T10:00:05Z');
    facts.services[0]!.spec = { selector: { app: 'nginx' }, ports: [{ port: 80 }] };
    const hint = findHint(ctx({ step: cmd(9, 'curl my-nginx'), output: 'curl: (7) Failed to connect', facts }));
    expect(hint).toMatchObject({ id: 'service-no-endpoints', message: "Service my-nginx has no endpoints: its selector app=nginx matches no pod's labels" });
  });

  it('expose-copies-labels: the Service has the labels of the object kubectl expose was given', () => {
    const expose = cmd(80, 'kubectl expose deployment/my-nginx');
    const earlier = [{ step: expose, ran: expose.command, status: 'pass' as const }];
    const hint = findHint(
      ctx({
        step: cmd(127, 'kubectl describe svc my-nginx'),
        expected: 'Name:                my-nginx\nLabels:              run=my-nginx\nSelector:            run=my-nginx',
        output: 'Name:                     my-nginx\nLabels:                   <none>\nSelector:                 run=my-nginx\n',
        exitCode: 0,
        earlier,
      }),
    );
    expect(hint).toEqual({
      id: 'expose-copies-labels',
      message: 'kubectl expose (line 80) gives Service my-nginx the labels of deployment my-nginx, which are <none>; the doc shows run=my-nginx',
      fix: 'put run=my-nginx in the metadata.labels of deployment my-nginx, pass --labels to kubectl expose, or show Labels: <none>',
    });
    // With --labels, or for another Service, the rule does not apply.
    const labelled = cmd(80, 'kubectl expose deployment/my-nginx --labels=run=my-nginx');
    expect(
      findHint(
        ctx({
          step: cmd(127, 'kubectl describe svc my-nginx'),
          expected: 'Labels: run=my-nginx',
          output: 'Labels: x=y',
          earlier: [{ step: labelled, ran: labelled.command, status: 'pass' }],
        }),
      ),
    ).toBeNull();
    expect(findHint(ctx({ step: cmd(127, 'kubectl describe svc other'), expected: 'Labels: run=my-nginx', output: 'Labels: <none>', earlier }))).toBeNull();
  });

  it('not-created-here: a manifest step creates only what the manifests it reads declare', () => {
    const deployment = manifest(30, 'run-my-nginx.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: my-nginx\n');
    const service = manifest(90, 'nginx-svc.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: my-nginx\n');
    const apply = { ...cmd(49, 'kubectl apply -f ./run-my-nginx.yaml'), references: [deployment.id] };
    const expose = cmd(79, 'kubectl expose deployment/my-nginx');
    const earlier = [
      { step: apply, ran: apply.command, status: 'fail' as const },
      { step: expose, ran: expose.command, status: 'fail' as const },
    ];
    const output = 'Error from server (NotFound): services "my-nginx" not found\n';
    const hint = findHint(ctx({ step: cmd(98, 'kubectl get svc my-nginx'), output, earlier, manifests: [deployment, service] }));
    expect(hint?.message).toBe('service my-nginx does not exist: the step at line 79 that creates it did not pass (fail)');
    // A step applying files of the reader's that no block shows creates none of the page's manifests.
    const other = cmd(120, 'kubectl apply -f project/dev -f project/ns --recursive');
    const unrelated = findHint(
      ctx({
        step: cmd(130, 'kubectl scale deployment/my-nginx --replicas=1'),
        output: 'Error from server (NotFound): deployments.apps "my-nginx" not found\n',
        earlier: [{ step: other, ran: other.command, status: 'fail' }],
        manifests: [deployment],
      }),
    );
    // (The manifest that declares it is one no step applies: the manifest-reference lint's case, no hint.)
    expect(unrelated).toBeNull();
    // Pods a controller makes are nobody's step.
    expect(
      findHint(
        ctx({
          step: cmd(275, 'kubectl exec curl-deployment-1515033274-1410r -- curl x'),
          output: 'Error from server (NotFound): pods "curl-deployment-1515033274-1410r" not found\n',
        }),
      ),
    ).toBeNull();
  });

  it('busybox-nslookup-format: 1.28 output shown for a newer busybox', () => {
    const run = cmd(244, 'kubectl run -i --tty --image busybox:1.37 dns-test --restart=Never --rm');
    const earlier = [{ step: run, ran: 'kubectl run dns-test --image=busybox:1.37 --restart=Never --command -- sleep 3600', status: 'pass' as const }];
    const hint = findHint(
      ctx({
        step: cmd(254, 'nslookup my-nginx'),
        expected: 'Server:    10.0.0.10\nAddress 1: 10.0.0.10\n\nName:      my-nginx\nAddress 1: 10.0.162.149',
        output: 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tmy-nginx.default.svc.cluster.local\nAddress: 10.96.1.2\n',
        exitCode: 0,
        earlier,
      }),
    );
    expect(hint).toMatchObject({
      id: 'busybox-nslookup-format',
      fix: 'run the lookup with --image=busybox:1.28, or show the output of the image the doc uses',
    });
    expect(hint!.message).toContain('busybox:1.37 prints the newer format');
    expect(findHint(ctx({ step: cmd(254, 'nslookup my-nginx'), expected: 'Address 1: 10.0.0.10', output: 'Address 1: 10.96.0.10\n', earlier }))).toBeNull();
  });

  it('not-created-here: an object whose creating step failed; none for an object no step creates (the absent-prerequisite rule decides that)', () => {
    const output = 'Error from server (NotFound): deployments.apps "kubernetes-bootcamp" not found\n';
    expect(findHint(ctx({ step: cmd(121, 'kubectl scale deployments/kubernetes-bootcamp --replicas=4'), output }))).toBeNull();
    const create = cmd(30, 'kubectl create deployment kubernetes-bootcamp --image=x');
    const failed = findHint(
      ctx({
        step: cmd(121, 'kubectl scale deployments/kubernetes-bootcamp --replicas=4'),
        output,
        earlier: [{ step: create, ran: create.command, status: 'fail' }],
      }),
    );
    expect(failed).toMatchObject({
      id: 'not-created-here',
      message: 'deployment kubernetes-bootcamp does not exist: the step at line 30 that creates it did not pass (fail)',
      fix: 'fix the step at line 30 first',
    });
    expect(
      findHint(
        ctx({
          step: cmd(121, 'kubectl scale deployments/kubernetes-bootcamp --replicas=4'),
          output,
          earlier: [{ step: create, ran: create.command, status: 'pass' }],
        }),
      ),
    ).toBeNull();
    expect(
      findHint(
        ctx({
          step: cmd(121, 'kubectl scale deployments/kubernetes-bootcamp --replicas=4'),
          output: 'error: no objects passed to scale deployments.apps "kubernetes-bootcamp" not found\n',
          earlier: [{ step: create, ran: create.command, status: 'fail' }],
        }),
      )?.id,
    ).toBe('not-created-here');
    // kubectl expose makes a Service, not the Deployment it exposes.
    const expose = cmd(40, 'kubectl expose deployment/kubernetes-bootcamp --type="LoadBalancer" --port 8080');
    const exposed = [{ step: expose, ran: expose.command, status: 'fail' as const }];
    expect(findHint(ctx({ step: cmd(141, 'kubectl describe deployments/kubernetes-bootcamp'), output, earlier: exposed }))).toBeNull();
    const svcOutput = 'Error from server (NotFound): services "kubernetes-bootcamp" not found\n';
    expect(findHint(ctx({ step: cmd(152, 'kubectl describe services/kubernetes-bootcamp'), output: svcOutput, earlier: exposed }))!.message).toBe(
      'service kubernetes-bootcamp does not exist: the step at line 40 that creates it did not pass (fail)',
    );
  });

  it('certificate-expired: the doc ships a certificate that has expired', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseMarkdown } = await import('../../src/parse/index.js');
    const path = 'fixtures/corpus/docs/tutorials/services/connect-applications-service.2023.md';
    const lesson = parseMarkdown(readFileSync(path, 'utf8'), { path, examplesDir: 'fixtures/corpus/examples' });
    const manifests = lesson.steps.filter((s) => s.kind === 'manifest');
    const output = 'curl: (60) SSL certificate problem: certificate has expired\ncommand terminated with exit code 60\n';
    const hint = findHint(
      ctx({ step: cmd(412, 'kubectl exec curl-x -- curl https://my-nginx --cacert /etc/nginx/ssl/tls.crt'), output, exitCode: 60, manifests }),
    );
    expect(hint?.id).toBe('certificate-expired');
    expect(hint?.message).toMatch(
      /^the certificate in nginxsecrets\.yaml \(line \d+; CN=nginxsvc, O=nginxsvc\) expired on 2018-10-26: the doc ships a certificate that no longer verifies$/,
    );
    expect(findHint(ctx({ step: cmd(412, 'curl x'), output: 'curl: (7) Failed to connect\n', manifests }))?.id).not.toBe('certificate-expired');
  });

  it('old-kubectl-columns: a Deployment table from before kubectl 1.11', () => {
    const hint = findHint(
      ctx({
        step: cmd(6, 'kubectl get deployments'),
        expected: 'NAME      DESIRED   CURRENT   UP-TO-DATE   AVAILABLE   AGE\nnginx     3         3         3            3           18s',
        output: 'NAME    READY   UP-TO-DATE   AVAILABLE   AGE\nnginx   3/3     3            3           29s\n',
        exitCode: 0,
      }),
    );
    expect(hint).toMatchObject({
      id: 'old-kubectl-columns',
      message: "the doc's table has DESIRED, CURRENT, which kubectl 1.11 replaced with READY for Deployments: the output was captured with an older kubectl",
    });
    // A ReplicaSet table still has DESIRED and CURRENT.
    expect(
      findHint(
        ctx({
          step: cmd(8, 'kubectl get rs'),
          expected: 'NAME   DESIRED   CURRENT   READY   AGE\nx   3   3   2   1s',
          output: 'NAME   DESIRED   CURRENT   READY   AGE\nx   3   3   3   1s\n',
          exitCode: 0,
        }),
      ),
    ).toBeNull();
  });

  it('removed-flag: kubectl rejects a flag the lint knows was removed', () => {
    const step = cmd(29, 'kubectl run nginx2 --image=nginx --replicas=2');
    const finding = {
      ruleId: 'removed-flag',
      severity: 'error' as const,
      line: 29,
      column: 30,
      message: '`kubectl run --replicas` was removed in kubectl 1.18',
      source: 'kubedoctest' as const,
    };
    const hint = findHint(ctx({ step, output: "error: unknown flag: --replicas\nSee 'kubectl run --help' for usage.\n", lintFindings: [finding] }));
    expect(hint).toMatchObject({ id: 'removed-flag', message: 'kubectl no longer has --replicas: `kubectl run --replicas` was removed in kubectl 1.18' });
    expect(findHint(ctx({ step, output: 'error: unknown flag: --replicas\n' }))?.id).not.toBe('removed-flag');
  });

  it('invalid-manifest: a removed API version, as kubectl reports it today', () => {
    const m = manifest(3, 'd.yaml', 'apiVersion: extensions/v1beta1\nkind: Deployment\n');
    const finding = {
      ruleId: 'deprecated-api',
      severity: 'error' as const,
      line: 5,
      column: 1,
      message: 'extensions/v1beta1 Deployment was removed in Kubernetes 1.16; use apps/v1',
      source: 'kubedoctest' as const,
    };
    const output =
      'error: resource mapping not found for name: "nginx" namespace: "" from "d.yaml": no matches for kind "Deployment" in version "extensions/v1beta1"\nensure CRDs are installed first\n';
    const hint = findHint(ctx({ step: cmd(22, 'kubectl apply -f d.yaml'), output, manifests: [m], lintFindings: [finding] }));
    expect(hint).toMatchObject({
      id: 'invalid-manifest',
      message: 'the manifest d.yaml is not valid: line 5: extensions/v1beta1 Deployment was removed in Kubernetes 1.16; use apps/v1',
    });
  });

  it('port-mismatch: targetPort that no container declares', () => {
    const facts = nginxFacts('2026-01-01T10:00:00Z', '2026-01-01T10:00:05Z');
    facts.services[0]!.spec = { selector: { run: 'my-nginx' }, ports: [{ port: 80, targetPort: 8080 }] };
    const hint = findHint(ctx({ step: cmd(9, 'curl my-nginx'), output: 'curl: (7) Failed to connect', facts }));
    expect(hint).toMatchObject({ id: 'port-mismatch', fix: 'set targetPort of my-nginx to one of 80' });
  });

  it('image-pull: from pod status facts', () => {
    const facts = {
      ...noFacts,
      pods: [{ metadata: { name: 'web' }, status: { containerStatuses: [{ image: 'nginx:1.99.9', state: { waiting: { reason: 'ImagePullBackOff' } } }] } }],
    };
    expect(findHint(ctx({ output: 'web 0/1 ImagePullBackOff', facts }))).toMatchObject({
      id: 'image-pull',
      message: 'pod web cannot pull image nginx:1.99.9 (ImagePullBackOff)',
    });
  });

  it('already-exists: names the step that created it', () => {
    const creator = cmd(12, 'kubectl create deployment my-nginx --image=nginx');
    const hint = findHint(
      ctx({
        output: 'Error from server (AlreadyExists): deployments.apps "my-nginx" already exists\n',
        earlier: [{ step: creator, ran: creator.command, status: 'pass' }],
      }),
    );
    expect(hint).toMatchObject({ id: 'already-exists', message: 'deployment my-nginx already exists: the step at line 12 created it' });
  });

  it('already-exists: through a manifest applied earlier', () => {
    const apply = cmd(12, 'kubectl apply -f web.yaml');
    const hint = findHint(
      ctx({
        output: 'Error from server (AlreadyExists): services "web" already exists\n',
        earlier: [{ step: apply, ran: apply.command, status: 'pass' }],
        manifests: [manifest(3, 'web.yaml', 'kind: Service\nmetadata:\n  name: web\n')],
      }),
    );
    expect(hint?.message).toBe('service web already exists: the step at line 12 created it');
  });

  it('command-not-found: suggests kubectl', () => {
    const hint = findHint(ctx({ output: '/tmp/run/step-3.sh: line 1: ubectl: command not found\n', exitCode: 127 }));
    expect(hint).toEqual({ id: 'command-not-found', message: '`ubectl` is not a command; did the doc mean `kubectl`?', fix: 'write `kubectl` in the doc' });
  });

  it('command-not-found: suggests any program of the shared program table, and nothing for a far word', () => {
    const near = findHint(ctx({ output: 'bash: line 1: kubeadn: command not found\n', exitCode: 127 }));
    expect(near?.message).toBe('`kubeadn` is not a command; did the doc mean `kubeadm`?');
    const far = findHint(ctx({ output: 'bash: line 1: frobnicate: command not found\n', exitCode: 127 }));
    expect(far?.message).toBe('`frobnicate` is not installed or not a command');
  });

  it('missing-file: when no step creates it', () => {
    const hint = findHint(ctx({ step: cmd(30, 'kubectl apply -f nginx-secrets.yaml'), output: 'error: the path "nginx-secrets.yaml" does not exist\n' }));
    expect(hint).toMatchObject({ id: 'missing-file', message: 'no step before line 30 creates nginx-secrets.yaml' });
  });

  it('missing-file: not when a manifest with that name was shown', () => {
    const hint = findHint(ctx({ output: 'error: the path "web.yaml" does not exist\n', manifests: [manifest(3, 'web.yaml', 'x')] }));
    expect(hint).toBeNull();
  });

  it('invalid-manifest: blames only a manifest the step reads, and no refused change of an existing object', () => {
    const shown = manifest(3, 'web.yaml', 'x');
    // A finding of another step's block (an example that could not be read, line 46).
    const elsewhere = {
      ruleId: 'example-not-found',
      severity: 'warning' as const,
      line: 46,
      column: 1,
      message: 'Example file "app" could not be read',
      source: 'kubedoctest' as const,
    };
    const refused = 'The Deployment "web" is invalid: spec.selector: Invalid value: {"app":"web"}: field is immutable\n';
    expect(findHint(ctx({ step: cmd(40, 'kubectl apply -f web.yaml'), output: refused, manifests: [shown], lintFindings: [elsewhere] }))).toBeNull();
    const invalid = 'The Pod "web" is invalid: spec.containers[0].image: Required value\n';
    expect(findHint(ctx({ step: cmd(40, 'kubectl patch pod web -p "{}"'), output: invalid, manifests: [shown], lintFindings: [elsewhere] }))).toBeNull();
    expect(findHint(ctx({ step: cmd(40, 'kubectl apply -f web.yaml'), output: invalid, manifests: [shown], lintFindings: [elsewhere] }))).toEqual({
      id: 'invalid-manifest',
      message: 'the manifest is not valid',
      fix: 'run `kubedoctest lint` to locate the problem',
    });
  });

  it('invalid-manifest: points at the lint finding inside the manifest', () => {
    const hint = findHint(
      ctx({
        output: 'error: error parsing web.yaml: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context\n',
        manifests: [manifest(3, 'web.yaml', 'x')],
        lintFindings: [{ ruleId: 'yaml-syntax', severity: 'error', line: 6, column: 3, message: 'bad indentation', source: 'kubedoctest' }],
      }),
    );
    expect(hint).toEqual({ id: 'invalid-manifest', message: 'the manifest web.yaml is not valid: line 6: bad indentation', fix: 'fix the manifest at line 6' });
  });

  it('rules needing facts are not tried without them', () => {
    expect(findHint(ctx({ expected: 'MY_NGINX_SERVICE_HOST=1', output: '' }))).toBeNull();
  });
});
