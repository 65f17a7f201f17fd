/**
 * "Cannot check" is a verdict of its own: a step whose outcome depends on something the backend
 * does not model (an API the simulator does not serve, a cloud provider, the internet, an address
 * that exists only inside the simulated cluster) is `unchecked` with the reason — never a failure
 * and never a pass. Each rule is data: what in the step or its output shows the gap, and why.
 */
import type { BackendSession } from '../backends/backend.js';
import { missingCloudFeature } from './cloud-only.js';
import { offline } from './network.js';

/** What a step showed and printed. */
export interface Outcome {
  /** The command as run. */
  command: string;
  output: string;
  /** The doc's expected output, if any. */
  expected: string | null;
  /** True when the step ran on the reader's machine (not in a pod or on a node). */
  onHost: boolean;
}

interface Rule {
  id: string;
  /** The reason the step cannot be checked, or undefined when the rule does not apply. */
  test(o: Outcome, session: Pick<BackendSession, 'capabilities' | 'cannotCheck'>): string | undefined;
}

/** A backend's own words that it cannot do this (`… not supported by the simulator; use --backend kind`). */
const SAYS_UNSUPPORTED = /^.*\bnot supported by the simulator\b.*$/m;

export const UNCHECKED_RULES: readonly Rule[] = [
  {
    id: 'backend-unsupported',
    test: (o) => {
      const m = SAYS_UNSUPPORTED.exec(o.output);
      return m ? m[0].replace(/^(?:Error from server \(\w+\):\s*|error:\s*)/, '').trim() : undefined;
    },
  },
  { id: 'backend-lookup', test: (o, s) => s.cannotCheck?.(o.command, o.output, o.expected ?? undefined) },
  { id: 'cloud-feature', test: (o, s) => (o.expected ? missingCloudFeature(o.expected, o.output, s.capabilities) : undefined) },
  { id: 'offline', test: (o) => (o.onHost ? offline(o.command, o.output) : undefined) },
];

/** Why a step that did not pass cannot be checked on this backend, or undefined (then its verdict stands). */
export function cannotCheck(o: Outcome, session: Pick<BackendSession, 'capabilities' | 'cannotCheck'>): { rule: string; reason: string } | undefined {
  for (const rule of UNCHECKED_RULES) {
    const reason = rule.test(o, session);
    if (reason) return { rule: rule.id, reason };
  }
  return undefined;
}
