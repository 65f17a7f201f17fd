import { describe, expect, it } from 'vitest';
import { simBackend } from '../../src/backends/sim/backend.js';
import { parseMarkdown } from '../../src/parse/index.js';
import { buildPlan } from '../../src/plan/index.js';
import { runPlan } from '../../src/run/run-plan.js';

const doc = [
  '# Unknown image',
  '',
  '```shell',
  'kubectl run thing --image=example.com/team/thing:1.0 && kubectl wait --for=condition=Ready pod/thing --timeout=30s',
  '```',
  '',
].join('\n');

describe('backend warnings in the lesson result', () => {
  it('says when the simulator ran an image it does not know with a generic profile', async () => {
    const plan = buildPlan(parseMarkdown(doc, { path: 'unknown-image.md' }));
    const r = await runPlan(plan, simBackend({}), { handleSignals: false, gatherFacts: false });
    expect(r.error).toBeUndefined();
    expect(r.warnings?.join('\n') ?? '').toContain('example.com/team/thing:1.0');
    // Only the lesson's images: not the simulator's own CoreDNS and kube-proxy.
    expect(r.warnings).toHaveLength(1);
  });
});
