import { describe, expect, test } from 'vitest';
import { fileSource } from '../../../src/match/normalizers/index.js';
import { baseName } from '../../../src/match/normalizers/file-source.js';
import { normalizerCases } from './cases.js';

const created = (source: string) =>
  `Error from server (Forbidden): error when creating "${source}": pods "x" is forbidden: maximum memory usage per Container is 1Gi`;

describe('file-source', () => {
  normalizerCases(fileSource, [
    // the reader's argument: a URL where the author had a checkout, another directory, `./`
    [created('examples/admin/resource/pod-2.yaml'), created('https://k8s.io/examples/admin/resource/pod-2.yaml'), true],
    [created('examples/admin/resource/pod-2.yaml'), created('./admin/resource/pod-2.yaml'), true],
    [created('pod-2.yaml'), created('/home/me/pod-2.yaml'), true],
    ['error when applying patch "a/pod.yaml": x', 'error when applying patch "https://example.com/b/pod.yaml": x', true],
    ['error when replacing "a/pod.yaml": x', 'error when replacing "b/pod.yaml": x', true],
    ['from server for: "docs/pod.yaml": x', 'from server for: "pod.yaml": x', true],
    // another file, another verb, or the rest of the message still differ
    [created('examples/admin/resource/pod-2.yaml'), created('examples/admin/resource/pod-3.yaml'), false],
    [created('pod-2.yaml'), created('my-pod-2.yaml'), false],
    ['error when creating "a/pod.yaml": x', 'error when deleting "a/pod.yaml": x', false],
    [created('pod-2.yaml'), created('pod-2.yaml').replace('1Gi', '2Gi'), false],
    // a quoted name elsewhere is no source
    ['pods "pod-2.yaml" is forbidden', 'pods "x/pod-2.yaml" is forbidden', false],
  ]);
  test('the base name drops directories, URL origin and query', () => {
    expect(baseName('https://k8s.io/examples/pods/pod.yaml?raw=1')).toBe('pod.yaml');
    expect(baseName('STDIN')).toBe('STDIN');
  });
});
