import type { IncomingMessage } from 'node:http';
import yaml from 'js-yaml';
import { StatusError, badRequest } from '../status.js';
import { checkYamlValue, MAX_DEPTH, tooDeep } from './decode-limits.js';
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

/**
 * Decodes a body; malformed input gives 400 with the real server's message shape. YAML goes
 * through the alias and depth limits of decode-limits.ts, JSON through the depth limit, so a
 * small body cannot make later stages expand or recurse without bound. `kind` names the type an
 * object body must be, for the real server's "the object provided is unrecognized" message.
 */
export function decodeBody(body: Buffer, format: BodyFormat, what: 'object' | 'patch', kind?: string): unknown {
  if (format === 'protobuf') return decodeK8sProtobuf(body);
  const text = body.toString('utf8');
  if (format === 'yaml') return decodeYaml(body, text, what, kind);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = text.trim() === '' ? 'unexpected end of JSON input' : goJsonError(error as Error);
    throw jsonFailure(detail, what);
  }
  // encoding/json's own limit has this text; the simulator's limit is lower (see MAX_DEPTH).
  if (tooDeep(value)) throw jsonFailure('exceeded max depth', what);
  return value;
}

const jsonFailure = (detail: string, what: 'object' | 'patch') =>
  badRequest(what === 'patch' ? `error decoding patch: ${detail}` : `couldn't get version/kind; json parse error: ${detail}`);

function decodeYaml(body: Buffer, text: string, what: 'object' | 'patch', kind: string | undefined): unknown {
  let value: unknown;
  let problem: string | undefined;
  try {
    // maxDepth is a js-yaml 4.1.1+ option its type definitions do not list yet.
    value = yaml.load(text, { schema: yaml.JSON_SCHEMA, maxDepth: MAX_DEPTH } as yaml.LoadOptions) ?? {};
  } catch (error) {
    const e = error as { mark?: { line: number }; reason?: string; message: string };
    // js-yaml recurses per nesting level, so a deep document can end the stack before its own limit.
    if (error instanceof RangeError || /exceeded maxDepth/.test(e.reason ?? '')) problem = `yaml: exceeded max depth of ${MAX_DEPTH}`;
    else problem = `yaml: ${e.mark ? `line ${e.mark.line + 1}: ` : ''}${e.reason ?? e.message}`;
  }
  if (problem === undefined) {
    const limit = checkYamlValue(value);
    if (limit === 'excessive aliasing') problem = 'yaml: document contains excessive aliasing';
    else if (limit === 'too deep') problem = `yaml: exceeded max depth of ${MAX_DEPTH}`;
    else if (limit === 'self reference') problem = 'yaml: anchor value contains itself';
  }
  if (problem === undefined) return value;
  // Apply patches go through sigs.k8s.io/yaml.Unmarshal; object bodies through the YAML serializer.
  if (what === 'patch') throw badRequest(`error decoding YAML: error converting YAML to JSON: ${problem}`);
  if (kind) throw badRequest(`the object provided is unrecognized (must be of type ${kind}): ${problem} (${summarizeData(body)})`);
  throw badRequest(`error converting YAML to JSON: ${problem}`);
}

/** The apiserver's summary of a body it could not decode: text when it starts with `{`, else hex; 30 bytes at most. */
export function summarizeData(data: Buffer, max = 30): string {
  if (data.length === 0) return '<empty>';
  const head = data.subarray(0, max);
  const shown = data[0] === 0x7b ? head.toString('utf8') : head.toString('hex');
  return data.length > max ? `${shown} ...` : shown;
}

/** Words a JSON.parse failure the way Go's encoding/json does, as closely as its message allows. */
function goJsonError(error: Error): string {
  const m = /Unexpected token '?(.)'?/.exec(error.message) ?? /Unexpected token (.)/.exec(error.message);
  if (m) return `invalid character '${m[1]}' looking for beginning of value`;
  if (/end of (JSON )?input/i.test(error.message)) return 'unexpected end of JSON input';
  return error.message;
}
