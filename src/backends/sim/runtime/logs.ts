import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KStatus } from '../status.js';

/** One log line with the time it was written. */
export interface LogLine {
  at: Date;
  text: string;
}

/** A container's stdout/stderr as kubelet keeps it: whole lines with timestamps, followers notified. */
export class LogBuffer {
  readonly lines: LogLine[] = [];
  private partial = '';
  private readonly followers = new Set<(l: LogLine) => void>();
  private readonly closers = new Set<() => void>();
  closed = false;

  constructor(private readonly now: () => Date) {}

  /** Appends output; complete lines become visible, a trailing partial line waits for its newline. */
  write(chunk: string | Buffer): void {
    const text = this.partial + chunk.toString();
    const parts = text.split('\n');
    this.partial = parts.pop()!;
    for (const t of parts) this.push(t);
  }

  /** Appends one whole line. */
  line(text: string): void {
    this.push(text);
  }

  private push(text: string): void {
    const l = { at: this.now(), text };
    this.lines.push(l);
    if (this.lines.length > 20_000) this.lines.splice(0, this.lines.length - 20_000);
    for (const f of this.followers) f(l);
  }

  follow(onLine: (l: LogLine) => void, onClose: () => void): () => void {
    this.followers.add(onLine);
    this.closers.add(onClose);
    return () => {
      this.followers.delete(onLine);
      this.closers.delete(onClose);
    };
  }

  /** The container stopped: flush a partial line and end followers. */
  close(): void {
    if (this.partial) this.push(this.partial);
    this.partial = '';
    this.closed = true;
    for (const c of this.closers) c();
    this.followers.clear();
    this.closers.clear();
  }
}

/** RFC 3339 with nanoseconds, as `kubectl logs --timestamps` prints. */
export function rfc3339Nano(d: Date): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

/** Answers with a Kubernetes Status body. */
export function sendStatus(res: ServerResponse, status: KStatus): void {
  res.writeHead(status.code, { 'Content-Type': 'application/json' }).end(JSON.stringify(status));
}

/** A 400 BadRequest Status, as the API server sends for log errors. */
export function badRequestStatus(message: string): KStatus {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'BadRequest', code: 400 };
}

/** Serves GET …/log from a buffer: tailLines, limitBytes, sinceSeconds, timestamps, follow. */
export function serveLog(buf: LogBuffer, query: URLSearchParams, req: IncomingMessage, res: ServerResponse, now: () => Date): void {
  const stamps = query.get('timestamps') === 'true';
  const fmt = (l: LogLine) => (stamps ? `${rfc3339Nano(l.at)} ${l.text}\n` : `${l.text}\n`);
  let lines = buf.lines;
  const since = Number(query.get('sinceSeconds') ?? 0);
  const sinceTime = query.get('sinceTime');
  if (since > 0) lines = lines.filter((l) => l.at.getTime() >= now().getTime() - since * 1000);
  if (sinceTime) lines = lines.filter((l) => l.at.getTime() >= new Date(sinceTime).getTime());
  const tail = query.get('tailLines');
  if (tail !== null && Number(tail) >= 0) lines = lines.slice(Math.max(0, lines.length - Number(tail)));
  let body = lines.map(fmt).join('');
  const limit = Number(query.get('limitBytes') ?? 0);
  if (limit > 0) body = Buffer.from(body).subarray(0, limit).toString();
  res.writeHead(200, { 'Content-Type': 'text/plain', ...(query.get('follow') === 'true' ? { 'Transfer-Encoding': 'chunked' } : {}) });
  if (query.get('follow') !== 'true' || buf.closed) {
    res.end(body);
    return;
  }
  if (body) res.write(body);
  const stop = buf.follow(
    (l) => res.write(fmt(l)),
    () => res.end(),
  );
  const done = () => stop();
  req.on('close', done);
  res.on('close', done);
}
