import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import yaml from 'js-yaml';

/** The name of the cluster, user and context in the simulator's kubeconfig. */
export const SIM_CONTEXT = 'kubedoctest-sim';

/** A kubeconfig for the simulator: one cluster, user and context, all named `kubedoctest-sim`. */
export function kubeconfigYaml(server: string, caPem: string, token: string, namespace = 'default'): string {
  return yaml.dump({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: SIM_CONTEXT, cluster: { server, 'certificate-authority-data': Buffer.from(caPem).toString('base64') } }],
    users: [{ name: SIM_CONTEXT, user: { token } }],
    contexts: [{ name: SIM_CONTEXT, context: { cluster: SIM_CONTEXT, user: SIM_CONTEXT, namespace } }],
    'current-context': SIM_CONTEXT,
    preferences: {},
  });
}

/** Writes `<dir>/kubeconfig` (mode 0600) and returns its path. */
export async function writeKubeconfig(dir: string, server: string, caPem: string, token: string): Promise<string> {
  const path = join(dir, 'kubeconfig');
  await writeFile(path, kubeconfigYaml(server, caPem, token), { mode: 0o600 });
  return path;
}
