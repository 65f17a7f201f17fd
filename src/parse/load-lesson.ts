import { readFile, stat } from 'node:fs/promises';
import { diagnostic } from '../diag/diagnostic.js';
import { KubedoctestError } from '../diag/errors.js';
import type { Lesson } from '../plan/types.js';
import { parseMarkdown, type ParseOptions } from './parse-markdown.js';

/** Documents larger than this are refused with ERR_INPUT_TOO_LARGE. */
export const MAX_DOC_BYTES = 10 * 1024 * 1024;

/** How many leading bytes are checked for NUL bytes (binary files). */
const BINARY_SNIFF_BYTES = 8192;

/** Options for {@link loadLesson}: those of parseMarkdown except the path, plus a size limit. */
export type LoadOptions = Omit<ParseOptions, 'path'> & { maxBytes?: number };

/**
 * Reads and parses a tutorial. Throws KubedoctestError ERR_FILE_READ when the file cannot be
 * read or is binary, ERR_INPUT_TOO_LARGE above the size limit (10 MB by default). Bytes that
 * are not UTF-8 are replaced and reported as an `invalid-encoding` finding at their place.
 */
export async function loadLesson(path: string, options: LoadOptions = {}): Promise<Lesson> {
  const maxBytes = options.maxBytes ?? MAX_DOC_BYTES;
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new KubedoctestError('ERR_FILE_READ', `${path} is a directory, not a Markdown file`);
    if (info.size > maxBytes) {
      throw new KubedoctestError('ERR_INPUT_TOO_LARGE', `${path} is ${info.size} bytes; the limit is ${maxBytes}`, {
        hint: 'split the document or check that this is the right file',
      });
    }
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof KubedoctestError) throw error;
    throw new KubedoctestError('ERR_FILE_READ', `cannot read ${path}: ${(error as Error).message}`, {
      hint: 'check the path and its permissions',
      cause: error,
    });
  }
  if (bytes.length > maxBytes) throw new KubedoctestError('ERR_INPUT_TOO_LARGE', `${path} is larger than ${maxBytes} bytes`);
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    throw new KubedoctestError('ERR_FILE_READ', `${path} looks like a binary file (it contains NUL bytes), not Markdown`, {
      hint: 'pass Markdown files only',
    });
  }
  const { text, badOffset } = decodeUtf8(bytes);
  const lesson = parseMarkdown(text, { ...options, path });
  if (badOffset !== undefined) {
    const before = text.slice(0, badOffset);
    const line = before.split(/\r\n|\r|\n/).length;
    const column = badOffset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
    lesson.findings.unshift(
      diagnostic('invalid-encoding', 'warning', { line, column }, 'The document is not valid UTF-8; undecodable bytes were replaced with U+FFFD.'),
    );
  }
  return lesson;
}

/** Decodes UTF-8, replacing bad bytes; reports the text offset of the first replacement. */
function decodeUtf8(bytes: Buffer): { text: string; badOffset?: number } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    // Find the first invalid byte by decoding growing prefixes would be quadratic; instead
    // locate the first U+FFFD that is not written as such in the bytes.
    let offset = text.indexOf('\uFFFD');
    while (offset !== -1) {
      const prefixBytes = Buffer.byteLength(text.slice(0, offset), 'utf8');
      const real = bytes.subarray(prefixBytes, prefixBytes + 3);
      if (!(real[0] === 0xef && real[1] === 0xbf && real[2] === 0xbd)) break;
      offset = text.indexOf('\uFFFD', offset + 1);
    }
    return offset === -1 ? { text } : { text, badOffset: offset };
  }
}
