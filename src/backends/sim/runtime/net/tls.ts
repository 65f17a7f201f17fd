import { Duplex } from 'node:stream';
import * as tls from 'node:tls';
import { X509Certificate } from 'node:crypto';

/** Two connected in-memory streams: what one writes, the other reads. */
export function duplexPair(): [Duplex, Duplex] {
  const make = (peer: () => Duplex) =>
    new Duplex({
      read() {},
      write(chunk, _enc, cb) {
        peer().push(chunk);
        cb();
      },
      final(cb) {
        peer().push(null);
        cb();
      },
    });
  const a: Duplex = make(() => b);
  const b: Duplex = make(() => a);
  return [a, b];
}

/** How curl set up the TLS client side. */
export interface TlsClientOptions {
  /** The name curl verifies (the URL host). */
  host: string;
  /** PEM CA bundle (`--cacert`); undefined = the image's system store (which has no cluster CAs). */
  ca?: string;
  /** `-k`: skip verification. */
  insecure: boolean;
}

/** A TLS failure in curl's words (`exit` is curl's exit code). */
export interface TlsFailure {
  exit: number;
  message: string;
}

function nameMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase();
  if (p.startsWith('*.')) return h.split('.').slice(1).join('.') === p.slice(2) && h.split('.').length === p.split('.').length;
  return p === h;
}

/** curl's own host-name check (OpenSSL backend): SANs if any DNS/IP SAN exists, else the CN. */
export function verifyHost(certPem: string, host: string): TlsFailure | undefined {
  const cert = new X509Certificate(certPem);
  const sans = (cert.subjectAltName ?? '').split(/,\s*/).filter(Boolean);
  const isIp = /^\d+\.\d+\.\d+\.\d+$/.test(host);
  const dns = sans.filter((s) => s.startsWith('DNS:')).map((s) => s.slice(4));
  const ips = sans.filter((s) => s.startsWith('IP Address:')).map((s) => s.slice(11));
  if (dns.length || ips.length) {
    if (isIp ? ips.includes(host) : dns.some((d) => nameMatches(d, host))) return undefined;
    return { exit: 60, message: `SSL: no alternative certificate subject name matches target host name '${host}'` };
  }
  const cn = /(?:^|\n)CN=([^\n]*)/.exec(cert.subject)?.[1];
  if (cn && nameMatches(cn, host)) return undefined;
  return { exit: 60, message: `SSL: certificate subject name '${cn ?? ''}' does not match target host name '${host}'` };
}

const OPENSSL_TEXT: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in certificate chain',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unable to get local issuer certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unable to verify the first certificate',
  CERT_HAS_EXPIRED: 'certificate has expired',
  CERT_NOT_YET_VALID: 'certificate is not yet valid',
};

/**
 * Runs a real TLS handshake between an in-process client and server, then sends `request` and
 * collects the server's reply. `serve` turns request bytes into response bytes, now or later (it
 * is called as request bytes arrive and answers undefined until the request is complete).
 */
export function tlsExchange(
  server: { cert: string; key: string },
  client: TlsClientOptions,
  request: Buffer,
  serve: (req: Buffer) => Buffer | Promise<Buffer> | undefined,
): Promise<{ response: Buffer } | { failure: TlsFailure }> {
  return new Promise((resolve) => {
    const [cs, ss] = duplexPair();
    let done = false;
    const finish = (r: { response: Buffer } | { failure: TlsFailure }) => {
      if (done) return;
      done = true;
      srv.destroy();
      cli.destroy();
      resolve(r);
    };
    let ctx: tls.SecureContext;
    try {
      ctx = tls.createSecureContext({ cert: server.cert, key: server.key });
    } catch {
      resolve({ failure: { exit: 35, message: 'OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection' } });
      return;
    }
    const srv = new tls.TLSSocket(ss, { isServer: true, secureContext: ctx });
    let reqBuf = Buffer.alloc(0);
    srv.on('data', (d: Buffer) => {
      reqBuf = Buffer.concat([reqBuf, d]);
      const res = serve(reqBuf);
      if (res instanceof Promise) {
        // Stop offering the request once it is complete: the answer comes later.
        srv.removeAllListeners('data');
        res.then(
          (b) => srv.end(b),
          () => srv.destroy(),
        );
      } else if (res) srv.end(res);
    });
    srv.on('error', () => undefined);
    const isIp = /^\d+\.\d+\.\d+\.\d+$/.test(client.host);
    const cli = tls.connect({
      socket: cs,
      ...(isIp ? {} : { servername: client.host }),
      ca: client.ca ?? [],
      rejectUnauthorized: false,
      // curl's own host check runs below (verifyHost), with curl's messages.
      checkServerIdentity: () => undefined,
    });
    const chunks: Buffer[] = [];
    cli.on('secureConnect', () => {
      if (!client.insecure) {
        const err = cli.authorizationError as unknown as string | Error | null;
        if (err) {
          const code = typeof err === 'string' ? err : ((err as { code?: string }).code ?? String(err));
          finish({ failure: { exit: 60, message: `SSL certificate problem: ${OPENSSL_TEXT[code] ?? code.toLowerCase().replace(/_/g, ' ')}` } });
          return;
        }
        const peer = cli.getPeerX509Certificate();
        const bad = peer ? verifyHost(peer.toString(), client.host) : undefined;
        if (bad) {
          finish({ failure: bad });
          return;
        }
      }
      cli.write(request);
    });
    cli.on('data', (d: Buffer) => chunks.push(d));
    cli.on('end', () => finish({ response: Buffer.concat(chunks) }));
    cli.on('close', () => finish({ response: Buffer.concat(chunks) }));
    cli.on('error', (e: Error & { code?: string }) => finish({ failure: { exit: 35, message: `OpenSSL SSL_connect: ${e.code ?? e.message}` } }));
  });
}
