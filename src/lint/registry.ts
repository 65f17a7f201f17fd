import { busyboxNslookup } from './rules/busybox-nslookup.js';
import { deprecatedApi } from './rules/deprecated-api.js';
import { exposeLabels } from './rules/expose-labels.js';
import { hostSpecificPath } from './rules/host-specific-path.js';
import { incompleteCommand } from './rules/incomplete-command.js';
import { interactiveCommand } from './rules/interactive-command.js';
import { manifestReference } from './rules/manifest-reference.js';
import { manifestSchema } from './rules/manifest-schema.js';
import { missingFile } from './rules/missing-file.js';
import { promptInOutput } from './rules/prompt-in-output.js';
import { removedFlag } from './rules/removed-flag.js';
import { smartQuote, typographicDash } from './rules/typography.js';
import { unboundPlaceholder } from './rules/unbound-placeholder.js';
import { unknownCommand } from './rules/unknown-command.js';
import { yamlSyntax } from './rules/yaml-syntax.js';
import type { LintRule } from './types.js';

/** Every lint rule, in the order of the rule table (docs/lint-rules.md). */
export const lintRules: readonly LintRule[] = Object.freeze([
  yamlSyntax,
  manifestSchema,
  deprecatedApi,
  typographicDash,
  smartQuote,
  unknownCommand,
  promptInOutput,
  missingFile,
  interactiveCommand,
  hostSpecificPath,
  incompleteCommand,
  removedFlag,
  unboundPlaceholder,
  manifestReference,
  exposeLabels,
  busyboxNslookup,
]);
