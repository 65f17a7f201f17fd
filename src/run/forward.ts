/**
 * The network of a confined lesson: its own network namespace (loopback only), where a tiny
 * forwarder listens on 127.0.0.1:<port> and relays each connection to a unix socket bound into
 * the sandbox; outside, the runner relays that socket to the API server, and to nothing else.
 */
import { chmodSync, chownSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** Runs inside the sandbox as `node -e FORWARDER <socket> <port>`; prints `listening` once ready. */
export const FORWARDER = `const net = require('node:net');
const [sock, port] = process.argv.slice(1);
const server = net.createServer((c) => {
  const u = net.connect(sock);
  c.pipe(u); u.pipe(c);
  c.on('error', () => u.destroy()); u.on('error', () => c.destroy());
  c.on('close', () => u.destroy()); u.on('close', () => c.destroy());
});
server.on('error', (e) => { console.log(String(e.message)); process.exit(1); });
server.listen(Number(port), '127.0.0.1', () => console.log('listening'));`;

function splice(a: Socket, b: Socket): void {
  a.pipe(b);
  b.pipe(a);
  a.on('error', () => b.destroy());
  b.on('error', () => a.destroy());
  a.on('close', () => b.destroy());
  b.on('close', () => a.destroy());
}

/** A relay from a unix socket to one TCP address. */
export interface Relay {
  path: string;
  close(): Promise<void>;
}

/** Listens on `path` (mode 0600, owned by `owner` when given) and connects each client to host:port. */
export async function startRelay(path: string, target: { host: string; port: number }, owner?: { uid: number; gid: number }): Promise<Relay> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = createConnection(target.port, target.host);
    sockets.add(client).add(upstream);
    client.on('close', () => sockets.delete(client));
    upstream.on('close', () => sockets.delete(upstream));
    splice(client, upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  if (owner) chownSync(path, owner.uid, owner.gid);
  return {
    path,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
