import { describe, expect, it } from 'vitest';
import { commands, manifests, parseFixture } from './helpers.js';

describe('manifests inside list items', () => {
  const lesson = parseFixture('list-manifests.md');
  const ms = manifests(lesson);

  it('reads an indented block under a list item, asked to be written to a file, as that file without the list indentation', () => {
    const m = ms.find((s) => s.line === 12);
    expect(m).toMatchObject({ file: 'web-config.yaml', language: 'yaml', origin: 'inline' });
    expect(m!.content).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\ndata:\n  color: blue');
    expect(m!.partial).toBeUndefined();
  });

  it('reads an untagged fence under a list item holding a whole object as the file the prose names', () => {
    const m = ms.find((s) => s.line === 27);
    expect(m).toMatchObject({ file: 'web-pod.yaml', language: 'yaml' });
    expect(m!.content!.split('\n')[0]).toBe('apiVersion: v1');
  });

  it('marks lines the prose says to add to a file as a part of it, not the file', () => {
    const m = ms.find((s) => s.line === 40);
    expect(m).toMatchObject({ file: 'web-config.yaml', partial: true });
  });

  it('does not take an indented object the prose does not ask to write as a file', () => {
    expect(ms.some((s) => s.line === 5)).toBe(false);
  });

  it('keeps a whole object written over a file whole, even after "with this one"', () => {
    const m = ms.find((s) => s.line === 53);
    expect(m).toMatchObject({ file: 'web-pod.yaml' });
    expect(m!.partial).toBeUndefined();
  });

  it('links the first apply to the whole file', () => {
    const apply = commands(lesson).find((c) => c.line === 22);
    expect(apply!.references).toEqual([ms.find((s) => s.line === 12)!.id]);
  });
});
