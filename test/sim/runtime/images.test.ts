import { KIND_NODE_RESOURCES } from '../../../src/backends/sim/controllers/stages/node-resources.js';
import { describe, expect, it } from 'vitest';
import { canRun } from '../../../src/backends/sim/runtime/images/can-run.js';
import { containerUsage } from '../../../src/backends/sim/runtime/images/usage.js';
import { profileFor } from '../../../src/backends/sim/runtime/images/index.js';
import { runSh, testHost } from './helpers.js';

describe('canRun: what the simulator can check in an image', () => {
  it.each([
    ['busybox:1.36', 'nslookup', true],
    ['nginx', 'curl', true],
    ['redis', 'redis-cli', true],
    ['debian', 'curl', true],
    ['alpine', 'dig', true],
    ['alpine', 'mtr', false],
    ['debian', 'tcpdump', false],
    ['mysql:5.7', 'mysql', false],
    ['quay.io/unknown/thing:1', 'sh', false],
    ['registry.k8s.io/e2e-test-images/agnhost:2.40', 'agnhost', true],
    ['busybox', 'perl', false],
  ])('%s runs %s: %s', (image, program, ok) => {
    expect(canRun(image, program).ok).toBe(ok);
  });

  it('says why and what is needed', () => {
    expect(canRun('quay.io/unknown/thing:1', 'sh')).toEqual({ ok: false, reason: 'image quay.io/unknown/thing:1 is not known to the simulator' });
    expect(canRun('debian', 'curl')).toEqual({ ok: true, note: 'curl must first be installed with apt-get' });
    expect(canRun('debian', 'tcpdump')).toEqual({ ok: false, reason: 'tcpdump in image debian is not modelled by the simulator' });
  });
});

describe('containerUsage: CPU and memory from image and arguments', () => {
  const stress = (bytes: string, limit: string) => ({
    image: 'polinux/stress',
    command: ['stress'],
    args: ['--vm', '1', '--vm-bytes', bytes, '--vm-hang', '1'],
    resources: { limits: { memory: limit } },
  });

  it('stress --vm-bytes 250M exceeds a 100Mi limit; 150M fits in 200Mi', () => {
    expect(containerUsage(stress('250M', '100Mi')).oomKilled).toBe(true);
    const ok = containerUsage(stress('150M', '200Mi'));
    expect(ok.oomKilled).toBe(false);
    expect(Math.round(ok.usage.memoryBytes / 2 ** 20)).toBe(151);
  });

  it('CPU is capped at the limit; idle nginx is near zero', () => {
    const cpu = containerUsage({ image: 'vish/stress', args: ['-cpus', '2'], resources: { limits: { cpu: '1' } } });
    expect(cpu.demand.cpuCores).toBe(2);
    expect(cpu.usage.cpuCores).toBe(1);
    expect(containerUsage({ image: 'nginx' }).usage).toEqual({ cpuCores: 0, memoryBytes: 3 * 2 ** 20 });
    expect(containerUsage({ image: 'example/unknown' }).modelled).toBe(false);
  });
});

describe('image profiles', () => {
  it('busybox takes its version from the tag', () => {
    expect(profileFor('busybox:1.28').version).toBe('1.28');
    expect(profileFor('busybox:1.37.0').version).toBe('1.37.0');
  });

  it('nslookup prints the busybox 1.28 format in 1.28 and the new one in 1.36', async () => {
    const net = { ...(await import('./helpers.js')).noNetwork, resolve: () => ({ fqdn: 'kubernetes.default.svc.cluster.local', addresses: ['10.96.0.1'] }) };
    const old = await runSh('nslookup kubernetes.default', { host: testHost('busybox:1.28', net) });
    expect(old.stdout).toContain('Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local');
    const fresh = await runSh('nslookup kubernetes.default', { host: testHost('busybox:1.36', net) });
    expect(fresh.stdout).toContain('Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1');
  });

  it("the Kubernetes registries' busybox without a tag is their frozen old `latest`; Docker Hub's is today's", async () => {
    expect(['registry.k8s.io/busybox', 'gcr.io/google-containers/busybox', 'k8s.gcr.io/busybox:latest'].map((i) => profileFor(i).version)).toEqual([
      '1.24',
      '1.24',
      '1.24',
    ]);
    expect(profileFor('registry.k8s.io/busybox:1.27.2').version).toBe('1.27.2');
    expect(profileFor('busybox').version).toBe('1.36.1');
    const net = { ...(await import('./helpers.js')).noNetwork, resolve: () => ({ fqdn: 'hostnames.default.svc.cluster.local', addresses: ['10.0.1.175'] }) };
    const old = await runSh('nslookup hostnames', { host: testHost('gcr.io/google-containers/busybox', net) });
    expect(old.stdout).toContain('Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local');
    const hub = await runSh('nslookup hostnames', { host: testHost('busybox', net) });
    expect(hub.stdout).toContain('Address:\t10.96.0.10:53');
  });

  it('apt-get installs from the catalog only after apt-get update; apk add works at once', async () => {
    const host = testHost('debian:12');
    const before = await runSh('apt-get install -y curl', { host });
    expect(before.code).toBe(100);
    expect(before.stderr).toContain('E: Unable to locate package curl');
    const r = await runSh('apt-get update && apt-get install -y curl procps && which curl ps', { host });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Setting up curl (7.88.1-10+deb12u8) ...');
    expect(r.stdout.trim().split('\n').slice(-2)).toEqual(['/usr/bin/curl', '/usr/bin/ps']);
    const alpine = testHost('alpine:3.20');
    expect((await runSh('curl --version', { host: alpine })).code).toBe(127);
    const a = await runSh('apk add --no-cache curl && curl --version', { host: alpine });
    expect(a.code).toBe(0);
    expect(a.stdout).toContain('(1/1) Installing curl (8.11.1-r0)');
    const bad = await runSh('apk add nosuchpkg', { host: alpine });
    expect(bad.stderr).toContain('nosuchpkg (no such package)');
  });

  it("ps shows the image's own command as it runs itself (user, title), and a command the pod sets as written", async () => {
    const host = testHost('redis');
    host.mainProcess = ['docker-entrypoint.sh', 'redis-server'];
    const own = await runSh('apt-get update >/dev/null && apt-get install -y procps >/dev/null && ps aux', { host });
    expect(
      own.stdout
        .split('\n')
        .slice(1, 3)
        .map((l) => l.split(/\s+/).filter(Boolean)),
    ).toEqual([
      ['redis', '1', '0.0', '0.0', '2576', '896', '?', 'Ss', '00:00', '0:00', 'redis-server', '*:6379'],
      ['root', '7', '0.0', '0.0', '8088', '4024', '?', 'Rs', '00:00', '0:00', 'ps', 'aux'],
    ]);
    host.mainProcess = ['redis-server', '--appendonly', 'yes'];
    const set = await runSh('ps aux', { host });
    expect(set.stdout.split('\n')[1]).toMatch(/^root\s+1\s.*\sredis-server --appendonly yes$/);
    const nginx = testHost('nginx');
    nginx.mainProcess = ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'];
    expect((await runSh('apt-get update >/dev/null && apt-get install -y procps >/dev/null && ps aux', { host: nginx })).stdout.split('\n')[1]).toMatch(
      /^root\s+1\s.*\snginx: master process nginx -g daemon off;$/,
    );
  });

  it("nginx's own command starts one worker per CPU the node reports, as user nginx; nproc counts the same CPUs", async () => {
    const nginx = testHost('nginx');
    nginx.mainProcess = ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'];
    const out = (await runSh('apt-get update >/dev/null && apt-get install -y procps >/dev/null && nproc && ps aux', { host: nginx })).stdout.split('\n');
    const cpus = Number(KIND_NODE_RESOURCES['cpu']);
    expect(out[0]).toBe(String(cpus));
    const workers = out.filter((l) => l.endsWith(' nginx: worker process'));
    expect(workers).toHaveLength(cpus);
    expect(workers.map((l) => l.split(/\s+/).slice(0, 2))).toEqual(Array.from({ length: cpus }, (_, i) => ['nginx', String(29 + i)]));
    expect(out.findIndex((l) => l.endsWith(' ps aux'))).toBe(out.indexOf(workers[cpus - 1]!) + 1);
    // A command the pod sets instead of the image's runs no workers.
    nginx.mainProcess = ['sleep', '3600'];
    expect((await runSh('ps aux', { host: nginx })).stdout).not.toContain('worker process');
  });

  it('apt-get install without -y asks only when it would install more than was named', async () => {
    const host = testHost('debian:12');
    const r = await runSh('apt-get update >/dev/null && apt-get install procps && which ps', { host });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('Do you want to continue?');
    expect(r.stdout).toContain('The following NEW packages will be installed:\n  procps\n');
    expect(r.stdout.trim().split('\n').at(-1)).toBe('/usr/bin/ps');
  });
});
