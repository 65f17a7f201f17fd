/**
 * Feature gates that are off by default in Kubernetes 1.32, and what each controls: the API
 * resources it serves, the fields it sets, the behaviour it allows. A page that says the reader
 * must enable one (`{{< feature-state feature_gate_name="X" >}}`, "the `X` feature gate must be
 * enabled") describes a cluster the default one is not: a step that uses what the gate controls
 * is `unchecked`, naming the gate — unless the simulator models the feature. A page that uses an
 * API version that does not exist in 1.32 at all (`networking.k8s.io/v1` ServiceCIDR) stays
 * failing: that is the page's defect for 1.32 (see {@link missingApiVersion}).
 *
 * Sources (kubernetes v1.32): pkg/features/kube_features.go (stage and default per version);
 * the API groups' registration (pkg/registry/<group>/rest/storage_<group>.go: which versions
 * serve which resources).
 */

/** A gated API resource: its group, the versions 1.32 serves it at (behind the gate), its names. */
interface GatedResource {
  group: string;
  versions: readonly string[];
  kind: string;
  /** Plural, singular and short names kubectl accepts. */
  names: readonly string[];
}

/** One feature gate as Kubernetes 1.32 ships it. */
export interface FeatureGate {
  name: string;
  stage: 'alpha' | 'beta';
  /** Default in 1.32 (every gate here is off: a gate on by default asks nothing of the reader). */
  defaultOn: false;
  /** The release that turns it on by default, when one has. */
  onSince?: string;
  resources?: readonly GatedResource[];
  /** Object fields only the gate sets or accepts, as key paths match them. */
  fields?: readonly RegExp[];
  /** The keys of those fields as a YAML or JSON output shows them. */
  keys?: readonly string[];
  /** Behaviour the gate allows, known from the refusal a default cluster answers with. */
  refusal?: { command: RegExp; output: RegExp; what: string };
  /** True when the simulator models what the gate controls (then steps are checked as usual). */
  simulated: boolean;
}

export const FEATURE_GATES: readonly FeatureGate[] = [
  {
    name: 'MultiCIDRServiceAllocator',
    stage: 'beta',
    defaultOn: false,
    onSince: '1.33',
    resources: [
      { group: 'networking.k8s.io', versions: ['v1beta1'], kind: 'ServiceCIDR', names: ['servicecidrs', 'servicecidr'] },
      { group: 'networking.k8s.io', versions: ['v1beta1'], kind: 'IPAddress', names: ['ipaddresses', 'ipaddress', 'ip'] },
    ],
    simulated: false,
  },
  {
    name: 'InPlacePodVerticalScaling',
    stage: 'alpha',
    defaultOn: false,
    // The containers' resize policy (defaulted only with the gate) and the resources each container status reports.
    fields: [/(?:^|\.)resizePolicy(?:[.[]|$)/, /(?:^|\.)containerStatuses(?:\[\d+\])?\.resources(?:[.[]|$)/],
    keys: ['resizePolicy'],
    refusal: {
      // A running Pod's container resources changed in place (patch, edit, set resources, the resize subresource).
      command: /\bkubectl\b.*\s(?:patch|edit|replace|apply|set\s+resources)\s.*\b(?:pods?|po)\b|--subresource[= ]resize\b/,
      output: /pod updates may not change fields other than|the server could not find the requested resource|subresource "resize"/,
      what: "changing a running Pod's container resources in place",
    },
    simulated: false,
  },
  {
    name: 'InPlacePodVerticalScalingAllocatedStatus',
    stage: 'alpha',
    defaultOn: false,
    fields: [/(?:^|\.)allocatedResources(?:[.[]|$)/],
    keys: ['allocatedResources'],
    simulated: false,
  },
  {
    name: 'PodLevelResources',
    stage: 'alpha',
    defaultOn: false,
    onSince: '1.34',
    // A Pod's (or pod template's) own requests and limits, which a default 1.32 API server drops.
    fields: [/(?:^|\.)spec\.resources(?:[.[]|$)/],
    simulated: false,
  },
  {
    name: 'DynamicResourceAllocation',
    stage: 'beta',
    defaultOn: false,
    resources: [
      { group: 'resource.k8s.io', versions: ['v1beta1', 'v1alpha3'], kind: 'ResourceClaim', names: ['resourceclaims', 'resourceclaim'] },
      {
        group: 'resource.k8s.io',
        versions: ['v1beta1', 'v1alpha3'],
        kind: 'ResourceClaimTemplate',
        names: ['resourceclaimtemplates', 'resourceclaimtemplate'],
      },
      { group: 'resource.k8s.io', versions: ['v1beta1', 'v1alpha3'], kind: 'DeviceClass', names: ['deviceclasses', 'deviceclass'] },
      { group: 'resource.k8s.io', versions: ['v1beta1', 'v1alpha3'], kind: 'ResourceSlice', names: ['resourceslices', 'resourceslice'] },
    ],
    simulated: false,
  },
  {
    name: 'VolumeAttributesClass',
    stage: 'beta',
    defaultOn: false,
    resources: [
      {
        group: 'storage.k8s.io',
        versions: ['v1beta1', 'v1alpha1'],
        kind: 'VolumeAttributesClass',
        names: ['volumeattributesclasses', 'volumeattributesclass', 'vac'],
      },
    ],
    fields: [/(?:^|\.)volumeAttributesClassName(?:[.[]|$)/],
    keys: ['volumeAttributesClassName'],
    simulated: false,
  },
];

const BY_NAME = new Map(FEATURE_GATES.map((g) => [g.name, g]));

/** The gate of that name, if the table has it. */
export function featureGate(name: string): FeatureGate | undefined {
  return BY_NAME.get(name);
}

const describe = (g: FeatureGate): string =>
  `the ${g.name} feature gate (${g.stage}, off by default in Kubernetes 1.32${g.onSince ? `; on from ${g.onSince}` : ''})`;

const NO_TYPE = /the server doesn't have a resource type "([^"]+)"/;
const NO_KIND = /no matches for kind "([^"]+)" in version "([^"]+)"/;

/** The gated resource a kubectl message names (a resource type or a kind at a group/version). */
function gatedResource(output: string): { gate: FeatureGate; resource: GatedResource; version?: string } | undefined {
  const type = NO_TYPE.exec(output)?.[1]?.toLowerCase();
  const kind = NO_KIND.exec(output);
  for (const gate of FEATURE_GATES) {
    for (const r of gate.resources ?? []) {
      if (type && (r.names.includes(type) || r.names.some((n) => type === `${n}.${r.group}`))) return { gate, resource: r };
      if (kind && kind[1] === r.kind && kind[2]!.startsWith(`${r.group}/`)) return { gate, resource: r, version: kind[2]!.slice(r.group.length + 1) };
    }
  }
  return undefined;
}

/**
 * Why a failed step cannot be checked because it uses what a feature gate the page needs
 * enabled controls (and the simulator does not model), or undefined. `gates` are the gates the
 * page asks for; `paths` the key paths of the step's failing differences.
 */
export function gatedFeature(o: { command: string; output: string }, gates: readonly string[], paths: readonly string[]): string | undefined {
  const needed = gates.map(featureGate).filter((g): g is FeatureGate => g !== undefined && !g.simulated);
  if (needed.length === 0) return undefined;
  const found = gatedResource(o.output);
  // A version 1.32 does not serve at all is the page's defect, not the gate's (see missingApiVersion).
  if (found && needed.includes(found.gate) && (found.version === undefined || found.resource.versions.includes(found.version)))
    return `${found.resource.kind} (${found.resource.group}) is served only with ${describe(found.gate)}, which the page asks to enable; the simulator serves the API of a default 1.32 cluster`;
  for (const g of needed) {
    if (g.refusal && g.refusal.command.test(o.command) && g.refusal.output.test(o.output))
      return `${g.refusal.what} needs ${describe(g)}, which the page asks to enable; the simulator behaves as a default 1.32 cluster`;
  }
  // Every failing difference is a field of a gate the page needs: the cluster without it cannot show them.
  const gatedField = (p: string): FeatureGate | undefined => FEATURE_GATES.find((g) => g.fields?.some((f) => f.test(p)));
  if (paths.length > 0 && paths.every((p) => needed.includes(gatedField(p)!))) {
    const g = gatedField(paths[0]!)!;
    return `the doc shows fields only ${describe(g)} sets, which the page asks to enable; the simulator behaves as a default 1.32 cluster`;
  }
  return undefined;
}

/**
 * The versions 1.32 serves a kind at, when kubectl found none at the version the page used
 * (`no matches for kind "ServiceCIDR" in version "networking.k8s.io/v1"`): the page's defect,
 * with the versions that exist. Undefined for kinds the table does not know.
 */
export function missingApiVersion(output: string): { kind: string; used: string; served: string; gate: string } | undefined {
  const found = gatedResource(output);
  if (!found || found.version === undefined || found.resource.versions.includes(found.version)) return undefined;
  return {
    kind: found.resource.kind,
    used: `${found.resource.group}/${found.version}`,
    served: found.resource.versions.map((v) => `${found.resource.group}/${v}`).join(', '),
    gate: found.gate.name,
  };
}

/**
 * The fields the doc shows that only a gate off by default in 1.32 sets, when the actual output
 * lacks them: the doc was captured with those gates on (a hint, whether or not the page names them).
 */
export function gatedFieldsShown(expected: string, output: string): { key: string; gate: FeatureGate }[] {
  const out: { key: string; gate: FeatureGate }[] = [];
  for (const gate of FEATURE_GATES) {
    for (const key of gate.keys ?? []) {
      const shown = new RegExp(`(?:^|[\\s{,"])${key}"?\\s*:`, 'm');
      if (shown.test(expected) && !shown.test(output)) out.push({ key, gate });
    }
  }
  return out;
}
