import type { CmdCtx, CommandFn } from '../shell/types.js';

/** Answers only for the exact name (dig does not use the search list unless +search). */
function lookup(c: CmdCtx, name: string, search: boolean) {
  const ans = c.host.net.resolve(name.replace(/\.$/, ''), c.host.net.namespace);
  if (!ans) return undefined;
  if (!search && ans.fqdn.replace(/\.$/, '') !== name.replace(/\.$/, '')) return undefined;
  return ans;
}

/** dig (BIND 9.18) for A records: the full answer, or +short. */
const dig: CommandFn = (c) => {
  const args = c.argv.slice(1);
  const opts = args.filter((a) => a.startsWith('+'));
  const words = args.filter((a) => !a.startsWith('+') && !a.startsWith('@') && !a.startsWith('-'));
  const type = words.find((w) => /^(A|AAAA|SRV|PTR|MX|TXT|NS|CNAME|ANY)$/i.test(w))?.toUpperCase() ?? 'A';
  const name = words.find((w) => !/^(A|AAAA|SRV|PTR|MX|TXT|NS|CNAME|ANY|IN)$/i.test(w)) ?? '.';
  if (type !== 'A') {
    c.io.err(`dig: ${type} queries are not supported by the simulator; use --backend kind\n`);
    return 126;
  }
  const ns = c.host.net.nameserver;
  const ans = lookup(c, name, opts.includes('+search'));
  const fqdn = `${(ans?.fqdn ?? name).replace(/\.$/, '')}.`;
  if (opts.includes('+short')) {
    for (const a of ans?.addresses ?? []) c.io.out(`${a}\n`);
    return 0;
  }
  const id = 1000 + ([...name].reduce((h, ch) => h * 31 + ch.charCodeAt(0), 7) % 60000);
  const count = ans?.addresses.length ?? 0;
  const when = c.host.clock
    .now()
    .toUTCString()
    .replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1 $3 $2 $5 UTC $4');
  c.io.out(
    `\n; <<>> DiG 9.18.28-1~deb12u2-Debian <<>> ${args.join(' ')}\n;; global options: +cmd\n;; Got answer:\n` +
      `;; ->>HEADER<<- opcode: QUERY, status: ${ans ? 'NOERROR' : 'NXDOMAIN'}, id: ${id}\n` +
      `;; flags: qr aa rd; QUERY: 1, ANSWER: ${count}, AUTHORITY: ${ans ? 0 : 1}, ADDITIONAL: 1\n;; WARNING: recursion requested but not available\n\n` +
      `;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n;; QUESTION SECTION:\n;${fqdn}\t\tIN\tA\n\n` +
      (ans
        ? `;; ANSWER SECTION:\n${ans.addresses.map((a) => `${fqdn}\t30\tIN\tA\t${a}\n`).join('')}\n`
        : `;; AUTHORITY SECTION:\ncluster.local.\t\t30\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. 1700000000 7200 1800 86400 30\n\n`) +
      `;; Query time: 0 msec\n;; SERVER: ${ns}#53(${ns}) (UDP)\n;; WHEN: ${when}\n;; MSG SIZE  rcvd: ${60 + fqdn.length + count * 16}\n\n`,
  );
  return 0;
};

/** host (BIND): uses the search list. */
const host: CommandFn = (c) => {
  const name = c.argv.slice(1).find((a) => !a.startsWith('-'));
  if (!name) {
    c.io.err('Usage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n            [-R number] [-m flag] [-p port] hostname [server]\n');
    return 1;
  }
  const ans = lookup(c, name, true);
  if (!ans) {
    c.io.out(`Host ${name} not found: 3(NXDOMAIN)\n`);
    return 1;
  }
  for (const a of ans.addresses) c.io.out(`${ans.fqdn.replace(/\.$/, '')} has address ${a}\n`);
  return 0;
};

/** DNS tools of the dnsutils / bind-tools packages. */
export const dnsCommands: Record<string, CommandFn> = { dig, host };
