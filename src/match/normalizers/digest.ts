import type { Normalizer } from './types.js';

const DIGEST = '(?:sha256:|(?:containerd|docker|cri-o)://)[0-9a-f]{12,64}';

/**
 * Image digests and container IDs (`sha256:…`, `containerd://…`): differ per pull and per run.
 * The runtime scheme may differ too (`docker://` in an old doc, `containerd://` today), and an
 * `Image ID:`/`imageID` value is runtime-specific as a whole (`docker-pullable://nginx@sha256:…`
 * vs `docker.io/library/nginx@sha256:…`).
 */
export const digest: Normalizer = {
  id: 'digest',
  description: 'image digests and container IDs (`sha256:<hex>`, `containerd://<hex>`; whole `Image ID:` values): any digest / ID',
  anywhere: [new RegExp(`(?<![\\w])${DIGEST}(?![\\w])`, 'g')],
  contexts: ['imageid', 'containerid'],
  inContext: [/^\S*(?:sha256:|:\/\/)[0-9a-f]{12,64}$/g],
  actual: (doc) => (new RegExp(`^${DIGEST}$`).test(doc) ? DIGEST : '\\S*(?:sha256:|://)[0-9a-f]{12,64}'),
};
