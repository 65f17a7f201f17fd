import { describe, expect, it } from 'vitest';
import { commands, manifests, parseFixture } from './helpers.js';

describe('a yaml fence that starts at a prompt', () => {
  const lesson = parseFixture('prompt-in-yaml-fence.md');

  it('should be a command and its output, not a manifest', () => {
    expect(commands(lesson).map((c) => [c.line, c.command, c.expected?.text])).toEqual([
      [4, 'kubectl apply -f gadget.yaml', undefined],
      [10, 'kubectl get gadgets -o json', '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List"\n}'],
    ]);
    expect(manifests(lesson).map((m) => [m.line, m.file])).toEqual([[20, 'other.yaml']]);
  });
});
