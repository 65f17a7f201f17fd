import type { FieldCause } from '../status.js';

/**
 * Builders for field errors with the exact text of apimachinery's `field.Error.ErrorBody`
 * (`Required value`, `Invalid value: "x": detail`, `Unsupported value: …`).
 */

/** A value printed as Go's `%#v` would print it in an error body. */
export type GoValue = string | number | boolean | null | undefined | { goString: string };

/** Formats a bad value like `field.Error`: strings quoted, numbers and booleans bare. */
export function goFormat(value: GoValue): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value.goString;
}

/** `map[string]string{"a":"b"}` with sorted keys, as `%#v` prints a Go map. */
export function goStringMap(map: Record<string, string> | undefined): { goString: string } {
  if (!map) return { goString: 'map[string]string(nil)' };
  const body = Object.keys(map)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(map[k])}`)
    .join(', ');
  return { goString: `map[string]string{${body}}` };
}

/** `[]string{"a", "b"}`, as `%#v` prints a Go string slice. */
export function goStringSlice(list: string[] | undefined): { goString: string } {
  if (!list) return { goString: '[]string(nil)' };
  return { goString: `[]string{${list.map((s) => JSON.stringify(s)).join(', ')}}` };
}

const withDetail = (body: string, detail?: string): string => (detail ? `${body}: ${detail}` : body);

/** `Required value` (optionally `: detail`). */
export function required(field: string, detail?: string): FieldCause {
  return { reason: 'FieldValueRequired', message: withDetail('Required value', detail), field };
}

/** `Invalid value: <value>: detail`. */
export function invalidField(field: string, value: GoValue, detail: string): FieldCause {
  return { reason: 'FieldValueInvalid', message: withDetail(`Invalid value: ${goFormat(value)}`, detail), field };
}

/** `Unsupported value: "x": supported values: "a", "b"`. */
export function notSupported(field: string, value: GoValue, supported: readonly string[]): FieldCause {
  const detail = supported.length ? `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}` : '';
  return { reason: 'FieldValueNotSupported', message: withDetail(`Unsupported value: ${goFormat(value)}`, detail), field };
}

/** `Duplicate value: "x"`. */
export function duplicate(field: string, value: GoValue): FieldCause {
  return { reason: 'FieldValueDuplicate', message: `Duplicate value: ${goFormat(value)}`, field };
}

/** `Forbidden: detail`. */
export function forbidden(field: string, detail: string): FieldCause {
  return { reason: 'FieldValueForbidden', message: withDetail('Forbidden', detail), field };
}

/** `Not found: "x"`. */
export function notFoundField(field: string, value: GoValue): FieldCause {
  return { reason: 'FieldValueNotFound', message: `Not found: ${goFormat(value)}`, field };
}
