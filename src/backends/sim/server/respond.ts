import type { ServerResponse } from 'node:http';
import { StatusError, type KStatus } from '../status.js';
import { presentTimes } from './present-time.js';

/** How far the cluster's clock has run ahead of real time, per response (see present-time.ts). */
const aheadOf = new WeakMap<ServerResponse, () => number>();

/** Timestamps sent on `res` are moved back by what `ahead` says when they are written. */
export function presentTimesAhead(res: ServerResponse, ahead: () => number): void {
  aheadOf.set(res, ahead);
}

/** A body as JSON text for `res`, its timestamps as the client sees the cluster's time. */
export function jsonFor(res: ServerResponse, body: unknown): string {
  return presentTimes(JSON.stringify(body), aheadOf.get(res)?.() ?? 0);
}

/** Sends a JSON body with a status code. */
export function sendJson(res: ServerResponse, code: number, body: unknown, contentType = 'application/json'): void {
  if (res.headersSent || res.destroyed) return;
  const text = jsonFor(res, body);
  res.writeHead(code, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-cache, private' });
  res.end(text);
}

/** Sends a metav1.Status for an error; unknown errors become 500 InternalError. */
export function sendError(res: ServerResponse, error: unknown): void {
  sendJson(res, statusOf(error).code, statusOf(error));
}

/** The metav1.Status for any thrown value. */
export function statusOf(error: unknown): KStatus {
  if (error instanceof StatusError) return error.status;
  const message = error instanceof Error ? error.message : String(error);
  return new StatusError({ message: `Internal error occurred: ${message}`, reason: 'InternalError', code: 500 }).status;
}

/** A 404 as the real server sends it for a path it does not serve. */
export function pathNotFound(): StatusError {
  return new StatusError({ message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 });
}

/** Sends plain text. */
export function sendText(res: ServerResponse, code: number, text: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
