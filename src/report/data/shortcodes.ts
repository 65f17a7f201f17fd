/**
 * What kubernetes.io's Hugo shortcodes show a reader, for reports that print a page's prose.
 * `heading` names come from the site's English strings (i18n/en); admonitions open with a label.
 */
export const HEADING_TEXT: Readonly<Record<string, string>> = {
  prerequisites: 'Before you begin',
  objectives: 'Objectives',
  whatsnext: "What's next",
  cleanup: 'Cleaning up',
  synopsis: 'Synopsis',
  seealso: 'See Also',
  options: 'Options',
};

/** Opening admonition shortcodes and the label the site prints. */
export const ADMONITION_LABEL: Readonly<Record<string, string>> = {
  note: 'Note:',
  caution: 'Caution:',
  warning: 'Warning:',
};
