/**
 * What a page says its cluster must have beyond a default one: the feature gates it asks the
 * reader to enable, and cluster settings it states (the Service IP range). The runner looks them
 * up (`src/run/feature-gates.ts`, `src/run/cluster-settings.ts`) to tell a step that cannot be
 * checked on the backend from a defect. `trigger` sentences must name the need, `clean` ones none
 * (test/parse/cluster-needs.test.ts).
 */

/** Ways pages name a feature gate they need: the shortcode, "the `X` feature gate", "--feature-gates=X=true". */
export const FEATURE_GATE_CUES = {
  patterns: [
    /feature_gate_name="([A-Z][A-Za-z0-9]+)"/g,
    /`?\b([A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+)`?\s*\[?feature[ -]gates?\b/g,
    /\bfeature[ -]gates?\]?(?:\([^)]*\))?\s+(?:named\s+|called\s+)?`([A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+)`/g,
    /--feature-gates[= ]((?:[A-Z][A-Za-z0-9]+=true,?)+)/g,
  ],
  trigger: [
    ['{{< feature-state feature_gate_name="MultiCIDRServiceAllocator" >}}', ['MultiCIDRServiceAllocator']],
    ['The `InPlacePodVerticalScaling` [feature gate](/docs/reference/feature-gates/) must be enabled.', ['InPlacePodVerticalScaling']],
    ['Enable the feature gate `DynamicResourceAllocation` on the API server.', ['DynamicResourceAllocation']],
    ['Start the API server with --feature-gates=VolumeAttributesClass=true,Other=true', ['VolumeAttributesClass', 'Other']],
  ] as const,
  clean: ['Create a Deployment with three replicas.', 'The feature is stable since v1.29.', 'See the feature gates reference.'],
} as const;

/** The feature gates a piece of prose names, in order, each once. */
export function gatesNamedIn(text: string): string[] {
  const out: string[] = [];
  for (const pattern of FEATURE_GATE_CUES.patterns) {
    for (const m of text.matchAll(pattern)) {
      for (const name of m[1]!.split(',').map((g) => g.replace(/=true$/, ''))) if (name && !out.includes(name)) out.push(name);
    }
  }
  return out;
}

/** Prose that states the cluster's Service IP range ("On a cluster with a 10.96.0.0/28 range for Services"). */
export const SERVICE_RANGE_CUE = {
  pattern:
    /\b(\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2})\s+(?:IP\s+)?(?:range|CIDR|block)\s+for\s+Services\b|--service-cluster-ip-range[= ](\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2})|\bService\s+(?:IP\s+|cluster\s+IP\s+)?(?:range|CIDR)\s+(?:of|is)\s+(\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2})/i,
  trigger: [
    ['On a cluster with a 10.96.0.0/28 range for Services, there is only 14 addresses.', '10.96.0.0/28'],
    ['The API server runs with --service-cluster-ip-range=10.0.0.0/24.', '10.0.0.0/24'],
    ['In this cluster the Service CIDR is 172.20.0.0/16.', '172.20.0.0/16'],
  ] as const,
  clean: ['The Pod CIDR is 10.244.0.0/16.', 'Allow traffic from 10.0.0.0/8.'],
} as const;

/** The Service IP range a piece of prose states, or undefined. */
export function serviceRangeIn(text: string): string | undefined {
  const m = SERVICE_RANGE_CUE.pattern.exec(text.replace(/\s+/g, ' '));
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}
