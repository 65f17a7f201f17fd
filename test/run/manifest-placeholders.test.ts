import { join } from 'node:path';
import { describe, expect, it, test } from 'vitest';
import { emptyObservations } from '../../src/run/bind.js';
import { fillManifestPlaceholders, manifestPlaceholders, templateManifestRead, type TemplateManifest } from '../../src/run/manifest-placeholders.js';
import { runOnSim } from './helpers.js';

describe('manifestPlaceholders', () => {
  test.each<[string, string, { placeholder: string; index: number }[]]>([
    [
      'a name',
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: <insert-namespace-name-here>\n',
      [{ placeholder: '<insert-namespace-name-here>', index: 3 }],
    ],
    ['part of a value', 'spec:\n  containers:\n  - name: app\n    image: <your-registry>/app:1.0\n', [{ placeholder: '<your-registry>', index: 3 }]],
    ['a key', 'data:\n  <key>: value\n', [{ placeholder: '<key>', index: 1 }]],
    ['JSON', '{"metadata": {"name": "<your-name>"}}', [{ placeholder: '<your-name>', index: 0 }]],
    ['a value, not the comment above it', '# set <your-name> below\nmetadata:\n  name: <your-name>\n', [{ placeholder: '<your-name>', index: 2 }]],
  ])('%s is a placeholder', (_what, content, found) => {
    expect(manifestPlaceholders(content)).toEqual(found);
  });

  test.each<[string, string]>([
    ['markup a ConfigMap serves', 'data:\n  index.html: |\n    <html><body><h1>Hello</h1></body></html>\n'],
    ['one element of markup', 'data:\n  title: "<b>Hi</b>"\n'],
    ['a comment', '# replace <your-name>\nmetadata:\n  name: web\n'],
    ['a heredoc in a script', 'args:\n- sh\n- -c\n- cat <<EOF > /tmp/x\n'],
    ['a redirection', 'args: ["sh", "-c", "wc -l < /etc/hosts"]\n'],
    ['text that is not YAML', 'metadata: [\n  name: <your-name>\n'],
  ])('%s is not', (_what, content) => {
    expect(manifestPlaceholders(content)).toEqual([]);
  });
});

describe('fillManifestPlaceholders', () => {
  it('fills what the runner fills in commands, and leaves the reader’s choices', () => {
    const obs = { ...emptyObservations(), nodes: [{ NAME: 'worker-1', ROLES: '<none>' }] };
    const r = fillManifestPlaceholders('spec:\n  nodeName: <node-name>\n  serviceAccountName: <your-account>\n', obs, '');
    expect(r.content).toBe('spec:\n  nodeName: worker-1\n  serviceAccountName: <your-account>\n');
    expect(r.rewrites).toEqual([{ kind: 'placeholder', from: '<node-name>', to: 'worker-1', reason: 'node-name from an earlier output' }]);
    expect(r.left).toEqual([{ placeholder: '<your-account>', index: 2, reason: 'the doc leaves <your-account> for the reader to fill in' }]);
  });

  it('says why a known placeholder cannot be filled yet', () => {
    const r = fillManifestPlaceholders('spec:\n  nodeName: <node-name>\n', emptyObservations(), '');
    expect(r.left.map((l) => l.reason)).toEqual(['cannot fill in <node-name>: no earlier output lists the nodes (`kubectl get nodes`)']);
  });
});

describe('templateManifestRead', () => {
  const t: TemplateManifest = { file: 'admin/ns.yaml', line: 9, placeholder: '<x>', at: 'line 12', reason: 'r' };
  const templates = new Map([['admin/ns.yaml', t]]);
  test.each<[string, boolean]>([
    ['kubectl create -f ./admin/ns.yaml', true],
    ['kubectl apply --filename=admin/ns.yaml', true],
    ['kubectl apply -f https://k8s.io/examples/admin/ns.yaml', true],
    ['kubectl delete -f admin/ns.yaml --wait=false', true],
    ['cat admin/ns.yaml', false],
    ['kubectl apply -f admin/other.yaml', false],
  ])('%s → %s', (command, reads) => {
    expect(templateManifestRead(command, templates) === t).toBe(reads);
  });
});

describe('a manifest with a placeholder, on the simulator', () => {
  it('skips the steps applying it as templates, fills what it can, and runs the filled-in version', async () => {
    const r = await runOnSim(join(import.meta.dirname, '../../fixtures/run/manifest-placeholder/page.md'), { settleMs: 20_000 });
    const commands = r.steps.filter((s) => s.kind === 'command');
    expect(commands.map((s) => [s.line, s.status])).toEqual([
      [17, 'skipped'],
      [44, 'skipped'],
      [54, 'skipped'],
      [79, 'pass'],
      [91, 'pass'],
      [116, 'pass'],
      [117, 'pass'],
      [139, 'pass'],
    ]);
    expect(commands[0]!.skipReason).toBe(
      'the manifest team.yaml (line 7) is a template: the doc leaves <insert-team-name-here> for the reader to fill in (line 11); no rule can fill it',
    );
    expect(commands[1]!.skipReason).toContain('<your-registry> for the reader to fill in (line 40)');
    expect(commands[2]!.skipReason).toMatch(/^depends on line 44, which was skipped/);
    const pinned = r.steps.find((s) => s.kind === 'manifest' && s.line === 103)!;
    expect(pinned.rewrites).toEqual([expect.objectContaining({ from: '<node-name>', to: 'kind-control-plane' })]);
  }, 90_000);
});

describe('an example downloaded with curl -o / wget -O', () => {
  it('is the example: a template when the example is one, applied as it is otherwise, never fetched from the network', async () => {
    const r = await runOnSim(join(import.meta.dirname, '../../fixtures/run/manifest-placeholder/fetched/page.md'));
    const commands = r.steps.filter((s) => s.kind === 'command');
    expect(commands.map((s) => [s.line, s.status])).toEqual([
      [10, 'pass'],
      [16, 'skipped'],
      [17, 'skipped'],
      [25, 'pass'],
      [26, 'pass'],
    ]);
    expect(commands[0]!.ran).toContain('cp ./pods/own-image.yaml my-pod.yaml');
    expect(commands[1]!.skipReason).toBe(
      'the manifest my-pod.yaml (line 10) is a template: the doc leaves <your-image> for the reader to fill in (line 8 of pods/own-image.yaml); no rule can fill it',
    );
    expect(commands[2]!.skipReason).toMatch(/^depends on line 16, which was skipped/);
    expect(commands[3]!.ran).toContain('cp ./pods/plain.yaml plain.yaml');
  }, 90_000);
});
