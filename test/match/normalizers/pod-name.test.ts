import { describe } from 'vitest';
import { podName, podTableName } from '../../../src/match/normalizers/index.js';
import { normalizerCases } from './cases.js';

describe('pod-name', () => {
  normalizerCases(podName, [
    ['my-nginx-cf54cdbf7-vr96x', 'my-nginx-7d9c6f8b4-k2x9p', true],
    ['my-nginx-3800858182-jr4a2', 'my-nginx-7d9c6f8b4-k2x9p', true],
    // after a hash, an old cluster's suffix of any letters
    ['my-nginx-3800858182-kixwv', 'my-nginx-7d9c6f8b4-k2x9p', true],
    ['my-nginx-cf54cdbf7-hello', 'my-nginx-7d9c6f8b4-k2x9p', true],
    ['pod/my-nginx-cf54cdbf7-vr96x', 'pod/my-nginx-7d9c6f8b4-k2x9p', true],
    ['replicaset.apps/my-nginx-cf54cdbf7', 'replicaset.apps/my-nginx-7d9c6f8b4', true],
    ['busybox-vr96x', 'busybox-k2x9p', true],
    ['pods "my-nginx-cf54cdbf7-vr96x" not found', 'pods "my-nginx-7d9c6f8b4-k2x9p" not found', true],
    ['pod-template-hash=cf54cdbf7', 'pod-template-hash=7d9c6f8b4', true],
    ['cf54cdbf7', '7d9c6f8b4', true, 'pod-template-hash'],
    // the prefix is exact
    ['my-nginx-cf54cdbf7-vr96x', 'my-apache-7d9c6f8b4-k2x9p', false],
    // the actual must have the real shape: the safe alphabet, 5-character suffix
    ['my-nginx-cf54cdbf7-vr96x', 'my-nginx-7d9c6f8b4-k2x9a', false],
    ['my-nginx-cf54cdbf7-vr96x', 'my-nginx-7d9c6f8b4-k2x9', false],
    ['my-nginx-cf54cdbf7-vr96x', 'my-nginx-7d9c6f8b4', false],
    // words are not hashes
    ['hello-world', 'hello-earth', false],
    ['kube-proxy', 'kube-prxyz', false],
    ['nginx-deployment', 'nginx-7d9c6f8b4', false],
  ]);
});

describe('pod-table-name', () => {
  normalizerCases(podTableName, [
    // an old cluster's suffix of any letters, in a pod table's NAME column
    ['process-item-apple-kixwv', 'process-item-apple-b2c4d', true, 'podname'],
    ['web-hello', 'web-x7k2p', true, 'podname'],
    // the prefix is exact; the actual has today's shape
    ['process-item-apple-kixwv', 'process-item-pear-b2c4d', false, 'podname'],
    ['process-item-apple-kixwv', 'process-item-apple-kixwa', false, 'podname'],
    // outside a pod table's NAME, a word stays a word
    ['web-hello', 'web-x7k2p', false],
    ['web-hello', 'web-x7k2p', false, 'name'],
  ]);
});
