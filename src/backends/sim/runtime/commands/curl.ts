import { isTerminal, type CmdCtx, type CommandFn } from '../shell/types.js';
import { simFetch, type FetchResult } from '../net/fetch.js';
import { header } from '../net/http.js';
import { has, opt, parseArgs } from './util.js';

const WITH_VALUE = [
  'o',
  'w',
  'H',
  'X',
  'd',
  'm',
  'u',
  'A',
  'e',
  'data',
  'data-raw',
  'data-binary',
  'header',
  'request',
  'output',
  'write-out',
  'max-time',
  'connect-timeout',
  'cacert',
  'user',
  'user-agent',
  'resolve',
  'retry',
  'url',
  'cert',
  'key',
  'referer',
  'T',
  'data-urlencode',
];

function versionAtLeast(v: string, min: string): boolean {
  const a = v.split('.').map(Number);
  const b = min.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

function connectError(version: string, host: string, port: number): string {
  if (!versionAtLeast(version, '7.75.0')) return `Failed to connect to ${host} port ${port}: Connection refused`;
  return `Failed to connect to ${host} port ${port} after 0 ms: ${versionAtLeast(version, '8.6.0') ? 'Could not connect to server' : "Couldn't connect to server"}`;
}

const SSL_HELP = `More details here: https://curl.se/docs/sslcerts.html

curl failed to verify the legitimacy of the server and therefore could not
establish a secure connection to it. To learn more about this situation and
how to fix it, please visit the web page mentioned above.
`;

function progress(size: number): string {
  const n = String(size);
  return `  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\r100 ${n.padStart(5)}  100 ${n.padStart(5)}    0     0   600k      0 --:--:-- --:--:-- --:--:--  600k\n`;
}

function writeOut(fmt: string, r: FetchResult & { ok: true }, url: URL): string {
  return fmt
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t')
    .replace(/%\{(\w+)\}/g, (m, k: string) => {
      switch (k) {
        case 'http_code':
        case 'response_code':
          return String(r.response.status).padStart(3, '0');
        case 'size_download':
          return String(r.response.body.length);
        case 'remote_ip':
          return r.ip;
        case 'remote_port':
          return String(r.port);
        case 'url_effective':
          return url.href;
        case 'content_type':
          return header(r.response.headers, 'content-type') ?? '';
        case 'time_total':
        case 'time_connect':
        case 'time_starttransfer':
          return '0.001000';
      }
      return m;
    });
}

/** curl over the simulated network: -s -S -v -i -I -k -L -f -o -O -w -H -X -d -m --cacert --resolve. */
export const curl: CommandFn = async (c: CmdCtx) => {
  const p = parseArgs(c.argv.slice(1), WITH_VALUE);
  // curl installed by a package manager has the distribution's version.
  const version = c.host.profile.curl ?? (c.host.profile.id === 'alpine' ? '8.11.1' : c.host.profile.userland === 'gnu' ? '7.88.1' : '8.5.0');
  if (has(p, 'V', 'version')) {
    c.io.out(
      `curl ${version} (x86_64-pc-linux-${c.host.profile.userland === 'busybox' ? 'musl' : 'gnu'}) libcurl/${version}\nProtocols: dict file ftp ftps gopher gophers http https imap imaps mqtt pop3 pop3s rtsp smb smbs smtp smtps telnet tftp ws wss\n`,
    );
    return 0;
  }
  const silent = has(p, 's', 'silent');
  const showErr = has(p, 'S', 'show-error') || !silent;
  const fail = (code: number, msg: string, extra = ''): number => {
    if (showErr) c.io.err(`curl: (${code}) ${msg}\n${extra}`);
    return code;
  };
  const urls = [...p.operands, ...(p.values.get('url') ?? [])];
  if (!urls.length) {
    c.io.err(`curl: try 'curl --help' or 'curl --manual' for more information\n`);
    return 2;
  }
  let status = 0;
  for (const raw of urls) {
    let url: URL;
    try {
      url = new URL(/^[a-z]+:\/\//i.test(raw) ? raw : `http://${raw}`);
    } catch {
      status = fail(3, `URL using bad/illegal format or missing URL`);
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      status = fail(1, `Protocol "${url.protocol.replace(':', '')}" not supported or disabled in libcurl`);
      continue;
    }
    const headOnly = has(p, 'I', 'head');
    const data = opt(p, 'd', 'data', 'data-raw', 'data-binary');
    const method = opt(p, 'X', 'request') ?? (headOnly ? 'HEAD' : data !== undefined ? 'POST' : 'GET');
    const headers: [string, string][] = [
      ['Host', url.port ? `${url.hostname}:${url.port}` : url.hostname],
      ['User-Agent', opt(p, 'A', 'user-agent') ?? `curl/${version}`],
      ['Accept', '*/*'],
    ];
    for (const h of [...(p.values.get('H') ?? []), ...(p.values.get('header') ?? [])]) {
      const i = h.indexOf(':');
      if (i > 0) {
        const name = h.slice(0, i).trim();
        const at = headers.findIndex(([k]) => k.toLowerCase() === name.toLowerCase());
        const v: [string, string] = [name, h.slice(i + 1).trim()];
        if (at >= 0) headers[at] = v;
        else headers.push(v);
      }
    }
    const body = Buffer.from(data ?? '');
    if (data !== undefined) {
      headers.push(['Content-Length', String(body.length)]);
      if (!headers.some(([k]) => k.toLowerCase() === 'content-type')) headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
    }
    let ca: string | undefined;
    const caPath = opt(p, 'cacert');
    if (caPath) {
      try {
        ca = c.host.vfs.readText(caPath, c.cwd);
      } catch {
        status = fail(77, `error setting certificate file: ${caPath}`);
        continue;
      }
    }
    const resolve = opt(p, 'resolve')?.split(':');
    let result: FetchResult;
    let target = url;
    for (let hops = 0; ; hops++) {
      result = await simFetch(c.host.net, {
        url: target,
        method,
        headers,
        body,
        from: c.host.ip,
        ca,
        insecure: has(p, 'k', 'insecure'),
        ...(resolve && resolve[0] === target.hostname ? { resolveTo: resolve[2] } : {}),
      });
      const loc = result.ok ? header(result.response.headers, 'location') : undefined;
      if (!has(p, 'L', 'location') || !result.ok || !loc || result.response.status < 300 || result.response.status > 399 || hops > 49) break;
      target = new URL(loc, target);
    }
    const verbose = has(p, 'v', 'verbose');
    if (!result.ok) {
      if (verbose && result.ip) c.io.err(`*   Trying ${result.ip}:${result.port}...\n`);
      if (result.kind === 'resolve') status = fail(6, `Could not resolve host: ${url.hostname}`);
      else if (result.kind === 'refused') status = fail(7, connectError(version, url.hostname, result.port));
      else if (result.kind === 'timeout') {
        const ms = Number(opt(p, 'connect-timeout') ?? opt(p, 'm', 'max-time') ?? 0) * 1000 || 130_000;
        status = fail(28, `Failed to connect to ${url.hostname} port ${result.port} after ${ms} ms: Timeout was reached`);
      } else if (result.kind === 'tls') status = fail(result.exit ?? 35, result.message ?? 'SSL connect error', result.exit === 60 ? SSL_HELP : '');
      else status = fail(result.exit ?? 56, result.message ?? 'Failure when receiving data from the peer');
      continue;
    }
    const res = result.response;
    if (verbose) {
      c.io.err(`*   Trying ${result.ip}:${result.port}...\n* Connected to ${target.hostname} (${result.ip}) port ${result.port}\n`);
      c.io.err(`> ${method} ${target.pathname}${target.search} HTTP/1.1\n${headers.map(([k, v]) => `> ${k}: ${v}\n`).join('')}> \n`);
      c.io.err(`< HTTP/1.1 ${res.status} ${res.reason}\n${res.headers.map(([k, v]) => `< ${k}: ${v}\n`).join('')}< \n`);
    }
    if (has(p, 'f', 'fail') && res.status >= 400) {
      status = fail(22, `The requested URL returned error: ${res.status}`);
      continue;
    }
    const head = `HTTP/1.1 ${res.status} ${res.reason}\r\n${res.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
    const out = Buffer.concat([has(p, 'i', 'include') || headOnly ? Buffer.from(head) : Buffer.alloc(0), res.body]);
    const file = opt(p, 'o', 'output') ?? (has(p, 'O', 'remote-name') ? target.pathname.split('/').pop() || 'index.html' : undefined);
    // curl leaves the meter out when the data goes to a terminal (it would mess up the output).
    const toTerminal = (!file || file === '-') && isTerminal(c.io.out);
    if (!silent && !verbose && !toTerminal) c.io.err(progress(res.body.length));
    if (file && file !== '-') {
      try {
        c.host.vfs.writeFile(file, out, { cwd: c.cwd });
      } catch (e) {
        status = fail(23, `Failure writing output to destination: ${(e as Error).message}`);
        continue;
      }
    } else c.io.out(out);
    if (verbose) c.io.err(`* Connection #0 to host ${target.hostname} left intact\n`);
    const w = opt(p, 'w', 'write-out');
    if (w) c.io.out(writeOut(w, result, target));
  }
  return status;
};
