import { diagnostic, type Diagnostic } from '../../diag/diagnostic.js';
import { findDeprecatedApi } from '../data/deprecated-apis.js';
import { manifestObjects, objectLine } from '../manifest-docs.js';
import { lineOfPath } from '../manifest-paths.js';
import type { LintRule } from '../types.js';

/** Manifests using an API version that was removed (error) or is deprecated (warning). */
export const deprecatedApi: LintRule = {
  id: 'deprecated-api',
  severity: 'error',
  description: 'A manifest uses a removed (error) or deprecated (warning) apiVersion, with the version and replacement.',
  check(_plan, ctx) {
    const out: Diagnostic[] = [];
    for (const m of manifestObjects(ctx)) {
      if (!m.apiVersion || !m.kind) continue;
      const entry = findDeprecatedApi(m.apiVersion, m.kind);
      if (!entry) continue;
      const instead = entry.replacement ? `; use ${entry.replacement}` : entry.note ? `; ${entry.note}` : '';
      const message = entry.removedIn
        ? `${m.apiVersion} ${m.kind} was removed in Kubernetes ${entry.removedIn}${instead}`
        : `${m.apiVersion} ${m.kind} is deprecated since Kubernetes ${entry.deprecatedIn}${instead}`;
      const line = objectLine(m, lineOfPath(m.text, ['apiVersion']));
      out.push(
        diagnostic(this.id, entry.removedIn ? 'error' : 'warning', { line, column: m.step.position.column }, message, {
          stepId: m.step.id,
          actual: m.apiVersion,
          ...(entry.replacement ? { expected: entry.replacement } : {}),
          url: 'https://kubernetes.io/docs/reference/using-api/deprecation-guide/',
        }),
      );
    }
    return out;
  },
};
