import type { KindRules } from '../admission/kinds.js';
import type { ResourceType } from '../types.js';
import { applyDefaults, prune, validateSchema } from './schema.js';
import { customVersion } from './types.js';

/**
 * Admission of a custom resource: generation tracking, a status subresource when the version
 * declares one, pruning and defaulting by the version's structural schema, then its OpenAPI
 * validation. Undefined for built-in types.
 */
export function customRules(type: ResourceType): KindRules | undefined {
  const custom = customVersion(type);
  if (!custom) return undefined;
  const { schema } = custom;
  return {
    generation: true,
    statusSubresource: type.subresources?.includes('status') ?? false,
    defaults(obj) {
      prune(obj, schema);
      applyDefaults(obj, schema);
    },
    validate: (obj) => validateSchema(obj, schema),
  };
}
