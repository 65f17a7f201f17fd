import { copyFile } from 'node:fs/promises';
import { startSim } from '../../backends/sim/index.js';
import { parseCount } from '../output.js';

export interface SimStartOptions {
  port?: string;
  kubeconfig?: string;
  k8sVersion?: string;
  nodes?: string;
  loadBalancer?: boolean;
}

/**
 * `kubedoctest sim start`: runs the simulated cluster in the foreground until Ctrl-C,
 * printing the `export KUBECONFIG=…` line to use it with kubectl.
 */
export async function simStartCommand(options: SimStartOptions): Promise<number> {
  const sim = await startSim({
    ...(options.port ? { port: parseCount(options.port, '--port', 0) } : {}),
    ...(options.k8sVersion ? { version: options.k8sVersion } : {}),
    ...(options.nodes ? { nodes: parseCount(options.nodes, '--nodes') } : {}),
    loadBalancer: Boolean(options.loadBalancer),
  });
  let kubeconfig = sim.kubeconfigPath;
  if (options.kubeconfig) {
    await copyFile(sim.kubeconfigPath, options.kubeconfig);
    kubeconfig = options.kubeconfig;
  }
  process.stdout.write(`kubedoctest simulator listening on ${sim.url}\nexport KUBECONFIG=${kubeconfig}\n(Ctrl-C stops it)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await sim.stop();
  process.stderr.write('simulator stopped\n');
  return 0;
}
