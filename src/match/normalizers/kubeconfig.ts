import type { Normalizer } from './types.js';

/**
 * Names cluster installers give the kubeconfig context, cluster and user they write: a doc made
 * on minikube shows `minikube`, on kind `kind-kind`, on GKE `gke_<project>_<zone>_<cluster>`.
 * Names a tutorial sets itself (`kubectl config set-context dev-frontend`) are not here and
 * stay exact.
 */
export const INSTALLER_NAMES: readonly string[] = [
  'minikube',
  'docker-desktop',
  'docker-for-desktop',
  'kind-[a-z0-9][a-z0-9.-]*',
  'k3d-[a-z0-9][a-z0-9.-]*',
  'admin@k3d-[a-z0-9][a-z0-9.-]*',
  'gke_[\\w.-]+_[\\w.-]+_[\\w.-]+',
  'arn:aws:eks:[\\w-]+:\\d+:cluster/[\\w.-]+',
  '[\\w.-]+@[\\w.-]+\\.eksctl\\.io',
  'clusterUser_[\\w.-]+',
  'kubernetes-admin@kubernetes',
  'kubernetes-admin',
  'kubernetes',
  'microk8s',
  'microk8s-cluster',
  // kube-up.sh on GCE (cluster/gce/util.sh): CONTEXT="${PROJECT}_${INSTANCE_PREFIX}", the prefix
  // `kubernetes` by default, and a second user `${CONTEXT}-basic-auth`.
  '[a-z][a-z0-9-]*[a-z0-9]_kubernetes(?:-basic-auth)?',
  'rancher-desktop',
  'orbstack',
  'colima',
];

/**
 * Default context names distinctive enough to be recognised as a whole output line
 * (`kubectl config current-context`); never in a table cell or a YAML value, where only the
 * key or column says what a value is.
 */
const DISTINCTIVE = [
  'minikube',
  'docker-desktop',
  'docker-for-desktop',
  'kind-kind',
  'k3d-k3s-default',
  'gke_[\\w.-]+_[\\w.-]+_[\\w.-]+',
  'arn:aws:eks:[\\w-]+:\\d+:cluster/[\\w.-]+',
  'kubernetes-admin@kubernetes',
  '[a-z][a-z0-9-]*[a-z0-9]_kubernetes',
  'microk8s',
  'rancher-desktop',
  'orbstack',
];

const NAME = `(?:${INSTALLER_NAMES.join('|')})`;
const WHOLE = new RegExp(`^${NAME}$`, 'g');
const INSTALLER_NAME = new RegExp(`^${NAME}$`);

/** Whether a kubeconfig context, cluster or user name is one an installer gives (`minikube`, `kind-kind`, …). */
export function isInstallerName(name: string): boolean {
  return INSTALLER_NAME.test(name);
}
/** What any kubeconfig name may look like in the actual output. */
const ANY_NAME = '[\\w.:@/-]+';

function kubeconfigName(id: string, bind: string, what: string, contexts: string[], anywhere: RegExp[] = [], wholeLine: RegExp[] = []): Normalizer {
  return {
    id,
    description: `installer-given kubeconfig ${what} names (\`minikube\`, \`kind-kind\`, \`gke_…\`, \`<project>_kubernetes\`): any name`,
    anywhere,
    wholeLine,
    contexts,
    inContext: [WHOLE],
    actual: () => ANY_NAME,
    bind,
  };
}

/** Context names: `current-context:`, `contexts[].name`, get-contexts NAME, `Switched to context "…"`, a lone line. */
export const kubeContext = kubeconfigName(
  'kube-context',
  'kube-context',
  'context',
  ['currentcontext', 'kubecontext'],
  [new RegExp(`(?<=(?:[Ss]witched to context|[Cc]ontext) ")${NAME}(?=")`, 'g')],
  [new RegExp(`^(?:${DISTINCTIVE.join('|')})$`, 'g')],
);

/** Cluster names: `cluster:` of a context, `clusters[].name`, get-contexts CLUSTER. */
export const kubeCluster = kubeconfigName('kube-cluster', 'kube-cluster', 'cluster', ['cluster', 'kubecluster']);

/** User names: `user:` of a context, `users[].name`, get-contexts AUTHINFO. */
export const kubeUser = kubeconfigName('kube-user', 'kube-user', 'user', ['user', 'authinfo', 'kubeuser']);
