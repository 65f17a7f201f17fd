import { describe, expect, it } from 'vitest';
import { matchOutput } from '../../src/match/match-output.js';

// kubectl 1.32's describe of a ConfigMap with one key: Data, then the BinaryData section it has printed since 1.22.
const actual = `Name:         app-settings
Namespace:    default
Labels:       <none>
Annotations:  <none>

Data
====
mode:
----
fast


BinaryData
====

Events:  <none>
`;
const check = (expected: string, command = 'kubectl describe configmap/app-settings') =>
  matchOutput({ expected, actual, mode: 'similar', line: 1, column: 1, command });

describe('describe sections a newer kubectl added', () => {
  it('reads a BinaryData section the doc lacks as stale, not wrong', () => {
    const r = check('Name:         app-settings\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\nmode:\n----\nfast\n');
    expect(r.ok, JSON.stringify(r.differences)).toBe(true);
    const stale = r.differences.filter((d) => d.stale).map((d) => d.actual);
    expect(stale).toEqual(expect.arrayContaining(['BinaryData', '====']));
    expect(r.differences.find((d) => d.actual === 'BinaryData')?.message).toContain('since kubectl 1.22');
  });

  it('works with the short resource name too', () => {
    const r = check('Name:         app-settings\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\nmode:\n----\nfast\n', 'kubectl describe cm app-settings');
    expect(r.ok, JSON.stringify(r.differences)).toBe(true);
  });

  it('still fails a wrong value in the part the doc shows', () => {
    const r = check('Name:         app-settings\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\nmode:\n----\nslow\n');
    expect(r.ok).toBe(false);
  });

  it('still fails a doc that leaves out the ---- rule kubectl prints under every key', () => {
    const r = check('Name:         app-settings\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\nmode:\nfast\n');
    expect(r.ok).toBe(false);
    expect(r.differences.filter((d) => !d.stale).map((d) => d.actual)).toContain('----');
  });

  it('is not a section of another resource: describe of a Secret compares BinaryData lines as usual', () => {
    const r = check('Name:         app-settings\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\nmode:\n----\nfast\n', 'kubectl describe secret app-settings');
    expect(r.ok).toBe(false);
  });
});
