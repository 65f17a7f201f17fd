import type { Difference } from './types.js';

/**
 * Prose that presents the output after it as a state the cluster only passes through ("If the
 * Deployment is still being created, the output is similar to", "While the rollout is in
 * progress, you see"): the run may read the object after it moved past that state, so a
 * difference in the values shown there is not the doc's defect. Each cue is matched against the
 * sentence that introduced the output (`ExpectedOutput.cue`); `trigger` sentences must match and
 * `clean` sentences (false friends) must not — test/match/transient-cues.test.ts checks both.
 */
export interface TransientCue {
  id: string;
  pattern: RegExp;
  trigger: readonly string[];
  clean: readonly string[];
}

export const TRANSIENT_CUES: readonly TransientCue[] = [
  {
    id: 'if-still',
    // A condition on a state that has not ended yet: "if … is still …", "if … is not (yet) ready".
    pattern:
      /\b(?:if|when|while)\b[^.:]*?\b(?:(?:is|are)\s+still|still\s+being|(?:is|are)\s+not\s+(?:yet\s+)?(?:ready|running|available|started|complete|scheduled|bound)|(?:isn't|aren't)\s+(?:yet\s+)?(?:ready|running|available|started|complete|scheduled|bound))\b/i,
    trigger: [
      'If the Deployment is still being created, the output is similar to the following:',
      'If the Pods are still starting, you see:',
      'If the pod is not yet ready, the output is:',
      "When the PersistentVolumeClaim isn't bound yet, the output shows:",
    ],
    clean: [
      'If the Deployment was created, the output is similar to the following:',
      'Run the command again; the output is similar to:',
      'When the rollout is complete, the output is similar to:',
      'If you still have the file, apply it:',
    ],
  },
  {
    id: 'in-progress',
    // During a change: "while the rollout is in progress", "during the update", "mid-rollout".
    pattern:
      /\b(?:while|during)\b[^.:]*?\b(?:in\s+progress|rolling\s+out|updating|being\s+(?:created|updated|deleted|rolled\s+out|scheduled|pulled))\b|\b(?:during|mid-)\s*(?:the\s+)?(?:rollout|update|upgrade)\b/i,
    trigger: [
      'While the rollout is in progress, the output is similar to:',
      'During the update, you might see:',
      'While the image is being pulled, the Pod shows:',
      'Mid-rollout, the output looks like this:',
    ],
    clean: ['After the rollout, the output is similar to:', 'While you wait, read about Services.', 'The output is similar to this:'],
  },
  {
    id: 'restart-cycle',
    // A container narrated as killed and restarted over and over: each listing catches one moment of the cycle.
    pattern:
      /\b(?:killed|restarted|crash(?:es|ed|ing)?|terminated|fails?)\b[^.:]*\b(?:again|repeatedly|and so on|over and over)\b|\b(?:repeatedly|again and again)\s+(?:killed|restarted|crash\w*|terminated)\b/i,
    trigger: [
      'The output shows that the Container is killed, restarted, killed again, restarted again, and so on:',
      'The container crashes and is restarted again and again:',
      'You can see that the container is repeatedly killed and restarted:',
    ],
    clean: [
      'The output shows that the container was restarted:',
      'Run the command again; the output is similar to:',
      'If the container is killed, the kubelet restarts it.',
    ],
  },
];

/** The cue that presents the output as a state the cluster passes through, if `sentence` is one. */
export function transientCue(sentence: string | undefined): TransientCue | undefined {
  if (!sentence) return undefined;
  return TRANSIENT_CUES.find((c) => c.pattern.test(sentence));
}

/**
 * Table columns that count or tell the state an object is in, and so change while it passes
 * through states (a Deployment's READY 0/3 → 3/3, a Pod's STATUS ContainerCreating → Running).
 */
export const STATE_COLUMNS: ReadonlySet<string> = new Set([
  'READY',
  'UP-TO-DATE',
  'AVAILABLE',
  'STATUS',
  'RESTARTS',
  'AGE',
  'DESIRED',
  'CURRENT',
  'COMPLETIONS',
  'DURATION',
  'ACTIVE',
  'LAST SCHEDULE',
  'CAPACITY',
  'VOLUME',
  'TARGETS',
  'REPLICAS',
  'EXTERNAL-IP',
]);

/**
 * True when every difference is a value in a state column of a row the doc and the cluster both
 * show: what an object passing through states changes. A row, a column or a name that differs is
 * not explained by the moment the step ran.
 */
export function onlyStateValues(differences: readonly Difference[]): boolean {
  return differences.length > 0 && differences.every(isStateValue);
}

/** True for a value in a state column of a row the doc and the cluster both show. */
export function isStateValue(d: Difference): boolean {
  const column = d.kind === 'wrong-value' ? /^row [^,]+, column ([^:]+):/.exec(d.message)?.[1] : undefined;
  return column !== undefined && STATE_COLUMNS.has(column);
}

/**
 * True when every difference is a state value or a whole table row more or fewer: what a change
 * to the cluster (a rollout, a scale) can make a listing show. A column the doc shows that the
 * table does not have, or a value outside the state columns, is not.
 */
export function onlyStateChanges(differences: readonly Difference[]): boolean {
  return differences.length > 0 && differences.every(isStateChange);
}

/** True for a state value or a whole table row more or fewer. */
export function isStateChange(d: Difference): boolean {
  return isStateValue(d) || ((d.kind === 'extra-line' || d.kind === 'missing-line') && /^row \S+: /.test(d.message));
}
