import type { IncomingMessage } from 'node:http';
import yaml from 'js-yaml';
import { StatusError, badRequest } from '../status.js';
import { decodeK8sProtobuf } from './protobuf.js';

/** The real server's request body limit (3 MiB). */
export const BODY_LIMIT = 3 * 1024 * 1024;

/** 413 as the real server says it. */
export function tooLarge(): StatusError {
  return new StatusError({ message: `Request entity too large: limit is ${BODY_LIMIT}`, reason: 'RequestEntityTooLarge', code: 413 });
}

/** Reads a request body, rejecting with 413 past BODY_LIMIT. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > BODY_LIMIT) {
      req.resume();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > BODY_LIMIT) {
        failed = true;
        reject(tooLarge());
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/** Media types the simulator decodes. */
export type BodyFormat = 'json' | 'yaml' | 'protobuf';

/** The body format for a Content-Type (415 for anything else). */
export function bodyFormat(contentType: string | undefined, accepted: readonly string[]): BodyFormat {
  const media = (contentType ?? 'application/json').split(';')[0]!.trim().toLowerCase();
  if (!accepted.includes(media))
    throw new StatusError({
      message: `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
      reason: 'UnsupportedMediaType',
      code: 415,
    });
  if (media === 'application/vnd.kubernetes.protobuf') return 'protobuf';
  if (media.endsWith('yaml')) return 'yaml';
  return 'json';
}

/** Media types for create and update. */
export const OBJECT_MEDIA = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'] as const;
/** Media types for patch, by patch type. */
export const PATCH_MEDIA: Record<string, 'json' | 'merge' | 'strategic' | 'apply'> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
  'application/apply-patch+cbor': 'apply',
};

/** Decodes a body; malformed input gives 400 with the real server's message shape. */
export function decodeBody(body: Buffer, format: BodyFormat, what: 'object' | 'patch'): unknown {
  if (format === 'protobuf') return decodeK8sProtobuf(body);
  const text = body.toString('utf8');
  if (format === 'yaml') {
    try {
      return yaml.load(text, { schema: yaml.JSON_SCHEMA }) ?? {};
    } catch (error) {
      const e = error as { mark?: { line: number }; reason?: string; message: string };
      const where = e.mark ? `line ${e.mark.line + 1}: ` : '';
      throw badRequest(`error converting YAML to JSON: yaml: ${where}${e.reason ?? e.message}`);
    }
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = text.trim() === '' ? 'unexpected end of JSON input' : goJsonError(error as Error);
    throw badRequest(what === 'patch' ? `error decoding patch: ${detail}` : `couldn't get version/kind; json parse error: ${detail}`);
  }
}

/** Words a JSON.parse failure the way Go's encoding/json does, as closely as its message allows. */
function goJsonError(error: Error): string {
  const m = /Unexpected token '?(.)'?/.exec(error.message) ?? /Unexpected token (.)/.exec(error.message);
  if (m) return `invalid character '${m[1]}' looking for beginning of value`;
  if (/end of (JSON )?input/i.test(error.message)) return 'unexpected end of JSON input';
  return error.message;
}
