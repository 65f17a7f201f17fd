import { describe, expect, it } from 'vitest';
import { emptyListDependency } from '../../src/run/empty-list.js';
import type { SkippedProducer } from '../../src/run/depends.js';

const EMPTY = 'No resources found in default namespace.\n';
const madeDeployment: SkippedProducer = {
  line: 10,
  reason: 'example file web.yaml not in the examples folder',
  names: new Set(),
  objects: new Set(['web']),
  kinds: new Map([['web', new Set(['deployment'])]]),
};

describe('emptyListDependency reads the listed kind by any of its names', () => {
  it.each(['kubectl get deploy', 'kubectl get deployments', 'kubectl get deployments.apps', 'kubectl get deployment -l app=web'])(
    '%s after a skipped step that would have made a Deployment depends on it',
    (command) => {
      expect(emptyListDependency({ line: 20, command, expected: null }, EMPTY, [madeDeployment], [])).toMatch(/^depends on line 10\b/);
    },
  );

  it('a listing of another kind does not depend on it', () => {
    expect(emptyListDependency({ line: 20, command: 'kubectl get svc', expected: null }, EMPTY, [madeDeployment], [])).toBeUndefined();
  });

  it('pods listed by their short name depend on a skipped workload', () => {
    expect(emptyListDependency({ line: 20, command: 'kubectl get po', expected: null }, EMPTY, [madeDeployment], [])).toMatch(/^depends on line 10\b/);
  });
});
