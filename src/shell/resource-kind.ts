/**
 * kubectl's resource words (`deploy`, `pods`, `deployments.apps`, `NetworkPolicy`) read as one
 * kind: the singular lower-case name. The names come from the table of a 1.32 cluster's resource
 * types (`data/resource-types.ts`); a word it does not have (a custom resource's `crontabs`) is
 * read by English plural rules.
 */
import { IRREGULAR_SINGULARS, RESOURCE_WORDS_1_32 } from './data/resource-types.js';

/** The singular of a plural resource word: `networkpolicies` → `networkpolicy`, `ingresses` → `ingress`, `pods` → `pod`. */
function singularOf(plural: string): string {
  const irregular = IRREGULAR_SINGULARS[plural];
  if (irregular) return irregular;
  if (plural.endsWith('ies')) return `${plural.slice(0, -3)}y`;
  // English plurals in -es after a sibilant (`storageclasses`, `ingresses`, `patches`) drop the `es`.
  if (/(?:ss|sh|ch|x)es$/.test(plural)) return plural.slice(0, -2);
  // `ingress`, `status`-like words ending in a double s are singular already.
  return plural.endsWith('s') && !plural.endsWith('ss') ? plural.slice(0, -1) : plural;
}

/** A real resource type's plural and singular. */
interface ResourceName {
  plural: string;
  singular: string;
}

/** Every word kubectl accepts for a real resource type (plural, singular, short, `plural.group`). */
const NAMES = new Map<string, ResourceName>();
for (const [plural, group, ...short] of RESOURCE_WORDS_1_32) {
  const name = { plural: plural!, singular: singularOf(plural!) };
  for (const w of [plural!, name.singular, ...short, ...(group ? [`${plural}.${group}`] : [])]) NAMES.set(w.toLowerCase(), name);
}

/**
 * The singular lower-case kind of a kubectl resource word or a manifest's kind: `deploy`,
 * `deployments`, `deployments.apps`, `Deployment` → `deployment`; `networkpolicies` →
 * `networkpolicy`; `ep` → `endpoints`; a word of no real type by plural rules (`crontabs` → `crontab`).
 */
export function kindOf(word: string): string {
  const w = word.toLowerCase();
  const known = NAMES.get(w) ?? NAMES.get(w.split('.')[0]!);
  return known ? known.singular : singularOf(w.split('.')[0]!);
}

/** The plural of a resource word a Kubernetes 1.32 cluster serves (`deploy` → `deployments`), or undefined. */
export function realResourcePlural(word: string): string | undefined {
  return NAMES.get(word.toLowerCase())?.plural;
}
