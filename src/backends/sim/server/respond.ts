import type { IncomingMessage, ServerResponse } from 'node:http';
import { StatusError, type KStatus } from '../status.js';
import { servedBody } from './served-time.js';

/**
 * True when the API server indents its JSON for this request: `?pretty=true`, or a client people
 * read the answer of (the User-Agent of curl, Wget or a browser), as the apiserver's
 * `isPrettyPrint` decides. kubectl's requests stay compact.
 */
export function isPrettyPrint(req: Pick<IncomingMessage, 'url' | 'headers'> | undefined): boolean {
  if (!req) return false;
  const pretty = new URL(req.url ?? '/', 'http://x').searchParams.get('pretty');
  if (pretty) return /^(?:1|t|true)$/i.test(pretty);
  return /^(?:curl|Wget|Mozilla\/5\.0)/.test(req.headers['user-agent'] ?? '');
}

/** Sends a JSON body with a status code (indented for people's clients, see {@link isPrettyPrint}). */
export function sendJson(res: ServerResponse, code: number, body: unknown, contentType = 'application/json'): void {
  if (res.headersSent || res.destroyed) return;
  const served = servedBody(res, body);
  const text = contentType.startsWith('application/json') && isPrettyPrint(res.req) ? JSON.stringify(served, null, 2) : JSON.stringify(served);
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
