import type { Normalizer } from './types.js';

/** Angle-bracket values kubectl itself prints; they are real output, not placeholders. */
export const KUBECTL_VALUES = new Set(['<none>', '<pending>', '<unset>', '<unknown>', '<invalid>', '<nil>', '<no value>']);

/**
 * Placeholders the doc writer put in place of a value (`<CLUSTER-IP>`, `<pod-name>`,
 * `xx.xxx.xxx.xxx`, `REPLACE_WITH_TOKEN`): any single token matches, and is bound.
 */
export const placeholder: Normalizer = {
  id: 'placeholder',
  description: 'placeholders (`<CLUSTER-IP>`, `<pod-name>`, `xx.xxx.xxx.xxx`, `REPLACE_WITH_…`): any token',
  anywhere: [/<[A-Za-z][\w .-]*>/g, /(?<![\w.])[xX]{1,3}(?:\.[xX]{1,3}){3}(?![\w.])/g, /(?<![\w])(?:REPLACE_WITH|YOUR)_[A-Z0-9_]+(?![\w])/g],
  accept: (v) => !KUBECTL_VALUES.has(v.toLowerCase()),
  actual: () => '\\S+',
  bind: 'placeholder',
};
