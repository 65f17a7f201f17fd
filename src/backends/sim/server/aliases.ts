import { EVENTS_V1 } from './events-v1.js';
import { HPA_V1, type VersionAlias } from './hpa-v1.js';

export type { VersionAlias } from './hpa-v1.js';

/** Every version the server serves by converting to and from a stored type. */
export const VERSION_ALIASES: readonly VersionAlias[] = [HPA_V1, EVENTS_V1];
