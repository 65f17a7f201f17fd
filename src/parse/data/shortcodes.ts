/** Hugo shortcodes that include an example file from `content/en/examples/` (the `file` attribute). */
export const EXAMPLE_SHORTCODES: ReadonlySet<string> = new Set(['code_sample', 'codenew', 'code']);

/** Any Hugo shortcode on a line: `{{< name attrs >}}` or `{{% name attrs %}}`; group 1 is `/` for closers. */
export const SHORTCODE = /\{\{[<%]\s*(\/?)\s*([\w/-]+)((?:[^}]|\}(?!\}))*?)\s*[%>]\}\}/g;

/** Shortcode attributes: `name="value"`, `name='value'` or `name=value`. */
export const SHORTCODE_ATTR = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'}]+))/g;

/** Tab container and tab shortcode names. */
export const TABS_SHORTCODE = 'tabs';
export const TAB_SHORTCODE = 'tab';
