import { bootedApi } from './helpers.js';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/backends/sim/clock.js';
import type { KObject } from '../../../src/backends/sim/types.js';
import { createRuntime } from '../../../src/backends/sim/runtime/index.js';
import { reverseName } from '../../../src/backends/sim/runtime/net/dns.js';

function cluster() {
  const clock = new ManualClock('2024-01-01T00:00:00Z');
  const api = bootedApi(clock, 11);
  api.create(api.resolve('namespaces')!, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } } as KObject);
  const runtime = createRuntime(api);
  const pod = (name: string, ip: string, labels: Record<string, string>, container: Record<string, unknown>, ns = 'default') => {
    const created = api.create(api.resolve('pods')!, ns, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: ns, labels },
      spec: { nodeName: 'kind-control-plane', containers: [{ name, ...container }] },
    } as KObject);
    const running = { ...created, status: { phase: 'Running', podIP: ip, conditions: [{ type: 'Ready', status: 'True' }] } };
    runtime.podStarted(running);
    return running;
  };
  const service = (name: string, spec: Record<string, unknown>, ips: string[], port: number, ns = 'default') => {
    api.create(api.resolve('services')!, ns, { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec } as KObject);
    api.create(api.resolve('endpoints')!, ns, {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name, namespace: ns },
      subsets: [{ addresses: ips.map((ip) => ({ ip })), ports: [{ port }] }],
    } as KObject);
  };
  return { api, runtime, pod, service };
}

describe('the in-cluster network', () => {
  it('answers PTR queries as CoreDNS: Service IPs and endpoints with a hostname, no name for other pod IPs', () => {
    const { api, service } = cluster();
    service('db', { clusterIP: '10.96.5.5', ports: [{ port: 5432 }] }, ['10.244.0.9'], 5432);
    api.create(api.resolve('services')!, 'default', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'nginx', namespace: 'default' },
      spec: { clusterIP: 'None' },
    } as KObject);
    api.create(api.resolve('endpoints')!, 'default', {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'nginx', namespace: 'default' },
      subsets: [{ addresses: [{ ip: '10.244.0.7', hostname: 'web-0' }], ports: [{ port: 80 }] }],
    } as KObject);
    expect(reverseName(api, '10.96.5.5')).toBe('db.default.svc.cluster.local');
    expect(reverseName(api, '10.244.0.7')).toBe('web-0.nginx.default.svc.cluster.local');
    expect(reverseName(api, '10.244.0.9')).toBeUndefined();
  });

  it('routes service names across namespaces to http-echo and nginx, headless services give pod IPs', async () => {
    const { runtime, pod, service } = cluster();
    try {
      pod('client', '10.244.0.2', {}, { image: 'busybox:1.36', command: ['sleep', '1d'] });
      pod('echo', '10.244.0.3', { app: 'echo' }, { image: 'hashicorp/http-echo:1.0', args: ['-text=bar', '-listen=:8080'] }, 'other');
      pod('web-0', '10.244.0.4', { app: 'web' }, { image: 'nginx' });
      pod('web-1', '10.244.0.5', { app: 'web' }, { image: 'nginx' });
      service('echo', { clusterIP: '10.96.1.1', ports: [{ port: 80, targetPort: 8080 }] }, ['10.244.0.3'], 8080, 'other');
      service('web', { clusterIP: 'None', ports: [{ port: 80 }] }, ['10.244.0.4', '10.244.0.5'], 80);
      const sh = (cmd: string) => runtime.exec('default', 'client', undefined, ['sh', '-c', cmd]);
      const direct = await sh('wget -qO- 10.244.0.3:8080');
      expect(direct.stdout, direct.stderr).toBe('bar\n');
      const first = await sh('wget -qO- echo.other');
      expect(first.stdout, first.stderr + runtime.warnings().join()).toBe('bar\n');
      expect((await sh('wget -qO- http://echo.other.svc.cluster.local:80/')).stdout).toBe('bar\n');
      expect((await sh('wget -qO- echo; echo $?')).stderr).toBe("wget: bad address 'echo'\n");
      const ns = await sh('nslookup web');
      expect(ns.stdout).toBe(
        'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.244.0.4\nName:\tweb.default.svc.cluster.local\nAddress: 10.244.0.5\n\n',
      );
      const bodies = new Set<string>();
      for (let i = 0; i < 6; i++) bodies.add((await sh('wget -qO- web | head -4 | tail -1')).stdout);
      expect([...bodies]).toEqual(['<title>Welcome to nginx!</title>\n']);
      expect((await sh('wget -qO- 10.244.0.4:81')).stderr).toBe("wget: can't connect to remote host (10.244.0.4): Connection refused\n");
      expect((await sh('ping -c 2 web-x 2>&1; nc -z 10.244.0.4 80 && echo open; nc -z 10.244.0.4 81 || echo closed')).stdout).toBe(
        "ping: bad address 'web-x'\nopen\nclosed\n",
      );
      expect((await sh('ping -c 2 10.244.0.4')).stdout).toBe(
        'PING 10.244.0.4 (10.244.0.4): 56 data bytes\n64 bytes from 10.244.0.4: seq=0 ttl=63 time=0.050 ms\n64 bytes from 10.244.0.4: seq=1 ttl=63 time=0.051 ms\n\n--- 10.244.0.4 ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min/avg/max = 0.050/0.052/0.054 ms\n',
      );
      expect((await runtime.exec('default', 'web-0', undefined, ['getent', 'hosts', 'echo.other'])).stdout).toBe(
        '10.96.1.1       echo.other.svc.cluster.local\n',
      );
      expect((await runtime.exec('other', 'echo', undefined, ['sh'])).error).toContain('exec: "sh": executable file not found in $PATH');
      const head = await runtime.exec('default', 'web-0', undefined, ['curl', '-sI', 'localhost/nope']);
      expect(head.stdout).toMatch(
        /^HTTP\/1\.1 404 Not Found\r\nServer: nginx\/1\.27\.3\r\nDate: .* GMT\r\nContent-Type: text\/html\r\nConnection: keep-alive\r\nContent-Length: 153\r\n\r\n$/,
      );
      const v = await runtime.exec('default', 'web-0', undefined, ['curl', '-v', '-s', '-o', '/dev/null', 'http://localhost/']);
      expect(v.stderr).toContain('> GET / HTTP/1.1\n> Host: localhost\n> User-Agent: curl/7.88.1\n> Accept: */*\n');
      expect(v.stderr).toContain('< ETag: "');
    } finally {
      await runtime.close?.();
    }
  });

  it('records the names on the internet a pod looked up, not the names of the cluster', async () => {
    const { runtime, pod } = cluster();
    try {
      pod('client', '10.244.0.2', {}, { image: 'busybox:1.36', command: ['sleep', '1d'] });
      pod('web', '10.244.0.4', {}, { image: 'nginx' });
      const sh = (cmd: string) => runtime.exec('default', 'client', undefined, ['sh', '-c', cmd]);
      expect((await sh('wget -qO- http://info.cern.ch')).stderr).toBe("wget: bad address 'info.cern.ch'\n");
      await sh('wget -qO- web-x; wget -qO- web-x.other; wget -qO- web.prod; wget -qO- nothing.default.svc.cluster.local; nslookup example.com.');
      expect(runtime.internetLookups()).toEqual([{ namespace: 'default', pod: 'client', names: ['info.cern.ch', 'example.com'] }]);
    } finally {
      await runtime.close?.();
    }
  });

  it('answers as the echoserver tag does: 1.4 the lua CLIENT VALUES page, 1.10 the Hostname page', async () => {
    const { runtime, pod } = cluster();
    try {
      pod('client', '10.244.0.2', {}, { image: 'busybox:1.36', command: ['sleep', '1d'] });
      pod('old', '10.244.0.8', {}, { image: 'k8s.gcr.io/echoserver:1.4' });
      pod('new', '10.244.0.9', {}, { image: 'registry.k8s.io/echoserver:1.10' });
      const get = async (target: string) => (await runtime.exec('default', 'client', undefined, ['wget', '-qO', '-', target])).stdout;
      expect(await get('10.244.0.8:8080/a?x=1')).toBe(
        [
          'CLIENT VALUES:',
          'client_address=10.244.0.2',
          'command=GET',
          'real path=/a',
          'query=x=1',
          'request_version=1.1',
          'request_uri=http://10.244.0.8:8080/a?x=1',
          '',
          'SERVER VALUES:',
          'server_version=nginx: 1.10.0 - lua: 10001',
          '',
          'HEADERS RECEIVED:',
          'connection=close',
          'host=10.244.0.8:8080',
          'user-agent=Wget',
          'BODY:',
          '-no body in request-',
        ].join('\n'),
      );
      const page = await get('10.244.0.9:8080/');
      expect(page).toContain('\n\nHostname: new\n');
      expect(page).toContain('Request Information:\n\tclient_address=10.244.0.2\n\tmethod=GET\n\treal path=/\n\tquery=\n');
    } finally {
      await runtime.close?.();
    }
  });

  it('applies NetworkPolicies: an isolated pod answers only the peers and ports a rule allows', async () => {
    const { api, runtime, pod, service } = cluster();
    try {
      pod('client', '10.244.0.2', {}, { image: 'busybox:1.36', command: ['sleep', '1d'] });
      pod('friend', '10.244.0.6', { access: 'true' }, { image: 'busybox:1.36', command: ['sleep', '1d'] });
      pod('outsider', '10.244.0.7', { access: 'true' }, { image: 'busybox:1.36', command: ['sleep', '1d'] }, 'other');
      pod('web-0', '10.244.0.4', { app: 'web' }, { image: 'nginx' });
      service('web', { clusterIP: '10.96.2.2', ports: [{ port: 80 }] }, ['10.244.0.4'], 80);
      const wget = async (from: string, target: string, ns = 'default') =>
        runtime.exec(ns, from, undefined, ['sh', '-c', `wget --spider --timeout=1 ${target} 2>&1`]);
      expect((await wget('client', 'web')).stdout).toBe('Connecting to web (10.96.2.2:80)\nremote file exists\n');
      const policy = (name: string, spec: Record<string, unknown>) =>
        api.create(api.resolve('networkpolicies', 'networking.k8s.io')!, 'default', {
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicy',
          metadata: { name, namespace: 'default' },
          spec,
        } as KObject);
      // A policy selecting no pod isolates nothing.
      policy('other-app', { podSelector: { matchLabels: { app: 'api' } }, ingress: [{ from: [{ podSelector: { matchLabels: { access: 'true' } } }] }] });
      expect((await wget('client', 'web')).stdout).toContain('remote file exists');
      policy('access-web', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { access: 'true' } } }] }] });
      expect((await wget('client', 'web')).stdout).toBe('Connecting to web (10.96.2.2:80)\nwget: download timed out\n');
      expect((await wget('friend', 'web')).stdout).toContain('remote file exists');
      // A podSelector alone means pods of the policy's namespace.
      expect((await wget('outsider', 'web.default', 'other')).stdout).toContain('download timed out');
      policy('from-other', {
        podSelector: { matchLabels: { app: 'web' } },
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'other' } } }], ports: [{ port: 8080 }] }],
      });
      expect((await wget('outsider', 'web.default', 'other')).stdout).toContain('download timed out');
      policy('from-other-80', {
        podSelector: { matchLabels: { app: 'web' } },
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'other' } } }], ports: [{ protocol: 'TCP', port: 80 }] }],
      });
      expect((await wget('outsider', 'web.default', 'other')).stdout).toContain('remote file exists');
      // Egress isolation of every pod of the namespace: only 10.244.0.6 may be reached.
      policy('client-egress', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '10.244.0.6/32' } }] }] });
      expect((await wget('friend', '10.244.0.4')).stdout).toContain('download timed out');
    } finally {
      await runtime.close?.();
    }
  });

  it('runs exec, httpGet and tcpSocket probes inside the containers', async () => {
    const { runtime, pod } = cluster();
    try {
      const live = pod(
        'liveness',
        '10.244.0.7',
        {},
        { image: 'registry.k8s.io/busybox', args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'] },
      );
      const web = pod('web', '10.244.0.8', {}, { image: 'nginx', ports: [{ name: 'http', containerPort: 80 }] });
      const exec = { exec: { command: ['cat', '/tmp/healthy'] } };
      await new Promise((r) => setTimeout(r, 5));
      expect(await runtime.probe!(live, 'liveness', exec)).toEqual({ result: 'success', output: '' });
      await new Promise((r) => setTimeout(r, 150));
      expect(await runtime.probe!(live, 'liveness', exec)).toEqual({
        result: 'failure',
        output: "cat: can't open '/tmp/healthy': No such file or directory\n",
      });
      expect(await runtime.probe!(web, 'web', { httpGet: { path: '/', port: 'http' } })).toEqual({ result: 'success', output: '' });
      expect(await runtime.probe!(web, 'web', { httpGet: { path: '/nope', port: 80 } })).toEqual({
        result: 'failure',
        output: 'HTTP probe failed with statuscode: 404',
      });
      expect(await runtime.probe!(web, 'web', { tcpSocket: { port: 81 } })).toEqual({
        result: 'failure',
        output: 'dial tcp 10.244.0.8:81: connect: connection refused',
      });
      expect(await runtime.probe!(web, 'web', { httpGet: { path: '/healthz', port: 81 } })).toEqual({
        result: 'failure',
        output: 'Get "http://10.244.0.8:81/healthz": dial tcp 10.244.0.8:81: connect: connection refused',
      });
    } finally {
      await runtime.close?.();
    }
  });
});
