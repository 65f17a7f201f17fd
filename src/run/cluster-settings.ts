/**
 * Cluster settings a page states ("On a cluster with a 10.96.0.0/28 range for Services") that
 * the backend's cluster does not have, and the outputs that follow from them: such a step is
 * `unchecked` with the reason. Each setting is data: how the backend's value is known, and which
 * steps' outputs depend on it (by the command and the output the doc shows).
 */
import type { BackendCapabilities } from '../backends/backend.js';
import type { Plan } from '../plan/types.js';

type Setting = NonNullable<Plan['settings']>[number];

interface SettingRule {
  id: Setting['id'];
  /** What the setting is, for the reason. */
  what: string;
  /** The backend's own value, when it knows it. */
  backendValue(capabilities: BackendCapabilities): string | undefined;
  /** True when the step's output depends on the setting. */
  affects(o: { command: string; expected: string; output: string }): boolean;
}

const IPV4 = /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])/;
/** Commands that make Services, which take a ClusterIP from the range. */
const MAKES_SERVICE = /\bkubectl\b.*\s(?:create\s+service|expose)\b|\bkubectl\b.*\s(?:apply|create)\s.*-f\b/;
/** The allocator's answers that depend on the range's size and content. */
const ALLOCATION = /failed to allocate a serviceIP|range is full|is not in the valid range|provided IP is already allocated/;

export const SETTING_RULES: readonly SettingRule[] = [
  {
    id: 'service-range',
    what: 'Service IP range',
    backendValue: (c) => c.serviceRange,
    // Which addresses new Services get, and when the range is full, follow from its size.
    affects: (o) => ALLOCATION.test(o.expected) || ALLOCATION.test(o.output) || (MAKES_SERVICE.test(o.command) && IPV4.test(o.expected)),
  },
];

/** Why a failed step's output cannot be checked because it follows from a cluster setting the page states and the backend lacks, or undefined. */
export function statedSetting(
  o: { command: string; expected: string | null; output: string },
  settings: Plan['settings'],
  capabilities: BackendCapabilities,
): string | undefined {
  for (const s of settings ?? []) {
    const rule = SETTING_RULES.find((r) => r.id === s.id);
    const own = rule?.backendValue(capabilities);
    if (!rule || own === undefined || own === s.value) continue;
    if (rule.affects({ command: o.command, expected: o.expected ?? '', output: o.output }))
      return `the output follows from the ${rule.what} the page states (${s.value}, line ${s.line}); the backend's cluster has ${own}`;
  }
  return undefined;
}
