/**
 * Shapes of text that lost its code fences (pages scraped from the web). See infer.ts.
 */

/** A bare manifest starts with `apiVersion:` (or `kind:`) at the start of a line. */
export const MANIFEST_START = /^(?:apiVersion|kind):\s*\S/;

/** Lines that continue a bare manifest: `key: value`, `- item`, comments, `---`. */
export const MANIFEST_LINE = /^(?:-\s+\S.*|-\s*$|[\w./"'-]+:(?:\s.*)?|#.*|---\s*|\{.*|\}.*|"[^"]*"\s*:.*)$/;

/** Arguments that make a bare line a command rather than a sentence: flags, paths, `KEY=VALUE`, pipes, file names. */
export const COMMAND_ARGUMENT = /(?:^|\s)(?:--?[A-Za-z]|\.{0,2}\/\S|[A-Z_]+=\S|\||[\w-]+\.(?:ya?ml|json|crt|key|conf|sh|txt|properties)\b|https?:\/\/)/;

/** A line of output shown without fences: a Kubernetes-style name then a few columns, no sentence. */
export const BARE_OUTPUT_LINE = /^[a-z0-9][a-z0-9.-]*(?:\/[\w.-]+)?,?(?:\s+\S+){1,10}\s*$/;

/** Sentence endings that make a line prose. */
export const SENTENCE_END = /(?:\s[.?!:]|[a-z][.?!:])\s*$/;
