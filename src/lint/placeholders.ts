/**
 * Placeholder patterns: text a tutorial shows where the reader must put their own value.
 * They are bound at run time (from earlier output or the cluster), so they are info, not errors.
 */
export const PLACEHOLDER_PATTERNS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  // `<pod-name>`, `<CLUSTER-IP>`, `\<map-name>` — but not `<<EOF` or `< file`.
  { name: 'angle', pattern: /(?<![<\w])\\?<([A-Za-z][A-Za-z0-9_ .-]*)>(?!>)/g },
  { name: 'replace-with', pattern: /\bREPLACE_WITH_[A-Z0-9_]+\b/g },
  { name: 'redacted-ip', pattern: /\b(?:[xX]{1,3}\.){3}[xX]{1,3}\b/g },
  { name: 'your-value', pattern: /\b(?:YOUR|your)[_-][A-Za-z0-9_-]+\b/g },
];

/** True when a whole value is a placeholder (`REPLACE_WITH_BASE64_CERT`, `<token>`, `xx.xxx.xxx.xxx`). */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  return (
    /^REPLACE_WITH_/.test(v) ||
    /^<[^<>]+>$/.test(v) ||
    /^(?:[xX]{1,3}\.){3}[xX]{1,3}$/.test(v) ||
    /\b(?:your|YOUR)[\s_-]/.test(v) ||
    /put your/i.test(v) ||
    /^\$\{?[A-Za-z_]\w*\}?$/.test(v)
  );
}
