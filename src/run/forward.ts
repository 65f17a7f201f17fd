/**
 * The network of a confined lesson: its own network namespace (loopback only), where the lesson's
 * kubectl finds its API server on 127.0.0.1:<port>. A short-lived helper in the sandbox opens
 * that listening socket (a socket belongs to the namespace it was made in, whichever process
 * holds it), hands it to the runner over the supervisor's IPC channel and exits; the channel is
 * closed before the first step. The runner accepts each connection of the lesson on it and
 * connects it to the API server, and to nothing else.
 *
 * Why not a relay process in the sandbox: every byte of every kubectl call then crossed two more
 * processes (a forwarder in the sandbox and a relay in the runner), which cost a confined lesson
 * about 2 ms of CPU per call on top of kubectl's own.
 */
import type { ChildProcess } from 'node:child_process';
import { createConnection, Server, type Socket } from 'node:net';

/**
 * Runs inside the sandbox as `node -e LISTENER <port>` with the runner's IPC channel: listens on
 * 127.0.0.1:<port>, sends the listening socket to the runner and exits once it is sent. On failure
 * it prints why and exits 1.
 */
export const LISTENER = `const server = require('node:net').createServer();
const fail = (e) => { console.log(String(e && e.message || e)); process.exit(1); };
server.on('error', fail);
server.listen(Number(process.argv[1]), '127.0.0.1', () => process.send('listening', server, (e) => (e ? fail(e) : process.exit(0))));`;

/** Where the lesson's API connections go. */
export interface ApiTarget {
  host: string;
  port: number;
}

/** The lesson's API listener, once the runner has it. */
export interface ApiListener {
  close(): Promise<void>;
}

function splice(a: Socket, b: Socket): void {
  a.pipe(b);
  b.pipe(a);
  a.on('error', () => b.destroy());
  b.on('error', () => a.destroy());
  a.on('close', () => b.destroy());
  b.on('close', () => a.destroy());
}

/** Connects each connection `server` accepts to `target`; close() ends the listener and every connection. */
function serveApi(server: Server, target: ApiTarget): ApiListener {
  const sockets = new Set<Socket>();
  server.on('connection', (client: Socket) => {
    const upstream = createConnection(target.port, target.host);
    sockets.add(client).add(upstream);
    client.on('close', () => sockets.delete(client));
    upstream.on('close', () => sockets.delete(upstream));
    splice(client, upstream);
  });
  // A connection the lesson made and dropped before it was accepted is no error of the runner's.
  server.on('error', () => undefined);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        if (!server.listening) return resolve();
        server.close(() => resolve());
      }),
  };
}

/**
 * Takes the listening socket the LISTENER in `child`'s sandbox sends, serves it to `target`, and
 * closes the IPC channel at once: one message is taken and no other. Returns a close() that also
 * works before the socket arrived (a shell stopped early), or when it never does.
 */
export function receiveApiListener(child: ChildProcess, target: ApiTarget): ApiListener {
  let listener: ApiListener | null = null;
  let closed = false;
  const onMessage = (message: unknown, handle: unknown): void => {
    child.off('message', onMessage);
    if (child.connected) child.disconnect();
    if (message !== 'listening' || !(handle instanceof Server)) return;
    if (closed) handle.close();
    else listener = serveApi(handle, target);
  };
  child.on('message', onMessage);
  return {
    close: async () => {
      closed = true;
      child.off('message', onMessage);
      if (child.connected) child.disconnect();
      await listener?.close();
    },
  };
}
