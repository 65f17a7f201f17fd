/**
 * Values of Hugo site parameters used inside links (`{{< param "githubbranch" >}}`), so a link
 * names the file it points at. `byRepo` overrides the value for links into one GitHub repository
 * (kubernetes/examples still uses `master`; kubernetes/website uses `main`).
 */
export const HUGO_PARAMS: Readonly<Record<string, { value: string; byRepo?: Readonly<Record<string, string>> }>> = {
  githubbranch: { value: 'main', byRepo: { 'kubernetes/examples': 'master', 'kubernetes/kubernetes': 'master' } },
  docsbranch: { value: 'main' },
  version: { value: 'v1.32' },
  fullversion: { value: 'v1.32.0' },
  latest: { value: 'v1.32' },
};

/** `{{< param "githubbranch" >}}` / `{{< param githubbranch >}}`; group 1 is the name. */
export const PARAM_SHORTCODE = /\{\{[<%]\s*param\s+["']?([\w.-]+)["']?\s*[%>]\}\}/g;

/** Shortcodes that wrap a code block written inline: `{{< codeFromInline lang="yaml" >}}` … `{{< /codeFromInline >}}`. */
export const INLINE_CODE_SHORTCODES: ReadonlySet<string> = new Set(['codeFromInline', 'codefrominline']);

/** Shortcodes that include a file by path: `{{% readFile "x" %}}`, `{{< readfile file="x" >}}`, `{{< codeFromFile file="x" >}}`. */
export const FILE_SHORTCODES: ReadonlySet<string> = new Set(['readFile', 'readfile', 'codeFromFile', 'codefromfile']);

/** Jekyll-era include: `{% include code.html language="yaml" file="x.yaml" ghlink="/docs/…/x.yaml" %}`. */
export const JEKYLL_CODE_INCLUDE = /\{%\s*include\s+code\.html\s+((?:[^%]|%(?!\}))*)%\}/g;

/**
 * Values of kubernetes/website's `{{< skew NAME >}}` shortcode (data/releases/schedule.yaml), for
 * the Kubernetes version the tool checks against (1.32): pages print versions with it in commands
 * (`pod-security.kubernetes.io/enforce-version=v{{< skew latestVersion >}}`) and manifests.
 */
export const SKEW_VALUES: Readonly<Record<string, string>> = {
  latestVersion: '1.32',
  currentVersion: '1.32',
  currentPatchVersion: '1.32.0',
  prevMinorVersion: '1.31',
  nextMinorVersion: '1.33',
  oldestMinorVersion: '1.29',
};

/** `{{< skew latestVersion >}}`; group 1 is the name. */
export const SKEW_SHORTCODE = /\{\{[<%]\s*skew\s+["']?(\w+)["']?\s*[%>]\}\}/g;
