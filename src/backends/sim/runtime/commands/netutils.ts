import type { CmdCtx, CommandFn } from '../shell/types.js';
import { simFetch } from '../net/fetch.js';
import { imageTag } from '../images/index.js';
import { has, opt, parseArgs } from './util.js';
import { sleepFor } from './system.js';

/** BusyBox up to 1.28 (the image's tag or the version its `latest` is frozen at) prints the old nslookup. */
function oldBusybox(c: CmdCtx): boolean {
  const m = /^(\d+)\.(\d+)/.exec(c.host.profile.version ?? imageTag(c.host.image));
  return !!m && Number(m[1]) === 1 && Number(m[2]) <= 28;
}

/** nslookup in busybox (old ≤1.28 or new style) or BIND format. */
const nslookup: CommandFn = (c) => {
  const args = c.argv.slice(1).filter((a) => !a.startsWith('-'));
  const name = args[0];
  const ns = c.host.net.nameserver;
  if (!name) {
    c.io.err('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n');
    return 1;
  }
  const ans = c.host.net.resolve(name, c.host.net.namespace);
  // nslookup installed from a package (dnsutils, bind-tools) is BIND's.
  const style = c.host.profile.nslookup ?? (c.host.profile.userland === 'busybox' ? 'busybox' : 'bind');
  if (style === 'busybox' && oldBusybox(c)) {
    c.io.out(`Server:    ${ns}\nAddress 1: ${ns} kube-dns.kube-system.svc.cluster.local\n\n`);
    if (!ans) {
      c.io.err(`nslookup: can't resolve '${name}'\n`);
      return 1;
    }
    c.io.out(
      `Name:      ${name}\n${ans.addresses.map((a, i) => `Address ${i + 1}: ${a}${c.host.net.reverse(a) ? ` ${c.host.net.reverse(a)}` : ''}`).join('\n')}\n`,
    );
    return 0;
  }
  c.io.out(`Server:\t\t${ns}\nAddress:\t${ns}${style === 'bind' ? '#53' : ':53'}\n\n`);
  if (!ans) {
    c.io.out(`** server can't find ${name}: NXDOMAIN\n\n`);
    return 1;
  }
  if (ans.cname) {
    c.io.out(`${ans.fqdn}\tcanonical name = ${ans.cname}.\n\n`);
    return 0;
  }
  c.io.out(ans.addresses.map((a) => `Name:\t${ans.fqdn}\nAddress: ${a}\n`).join('') + '\n');
  return 0;
};

const getent: CommandFn = (c) => {
  const [db, key] = c.argv.slice(1);
  if (db === 'hosts' || db === 'ahosts' || db === 'ahostsv4') {
    if (!key) return 2;
    if (key === 'localhost') return (c.io.out('127.0.0.1       localhost\n'), 0);
    const ans = c.host.net.resolve(key, c.host.net.namespace);
    if (!ans) return 2;
    if (db === 'hosts') c.io.out(`${ans.addresses[0]!.padEnd(15)} ${ans.fqdn}\n`);
    else
      c.io.out(
        ans.addresses
          .flatMap((a, i) => [`${a.padEnd(15)} STREAM ${i === 0 ? ans.fqdn : ''}`.trimEnd(), `${a.padEnd(15)} DGRAM  `, `${a.padEnd(15)} RAW    `])
          .join('\n') + '\n',
      );
    return 0;
  }
  if (db === 'passwd' || db === 'group') {
    const lines = c.host.vfs.lookup(`/etc/${db}`) ? c.host.vfs.readText(`/etc/${db}`).split('\n').filter(Boolean) : [];
    const hit = key ? lines.filter((l) => l.split(':')[0] === key || l.split(':')[2] === key) : lines;
    if (!hit.length) return 2;
    c.io.out(hit.join('\n') + '\n');
    return 0;
  }
  c.io.err(`Unknown database: ${db}\nTry \`getent --help' or \`getent --usage' for more information.\n`);
  return 1;
};

const wget: CommandFn = async (c) => {
  const p = parseArgs(c.argv.slice(1), ['O', 'T', 'U', 'header', 'timeout', 'output-document', 'Y', 'P']);
  const quiet = has(p, 'q', 'quiet');
  const spider = has(p, 'spider');
  const raw = p.operands[0];
  if (!raw) {
    c.io.err('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n');
    return 1;
  }
  const url = new URL(/^[a-z]+:\/\//i.test(raw) ? raw : `http://${raw}`);
  const r = await simFetch(c.host.net, {
    url,
    method: spider ? 'HEAD' : 'GET',
    headers: [
      ['Host', url.host],
      ['User-Agent', 'Wget'],
      ['Connection', 'close'],
    ],
    body: Buffer.alloc(0),
    from: c.host.ip,
    insecure: has(p, 'no-check-certificate'),
  });
  if (!r.ok) {
    if (r.kind === 'resolve') c.io.err(`wget: bad address '${url.hostname}'\n`);
    else if (r.kind === 'refused')
      c.io.err(`${quiet ? '' : `Connecting to ${url.host} (${r.ip}:${r.port})\n`}wget: can't connect to remote host (${r.ip}): Connection refused\n`);
    else if (r.kind === 'timeout') c.io.err(`${quiet ? '' : `Connecting to ${url.host} (${r.ip}:${r.port})\n`}wget: download timed out\n`);
    else c.io.err(`wget: error getting response: ${r.message ?? 'Connection reset by peer'}\n`);
    return 1;
  }
  if (!quiet) c.io.err(`Connecting to ${url.host} (${r.ip}:${r.port})\n`);
  if (r.response.status >= 400) {
    c.io.err(`wget: server returned error: HTTP/1.1 ${r.response.status} ${r.response.reason}\n`);
    return 1;
  }
  if (spider) {
    if (!quiet) c.io.err('remote file exists\n');
    return 0;
  }
  const target = opt(p, 'O', 'output-document') ?? (url.pathname.split('/').pop() || 'index.html');
  const size = r.response.body.length;
  const bar = `${(target === '-' ? '-' : target).padEnd(20).slice(0, 20)} 100% |********************************| ${String(size).padStart(5)}  0:00:00 ETA\n`;
  if (target === '-') {
    if (!quiet) c.io.err(`writing to stdout\n${bar}`);
    c.io.out(r.response.body);
    if (!quiet) c.io.err('written to stdout\n');
    return 0;
  }
  try {
    c.host.vfs.writeFile(target, r.response.body, { cwd: c.cwd });
  } catch (e) {
    c.io.err(`wget: can't open '${target}': ${(e as Error).message}\n`);
    return 1;
  }
  if (!quiet) c.io.err(`saving to '${target}'\n${bar}'${target}' saved\n`);
  return 0;
};

const ping: CommandFn = async (c) => {
  const p = parseArgs(c.argv.slice(1), ['c', 'W', 'w', 'i', 's']);
  const host = p.operands[0];
  if (!host) {
    c.io.err('ping: usage error: Destination address required\n');
    return 1;
  }
  const ans = c.host.net.resolve(host, c.host.net.namespace);
  if (!ans) {
    c.io.err(`ping: bad address '${host}'\n`);
    return 1;
  }
  const ip = ans.addresses[0]!;
  const count = Math.min(Number(opt(p, 'c') ?? 4), 10);
  c.io.out(`PING ${host} (${ip}): 56 data bytes\n`);
  // Service ClusterIPs are virtual: nothing answers ICMP for them.
  const isService = c.host.net.reverse(ip)?.includes('.svc.') ?? false;
  let received = 0;
  for (let i = 0; i < count; i++) {
    if (i) await sleepFor(c, 1);
    if (!isService) {
      received++;
      c.io.out(`64 bytes from ${ip}: seq=${i} ttl=63 time=0.0${50 + i} ms\n`);
    }
  }
  const loss = Math.round(((count - received) / count) * 100);
  c.io.out(`\n--- ${host} ping statistics ---\n${count} packets transmitted, ${received} packets received, ${loss}% packet loss\n`);
  if (received) c.io.out('round-trip min/avg/max = 0.050/0.052/0.054 ms\n');
  return received ? 0 : 1;
};

const nc: CommandFn = (c) => {
  const p = parseArgs(c.argv.slice(1), ['w', 'W', 'p', 'i']);
  const [host, portArg] = p.operands;
  if (!host || !portArg) {
    c.io.err('nc: not supported by the simulator without HOST PORT; use --backend kind\n');
    return 1;
  }
  const ans = c.host.net.resolve(host, c.host.net.namespace);
  if (!ans) {
    c.io.err(`nc: bad address '${host}'\n`);
    return 1;
  }
  const r = c.host.net.connect(ans.addresses[0]!, Number(portArg), c.host.ip);
  const open = typeof r === 'object' && !('error' in r);
  if (has(p, 'v')) c.io.err(open ? `${host} (${ans.addresses[0]}:${portArg}) open\n` : `nc: ${host} (${ans.addresses[0]}:${portArg}): Connection refused\n`);
  return open ? 0 : 1;
};

/** Network tools. */
export const netCommands: Record<string, CommandFn> = { nslookup, getent, wget, ping, nc };
