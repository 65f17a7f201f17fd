import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import * as tls from 'node:tls';
import { WebSocketServer, type WebSocket } from 'ws';
import { notSupported } from '../../status.js';
import type { Service } from '../net/types.js';
import { parseRequest, serializeResponse } from '../net/http.js';
import { FLAG_FIN, FrameReader, HeaderCodec, PING, RST_STREAM, SYN_REPLY, SYN_STREAM, controlFrame, dataFrame } from './spdy.js';
import { refuseUpgrade } from './ws.js';
import { duplexPair } from '../net/tls.js';

/** The WebSocket subprotocol kubectl ≥ 1.31 uses: SPDY/3.1 tunnelled in binary messages. */
export const PORTFORWARD_PROTOCOL = 'SPDY/3.1+portforward.k8s.io';

/** `SPDY/3.1+…` is not an RFC 6455 token, so `ws` would refuse it: it is swapped for this one while parsing. */
const TOKEN = 'spdy-portforward';
const wss = new WebSocketServer({ noServer: true, handleProtocols: (p) => (p.has(TOKEN) ? PORTFORWARD_PROTOCOL : false) });

interface Pair {
  error?: number;
  data?: number;
  port: number;
  buf: Buffer;
  done: boolean;
  /** For TLS ports: the network side of an in-memory pair whose other side a TLS server reads. */
  wire?: Duplex;
}

/**
 * Serves `kubectl port-forward` for one pod: each forwarded connection opens an error and a data
 * stream; bytes on the data stream are HTTP requests answered by the container's listener.
 */
export function servePortForward(
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  podName: string,
  listeners: () => Map<number, Service> | undefined,
  remote: string,
): void {
  const offered = String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((s) => s.trim());
  if (String(req.headers['upgrade'] ?? '').toLowerCase() !== 'websocket' || !offered.includes(PORTFORWARD_PROTOCOL)) {
    refuseUpgrade(socket, notSupported('pods/portforward over SPDY (use kubectl ≥ 1.31, which tunnels it in a WebSocket)').status);
    return;
  }
  req.headers['sec-websocket-protocol'] = TOKEN;
  wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
    const reader = new FrameReader();
    const codec = new HeaderCodec();
    const pairs = new Map<string, Pair>();
    const byStream = new Map<number, string>();
    let chain: Promise<unknown> = Promise.resolve();
    const send = (b: Buffer) => {
      if (ws.readyState === ws.OPEN) ws.send(b);
    };
    const finish = (p: Pair, error?: string) => {
      if (p.done) return;
      p.done = true;
      if (p.data !== undefined) send(dataFrame(p.data, FLAG_FIN, Buffer.alloc(0)));
      if (p.error !== undefined) send(dataFrame(p.error, FLAG_FIN, Buffer.from(error ?? '')));
    };
    /** TLS ports: records go through a real TLS server; its plaintext is served as HTTP. */
    const tlsWire = (p: Pair, svc: Service & { tls: { cert: string; key: string } }): Duplex => {
      const [wire, inner] = duplexPair();
      const server = new tls.TLSSocket(inner, { isServer: true, secureContext: tls.createSecureContext(svc.tls) });
      let plain = Buffer.alloc(0);
      server.on('data', (d: Buffer) => {
        plain = Buffer.concat([plain, d]);
        for (let r = parseRequest(plain, remote); r; r = parseRequest(plain, remote)) {
          plain = plain.subarray(serializedLength(plain));
          server.write(serializeResponse(svc.handle(r, true)));
        }
      });
      server.on('error', () => finish(p));
      wire.on('data', (d: Buffer) => p.data !== undefined && !p.done && send(dataFrame(p.data, 0, d)));
      return wire;
    };
    const serve = (p: Pair) => {
      const svc = listeners()?.get(p.port);
      if (svc?.tls) {
        p.wire ??= tlsWire(p, svc as Service & { tls: { cert: string; key: string } });
        p.wire.write(p.buf);
        p.buf = Buffer.alloc(0);
        return;
      }
      for (;;) {
        const request = parseRequest(p.buf, remote);
        if (!request) return;
        const consumed = serializedLength(p.buf);
        p.buf = p.buf.subarray(consumed);
        if (!svc) {
          finish(p, `error forwarding port ${p.port} to pod ${podName}: failed to connect to localhost:${p.port} inside namespace: connection refused`);
          return;
        }
        if (p.data !== undefined) send(dataFrame(p.data, 0, serializeResponse(svc.handle(request, false))));
      }
    };
    const onFrame = async (f: ReturnType<FrameReader['push']>[number]) => {
      if (f.control) {
        if (f.type === SYN_STREAM) {
          const id = f.data.readUInt32BE(0) & 0x7fffffff;
          const h = await codec.decode(f.data.subarray(10));
          const key = h['requestid'] ?? '0';
          const p = pairs.get(key) ?? { port: Number(h['port'] ?? 0), buf: Buffer.alloc(0), done: false };
          pairs.set(key, p);
          byStream.set(id, key);
          if (h['streamtype'] === 'error') p.error = id;
          else p.data = id;
          const block = await codec.encode({});
          const body = Buffer.alloc(4);
          body.writeUInt32BE(id);
          send(controlFrame(SYN_REPLY, 0, Buffer.concat([body, block])));
        } else if (f.type === PING) send(controlFrame(PING, 0, f.data));
        else if (f.type === RST_STREAM) {
          const key = byStream.get(f.data.readUInt32BE(0) & 0x7fffffff);
          const p = key === undefined ? undefined : pairs.get(key);
          if (p) p.done = true;
        }
        return;
      }
      const key = byStream.get(f.stream);
      const p = key === undefined ? undefined : pairs.get(key);
      if (!p || f.stream !== p.data) return;
      if (f.data.length) {
        p.buf = Buffer.concat([p.buf, f.data]);
        serve(p);
      }
      if (f.flags & FLAG_FIN) finish(p);
    };
    ws.on('message', (d: Buffer) => {
      for (const f of reader.push(Buffer.isBuffer(d) ? d : Buffer.from(d as ArrayBuffer))) chain = chain.then(() => onFrame(f)).catch(() => undefined);
    });
  });
}

/** Bytes taken by the first complete request in `buf` (headers + Content-Length body). */
function serializedLength(buf: Buffer): number {
  const end = buf.indexOf('\r\n\r\n');
  const head = buf.subarray(0, end).toString('latin1');
  const len = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
  return end + 4 + len;
}
