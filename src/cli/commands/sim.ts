import { constants, existsSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { KubedoctestError, startSim } from '../../index.js';
import { parseCount, supportedK8sVersion, writableOutput } from '../output.js';

export interface SimStartOptions {
  port?: string;
  kubeconfig?: string;
  force?: boolean;
  k8sVersion?: string;
  nodes?: string;
  loadBalancer?: boolean;
  metricsServer?: boolean;
}

/**
 * `kubedoctest sim start`: runs the simulated cluster in the foreground until Ctrl-C,
 * printing the `export KUBECONFIG=…` line to use it with kubectl. `--kubeconfig <file>` never
 * replaces an existing file (it may be the user's ~/.kube/config) unless `--force` is given.
 */
export async function simStartCommand(options: SimStartOptions): Promise<number> {
  if (options.k8sVersion) supportedK8sVersion(options.k8sVersion);
  const port = options.port ? parseCount(options.port, '--port', 0) : undefined;
  const nodes = options.nodes ? parseCount(options.nodes, '--nodes') : undefined;
  if (options.kubeconfig) {
    if (!options.force && existsSync(options.kubeconfig))
      throw new KubedoctestError('ERR_INVALID_OPTION', `--kubeconfig ${options.kubeconfig} already exists; it was left as it is`, {
        hint: 'name a new file, or add --force to replace it',
      });
    writableOutput(options.kubeconfig, '--kubeconfig');
  }
  const sim = await startSim({
    ...(port !== undefined ? { port } : {}),
    ...(options.k8sVersion ? { version: options.k8sVersion } : {}),
    ...(nodes !== undefined ? { nodes } : {}),
    loadBalancer: Boolean(options.loadBalancer),
    metricsServer: Boolean(options.metricsServer),
  });
  let kubeconfig = sim.kubeconfigPath;
  if (options.kubeconfig) {
    try {
      // Without --force, a file that appeared since the check above is still not replaced.
      await copyFile(sim.kubeconfigPath, options.kubeconfig, options.force ? 0 : constants.COPYFILE_EXCL);
    } catch (cause) {
      await sim.stop();
      throw new KubedoctestError('ERR_OUTPUT_WRITE', `cannot write --kubeconfig ${options.kubeconfig}: ${(cause as Error).message}`, { cause });
    }
    kubeconfig = options.kubeconfig;
  }
  // Listen before saying how to use it, so a Ctrl-C right after the message still stops cleanly.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stdout.write(`kubedoctest simulator listening on ${sim.url}\nexport KUBECONFIG=${kubeconfig}\n(Ctrl-C stops it)\n`);
  await stopped;
  await sim.stop();
  process.stderr.write('simulator stopped\n');
  return 0;
}
