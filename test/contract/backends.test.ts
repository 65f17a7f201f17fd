import { describe, it } from 'vitest';
import { contextBackend } from '../../src/backends/context/backend.js';
import { kindBackend } from '../../src/backends/kind/backend.js';
import { simBackend } from '../../src/backends/sim/backend.js';
import { startSim } from '../../src/backends/sim/index.js';
import { makeFakeTools } from '../helpers/fake-tools.js';
import { describeBackendContract } from './backend.js';

describeBackendContract('sim', () => simBackend({}));

// The kind backend with fake kind/docker binaries that hand out a running simulator's kubeconfig:
// the backend's own logic under the same contract, where no Docker engine exists.
describeBackendContract(
  'kind (fake kind, simulator cluster)',
  async () => {
    const sim = await startSim({});
    const fake = await makeFakeTools();
    process.env.FAKE_KIND_KUBECONFIG = sim.kubeconfigPath;
    stops.push(() => sim.stop());
    return kindBackend({ kindBin: fake.kind, dockerBin: fake.docker });
  },
  async () => {
    await Promise.all(stops.splice(0).map((s) => s()));
  },
);
const stops: (() => Promise<void>)[] = [];

if (process.env.KUBEDOCTEST_TEST_KIND === '1') describeBackendContract('kind (real)', () => kindBackend({}));
else describe.skip('kind (real): set KUBEDOCTEST_TEST_KIND=1 on a machine with Docker and kind', () => it('skipped', () => undefined));

const ctx = process.env.KUBEDOCTEST_TEST_CONTEXT;
if (ctx) describeBackendContract(`context ${ctx}`, () => contextBackend({ context: ctx, allowContext: ctx }));
else describe.skip('context (real): set KUBEDOCTEST_TEST_CONTEXT=<name>', () => it('skipped', () => undefined));
