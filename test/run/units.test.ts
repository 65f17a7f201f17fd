import { describe, expect, it } from 'vitest';
import { takePodState } from '../../src/run/rewrite/index.js';
import { podPrelude, podTrailer } from '../../src/run/rewrite/pod-session.js';
import { variablesSet } from '../../src/shell/index.js';
import { emptyObservations, observe, parseTable, resolvePlaceholders } from '../../src/run/bind.js';
import { baseResult, expectsFailure, stepFindings } from '../../src/run/outcome.js';
import { firstKubectlCall, flagWords } from '../../src/shell/index.js';
import { lessonEnv } from '../../src/run/sandbox.js';
import { stepRoles } from '../../src/run/select.js';
import { exitCodeFor, summarize } from '../../src/run/summary.js';
import type { LessonResult, StepResult } from '../../src/run/types.js';
import { cmd, manifest } from './plan-builder.js';

describe('lessonEnv', () => {
  it('should pass only PATH, USER and LOGNAME from the user and put session PATH first', () => {
    const env = lessonEnv(
      { root: '/s', home: '/s/home', run: '/s/run', backend: '/s/backend' },
      { kubeconfigPath: '/s/backend/kubeconfig', env: { PATH: '/fake/bin', EXTRA: '1' } },
      { MINE: 'x' },
      { PATH: '/usr/bin:/fake/bin', USER: 'u', KUBECONFIG: '/home/u/.kube/config', AWS_SECRET_ACCESS_KEY: 's', HOME: '/home/u' },
    );
    expect(env).toEqual({
      USER: 'u',
      PATH: '/fake/bin:/usr/bin',
      HOME: '/s/home',
      TMPDIR: '/s/run',
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      TZ: 'UTC',
      COLUMNS: '120',
      TERM: 'dumb',
      NO_COLOR: '1',
      KUBECONFIG: '/s/backend/kubeconfig',
      EXTRA: '1',
      MINE: 'x',
    });
  });
});

describe('placeholders', () => {
  it('should fill the node the reader chooses with a listed node that runs ordinary pods, and say why when no list was seen', () => {
    const obs = emptyObservations();
    expect(resolvePlaceholders('kubectl label nodes <your-node-name> disktype=ssd', obs, new Set())).toEqual({
      unresolved: 'cannot fill in <your-node-name>: no earlier output lists the nodes (`kubectl get nodes`)',
    });
    observe(
      'kubectl get nodes --show-labels',
      'NAME           STATUS   ROLES           AGE   VERSION   LABELS\ncp-1           Ready    control-plane   9m    v1.32.0   kubernetes.io/hostname=cp-1\nworker-a       Ready    <none>          9m    v1.32.0   kubernetes.io/hostname=worker-a\n',
      obs,
    );
    expect(resolvePlaceholders('kubectl label nodes <your-node-name> disktype=ssd', obs, new Set())).toEqual({
      command: 'kubectl label nodes worker-a disktype=ssd',
      rewrites: [{ kind: 'placeholder', from: '<your-node-name>', to: 'worker-a', reason: 'node-name from an earlier output' }],
    });
    expect(resolvePlaceholders('kubectl cordon <node-name>', obs, new Set())).toMatchObject({ command: 'kubectl cordon worker-a' });
    // Not a node name: still for the reader.
    expect(resolvePlaceholders('kubectl label nodes <your-node-name> disk=<disk-kind>', obs, new Set())).toEqual({
      unresolved: 'the doc leaves <disk-kind> for the reader to fill in; no rule can fill it',
    });
  });

  it('should read <path/to/file> as one placeholder the reader fills in', () => {
    expect(resolvePlaceholders('kubectl create secret generic c --from-file=.cfg=<path/to/.app/config.json>', emptyObservations(), new Set())).toEqual({
      unresolved: 'the doc leaves <path/to/.app/config.json> for the reader to fill in; no rule can fill it',
    });
  });

  it('should fill <CLUSTER-IP> and <NODE-PORT> from the latest get svc, skipping the kubernetes Service', () => {
    const obs = emptyObservations();
    observe(
      'kubectl get svc',
      'NAME         TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)        AGE\nkubernetes   ClusterIP   10.96.0.1      <none>        443/TCP        5m\nmy-nginx     NodePort    10.96.12.34    <none>        80:31234/TCP   1m\n',
      obs,
    );
    expect(resolvePlaceholders('curl http://<CLUSTER-IP>:80 && curl localhost:<NODE-PORT>', obs, new Set())).toEqual({
      command: 'curl http://10.96.12.34:80 && curl localhost:31234',
      rewrites: [
        { kind: 'placeholder', from: '<CLUSTER-IP>', to: '10.96.12.34', reason: 'cluster-ip from an earlier output' },
        { kind: 'placeholder', from: '<NODE-PORT>', to: '31234', reason: 'node-port from an earlier output' },
      ],
    });
    expect(resolvePlaceholders('curl <EXTERNAL-IP>', obs, new Set())).toEqual({
      unresolved: 'cannot fill in <EXTERNAL-IP>: Service my-nginx has no external IP (<none>)',
    });
  });

  it('should fill <EXTERNAL-IP>:<NODE-PORT> with a node address and the node port the scheme uses, from YAML seen after the table', () => {
    const obs = emptyObservations();
    observe(
      'kubectl get services kube-dns --namespace=kube-system',
      'NAME       TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)         AGE\nkube-dns   ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP   8m\n',
      obs,
    );
    observe(
      'kubectl get svc my-nginx -o yaml | grep nodePort -C 5',
      '  ports:\n  - name: http\n    nodePort: 31704\n    port: 8080\n    protocol: TCP\n  - name: https\n    nodePort: 32453\n    port: 443\n',
      obs,
    );
    expect(resolvePlaceholders('curl https://<EXTERNAL-IP>:<NODE-PORT> -k', obs, new Set())).toEqual({
      unresolved:
        "cannot fill in <EXTERNAL-IP>: no earlier output shows a node's external IP (nodes get one from a cloud provider; kind's and the simulator's have only an InternalIP)",
    });
    observe('kubectl get nodes -o yaml | grep ExternalIP -C 1', '    - address: 104.197.41.11\n      type: ExternalIP\n    allocatable:\n', obs);
    expect(resolvePlaceholders('curl https://<EXTERNAL-IP>:<NODE-PORT> -k', obs, new Set())).toMatchObject({ command: 'curl https://104.197.41.11:32453 -k' });
    expect(resolvePlaceholders('curl http://<EXTERNAL-IP>:<NODE-PORT>', obs, new Set())).toMatchObject({ command: 'curl http://104.197.41.11:31704' });
    // A newer Service table replaces what the YAML showed.
    observe(
      'kubectl get svc',
      'NAME       TYPE       CLUSTER-IP    EXTERNAL-IP   PORT(S)        AGE\nmy-nginx   NodePort   10.96.1.2     <none>        80:30001/TCP   1m\n',
      obs,
    );
    expect(resolvePlaceholders('curl http://<EXTERNAL-IP>:<NODE-PORT>', obs, new Set())).toMatchObject({ command: 'curl http://104.197.41.11:30001' });
  });

  it('should fill <node-port> from the NodePort field of kubectl describe service, the port the scheme uses', () => {
    const obs = emptyObservations();
    observe(
      'kubectl describe services example-service',
      'Name:                     example-service\nType:                     NodePort\nIP:                       10.96.4.5\nPort:                     <unset>  8080/TCP\nTargetPort:               8080/TCP\nNodePort:                 <unset>  31496/TCP\nEndpoints:                10.244.0.5:8080\n',
      obs,
    );
    expect(obs.nodePorts).toEqual([{ port: 8080, nodePort: 31496 }]);
    expect(resolvePlaceholders('curl http://localhost:<node-port>', obs, new Set())).toEqual({
      command: 'curl http://localhost:31496',
      rewrites: [{ kind: 'placeholder', from: '<node-port>', to: '31496', reason: 'node-port from an earlier output' }],
    });
    observe(
      'kubectl describe svc web',
      'Port:                     http  80/TCP\nNodePort:                 http  30080/TCP\nPort:                     https  443/TCP\nNodePort:                 https  30443/TCP\n',
      obs,
    );
    expect(resolvePlaceholders('curl https://localhost:<node-port>', obs, new Set())).toMatchObject({ command: 'curl https://localhost:30443' });
    expect(resolvePlaceholders('curl http://localhost:<node-port>', obs, new Set())).toMatchObject({ command: 'curl http://localhost:30080' });
    // A ClusterIP Service's describe output has no NodePort: the ports seen before stay.
    observe('kubectl describe svc db', 'Type:                     ClusterIP\nPort:                     <unset>  5432/TCP\n', obs);
    expect(obs.nodePorts).toHaveLength(2);
  });

  it("should read <public-node-ip> as a node's external address", () => {
    const obs = emptyObservations();
    observe('kubectl describe services example-service', 'Port:                     <unset>  8080/TCP\nNodePort:                 <unset>  31496/TCP\n', obs);
    expect(resolvePlaceholders('curl http://<public-node-ip>:<node-port>', obs, new Set())).toEqual({
      unresolved:
        "cannot fill in <public-node-ip>: no earlier output shows a node's external IP (nodes get one from a cloud provider; kind's and the simulator's have only an InternalIP)",
    });
    observe('kubectl get nodes -o wide', 'NAME    STATUS   INTERNAL-IP   EXTERNAL-IP\nnode1   Ready    10.0.0.4      35.1.2.3\n', obs);
    expect(resolvePlaceholders('curl http://<public-node-ip>:<node-port>', obs, new Set())).toMatchObject({ command: 'curl http://35.1.2.3:31496' });
  });

  it('should pick among pods of different deployments only when the command names one', () => {
    const obs = emptyObservations();
    observe('kubectl get pods', 'NAME                     READY\nweb-55f6c8d9b7-zzzzz     1/1\ndb-6d8f7c9b5-aaaaa       1/1\n', obs);
    expect(resolvePlaceholders('kubectl logs <pod-name>', obs, new Set())).toEqual({
      unresolved: 'cannot fill in <pod-name>: the pod name is ambiguous: web, db',
    });
    expect(resolvePlaceholders('kubectl logs <pod-name>', obs, new Set(), 'Logs of db')).toMatchObject({ command: 'kubectl logs db-6d8f7c9b5-aaaaa' });
  });

  it('should leave heredocs, quoted text and variables the command sets alone', () => {
    const obs = emptyObservations();
    expect(resolvePlaceholders("cat <<EOF\nx\nEOF\necho '<html>'", obs, new Set())).toMatchObject({ rewrites: [] });
    expect(resolvePlaceholders('export POD_NAME=$(kubectl get pods -o name); echo $POD_NAME', obs, new Set(['POD_NAME']))).toMatchObject({ rewrites: [] });
    expect(resolvePlaceholders('kubectl describe <deployment-name>', obs, new Set())).toEqual({
      unresolved: 'the doc leaves <deployment-name> for the reader to fill in; no rule can fill it',
    });
  });

  it('should read aligned and misaligned tables', () => {
    expect(parseTable('NAME   READY   STATUS\nweb    1/1     Running\n')).toEqual([{ NAME: 'web', READY: '1/1', STATUS: 'Running' }]);
    expect(parseTable('NAME  READY  STATUS\nweb-abc-xyz  1/1  Running\n')).toEqual([{ NAME: 'web-abc-xyz', READY: '1/1', STATUS: 'Running' }]);
    expect(parseTable('deployment.apps/web created\n')).toEqual([]);
  });
});

describe('firstKubectlCall', () => {
  it('should read subcommand, positionals, flags and the command after --', () => {
    const k = firstKubectlCall('KUBE_EDITOR=x kubectl exec -it -n demo web -c app -- sh -c "echo hi" | grep hi')!;
    expect(k.path.map((w) => w.value)).toEqual(['exec']);
    expect(k.positionals.map((w) => w.value)).toEqual(['web']);
    // `-it` is two flags, as kubectl reads it.
    expect(flagWords(k)).toEqual([{ name: '-i' }, { name: '-t' }, { name: '-n', value: 'demo' }, { name: '-c', value: 'app' }]);
    expect(k.afterDashDash?.map((w) => w.value)).toEqual(['sh', '-c', 'echo hi']);
    expect(firstKubectlCall('curl x')).toBeUndefined();
  });
});

describe('stepRoles', () => {
  const steps = [
    manifest(1, 'a.yaml', 'x'),
    cmd(3, 'kubectl apply -f a.yaml', { cls: 'mutating' }),
    cmd(5, 'kubectl get pods', { cls: 'read-only' }),
    cmd(7, 'cd x', { cls: 'other' }),
    cmd(9, 'kubectl get svc', { cls: 'read-only' }),
    cmd(11, 'kubectl delete pod x', { cls: 'mutating' }),
  ];

  it('should run everything without a selection', () => {
    expect(stepRoles(steps, undefined)).toEqual(['run', 'run', 'run', 'run', 'run', 'run']);
  });

  it('should replay every earlier step (state, files and bound values) and omit the steps after the selection', () => {
    expect(stepRoles(steps, { fromLine: 9, toLine: 9 })).toEqual(['replay', 'replay', 'replay', 'replay', 'run', 'omit']);
    expect(stepRoles(steps, { grep: 'get pods' })).toEqual(['replay', 'replay', 'run', 'omit', 'omit', 'omit']);
  });
});

describe('summary and exit code', () => {
  const step = (status: StepResult['status'], replay = false): StepResult => ({
    stepId: 's',
    line: 1,
    kind: 'command',
    status,
    attempts: 1,
    exitCode: 0,
    expected: null,
    actual: null,
    differences: [],
    bindings: [],
    rewrites: [],
    durationMs: 0,
    ...(replay ? { replay } : {}),
  });
  const lesson = (steps: StepResult[], extra: Partial<LessonResult> = {}): LessonResult => ({
    path: 'a.md',
    backend: 'sim',
    steps,
    findings: [],
    durationMs: 0,
    ...extra,
  });

  it('should count command steps, leaving out replayed passes', () => {
    expect(summarize([lesson([step('pass'), step('pass', true), step('fail', true), step('skipped'), step('error')])])).toEqual({
      passed: 1,
      failed: 1,
      skipped: 1,
      unchecked: 0,
      errors: 1,
    });
  });

  it('should exit 0, 1 or 2', () => {
    expect(exitCodeFor({ lessons: [lesson([step('pass'), step('skipped')])] })).toBe(0);
    expect(exitCodeFor({ lessons: [lesson([step('fail')])] })).toBe(1);
    expect(
      exitCodeFor({ lessons: [lesson([], { findings: [{ ruleId: 'x', severity: 'error', line: 1, column: 1, message: 'm', source: 'kubedoctest' }] })] }),
    ).toBe(1);
    expect(exitCodeFor({ lessons: [lesson([step('pass')]), lesson([], { error: { code: 'ERR_BACKEND_START', message: 'm' } })] })).toBe(2);
  });
});

describe('warnings of a passing step', () => {
  it('turns tolerated stale and distribution differences into stale-output and cluster-specific-output warnings', () => {
    const step = cmd(227, 'kubectl get services kube-dns --namespace=kube-system', { expected: 'x' });
    const result = baseResult(step);
    result.differences = [
      {
        kind: 'wrong-value',
        message: 'row kube-dns, column PORT(S): set by the distribution',
        line: 231,
        column: 47,
        expected: '53/UDP,53/TCP',
        actual: '53/UDP,53/TCP,9153/TCP',
        environment: true,
      },
      { kind: 'column-layout', message: 'actual table has column NOMINATED NODE, not in the doc', line: 230, column: 1, actual: 'NOMINATED NODE', stale: true },
    ];
    const findings = stepFindings(step, result);
    expect(findings.map((f) => [f.ruleId, f.severity, f.line])).toEqual([
      ['cluster-specific-output', 'warning', 231],
      ['stale-output', 'warning', 230],
    ]);
  });
});

describe('offline', () => {
  it('tells a download the machine cannot reach from a failure the doc is responsible for', async () => {
    const { offline, internetHosts } = await import('../../src/run/network.js');
    expect(offline('curl -sS https://kubernetes.io/x', 'curl: (6) Could not resolve host: kubernetes.io\n')).toBe(
      'needs the network: kubernetes.io cannot be reached from this machine',
    );
    expect(
      offline(
        'wget https://kubernetes.io/x -O y',
        "Resolving kubernetes.io (kubernetes.io)... failed: Name or service not known.\nwget: unable to resolve host address 'kubernetes.io'\n",
      ),
    ).toMatch(/^needs the network/);
    // An HTTP error is the doc's (a wrong URL), and local or cluster addresses are not the internet.
    expect(offline('curl -f https://kubernetes.io/nope', 'curl: (22) The requested URL returned error: 404\n')).toBeUndefined();
    expect(offline('curl http://localhost:8080', 'curl: (7) Failed to connect to localhost port 8080 after 0 ms: Connection refused\n')).toBeUndefined();
    expect(internetHosts('curl http://10.0.0.1/ http://my-nginx.default.svc.cluster.local https://raw.githubusercontent.com/x')).toEqual([
      'raw.githubusercontent.com',
    ]);
  });
});

describe('the state markers of a pod step', () => {
  it('should be taken off the output wherever kubectl leaves them, keeping what kubectl printed after them', () => {
    expect(takePodState('hello\n__KDT_PWD__/data/redis\n')).toEqual({ output: 'hello\n', cwd: '/data/redis', vars: {} });
    expect(takePodState('sh: 1: ps: not found\n__KDT_PWD__/data/redis\ncommand terminated with exit code 127\n')).toEqual({
      output: 'sh: 1: ps: not found\ncommand terminated with exit code 127\n',
      cwd: '/data/redis',
      vars: {},
    });
    expect(takePodState('__KDT_PWD__/\n')).toEqual({ output: '', cwd: '/', vars: {} });
    expect(takePodState('no marker\n')).toEqual({ output: 'no marker\n', vars: {} });
    expect(takePodState('echo x__KDT_PWD__y\n')).toEqual({ output: 'echo x__KDT_PWD__y\n', vars: {} });
  });

  it('should read the variables printed before the directory, a value holding newlines included', () => {
    expect(takePodState('out\n__KDT_VAR__A=1\n__KDT_VAR__B=two\nlines\n__KDT_VAR__C=\n__KDT_PWD__/tmp\n')).toEqual({
      output: 'out\n',
      cwd: '/tmp',
      vars: { A: '1', B: 'two\nlines', C: '' },
    });
    expect(takePodState('__KDT_VAR__A=1\n__KDT_PWD__/\ncommand terminated with exit code 2\n')).toEqual({
      output: 'command terminated with exit code 2\n',
      cwd: '/',
      vars: { A: '1' },
    });
  });

  it('should know which variables a line sets in its own shell, and which it exports', () => {
    const assignedVariables = (line: string) => new Map([...variablesSet(line)].map(([name, v]) => [name, v.exported]));
    expect(Object.fromEntries(assignedVariables('export TOKEN=$(cat /var/run/token) URL; A=1 B=2'))).toEqual({ TOKEN: true, URL: true, A: false, B: false });
    // A command's environment, a subshell and a pipeline's command substitution set nothing in the shell.
    expect(assignedVariables('A=1 curl x; (B=2); echo $(C=3)').size).toBe(0);
    expect(Object.fromEntries(assignedVariables('if true; then D=4; fi; readonly E=5'))).toEqual({ D: false, E: false });
  });

  it('should restore them quoted, before the directory, and print each one back', () => {
    expect(
      podPrelude({
        target: 'p',
        flags: [],
        line: 1,
        removeAfter: false,
        cwd: '/data',
        vars: { A: { value: "it's", exported: true }, B: { value: 'x', exported: false } },
      }),
    ).toBe(`A='it'\\''s'; export A; B=x; cd /data 2>/dev/null; `);
    expect(podTrailer(['A'])).toBe(`__kdt_rc=$?; printf '__KDT_VAR__%s=%s\\n' A "$A"; printf '__KDT_PWD__%s\\n' "$PWD"; exit $__kdt_rc`);
  });
});

describe('expectsFailure', () => {
  it("should read kubectl's wording of a refusal as a failing run", () => {
    const refused = 'The Deployment "web" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is \'Recreate\'';
    expect(expectsFailure(cmd(1, 'kubectl patch deployment web -p "$(cat p.yaml)"', { expected: refused }))).toBe(true);
    expect(expectsFailure(cmd(1, 'kubectl apply -f x.yaml', { expected: 'Error from server (Forbidden): pods "x" is forbidden' }))).toBe(true);
    // Prose-like output that only mentions validity is a successful run's.
    expect(expectsFailure(cmd(1, 'kubectl get deploy web -o jsonpath={.status}', { expected: 'The rollout is valid' }))).toBe(false);
    expect(expectsFailure(cmd(1, 'kubectl patch deployment web -p "$(cat p.yaml)"', { expected: 'deployment.apps/web patched' }))).toBe(false);
  });

  it("should read the API server's status message quoted without kubectl's wrapper as a failing run", () => {
    const quota = 'persistentvolumeclaims "claim-2" is forbidden:\nexceeded quota: claims, requested: persistentvolumeclaims=1,';
    expect(expectsFailure(cmd(1, 'kubectl create -f claim-2.yaml', { expected: quota }))).toBe(true);
    expect(expectsFailure(cmd(1, 'kubectl get pod web', { expected: 'pods "web" not found' }))).toBe(true);
    expect(expectsFailure(cmd(1, 'kubectl create ns demo', { expected: 'namespaces "demo" already exists' }))).toBe(true);
    expect(expectsFailure(cmd(1, 'kubectl apply -f svc.yaml', { expected: 'services "web" is invalid: spec.ports: Required value' }))).toBe(true);
    // The same words in a successful run's output are not the API server's status message.
    expect(expectsFailure(cmd(1, 'kubectl logs web', { expected: 'user "alice" not found in cache, fetching' }))).toBe(false);
    expect(expectsFailure(cmd(1, 'kubectl get events', { expected: 'Warning  FailedCreate  pods "web-1" is forbidden: exceeded quota' }))).toBe(false);
  });

  it("should read what kubectl exec relays from the container runtime as a failing run, whatever the runtime's wording", () => {
    const runc =
      'OCI runtime exec failed: exec failed: container_linux.go:346: starting container process caused "exec: \\"sh\\": executable file not found in $PATH": unknown';
    expect(expectsFailure(cmd(1, 'kubectl exec -it app -- sh', { expected: runc }))).toBe(true);
    expect(expectsFailure(cmd(1, 'kubectl exec app -- false', { expected: 'command terminated with exit code 1' }))).toBe(true);
    expect(expectsFailure(cmd(1, 'kubectl exec app -- true', { expected: 'command terminated with exit code 0' }))).toBe(false);
    expect(expectsFailure(cmd(1, 'kubectl exec app -- cat notes', { expected: 'The OCI runtime exec failed twice last week.' }))).toBe(false);
  });
});
