import { describe } from 'vitest';
import { digest } from '../../../src/match/normalizers/index.js';
import { normalizerCases } from './cases.js';

const HEX_A = '0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31';
const HEX_B = 'bc5eac5eafc581aeda3008b4b1f07ebba230de2f27d47767129a6a905c84f470';

describe('digest', () => {
  normalizerCases(digest, [
    [`nginx@sha256:${HEX_A}`, `nginx@sha256:${HEX_B}`, true],
    [`Container ID: docker://${HEX_A}`, `Container ID: containerd://${HEX_B}`, true],
    [`docker-pullable://nginx@sha256:${HEX_A}`, `docker.io/library/nginx@sha256:${HEX_B}`, true, 'Image ID'],
    [`imageID: docker-pullable://nginx@sha256:${HEX_A}`, `imageID: docker.io/library/nginx@sha256:${HEX_B}`, true],
    // the image name outside Image ID stays exact
    [`nginx@sha256:${HEX_A}`, `httpd@sha256:${HEX_B}`, false],
    [`sha256:${HEX_A}`, 'sha256:xyz', false],
  ]);
});
