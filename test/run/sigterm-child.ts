/**
 * Child process for the SIGTERM test: runs a lesson whose step never ends, with the runner's
 * signal handling on. argv: stateDir tmpDir tag.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPlan } from '../../src/run/run-plan.js';
import { FakeBackend, plainMatcher } from './fake-backend.js';
import { cmd, plan } from './plan-builder.js';

const [stateDir, tmpDir, tag] = process.argv.slice(2) as [string, string, string];
const fake = new FakeBackend(stateDir, []);
const backend = {
  name: 'fake',
  start: async (o: { workDir: string }) => {
    const session = await fake.start(o);
    return { ...session, stop: async () => writeFileSync(join(stateDir, 'stopped'), 'yes') };
  },
};
const result = await runPlan(plan([cmd(3, `(exec -a ${tag} sleep 1000) & touch ${join(stateDir, 'started')}; exec -a ${tag} sleep 1000`)]), backend, {
  matcher: plainMatcher,
  tmpDir,
  gatherFacts: false,
});
writeFileSync(join(stateDir, 'finished'), result.error?.code ?? 'none');
