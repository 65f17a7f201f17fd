import { type Dict, isDict, list } from '../util.js';

/** Label selector matching and printing (`metav1.LabelSelectorAsSelector`, `%#v`). */

/** Whether a LabelSelector (matchLabels + matchExpressions) matches these labels. */
export function selectorMatches(selector: Dict | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of list(selector.matchExpressions)) {
    const values: string[] = Array.isArray(e.values) ? e.values : [];
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    switch (e.operator) {
      case 'In':
        if (!has || !values.includes(l[e.key] as string)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(l[e.key] as string)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** True when the selector has neither matchLabels nor matchExpressions. */
export function selectorIsEmpty(selector: Dict | undefined): boolean {
  return !!selector && Object.keys(selector.matchLabels ?? {}).length === 0 && list(selector.matchExpressions).length === 0;
}

const q = (s: unknown) => JSON.stringify(String(s ?? ''));

/** `v1.LabelSelector{MatchLabels:map[string]string{…}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`. */
export function goLabelSelector(selector: unknown): { goString: string } {
  if (!isDict(selector)) return { goString: 'null' };
  const ml = isDict(selector.matchLabels)
    ? `map[string]string{${Object.keys(selector.matchLabels)
        .sort()
        .map((k) => `${q(k)}:${q(selector.matchLabels[k])}`)
        .join(', ')}}`
    : 'map[string]string(nil)';
  const exprs = Array.isArray(selector.matchExpressions)
    ? `[]v1.LabelSelectorRequirement{${list(selector.matchExpressions)
        .map((e) => {
          const values = Array.isArray(e.values) ? `[]string{${e.values.map(q).join(', ')}}` : '[]string(nil)';
          return `v1.LabelSelectorRequirement{Key:${q(e.key)}, Operator:${q(e.operator)}, Values:${values}}`;
        })
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return { goString: `v1.LabelSelector{MatchLabels:${ml}, MatchExpressions:${exprs}}` };
}
