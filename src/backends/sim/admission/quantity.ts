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

const NANO_FACTORS: Record<string, bigint> = {
  n: 1n,
  u: 10n ** 3n,
  m: 10n ** 6n,
  '': 10n ** 9n,
  k: 10n ** 12n,
  M: 10n ** 15n,
  G: 10n ** 18n,
  T: 10n ** 21n,
  P: 10n ** 24n,
  E: 10n ** 27n,
  Ki: 1024n * 10n ** 9n,
  Mi: 1024n ** 2n * 10n ** 9n,
  Gi: 1024n ** 3n * 10n ** 9n,
  Ti: 1024n ** 4n * 10n ** 9n,
  Pi: 1024n ** 5n * 10n ** 9n,
  Ei: 1024n ** 6n * 10n ** 9n,
};
const DECIMAL_SUFFIXES: [number, string][] = [
  [18, 'E'],
  [15, 'P'],
  [12, 'T'],
  [9, 'G'],
  [6, 'M'],
  [3, 'k'],
  [0, ''],
  [-3, 'm'],
  [-6, 'u'],
  [-9, 'n'],
];
const BINARY_SUFFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/** Quantity.String(): the canonical form (`1.5Gi` → `1536Mi`, `0.5` → `500m`, `1000` → `1k`). */
export function canonicalQuantity(value: unknown): string {
  const text = String(value ?? '');
  const m = new RegExp(QUANTITY_REGEX).exec(text);
  if (!m) return text;
  const [num = '', suffix = ''] = [m[1], m[2]];
  const negative = num.startsWith('-');
  const [int = '0', frac = ''] = num.replace(/^[+-]/, '').split('.');
  let factor = NANO_FACTORS[suffix];
  const exp = /^[eE]([-+]?\d+)$/.exec(suffix);
  if (factor === undefined && exp) {
    const e = Number(exp[1]) + 9;
    if (e < 0) return text;
    factor = 10n ** BigInt(e);
  }
  if (factor === undefined) return text;
  const scaled = BigInt(`${int}${frac}` || '0') * factor;
  const divisor = 10n ** BigInt(frac.length);
  if (scaled % divisor !== 0n) return text;
  const nano = scaled / divisor;
  const sign = negative && nano !== 0n ? '-' : '';
  const nanoPerUnit = 10n ** 9n;
  if (suffix in BINARY && nano % nanoPerUnit === 0n && nano >= 1024n * nanoPerUnit) {
    const whole = nano / nanoPerUnit;
    for (let k = BINARY_SUFFIXES.length - 1; k >= 0; k--) {
      const unit = 1024n ** BigInt(k);
      if (whole % unit === 0n) return `${sign}${whole / unit}${BINARY_SUFFIXES[k]}`;
    }
  }
  if (nano === 0n) return '0';
  for (const [e, s] of DECIMAL_SUFFIXES) {
    const unit = 10n ** BigInt(e + 9);
    if (nano % unit === 0n) return `${sign}${nano / unit}${s}`;
  }
  return text;
}

/** A quantity in nano-units, exactly (`1Gi` → 1073741824 × 10⁹), or undefined when it does not parse. */
function quantityNanos(value: unknown): bigint | undefined {
  const m = new RegExp(QUANTITY_REGEX).exec(String(value ?? ''));
  if (!m) return undefined;
  const [num = '', suffix = ''] = [m[1], m[2]];
  const factor = NANO_FACTORS[suffix];
  if (factor === undefined) return undefined;
  const [int = '0', frac = ''] = num.replace(/^[+-]/, '').split('.');
  const nano = (BigInt(`${int}${frac}` || '0') * factor) / 10n ** BigInt(frac.length);
  return num.startsWith('-') ? -nano : nano;
}

/**
 * The sum of quantities as Quantity.Add leaves it and String() prints it: in the format of the first
 * one (binary for `Ki`…`Ei`), canonical (`512Mi` + `512Mi` → `1Gi`, `250m` + `750m` → `1`); `0` for none.
 */
export function sumQuantities(values: readonly unknown[]): string {
  let total = 0n;
  let binary: boolean | undefined;
  for (const v of values) {
    const nano = quantityNanos(v);
    if (nano === undefined) continue;
    binary ??= /[KMGTPE]i$/.test(String(v));
    total += nano;
  }
  const perUnit = 10n ** 9n;
  if (binary && total % perUnit === 0n && (total / perUnit) % 1024n === 0n) return canonicalQuantity(`${total / perUnit / 1024n}Ki`);
  return canonicalQuantity(`${total}n`);
}

/** The sign of `a − b` (Quantity.Cmp), exact in nano-units; a quantity that does not parse counts as 0. */
export function compareQuantities(a: unknown, b: unknown): number {
  const diff = (quantityNanos(a) ?? 0n) - (quantityNanos(b) ?? 0n);
  return diff > 0n ? 1 : diff < 0n ? -1 : 0;
}
