/** Where a line runs: node containers, examples of a container's command, heading cues, in-pod evidence (generic fixtures). */
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/index.js';
import type { CommandStep, Step } from '../../src/plan/types.js';

function parse(md: string): Step[] {
  return parseMarkdown(md, { path: 'doc.md', readFile: () => undefined }).steps;
}
function commands(md: string): CommandStep[] {
  return parse(md).filter((s): s is CommandStep => s.kind === 'command');
}
/** [command, context kind, node/pod name, what decided it]. */
function places(md: string): Array<[string, string, string | undefined, string | undefined]> {
  return commands(md).map((s) => [s.command, s.host.kind, s.host.kind === 'pod' || s.host.kind === 'node' ? s.host.name : undefined, s.host.source?.by]);
}
const fence = (...lines: string[]): string => ['```shell', ...lines, '```', ''].join('\n');
const out = (...lines: string[]): string => ['```', ...lines, '```', ''].join('\n');

const LISTING = out(
  'CONTAINER ID   IMAGE                  COMMAND                  CREATED         STATUS         PORTS                       NAMES',
  '0123456789ab   kindest/node:v1.32.0   "/usr/local/bin/entr…"   2 minutes ago   Up 2 minutes   127.0.0.1:40000->6443/tcp   demo-control-plane',
  'fedcba987654   registry:2             "/entrypoint.sh /etc…"   2 minutes ago   Up 2 minutes   0.0.0.0:5000->5000/tcp      demo-registry',
);

describe("a local cluster's node containers", () => {
  it('runs `docker exec <node> <program>` on that node, by name or by the id the page listed, and opens a session only for a bare shell', () => {
    const md = [
      fence('docker ps'),
      'The output is similar to:',
      '',
      LISTING,
      fence('docker exec -it 0123456789ab ls /etc'),
      fence("docker exec kind-worker2 bash -c 'crictl ps | grep web'"),
      fence('docker exec -it fedcba987654 ls /'),
      fence('docker exec -it demo-control-plane bash'),
      fence('ls /etc/kubernetes'),
    ].join('\n');
    expect(places(md)).toEqual([
      ['docker ps', 'local', undefined, undefined],
      ['docker exec -it 0123456789ab ls /etc', 'node', 'demo-control-plane', 'program'],
      ["docker exec kind-worker2 bash -c 'crictl ps | grep web'", 'node', 'kind-worker2', 'program'],
      // The registry's container is the reader's, not a node.
      ['docker exec -it fedcba987654 ls /', 'local', undefined, undefined],
      ['docker exec -it demo-control-plane bash', 'local', undefined, undefined],
      ['ls /etc/kubernetes', 'node', 'demo-control-plane', 'session'],
    ]);
    expect(commands(md)[2]!.opensSession).toBeUndefined();
    expect(commands(md)[4]!.opensSession).toEqual({ kind: 'node', name: 'demo-control-plane' });
  });

  it('leaves the pod shell the page had open: `docker exec` is typed on the reader’s machine, and its json output is output', () => {
    const md = [
      fence('kubectl run --rm -it --image=alpine alpine -- sh'),
      'Then inspect the container on the worker:',
      '',
      fence('docker exec -it kind-worker bash -c \\', "    'crictl inspect $(crictl ps --name=alpine -q) | jq .info.runtimeSpec.linux.seccomp'"),
      '```json',
      '{ "defaultAction": "SCMP_ACT_ERRNO" }',
      '```',
      '',
    ].join('\n');
    const steps = parse(md);
    expect(steps.map((s) => s.kind)).toEqual(['command', 'command']);
    const exec = steps[1] as CommandStep;
    expect(exec.host).toMatchObject({ kind: 'node', name: 'kind-worker' });
    expect(exec.expected?.text).toBe('{ "defaultAction": "SCMP_ACT_ERRNO" }');
  });
});

describe('examples of what a container runs', () => {
  it('makes a block led in as an example command, in a list of a container’s uses, an illustration', () => {
    const md = [
      'Here are some ideas for how to use init containers:',
      '',
      '* Wait for a {{< glossary_tooltip text="Service" term_id="service" >}} to be created, using a shell command like:',
      '  ```shell',
      '  until nslookup db; do sleep 1; done',
      '  ```',
      '',
      '* Wait for some time with a command like',
      '  ```shell',
      '  sleep 60',
      '  ```',
      '',
      'Check the Pods with a command like:',
      '',
      fence('kubectl get pods'),
      'Then wait with a command like:',
      '',
      fence('sleep 5'),
    ].join('\n');
    const s = commands(md);
    expect(s.map((c) => [c.command, c.host.kind])).toEqual([
      ['until nslookup db; do sleep 1; done', 'illustrative'],
      ['sleep 60', 'illustrative'],
      ['kubectl get pods', 'local'],
      ['sleep 5', 'local'],
    ]);
    expect(s[0]!.host.kind === 'illustrative' && s[0]!.host.reason).toBe(
      'shows the command a container of the pod runs, which the cluster starts: "ideas for how to use init containers: … Wait for a Service to be created, using a shell command like:"',
    );
  });

  it('takes "an init container could run a command like" before a block as the container’s command, over an "in your container" cue', () => {
    const md = [
      'An init container could run a command like:',
      '',
      fence('touch /work/ready'),
      'Use a command like the following in your container:',
      '',
      fence('sleep 3600'),
    ].join('\n');
    expect(places(md).map((p) => p[1])).toEqual(['illustrative', 'illustrative']);
  });
});

describe('a heading’s cue', () => {
  it('covers its subsections until a heading of the same or a higher level', () => {
    const md = [
      '## Accessing the API from within a Pod',
      '',
      '### Without a proxy',
      '',
      fence('APISERVER=https://api.example.test', 'curl $APISERVER/api', 'kubectl get pods'),
      '#### Deeper',
      '',
      fence('cat /tmp/x'),
      '## Cleaning up',
      '',
      fence('rm /tmp/x'),
      '## Debugging in a multi-container Pod',
      '',
      fence('echo hi'),
    ].join('\n');
    expect(places(md)).toEqual([
      ['APISERVER=https://api.example.test', 'pod', undefined, 'cue'],
      ['curl $APISERVER/api', 'pod', undefined, 'cue'],
      ['kubectl get pods', 'local', undefined, undefined],
      ['cat /tmp/x', 'pod', undefined, 'cue'],
      ['rm /tmp/x', 'local', undefined, undefined],
      ['echo hi', 'local', undefined, undefined],
    ]);
  });
});

describe('in-pod evidence', () => {
  it('places a line using the ServiceAccount mount, kubernetes.default.svc or $KUBERNETES_SERVICE_HOST in a pod when nothing else does', () => {
    const md = [
      fence('TOKEN=$(cat /var/run/secrets/kubernetes.io/serviceaccount/token)'),
      fence('curl -k https://kubernetes.default.svc/api'),
      fence('echo $KUBERNETES_SERVICE_HOST'),
      fence('kubectl exec web -- cat /var/run/secrets/kubernetes.io/serviceaccount/namespace'),
      fence('curl https://kubernetes.io/'),
    ].join('\n');
    expect(places(md).map((p) => [p[1], p[3]])).toEqual([
      ['pod', 'program'],
      ['pod', 'program'],
      ['pod', 'program'],
      ['local', undefined],
      ['local', undefined],
    ]);
  });
});

describe('a fence of node commands after an output cue', () => {
  it('is commands, not the previous command’s output', () => {
    const md = [
      fence('kubectl get pods'),
      out('NAME   READY   STATUS    RESTARTS   AGE', 'web    1/1     Running   0          12s'),
      "Back on the node, stop the container. You'll see that, after a time, the kubelet restarts it:",
      '',
      fence('# Run these commands on the node where the kubelet is running', 'crictl stop 5b920cbaf8b1 # replace with the ID of your container', 'sleep 20'),
    ].join('\n');
    expect(places(md).map((p) => [p[0], p[1]])).toEqual([
      ['kubectl get pods', 'local'],
      ['crictl stop 5b920cbaf8b1 # replace with the ID of your container', 'node'],
      ['sleep 20', 'node'],
    ]);
  });
});

describe("a node's kernel security state", () => {
  it('places a line reading it on a node, and the same line sent over ssh on another machine', () => {
    const md = [
      'Check whether the module is enabled:',
      '',
      fence('cat /sys/module/apparmor/parameters/enabled'),
      'Or look at the profiles a node has loaded:',
      '',
      fence('ssh node-1 "sudo cat /sys/kernel/security/apparmor/profiles | sort"'),
      'And on this machine:',
      '',
      fence('cat /sys/class/net/eth0/address'),
    ].join('\n');
    expect(places(md).map(([c, kind, , by]) => [c.split(' ')[0], kind, by])).toEqual([
      ['cat', 'node', 'program'],
      ['ssh', 'remote', 'program'],
      ['cat', 'local', undefined],
    ]);
  });
});
