/**
 * `<!-- kubedoctest: … -->` directive words. Each applies to the next code block (or text
 * block recognised without fences); see docs/directives.md.
 */
export const DIRECTIVE_NAMES: ReadonlySet<string> = new Set(['skip', 'expect', 'timeout', 'file', 'setup']);

/** Modes accepted by `expect <mode>`. */
export const EXPECT_MODES: ReadonlySet<string> = new Set(['exact', 'similar', 'contains', 'lines', 'regex']);

/** Units accepted by `timeout=<n><unit>`, in milliseconds. */
export const TIMEOUT_UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, '': 1000 };

/** Marker that starts a directive comment. */
export const DIRECTIVE_MARKER = /^\s*<!--\s*kubedoctest\s*:/i;
