import { describe, expect, test } from 'vitest';
import { formatPath, lineOfPath } from '../../src/match/structured-lines.js';

const YAML = `apiVersion: v1
kind: Service
metadata:
  name: my-nginx
spec:
  ports:
  - name: http
    port: 80
  - name: https
    port: 443
  selector:
    name: my-nginx`.split('\n');

describe('lineOfPath', () => {
  test.each([
    [['kind'], 1],
    [['metadata', 'name'], 3],
    [['spec', 'ports', 1, 'port'], 9],
    [['spec', 'ports', 0], 6],
    [['spec', 'selector', 'name'], 11],
    [['spec', 'missing'], 4],
  ] as const)('%j is at line %i', (path, line) => {
    expect(lineOfPath(YAML, [...path])).toBe(line);
  });

  test('should find items of a list at the root (an excerpt that is a list item)', () => {
    expect(lineOfPath(['- image: nginx', '  name: a', '- image: redis', '  name: b'], [1, 'name'])).toBe(3);
    expect(lineOfPath(['- image: nginx', '  name: a'], [0, 'name'])).toBe(1);
  });

  test('should find items of JSON arrays', () => {
    const json = '{\n  "items": [\n    {\n      "a": 1\n    },\n    {\n      "a": 2\n    }\n  ]\n}'.split('\n');
    expect(lineOfPath(json, ['items', 1, 'a'])).toBe(6);
  });

  test('should find JSON keys', () => {
    const json = '{\n  "status": {\n    "phase": "Running"\n  }\n}'.split('\n');
    expect(lineOfPath(json, ['status', 'phase'])).toBe(2);
  });
});

describe('formatPath', () => {
  test('should print dotted paths with list indices', () => {
    expect(formatPath(['spec', 'ports', 0, 'port'])).toBe('spec.ports[0].port');
    expect(formatPath([])).toBe('(document)');
  });
});
