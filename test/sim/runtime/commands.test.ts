import { describe, expect, it } from 'vitest';
import { runSh, testHost } from './helpers.js';
import { NGINX_INDEX } from '../../../src/backends/sim/runtime/images/content.js';
import type { Network } from '../../../src/backends/sim/runtime/net/types.js';

const BB = 'busybox:1.36';
const GNU = 'nginx:1.27';

describe('commands as each image has them', () => {
  it.each([
    [BB, 'cat /nope', "cat: can't open '/nope': No such file or directory\n", 1],
    [GNU, 'cat /nope', 'cat: /nope: No such file or directory\n', 1],
    [BB, 'ls /nope', 'ls: /nope: No such file or directory\n', 1],
    [GNU, 'ls /nope', "ls: cannot access '/nope': No such file or directory\n", 2],
    [GNU, 'head /nope', "head: cannot open '/nope' for reading: No such file or directory\n", 1],
    [GNU, 'rm /nope', "rm: cannot remove '/nope': No such file or directory\n", 1],
    [BB, 'rm /nope', "rm: can't remove '/nope': No such file or directory\n", 1],
    [GNU, 'mkdir /a/b', "mkdir: cannot create directory '/a/b': No such file or directory\n", 1],
    [GNU, 'ps', 'sh: 1: ps: not found\n', 127],
    [BB, 'wget', 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n', 1],
  ])('%s: %s', async (image, script, stderr, code) => {
    const r = await runSh(script, { image });
    expect(r.stderr).toBe(stderr);
    expect(r.code).toBe(code);
  });

  it('text filters', async () => {
    const input = 'b 2\na 1\nc 3\na 1\n';
    const t = async (s: string) => (await runSh(s, { stdin: input })).stdout;
    expect(await t('sort | uniq -c')).toBe('      2 a 1\n      1 b 2\n      1 c 3\n');
    expect(await t('sort -k2 -n -r | head -1')).toBe('c 3\n');
    expect(await t('cut -d" " -f2 | tr "\\n" ","')).toBe('2,1,3,1,');
    expect(await t('grep -c a')).toBe('2\n');
    expect(await t('grep -v a')).toBe('b 2\nc 3\n');
    expect(await t('grep -E "^(b|c)" | wc -l')).toBe('2\n');
    expect(await t('grep -o "[0-9]" | head -2')).toBe('2\n1\n');
    expect(await t('grep -q z; echo $?')).toBe('1\n');
    expect(await t('grep -i A | head -1')).toBe('a 1\n');
    expect(await t('sed "s/a/A/g; 2d"')).toBe('b 2\nc 3\nA 1\n');
    expect(await t('sed -n "2p"')).toBe('a 1\n');
    expect(await t('sed -E "s/([a-z]) ([0-9])/\\2-\\1/"')).toBe('2-b\n1-a\n3-c\n1-a\n');
    expect(await t('tail -n 2')).toBe('c 3\na 1\n');
    expect(await t('wc -l')).toBe('4\n');
    expect(await t('tr a-z A-Z | head -1')).toBe('B 2\n');
    expect(await t('base64 | base64 -d')).toBe(input);
  });

  it('ls -l looks like GNU ls and busybox ls', async () => {
    const gnu = await runSh('ls -l /usr/share/nginx/html', { image: GNU });
    expect(gnu.stdout).toMatch(/^total 8\n-rw-r--r-- 1 root root 497 Jan  1 00:00 50x\.html\n-rw-r--r-- 1 root root 615 Jan  1 00:00 index\.html\n$/);
    const bb = await runSh('mkdir /d; echo hi > /d/f; ls -la /d', { image: BB });
    expect(bb.stdout).toContain('-rw-r--r--    1 root     root             3 Jan  1 00:00 f\n');
    expect(bb.stdout).toMatch(/^total \d+\ndrwxr-xr-x +2 root +root +4096 Jan  1 00:00 \.\n/);
  });

  it('the nginx welcome page is the real one', () => {
    expect(Buffer.byteLength(NGINX_INDEX)).toBe(615);
  });

  it('identity and system commands', async () => {
    const r = await runSh('hostname; whoami; id; uname; uname -m; date +%Y-%m-%d; which ls; which nope; echo $?; cat /etc/hostname', { image: GNU });
    expect(r.stdout).toBe('test-pod\nroot\nuid=0(root) gid=0(root) groups=0(root)\nLinux\nx86_64\n2024-01-01\n/usr/bin/ls\n1\ntest-pod\n');
    expect((await runSh('env | grep -c HOME; printenv NOPE; echo $?')).stdout).toBe('1\n1\n');
    expect((await runSh('env -i FOO=bar env')).stdout).toBe('FOO=bar\n');
    expect((await runSh('sleep 1; echo slept')).stdout).toBe('slept\n');
    expect((await runSh('seq 3 | xargs echo')).stdout).toBe('1 2 3\n');
  });

  it('awk', async () => {
    const input = 'alice 30 eng\nbob 25 ops\ncarol 35 eng\n';
    const t = async (s: string) => (await runSh(s, { stdin: input })).stdout;
    expect(await t("awk '{print $1}'")).toBe('alice\nbob\ncarol\n');
    expect(await t('awk \'$3 == "eng" {print $1, $2}\'')).toBe('alice 30\ncarol 35\n');
    expect(await t("awk '{s += $2} END {print s, NR}'")).toBe('90 3\n');
    expect(await t("awk '/bob/'")).toBe('bob 25 ops\n');
    expect(await t("awk 'NR==2 {print NF, length($1)}'")).toBe('3 3\n');
    expect(await t("awk -F: '{print $2}' /etc/passwd | head -1")).toBe('x\n');
    expect(await t('awk \'{printf "%s-%d\\n", toupper($1), $2 + 1}\' | tail -1')).toBe('CAROL-36\n');
    expect((await runSh("awk '{print'")).code).toBe(2);
  });

  it('ps, hashes and expr', async () => {
    const host = testHost('busybox:1.36');
    host.mainProcess = ['sleep', '3600'];
    expect((await runSh('ps', { host })).stdout).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n    7 root      0:00 ps\n');
    // A shell given one simple command execs it: pid 1 is the command; a list keeps the shell.
    host.mainProcess = ['sh', '-c', 'sleep 1h'];
    expect((await runSh('ps', { host })).stdout).toContain('    1 root      0:00 sleep 1h\n');
    host.mainProcess = ['/bin/sh', '-c', 'echo hi; sleep 1h'];
    expect((await runSh('ps', { host })).stdout).toContain('    1 root      0:00 /bin/sh -c echo hi; sleep 1h\n');
    expect((await runSh('echo -n abc | md5sum; expr 6 \\* 7; expr length hello')).stdout).toBe('900150983cd24fb0d6963f7d28e17f72  -\n42\n5\n');
  });

  it('tar round trip inside the vfs', async () => {
    const r = await runSh(
      'mkdir -p /src/sub; echo one > /src/sub/a; tar cf /tmp/t.tar -C / src; mkdir /dst; tar xf /tmp/t.tar -C /dst; cat /dst/src/sub/a; tar tf /tmp/t.tar',
      { image: GNU },
    );
    expect(r.stdout).toBe('one\nsrc/\nsrc/sub/\nsrc/sub/a\n');
  });

  it('nslookup in busybox (new and ≤1.28) and BIND formats', async () => {
    const net: Network = {
      namespace: 'default',
      nameserver: '10.96.0.10',
      resolve: (n) => (n === 'my-nginx' ? { fqdn: 'my-nginx.default.svc.cluster.local', addresses: ['10.96.12.34'] } : undefined),
      reverse: (ip) => (ip === '10.96.12.34' ? 'my-nginx.default.svc.cluster.local' : undefined),
      connect: () => 'refused',
    };
    const newer = await runSh('nslookup my-nginx', { host: testHost('busybox:1.36', net) });
    expect(newer.stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tmy-nginx.default.svc.cluster.local\nAddress: 10.96.12.34\n\n');
    const old = await runSh('nslookup my-nginx', { host: testHost('busybox:1.28', net) });
    expect(old.stdout).toBe(
      'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      my-nginx\nAddress 1: 10.96.12.34 my-nginx.default.svc.cluster.local\n',
    );
    const bind = await runSh('nslookup my-nginx', { host: testHost('registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3', net) });
    expect(bind.stdout).toContain('Address:\t10.96.0.10#53\n');
    const missing = await runSh('nslookup nope', { host: testHost('busybox:1.36', net) });
    expect(missing.stdout).toContain("** server can't find nope: NXDOMAIN");
    expect(missing.code).toBe(1);
    const curl = await runSh('curl -sS http://nope; echo "rc=$?"; curl -sS http://my-nginx:81; echo "rc=$?"', { host: testHost('nginx', net) });
    expect(curl.stderr).toBe(
      "curl: (6) Could not resolve host: nope\ncurl: (7) Failed to connect to my-nginx port 81 after 0 ms: Couldn't connect to server\n",
    );
    expect(curl.stdout).toBe('rc=6\nrc=7\n');
  });
});
