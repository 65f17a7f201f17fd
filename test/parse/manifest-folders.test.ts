import { describe, expect, it } from 'vitest';
import { folderFromProse } from '../../src/parse/walk.js';
import { manifests, parseFixture } from './helpers.js';

describe('files the prose names with folders', () => {
  it('should keep the folder of a relative path the prose asks to write, and no folder otherwise', () => {
    const lesson = parseFixture('manifest-folders.md');
    expect(manifests(lesson).map((m) => [m.line, m.file, m.folder])).toEqual([
      [10, 'widget.yaml', 'common'],
      [21, 'kustomization.yaml', 'common'],
      [28, 'kustomization.yaml', 'variants/blue'],
      [35, 'plain.yaml', undefined],
      [44, 'remote.yaml', undefined],
      [53, 'escape.yaml', undefined],
      [62, 'shown.yaml', undefined],
    ]);
  });

  it.each([
    ['Create `base/deployment.yaml`:', 'deployment.yaml', 'base'],
    ['Create a file named `./overlays/prod/patch.yaml`:', 'patch.yaml', 'overlays/prod'],
    ['Create `deployment.yaml`:', 'deployment.yaml', null],
    ['Create `/tmp/conf/deployment.yaml`:', 'deployment.yaml', null],
    ['Create `~/conf/deployment.yaml`:', 'deployment.yaml', null],
    ['Save https://k8s.io/examples/pods/deployment.yaml:', 'deployment.yaml', null],
    ['Create `a/../deployment.yaml`:', 'deployment.yaml', null],
    ['Edit `base/other.yaml`, then create `overlay/deployment.yaml`:', 'deployment.yaml', 'overlay'],
  ])('%s → folder of %s is %s', (prose, file, folder) => {
    expect(folderFromProse(prose, file)).toBe(folder);
  });
});
