/**
 * Prose that makes rows of an output optional: the page says a row depends on the reader's cluster
 * ("If you see dns-autoscaler in the output, DNS horizontal autoscaling is already enabled", "you
 * might also see a row for coredns"). Read in the sentence that introduces the output and in the
 * first sentence after it; the name it captures is matched present or absent
 * (`ExpectedOutput.optionalRows`). `trigger` sentences must yield `names`; `clean` sentences
 * (false friends) yield none — test/parse/optional-row-cues.test.ts checks both.
 */

/** A quoted, back-ticked or bare object name. */
const NAME = String.raw`["“'\`]?([a-z0-9][a-z0-9.-]*[a-z0-9])["”'\`]?`;

export interface OptionalRowCue {
  id: string;
  pattern: RegExp;
  trigger: readonly { sentence: string; names: readonly string[] }[];
  clean: readonly string[];
}

export const OPTIONAL_ROW_CUES: readonly OptionalRowCue[] = [
  {
    id: 'if-you-see',
    pattern: new RegExp(
      String.raw`\bif\s+you\s+(?:see|find|notice)\s+(?:a\s+|an\s+|the\s+)?(?:row\s+|line\s+|entry\s+|deployment\s+|pod\s+)?(?:for\s+|named\s+)?${NAME}\s+(?:row\s+|line\s+|entry\s+)?(?:listed\s+)?in\s+the\s+(?:output|list|listing|table)`,
      'gi',
    ),
    trigger: [
      { sentence: 'If you see "dns-autoscaler" in the output, DNS horizontal autoscaling is already enabled.', names: ['dns-autoscaler'] },
      { sentence: 'If you see a row for `metrics-server` in the list, it is installed.', names: ['metrics-server'] },
    ],
    clean: ['If you see an error in the output, check the logs.', 'You see nginx in the output.'],
  },
  {
    id: 'if-listed',
    pattern: new RegExp(String.raw`\bif\s+${NAME}\s+(?:is|appears)\s+(?:listed|shown|present|in\s+the\s+(?:output|list))`, 'gi'),
    trigger: [{ sentence: 'If `coredns` is listed, your cluster uses CoreDNS.', names: ['coredns'] }],
    clean: ['If the pod is listed as Running, continue.', 'If it is listed, go on.'],
  },
  {
    id: 'might-also-see',
    pattern: new RegExp(String.raw`\byou\s+(?:might|may|could)\s+also\s+see\s+(?:a\s+|an\s+)?(?:row\s+|line\s+|entry\s+)?(?:for\s+|named\s+)?${NAME}`, 'gi'),
    trigger: [{ sentence: 'Depending on your cluster, you might also see kube-dns-autoscaler.', names: ['kube-dns-autoscaler'] }],
    clean: ['You might see a different output.', 'You should see nginx.'],
  },
];

/** Words a cue may capture that name no object (`an error`, `the pod`). */
const NOT_NAMES = new Set([
  'a',
  'an',
  'the',
  'it',
  'this',
  'that',
  'error',
  'errors',
  'output',
  'pod',
  'pods',
  'different',
  'something',
  'nothing',
  'any',
  'some',
  'more',
]);

/** The object names prose makes optional rows of, in order, without duplicates. */
export function optionalRowNames(prose: string | undefined): string[] {
  if (!prose) return [];
  const out: string[] = [];
  for (const cue of OPTIONAL_ROW_CUES) {
    for (const m of prose.matchAll(cue.pattern)) {
      const name = m[1]!.toLowerCase();
      if (!NOT_NAMES.has(name) && !out.includes(name)) out.push(name);
    }
  }
  return out;
}
