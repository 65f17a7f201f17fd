import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/index.js';
import type { CommandStep } from '../../src/plan/types.js';

function steps(md: string): CommandStep[] {
  return parseMarkdown(md, { path: 'doc.md', readFile: () => undefined }).steps.filter((s): s is CommandStep => s.kind === 'command');
}

/** [command, context kind, pod/node name, what decided it] for each command step. */
function places(md: string): Array<[string, string, string | undefined, string | undefined]> {
  return steps(md).map((s) => [s.command, s.host.kind, s.host.kind === 'pod' || s.host.kind === 'node' ? s.host.name : undefined, s.host.source?.by]);
}

const fence = (...lines: string[]): string => ['```shell', ...lines, '```', ''].join('\n');

describe('where each line runs', () => {
  it('should put the lines after `kubectl exec -it … -- sh` in that pod until `exit`', () => {
    const md = [
      'Get a shell:',
      '',
      fence('kubectl exec -it web -n prod -c nginx -- /bin/bash'),
      'In your shell, update the packages:',
      '',
      fence('apt-get update', 'curl http://localhost/'),
      'Exit your shell:',
      '',
      fence('exit'),
      'Clean up:',
      '',
      fence('kubectl delete pod web'),
    ].join('\n');
    expect(places(md)).toEqual([
      ['kubectl exec -it web -n prod -c nginx -- /bin/bash', 'local', undefined, undefined],
      ['apt-get update', 'pod', 'web', 'session'],
      ['curl http://localhost/', 'pod', 'web', 'session'],
      ['exit', 'pod', 'web', 'session'],
      ['kubectl delete pod web', 'local', undefined, undefined],
    ]);
    const s = steps(md);
    expect(s[0]!.opensSession).toEqual({ kind: 'pod', name: 'web', namespace: 'prod', container: 'nginx' });
    expect(s[1]!.host).toEqual({
      kind: 'pod',
      name: 'web',
      namespace: 'prod',
      container: 'nginx',
      source: { by: 'session', line: 4, text: 'kubectl exec -it web -n prod -c nginx -- /bin/bash' },
    });
    expect(s[3]!.closesSession).toBe(true);
    expect(s[4]!.closesSession).toBeUndefined();
  });

  it('should end a session at the next heading', () => {
    const md = ['## One', '', fence('minikube ssh'), fence('ls /mnt/data'), '## Two', '', fence('ls /mnt/data')].join('\n');
    expect(places(md).map((p) => p[1])).toEqual(['local', 'node', 'local']);
  });

  it('should end a pod session when an unprompted kubectl line follows without `exit`', () => {
    const md = [fence('kubectl run -it --rm tmp --image=busybox -- sh'), fence('wget -qO- web'), fence('kubectl get pods')].join('\n');
    expect(places(md).map((p) => p[1])).toEqual(['local', 'pod', 'local']);
  });

  it('should keep `$`, `#` and `/ #` prompts in the open session, and take a `root@<pod>` prompt as that pod', () => {
    const md = [
      fence('kubectl debug -it demo --image=busybox:1.28 --target=demo'),
      '```console',
      '/ # ps aux',
      'PID USER',
      '$ id',
      '```',
      '',
      fence('kubectl exec -it secret-test-pod -- /bin/bash'),
      '```console',
      'root@secret-test-pod:/# ls /etc/secret-volume',
      'password',
      '```',
      '',
    ].join('\n');
    expect(places(md)).toEqual([
      ['kubectl debug -it demo --image=busybox:1.28 --target=demo', 'local', undefined, undefined],
      ['ps aux', 'pod', 'demo', 'session'],
      ['id', 'pod', 'demo', 'session'],
      ['kubectl exec -it secret-test-pod -- /bin/bash', 'local', undefined, undefined],
      ['ls /etc/secret-volume', 'pod', 'secret-test-pod', 'session'],
    ]);
  });

  it('should take a busybox `/ #` prompt with no session as a pod', () => {
    expect(places(['```', '/ # nslookup web', '```', ''].join('\n'))).toEqual([['nslookup web', 'pod', undefined, 'prompt']]);
  });

  it('should read prose cues for the block right after them only', () => {
    const md = [
      'From within a Pod, run:',
      '',
      fence('cat /etc/resolv.conf'),
      fence('nslookup kubernetes'),
      'Then look at the service:',
      '',
      fence('cat /etc/hosts'),
      'Run the following on a Node:',
      '',
      fence('curl localhost:10249/proxyMode'),
      'On your local machine, run:',
      '',
      fence('curl localhost:8080'),
    ].join('\n');
    expect(places(md)).toEqual([
      ['cat /etc/resolv.conf', 'pod', undefined, 'cue'],
      ['nslookup kubernetes', 'pod', undefined, 'cue'],
      ['cat /etc/hosts', 'local', undefined, undefined],
      ['curl localhost:10249/proxyMode', 'node', undefined, 'cue'],
      ['curl localhost:8080', 'local', undefined, 'cue'],
    ]);
  });

  it("should keep kubectl on the reader's machine under a pod or node cue", () => {
    const md = [
      'Get a shell inside the container:',
      '',
      fence('kubectl exec -it web -- sh'),
      'From within a Pod, list the pods:',
      '',
      fence('kubectl get pods'),
    ].join('\n');
    expect(places(md).map((p) => p[1])).toEqual(['local', 'local']);
  });

  it('should read a `# Run this locally on a node` comment in the block', () => {
    const md = fence('# Run this locally on a node you choose', 'curl localhost:32122/healthz');
    expect(places(md)).toEqual([['curl localhost:32122/healthz', 'node', undefined, 'cue']]);
  });

  it('should take a section heading that says "on your Node" for its whole section, and open a node shell from prose', () => {
    const md = [
      '## Create an index.html file on your Node',
      '',
      'Open a shell to the single Node in your cluster, for example with `minikube ssh`.',
      '',
      'Create a directory:',
      '',
      fence('sudo mkdir /mnt/data'),
      'You can now close the shell to your Node.',
      '',
      '## Create a Pod',
      '',
      fence('kubectl get pods'),
    ].join('\n');
    expect(places(md).map((p) => [p[1], p[3]])).toEqual([
      ['node', 'cue'],
      ['local', undefined],
    ]);
  });

  it('should run a request to the API server where `kubectl proxy` runs, though the heading names a Node', () => {
    const md = [
      '## Add a label on one of your Nodes',
      '',
      'Start a proxy:',
      '',
      fence('kubectl proxy --port=8011'),
      'In another window, send the request:',
      '',
      fence('curl -X PATCH http://127.0.0.1:8011/api/v1/nodes/n1 -d "{}"'),
      'Then look at the file the kubelet writes:',
      '',
      fence('cat /etc/hostname'),
      '',
      '## Change the status on one of your Nodes',
      '',
      fence('curl http://localhost:8001/api/v1/nodes/n1/status'),
      fence('curl http://localhost:8001/index.html'),
    ].join('\n');
    expect(places(md).map((p) => [p[1], p[3]])).toEqual([
      ['local', undefined],
      ['local', 'program'],
      ['node', 'cue'],
      ['local', 'program'],
      ['node', 'cue'],
    ]);
    expect(steps(md)[1]!.host.source).toEqual({ by: 'program', line: 6, text: 'kubectl proxy --port=8011' });
  });

  it('should never guess local for tools that are not host tools', () => {
    const md = fence('apt-get install -y curl', 'iptables-save | grep web', 'nslookup web', 'ps auxw', 'ls -l');
    expect(places(md).map((p) => [p[0], p[1]])).toEqual([
      ['apt-get install -y curl', 'unknown'],
      ['iptables-save | grep web', 'unknown'],
      ['nslookup web', 'unknown'],
      ['ps auxw', 'unknown'],
      ['ls -l', 'local'],
    ]);
    expect(steps(md)[0]!.host).toMatchObject({ source: { by: 'program', text: 'apt-get' } });
  });

  it('should put remote-session lines (ssh, gcloud compute ssh) on a remote machine', () => {
    const md = [fence('gcloud compute ssh my-vm'), '```console', '[user@my-vm]$ sudo docker ps', '```', '', fence('exit'), fence('kubectl get nodes')].join(
      '\n',
    );
    expect(places(md).map((p) => [p[0], p[1]])).toEqual([
      ['gcloud compute ssh my-vm', 'local'],
      ['sudo docker ps', 'remote'],
      ['exit', 'remote'],
      ['kubectl get nodes', 'local'],
    ]);
  });

  it('should mark a watch the page keeps running in another terminal, whether the cue comes before or after it', () => {
    const md = [
      'In one terminal, watch the Pods:',
      '',
      fence('kubectl get pods -w'),
      'In another terminal, create the Deployment:',
      '',
      fence('kubectl create deployment web --image=nginx'),
      '## Next',
      '',
      'Forward a port:',
      '',
      fence('kubectl port-forward svc/web 8080:80'),
      'Leave this running and continue.',
      '',
      fence('curl localhost:8080'),
      '## Third',
      '',
      fence('kubectl get pods --watch'),
      fence('kubectl delete pod web'),
    ].join('\n');
    expect(steps(md).map((s) => [s.command, s.concurrent])).toEqual([
      ['kubectl get pods -w', { cue: 'In one terminal, watch the Pods:', line: 1 }],
      ['kubectl create deployment web --image=nginx', undefined],
      ['kubectl port-forward svc/web 8080:80', { cue: 'Leave this running and continue.', line: 21 }],
      ['curl localhost:8080', undefined],
      ['kubectl get pods --watch', undefined],
      ['kubectl delete pod web', undefined],
    ]);
  });

  it('should leave lines typed in a database client unrun (unknown), not shell lines', () => {
    const md = [fence('kubectl exec -it mysql-0 -- mysql -uroot'), '```', 'mysql> SELECT 1;', '```', '', fence('SHOW DATABASES;')].join('\n');
    const s = steps(md);
    expect(s[0]!.opensSession).toEqual({ kind: 'pod', name: 'mysql-0' });
    expect(s.slice(1).every((x) => x.host.kind !== 'local')).toBe(true);
  });
});

describe('sessions opened in prose', () => {
  it('should open a node shell from prose about getting a shell, not from any mention of the command', () => {
    const opened = ['Open a shell to your Node by entering `minikube ssh`.', '', '```shell', 'ls /mnt/data', '```', ''].join('\n');
    const mentioned = ['Unlike `kubectl exec -it web -- sh`, this command does not attach.', '', '```shell', 'curl localhost:8080', '```', ''].join('\n');
    expect(steps(opened).map((s) => [s.host.kind, s.host.source?.by])).toEqual([['node', 'cue']]);
    expect(steps(mentioned).map((s) => s.host.kind)).toEqual(['local']);
  });
});

describe('commands after an output cue that names a node', () => {
  it('should run the shell block as node commands with their output, not take it as unpaired output', () => {
    const md = [
      '```shell',
      'kubectl get svc hostnames',
      '```',
      '',
      'You should see something like the following on a Node:',
      '',
      '```shell',
      'iptables-save | grep hostnames',
      '```',
      '',
      '```',
      '-A KUBE-SEP-57KPRZ3JQVENLNBR -s 10.244.3.6/32 -m comment --comment "default/hostnames:" -j MARK --set-xmark 0x00004000/0x00004000',
      '```',
      '',
    ].join('\n');
    const s = steps(md);
    expect(s.map((x) => [x.command, x.host.kind, x.expected?.text.slice(0, 12) ?? null])).toEqual([
      ['kubectl get svc hostnames', 'local', null],
      ['iptables-save | grep hostnames', 'node', '-A KUBE-SEP-'],
    ]);
  });
});
