import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { KStatus } from '../../status.js';
import { Input, terminalSink, type Io, type Sink } from '../shell/types.js';
import type { ExecOutcome } from './run.js';

/** Subprotocols accepted for exec/attach, newest first. */
export const PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];

/** What an exec session runs once its stdin (if any) is known. */
export interface ExecRequest {
  stdin: boolean;
  tty: boolean;
  /** Runs the command; `io.stdin` holds everything the client sent before EOF. */
  run(io: Io, signal: AbortSignal): Promise<ExecOutcome>;
  /** Interactive (tty) shells get input line by line. */
  interactive?: (line: string, io: Io) => Promise<boolean>;
  prompt?: () => string;
}

/**
 * How long (real ms) output waits after the client has answered a ping. kubectl 1.32 starts reading
 * the socket before it has made its streams and drops a frame for a stream it has not made yet
 * ("Unknown stream id 1, discarding message", then empty stdout or "error: closed all streams"; client-go
 * waits for its streams only from kubernetes/kubernetes#131203). On a real cluster the first output comes
 * after the API server has reached the kubelet and the runtime has started the process, well after the
 * upgrade; the simulator would answer at once, and lose the output when the machine is busy.
 */
export const EXEC_SETTLE_MS = 20;

const wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => PROTOCOLS.find((p) => protocols.has(p)) ?? false });

/** Refuses an upgrade with a Status (kubectl then tries SPDY and prints `Error from server (…)`). */
export function refuseUpgrade(socket: Duplex, status: KStatus): void {
  const body = JSON.stringify(status);
  socket.end(
    `HTTP/1.1 ${status.code} ${status.reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** The channel-3 status kubectl turns into its exit code. */
export function exitStatus(outcome: ExecOutcome, argv: string[]): object {
  if ('error' in outcome)
    return { metadata: {}, status: 'Failure', message: outcome.error, reason: 'InternalError', details: { causes: [{ message: outcome.error }] }, code: 500 };
  if (outcome.code === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${argv.join(' ')}], exit code ${outcome.code}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(outcome.code) }] },
  };
}

/**
 * Holds what is sent until the client can take it: after a ping's answer (the client's reader is
 * running, and the goroutine that makes its streams with it) and `settleMs`, or at once when the client
 * sends a frame (it writes only through streams it has made) or closes.
 */
function outbox(ws: WebSocket, settleMs: number): { deliver(fn: () => void): void; clientSpoke(): void } {
  let queue: Array<() => void> | undefined = [];
  const open = () => {
    const q = queue;
    queue = undefined;
    for (const fn of q ?? []) fn();
  };
  ws.once('pong', () => setTimeout(open, settleMs));
  ws.once('close', open);
  ws.ping();
  return { deliver: (fn) => (queue ? queue.push(fn) : fn()), clientSpoke: open };
}

/**
 * Accepts a channel.k8s.io WebSocket and runs the request over it; output waits until the client can
 * take it (see {@link EXEC_SETTLE_MS}, which `settleMs` overrides).
 */
export function serveExec(req: IncomingMessage, socket: Duplex, head: Buffer, argv: string[], er: ExecRequest, settleMs = EXEC_SETTLE_MS): void {
  const offered = String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((s) => s.trim());
  if (String(req.headers['upgrade'] ?? '').toLowerCase() !== 'websocket' || !PROTOCOLS.some((p) => offered.includes(p))) {
    refuseUpgrade(socket, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'exec over SPDY is not supported by the simulator; use a WebSocket client (kubectl ≥ 1.30) or --backend kind',
      reason: 'BadRequest',
      code: 400,
    });
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
    const abort = new AbortController();
    const box = outbox(ws, settleMs);
    const send = (ch: number, data: string | Buffer) => {
      const payload = Buffer.from(typeof data === 'string' && er.tty ? data.replace(/\r?\n/g, '\r\n') : data);
      box.deliver(() => ws.readyState === ws.OPEN && ws.send(Buffer.concat([Buffer.from([ch]), payload])));
    };
    const out: Sink = (d) => send(1, d);
    const io: Io = { stdin: new Input(), out: er.tty ? terminalSink(out) : out, err: (d) => send(er.tty ? 1 : 2, d) };
    const chunks: Buffer[] = [];
    let started = false;
    let finished = false;
    const finish = (outcome: ExecOutcome) => {
      if (finished) return;
      finished = true;
      box.deliver(() => {
        if (ws.readyState !== ws.OPEN) return;
        ws.send(Buffer.concat([Buffer.from([3]), Buffer.from(JSON.stringify(exitStatus(outcome, argv)))]));
        // With a terminal, kubectl still copies the terminal's input and size to the stream when the
        // status arrives: it ends the connection itself, and a server that closes first makes it
        // log "websocket: close sent". The server closes only if the client has not.
        if (er.tty) setTimeout(() => ws.readyState === ws.OPEN && ws.close(1000), 200).unref();
        else ws.close(1000);
      });
    };
    const start = () => {
      if (started) return;
      started = true;
      io.stdin = new Input(Buffer.concat(chunks));
      er.run(io, abort.signal).then(finish, (e: unknown) => finish({ error: `Internal error occurred: ${e instanceof Error ? e.message : String(e)}` }));
    };
    let line = '';
    let lineQueue = Promise.resolve(true);
    ws.on('message', (data: Buffer) => {
      const buf = Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
      if (!buf.length) return;
      box.clientSpoke();
      const ch = buf[0]!;
      const payload = buf.subarray(1);
      if (ch === 0) {
        if (er.tty && er.interactive) {
          // The shell's line editor echoes what it reads, one line at a time.
          for (const c of payload.toString()) {
            if (c === '\r' || c === '\n') {
              const l = line;
              line = '';
              lineQueue = lineQueue.then(async (go) => {
                if (!go) return false;
                send(1, l + '\n');
                const more = await er.interactive!(l, io);
                if (!more) finish({ code: 0 });
                else send(1, er.prompt?.() ?? '');
                return more;
              });
            } else if (c === '\x04' && !line) finish({ code: 0 });
            else line += c;
          }
          return;
        }
        chunks.push(payload);
      } else if (ch === 255 && payload[0] === 0) {
        if (er.tty && er.interactive) {
          void lineQueue.then(() => finish({ code: 0 }));
          return;
        }
        start();
      }
    });
    ws.on('close', () => {
      abort.abort();
      if (!started && !(er.tty && er.interactive)) start();
    });
    ws.on('error', () => abort.abort());
    if (er.tty && er.interactive) {
      send(1, er.prompt?.() ?? '');
      return;
    }
    // With a terminal, input is typed as the program runs and never "closes": the program starts at
    // once, as a container's does (a command that is not a shell reads no more than is typed).
    if (!er.stdin || er.tty || ws.protocol === 'v4.channel.k8s.io') start();
  });
}
