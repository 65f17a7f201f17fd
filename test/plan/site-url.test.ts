import { describe, expect, it } from 'vitest';
import { examplesPath, shownPathFor, sitePath } from '../../src/plan/site-url.js';

describe('sitePath', () => {
  it.each([
    ['http://k8s.io/docs/tasks/configure-pod-container/commands.yaml', 'docs/tasks/configure-pod-container/commands.yaml'],
    ['https://kubernetes.io/docs/tasks/x/y.yaml', 'docs/tasks/x/y.yaml'],
    ['https://www.kubernetes.io/docs/tasks/x/y.yaml?raw=true', 'docs/tasks/x/y.yaml'],
    ['https://raw.githubusercontent.com/kubernetes/website/release-1.8/docs/tasks/x/y.yaml', 'docs/tasks/x/y.yaml'],
    ['https://k8s.io/examples/pods/simple-pod.yaml', 'examples/pods/simple-pod.yaml'],
    ['https://raw.githubusercontent.com/kubernetes/dashboard/v2.7.0/aio/deploy/recommended.yaml', undefined],
    ['https://example.com/docs/tasks/x/y.yaml', undefined],
  ])('should read %s as %s', (url, path) => {
    expect(sitePath(url)).toBe(path);
  });

  it('should tell example addresses by their path', () => {
    expect(examplesPath('https://k8s.io/examples/pods/simple-pod.yaml')).toBe('pods/simple-pod.yaml');
    expect(examplesPath('https://raw.githubusercontent.com/kubernetes/website/main/content/en/examples/pods/x.yaml')).toBe('pods/x.yaml');
    expect(examplesPath('https://k8s.io/docs/tasks/x/y.yaml')).toBeUndefined();
  });
});

describe('shownPathFor', () => {
  const path = 'docs/tasks/configure-pod-container/commands.yaml';

  it.each([
    ['the ghlink itself', ['/docs/tasks/configure-pod-container/commands.yaml'], '/docs/tasks/configure-pod-container/commands.yaml'],
    ['the include file name', ['commands.yaml'], 'commands.yaml'],
    ['a tail at a folder boundary', ['configure-pod-container/commands.yaml', 'commands.yaml'], 'configure-pod-container/commands.yaml'],
    ['no file of another name', ['other-commands.yaml', 'mands.yaml'], undefined],
    ['no file of another folder', ['pods/commands.yaml'], undefined],
  ])('should match %s', (_what, keys, found) => {
    expect(shownPathFor(path, keys)).toBe(found);
  });

  it('should not pick between two files the address names equally well', () => {
    // Two includes of one name (`commands.yaml` of two folders the page reads): the address names neither alone.
    expect(shownPathFor(path, ['commands.yaml', './commands.yaml'])).toBeUndefined();
    // Two keys of one file are not a choice.
    const file = new Map([
      ['commands.yaml', 'commands.yaml'],
      ['./commands.yaml', 'commands.yaml'],
    ]);
    expect(shownPathFor(path, file.keys(), (k) => file.get(k))).toBe('commands.yaml');
  });
});
