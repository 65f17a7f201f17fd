import { isKubedoctestError } from '../diag/errors.js';

/** The lesson's `error` for what a stage threw: a KubedoctestError's own code and hint, else `code`. */
export function errorOf(code: string, e: unknown): { code: string; message: string } {
  if (isKubedoctestError(e)) return { code: e.code, message: e.hint ? `${e.message} — ${e.hint}` : e.message };
  return { code, message: e instanceof Error ? e.message : String(e) };
}
