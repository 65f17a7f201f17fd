import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/index.js';
import { commands, manifests } from './helpers.js';

// A shell-tagged fence of YAML fields after a command that prints YAML is that command's output,
// even when a later command writes and applies a file the fields could be taken for.
const lesson = (src: string[]) => parseMarkdown(src.join('\n'), { path: 'p.md', examplesDir: 'none' });

const page = (between: string[]) => [
  '```shell',
  'kubectl label pods web-0 tier=fe',
  'kubectl get pods web-0 -o yaml',
  '```',
  ...between,
  '```shell',
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  labels:',
  '    tier: fe',
  '...',
  '```',
  '',
  'Later, save the object and apply it again:',
  '',
  '```shell',
  'kubectl get pod web-0 -o yaml > /tmp/web.yaml',
  'kubectl apply -f /tmp/web.yaml',
  '```',
  '',
];

describe('YAML fields in a shell fence after a command that prints YAML', () => {
  it('should pair the fence right after the command as its output, not as a manifest', () => {
    const l = lesson(page([]));
    expect(manifests(l)).toEqual([]);
    const get = commands(l).find((s) => s.command === 'kubectl get pods web-0 -o yaml')!;
    expect(get.expected?.text).toBe('apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    tier: fe\n...');
  });

  it('should pair it after prose that does not ask to write a file', () => {
    const l = lesson(page(['', 'The labels show in the object:', '']));
    expect(manifests(l)).toEqual([]);
    expect(commands(l).find((s) => s.command.endsWith('-o yaml'))!.expected?.position.line).toBe(9);
  });

  it('should keep them a manifest after a command that prints no YAML', () => {
    const src = ['```shell', 'kubectl get pods web-0', '```', '```shell', 'metadata:', '  labels:', '    tier: fe', '```', ''];
    expect(manifests(lesson(src))).toHaveLength(1);
  });
});
