import { canonicalJson } from './util.js';

/** The alphabet of k8s.io/apimachinery/pkg/util/rand (no vowels, no confusable characters). */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** 32-bit FNV-1a over bytes. */
export function fnv32a(bytes: Uint8Array, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** rand.SafeEncodeString: maps every byte of `s` onto SAFE_ALPHABET. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/**
 * The pod-template-hash of a pod template, computed like controller.ComputeHash: FNV-32a over the
 * template, then the collision count as 4 little-endian bytes when set, then the decimal sum
 * safe-encoded. The template is serialised as canonical JSON (the real controller hashes a Go
 * struct dump), so values have the real shape (`5b56ccd65f`) but differ from a real cluster's.
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  const bytes = new TextEncoder().encode(canonicalJson(template));
  let h = fnv32a(bytes);
  if (collisionCount !== undefined && collisionCount !== null) {
    const cc = new Uint8Array(4);
    new DataView(cc.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(cc, h);
  }
  return safeEncodeString(String(h));
}
