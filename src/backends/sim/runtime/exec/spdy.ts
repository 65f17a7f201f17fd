import * as zlib from 'node:zlib';

const WORDS = [
  'options',
  'head',
  'post',
  'put',
  'delete',
  'trace',
  'accept',
  'accept-charset',
  'accept-encoding',
  'accept-language',
  'accept-ranges',
  'age',
  'allow',
  'authorization',
  'cache-control',
  'connection',
  'content-base',
  'content-encoding',
  'content-language',
  'content-length',
  'content-location',
  'content-md5',
  'content-range',
  'content-type',
  'date',
  'etag',
  'expect',
  'expires',
  'from',
  'host',
  'if-match',
  'if-modified-since',
  'if-none-match',
  'if-range',
  'if-unmodified-since',
  'last-modified',
  'location',
  'max-forwards',
  'pragma',
  'proxy-authenticate',
  'proxy-authorization',
  'range',
  'referer',
  'retry-after',
  'server',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'vary',
  'via',
  'warning',
  'www-authenticate',
  'method',
  'get',
  'status',
  '200 OK',
  'version',
  'HTTP/1.1',
  'url',
  'public',
  'set-cookie',
  'keep-alive',
  'origin',
];
const TAIL =
  '100101201202205206300302303304305306307402405406407408409410411412413414415416417502504505' +
  '203 Non-Authoritative Information204 No Content301 Moved Permanently400 Bad Request401 Unauthorized' +
  '403 Forbidden404 Not Found500 Internal Server Error501 Not Implemented503 Service Unavailable' +
  'Jan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec 00:00:00 Mon, Tue, Wed, Thu, Fri, Sat, Sun, GMT' +
  'chunked,text/html,image/png,image/jpg,image/gif,application/xml,application/xhtml+xml,text/plain,' +
  'text/javascript,publicprivatemax-age=gzip,deflate,sdchcharset=utf-8charset=iso-8859-1,utf-,*,enq=0.';

/** The SPDY/3 header compression dictionary (length-prefixed words, then a text tail). */
export const SPDY3_DICTIONARY = Buffer.concat([
  ...WORDS.map((w) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(w.length);
    return Buffer.concat([len, Buffer.from(w, 'latin1')]);
  }),
  Buffer.from(TAIL, 'latin1'),
]);

export const FLAG_FIN = 0x01;
export const SYN_STREAM = 1;
export const SYN_REPLY = 2;
export const RST_STREAM = 3;
export const PING = 6;

/** One SPDY/3 frame. */
export type Frame = { control: true; type: number; flags: number; data: Buffer } | { control: false; stream: number; flags: number; data: Buffer };

/** Splits a byte stream into frames; keeps a partial frame for the next call. */
export class FrameReader {
  private buf = Buffer.alloc(0);
  push(chunk: Buffer): Frame[] {
    this.buf = Buffer.concat([this.buf, chunk]);
    const out: Frame[] = [];
    while (this.buf.length >= 8) {
      const len = this.buf.readUInt32BE(4) & 0xffffff;
      if (this.buf.length < 8 + len) break;
      const flags = this.buf[4]!;
      const data = this.buf.subarray(8, 8 + len);
      if (this.buf[0]! & 0x80) out.push({ control: true, type: this.buf.readUInt16BE(2), flags, data });
      else out.push({ control: false, stream: this.buf.readUInt32BE(0) & 0x7fffffff, flags, data });
      this.buf = this.buf.subarray(8 + len);
    }
    return out;
  }
}

export function controlFrame(type: number, flags: number, data: Buffer): Buffer {
  const h = Buffer.alloc(8);
  h.writeUInt16BE(0x8003, 0);
  h.writeUInt16BE(type, 2);
  h.writeUInt32BE(((flags & 0xff) << 24) | data.length, 4);
  return Buffer.concat([h, data]);
}

export function dataFrame(stream: number, flags: number, data: Buffer): Buffer {
  const h = Buffer.alloc(8);
  h.writeUInt32BE(stream & 0x7fffffff, 0);
  h.writeUInt32BE(((flags & 0xff) << 24) | data.length, 4);
  return Buffer.concat([h, data]);
}

/** A persistent zlib stream (one per direction, as SPDY requires), flushed per header block. */
class ZStream {
  private readonly z: zlib.Inflate | zlib.Deflate;
  private chunks: Buffer[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  constructor(inflate: boolean) {
    this.z = inflate ? zlib.createInflate({ dictionary: SPDY3_DICTIONARY }) : zlib.createDeflate({ dictionary: SPDY3_DICTIONARY });
    this.z.on('data', (d: Buffer) => this.chunks.push(d));
    this.z.on('error', () => undefined);
  }
  run(input: Buffer): Promise<Buffer> {
    const next = this.queue.then(
      () =>
        new Promise<Buffer>((resolve) => {
          this.z.write(input);
          this.z.flush(zlib.constants.Z_SYNC_FLUSH, () => {
            const out = Buffer.concat(this.chunks);
            this.chunks = [];
            resolve(out);
          });
        }),
    );
    this.queue = next;
    return next;
  }
}

/** Header block codec for one SPDY session. */
export class HeaderCodec {
  private readonly inflater = new ZStream(true);
  private readonly deflater = new ZStream(false);

  async decode(block: Buffer): Promise<Record<string, string>> {
    const raw = await this.inflater.run(block);
    const out: Record<string, string> = {};
    let i = 4;
    const n = raw.length >= 4 ? raw.readUInt32BE(0) : 0;
    for (let k = 0; k < n && i + 4 <= raw.length; k++) {
      const kl = raw.readUInt32BE(i);
      const key = raw
        .subarray(i + 4, i + 4 + kl)
        .toString('latin1')
        .toLowerCase();
      i += 4 + kl;
      const vl = raw.readUInt32BE(i);
      out[key] = raw.subarray(i + 4, i + 4 + vl).toString('latin1');
      i += 4 + vl;
    }
    return out;
  }

  encode(headers: Record<string, string>): Promise<Buffer> {
    const parts: Buffer[] = [];
    const n = Buffer.alloc(4);
    n.writeUInt32BE(Object.keys(headers).length);
    parts.push(n);
    for (const [k, v] of Object.entries(headers)) {
      for (const s of [k, v]) {
        const l = Buffer.alloc(4);
        l.writeUInt32BE(Buffer.byteLength(s));
        parts.push(l, Buffer.from(s, 'latin1'));
      }
    }
    return this.deflater.run(Buffer.concat(parts));
  }
}
