import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simBackend } from '../../src/backends/sim/backend.js';
import { NODE_COUNT_CUE, nodesAskedIn } from '../../src/parse/data/cluster-shape.js';
import { parseMarkdown } from '../../src/parse/index.js';
import { buildPlan } from '../../src/plan/build-plan.js';

describe('the node count a page asks for', () => {
  it.each(NODE_COUNT_CUE.trigger)('%s → %i nodes', (text, nodes) => {
    expect(nodesAskedIn(text)).toBe(nodes);
  });

  it.each(NODE_COUNT_CUE.clean)('%s → none', (text) => {
    expect(nodesAskedIn(text)).toBeUndefined();
  });

  it('is kept in the plan with its line and sentence, the largest count winning', () => {
    const md = ['# Spread', '', 'You need a cluster with at least two nodes.', '', 'Better, use at least 3 nodes.', '', '```shell', 'kubectl get nodes', '```', ''].join('\n');
    const plan = buildPlan(parseMarkdown(md, { path: 'p.md', examplesDir: 'none' }));
    expect(plan.cluster).toEqual({ nodes: 3, line: 5, text: 'Better, use at least 3 nodes.' });
    expect(buildPlan(parseMarkdown('```shell\nkubectl get nodes\n```\n', { path: 'q.md', examplesDir: 'none' })).cluster).toBeUndefined();
  });

  it('starts the simulated cluster with that many nodes, unless the caller chose a count', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kdt-shape-'));
    await mkdir(join(dir, 'a'));
    await mkdir(join(dir, 'b'));
    try {
      const asked = await simBackend().start({ workDir: join(dir, 'a'), nodes: 3 });
      expect(asked.listObjects!(['nodes'], 'default').map((n) => (n as { metadata: { name: string } }).metadata.name)).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
      await asked.stop();
      const chosen = await simBackend({ nodes: 1 }).start({ workDir: join(dir, 'b'), nodes: 3 });
      expect(chosen.listObjects!(['nodes'], 'default')).toHaveLength(1);
      await chosen.stop();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
