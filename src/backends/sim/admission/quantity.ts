/** resource.Quantity parsing, enough to check formats and compare requests with limits. */

/** The regular expression the API server names when a quantity does not parse. */
export const QUANTITY_REGEX = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** Why a quantity did not parse, with the server's message. */
export type QuantityError = 'format' | 'suffix';

/** The numeric value of a quantity (`500m` → 0.5, `1Gi` → 1073741824), or why it is not one. */
export function parseQuantity(value: unknown): number | QuantityError {
  if (typeof value === 'number') return value;
  const text = String(value ?? '');
  const m = new RegExp(QUANTITY_REGEX).exec(text);
  if (!m || !/[0-9]/.test(m[1] as string)) return 'format';
  const number = Number(m[1]);
  if (Number.isNaN(number)) return 'format';
  const suffix = m[2] as string;
  if (suffix in BINARY) return number * (BINARY[suffix] as number);
  if (suffix in DECIMAL) return number * (DECIMAL[suffix] as number);
  const exp = /^[eE]([-+]?[0-9]+)$/.exec(suffix);
  if (exp) return number * 10 ** Number(exp[1]);
  return 'suffix';
}

/** The server's message for a quantity that does not parse. */
export function quantityErrorMessage(error: QuantityError): string {
  return error === 'format' ? `quantities must match the regular expression '${QUANTITY_REGEX}'` : "unable to parse quantity's suffix";
}
