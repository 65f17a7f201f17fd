import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/index.js';
import { buildPlan } from '../../src/plan/index.js';

const fragments = [
  '```',
  '````',
  '~~~',
  '```shell',
  '```yaml',
  '```console',
  '```none',
  '```json',
  '\n',
  '\n\n',
  '   ',
  '\t',
  '$ ',
  '# ',
  '> ',
  'node $ ',
  '[ root@pod-1:/ ]$ ',
  'root@x-pod:/# ',
  'kubectl get pods',
  'kubectl apply -f ./a.yaml',
  'cat <<EOF',
  'EOF',
  '\\',
  "'",
  '"',
  '$(',
  '`',
  'for i in a; do',
  'done',
  'The output is similar to:',
  'Output:',
  'apiVersion: v1',
  'kind: Pod',
  '  name: x',
  '- a',
  '1. ',
  '* ',
  '<!-- kubedoctest: skip -->',
  '<!-- kubedoctest: setup\n',
  '-->',
  '<!-- kubedoctest: expect',
  '{{< tabs >}}',
  '{{% tab name="a" %}}',
  '{{% /tab %}}',
  '{{< /tabs >}}',
  '{{% code_sample file="a/b.yaml" %}}',
  'https://k8s.io/examples/x.yaml',
  '# should output: x',
  '---\ntitle: x\n---\n',
  '\r\n',
  '\u2013',
  '\uFFFD',
  '\u0000',
];

const markdown = fc
  .array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 60 })
  .map((parts) => parts.join(''));

describe('parseMarkdown on arbitrary input', () => {
  it('should never throw, and plans should survive a JSON round trip', () => {
    fc.assert(
      fc.property(markdown, (source) => {
        const lesson = parseMarkdown(source, { path: 'p.md', readFile: () => undefined });
        const plan = buildPlan(lesson);
        expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
        for (const s of plan.steps) {
          expect(s.line).toBeGreaterThanOrEqual(1);
          expect(s.position.endLine).toBeGreaterThanOrEqual(s.position.line);
        }
        expect(plan.steps.map((s) => s.id)).toEqual(plan.steps.map((_, i) => `s${i + 1}`));
      }),
      { numRuns: 400 },
    );
  });
});
