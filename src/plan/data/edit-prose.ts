/**
 * Changes the prose states plainly for a `kubectl edit` ("Change the number of replicas to 4, and
 * then save the manifest"): each phrasing gives the field and its new value, and the sed
 * expression the editor script applies to the YAML kubectl opens. Anything less plain is not a
 * change: the step stays skipped.
 */
export interface EditPhrasing {
  id: string;
  /** Matches one sentence of the prose; group 1 is the new value. */
  pattern: RegExp;
  /** The sed expression making the change, given the value. */
  sed: (value: string) => string;
}

export const EDIT_PHRASINGS: readonly EditPhrasing[] = [
  {
    // "Change the number of replicas to 4", "set replicas to 3", "Update the `replicas` field to 5".
    id: 'replicas',
    pattern: /\b(?:change|set|update|increase|decrease|edit)\b[^.;]*?\breplicas\b`?(?:\s+field)?\s+(?:from\s+\d+\s+)?to\s+(\d+)\b/i,
    sed: (n) => `s/^  replicas: .*/  replicas: ${n}/`,
  },
  {
    // "Change the image to `nginx:1.27`", "update the container image to nginx:1.16.1".
    id: 'image',
    pattern:
      /\b(?:change|set|update|edit)\b[^.;]*?\b(?:container\s+)?image\b`?(?:\s+field)?\s+(?:from\s+`?\S+?`?\s+)?to\s+`?([a-z0-9][\w./-]*(?::[\w.-]+)?(?:@sha256:[a-f0-9]{64})?)`?(?=[\s,.;]|$)/i,
    sed: (image) => `s|^\\( *-\\{0,1\\} *\\)image: .*|\\1image: ${image}|`,
  },
];

/** The change one sentence of prose states plainly, or undefined. */
export function editFromProse(text: string): { id: string; value: string; sed: string; sentence: string } | undefined {
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    for (const p of EDIT_PHRASINGS) {
      const m = p.pattern.exec(sentence);
      if (m) return { id: p.id, value: m[1]!, sed: p.sed(m[1]!), sentence: sentence.trim() };
    }
  }
  return undefined;
}
