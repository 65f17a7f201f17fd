import type { HttpRequest, HttpResponse } from './types.js';

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** The reason phrase nginx and Go servers send for a status. */
export function reason(status: number): string {
  return REASONS[status] ?? '';
}

/** RFC 7231 date: `Thu, 26 Nov 2026 23:20:20 GMT`. */
export function httpDate(d: Date): string {
  return d.toUTCString();
}

/** A header's value (case-insensitive name). */
export function header(headers: [string, string][], name: string): string | undefined {
  return headers.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
}

/** An HTTP/1.1 request as bytes. */
export function serializeRequest(r: Omit<HttpRequest, 'remote'>): Buffer {
  const head = `${r.method} ${r.path} ${r.version}\r\n${r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  return Buffer.concat([Buffer.from(head), r.body]);
}

/** Parses a complete request (headers + Content-Length body); undefined while incomplete. */
export function parseRequest(buf: Buffer, remote: string): HttpRequest | undefined {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [line, ...rest] = buf.subarray(0, end).toString('latin1').split('\r\n');
  const [method = 'GET', path = '/', version = 'HTTP/1.1'] = line!.split(' ');
  const headers = rest.map((h) => {
    const i = h.indexOf(':');
    return [h.slice(0, i).trim(), h.slice(i + 1).trim()] as [string, string];
  });
  const len = Number(header(headers, 'content-length') ?? 0);
  if (buf.length < end + 4 + len) return undefined;
  return { method, path, version, headers, body: buf.subarray(end + 4, end + 4 + len), remote };
}

/** An HTTP/1.1 response as bytes. */
export function serializeResponse(r: HttpResponse): Buffer {
  const head = `HTTP/1.1 ${r.status} ${r.reason}\r\n${r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), r.body]);
}

/** Parses a whole response (the server closes after one). */
export function parseResponse(buf: Buffer, head = false): HttpResponse | undefined {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [line, ...rest] = buf.subarray(0, end).toString('latin1').split('\r\n');
  const m = /^HTTP\/\d\.\d (\d+) ?(.*)$/.exec(line!);
  if (!m) return undefined;
  const headers = rest.map((h) => {
    const i = h.indexOf(':');
    return [h.slice(0, i).trim(), h.slice(i + 1).trim()] as [string, string];
  });
  return { status: Number(m[1]), reason: m[2]!, headers, body: head ? Buffer.alloc(0) : buf.subarray(end + 4) };
}
