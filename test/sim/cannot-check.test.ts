import { describe, expect, test } from 'vitest';
import { simCannotCheck } from '../../src/backends/sim/cannot-check.js';

describe('what the simulator does not model', () => {
  test.each([
    ['kubectl get resourcequota mem-cpu-demo --namespace=q --output=yaml', ''],
    ['kubectl describe quota object-counts -n q', ''],
    ['kubectl get quota,limitrange -n q', ''],
    [
      'kubectl apply -f pod-2.yaml -n q',
      'Error from server (Forbidden): error when creating "pod-2.yaml": pods "p" is forbidden: exceeded quota: mem-cpu-demo, requested: requests.memory=700Mi',
    ],
    [
      'kubectl apply -f pod-3.yaml -n q',
      'Error from server (Forbidden): error when creating "pod-3.yaml": pods "p" is forbidden: failed quota: mem-cpu-demo: must specify limits.cpu for: p',
    ],
  ])('ResourceQuota, whose controller and admission are simulated, is checked: %s', (command, expected) => {
    expect(simCannotCheck(command, 'whatever', false, expected)).toBeUndefined();
  });

  test.each(['kubectl logs --namespace=kube-system -l k8s-app=kube-dns', 'kubectl -n kube-system logs coredns-7db6d8ff4d-x2kqp'])(
    'add-on logs: %s',
    (command) => {
      expect(simCannotCheck(command, '', false, '.:53\n[INFO] CoreDNS-1.11.3')).toMatch(/^the logs of kube-system add-ons/);
    },
  );

  test('a redis command the simulated redis does not serve is unchecked; a command no redis has is not', () => {
    expect(
      simCannotCheck('redis-cli -h cache HSET user name ada', "(error) ERR unknown command 'HSET', with args beginning with: 'user' 'name' 'ada' "),
    ).toMatch(/^the redis command HSET is not simulated/);
    expect(simCannotCheck('redis-cli -h cache hgetall user', "ERR unknown command 'hgetall', with args beginning with: 'user' ")).toMatch(
      /HGETALL is not simulated/,
    );
    expect(simCannotCheck('redis-cli -h cache FROB x', "(error) ERR unknown command 'FROB', with args beginning with: 'x' ")).toBeUndefined();
  });

  test.each([
    ['kubectl logs -n default web-x2kqp', ''],
    ['kubectl get pods -n q', ''],
    ['kubectl apply -f quota.yaml -n q', 'resourcequota/mem-cpu-demo created'],
    ['kubectl get limitrange -n q -o yaml', ''],
  ])('checked as usual: %s', (command, expected) => {
    expect(simCannotCheck(command, 'whatever', false, expected)).toBeUndefined();
  });

  test.each([
    [
      'kubectl apply -n demo -f pod.yaml',
      'Warning: would violate PodSecurity "restricted:latest": runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true)\npod/app created',
    ],
    [
      'kubectl apply -n demo -f pod.yaml',
      'Error from server (Forbidden): error when creating "pod.yaml": pods "app" is forbidden: violates PodSecurity "baseline:latest": privileged (container "app" must not set securityContext.privileged=true)',
    ],
    [
      'kubectl label --overwrite ns demo pod-security.kubernetes.io/enforce=restricted',
      'Warning: existing pods in namespace "demo" violate the new PodSecurity enforce level "restricted:latest"',
    ],
  ])('Pod Security admission: %s', (command, expected) => {
    expect(simCannotCheck(command, 'pod/app created', false, expected)).toMatch(/^Pod Security admission .* not simulated/);
  });

  test('a pod step whose doc shows no Pod Security message is checked', () => {
    expect(simCannotCheck('kubectl apply -n demo -f pod.yaml', 'pod/app created', false, 'pod/app created')).toBeUndefined();
  });

  test.each(['cat /proc/1/maps', "kubectl exec web -- sh -c 'cat /proc/self/smaps'", 'head /proc/$PID/maps'])('memory mappings: %s', (command) => {
    expect(simCannotCheck(command, 'cat: /proc/1/maps: No such file or directory')).toMatch(/memory mappings .* not simulated/);
  });

  test.each(['cat /proc/1/status', 'cat /proc/mounts', 'cat /proc/1/mountinfo'])('a /proc file the simulator has is checked: %s', (command) => {
    expect(simCannotCheck(command, 'whatever')).toBeUndefined();
  });

  test('a package the catalog lacks (apt, apk) is unchecked with its name; a known error is not', () => {
    const apt = 'Reading package lists...\nBuilding dependency tree...\nE: Unable to locate package frobnicate\ncommand terminated with exit code 100\n';
    expect(simCannotCheck("kubectl exec web -- sh -c 'apt-get install -y frobnicate'", apt)).toMatch(
      /^package frobnicate is not in the simulator's package catalog/,
    );
    const apk = 'ERROR: unable to select packages:\n  frobnicate (no such package):\n    required by: world[frobnicate]\n';
    expect(simCannotCheck('apk add frobnicate', apk)).toMatch(/^package frobnicate is not/);
    expect(simCannotCheck('apt-get install -y curl', 'E: Could not open lock file /var/lib/dpkg/lock-frontend')).toBeUndefined();
  });

  test('the metrics APIService is registered only by metrics-server: unchecked until it is served', () => {
    const listing = 'NAME\nv1beta1.metrics.k8s.io';
    expect(simCannotCheck('kubectl get apiservices', 'NAME  SERVICE  AVAILABLE  AGE\nv1.  Local  True  1m', false, listing)).toMatch(
      /^the metrics API is served only/,
    );
    expect(simCannotCheck('kubectl get apiservices', 'whatever', true, listing)).toBeUndefined();
    expect(simCannotCheck('kubectl get apiservices', 'whatever', false, 'NAME\nv1.apps')).toBeUndefined();
  });

  test('node-problem-detector events on a node', () => {
    const expected = 'Warning OOMKilling Memory cgroup out of memory: Kill process 4481 (stress)';
    expect(simCannotCheck('kubectl describe nodes', 'whatever', false, expected)).toMatch(/node-problem-detector/);
    expect(simCannotCheck('kubectl describe nodes', 'whatever', false, 'Warning BackOff Back-off restarting failed container')).toBeUndefined();
  });

  test("another container's files through /proc/<pid>/root", () => {
    expect(simCannotCheck('head /proc/8/root/etc/nginx/nginx.conf', 'whatever', false, 'user  nginx;')).toMatch(/\/proc\/<pid>\/root/);
    expect(simCannotCheck('cat /proc/1/status', 'whatever', false, '')).toBeUndefined();
  });

  test.each([
    "tail -f /var/log/syslog | grep 'http-echo'",
    'sudo cat /var/log/audit/audit.log | grep seccomp',
    'dmesg | grep -i oom',
    'journalctl -k --since "5 minutes ago"',
  ])("the node's kernel log: %s", (command) => {
    expect(simCannotCheck(command, "tail: cannot open '/var/log/syslog' for reading: No such file or directory", false, 'audit: type=1326 …')).toMatch(
      /^the node's kernel log .* is not simulated/,
    );
  });

  test.each(['cat /var/log/nginx/access.log', 'kubectl logs web', 'journalctl -u kubelet'])('another log stays checked: %s', (command) => {
    expect(simCannotCheck(command, 'whatever', false, 'x')).toBeUndefined();
  });
});
