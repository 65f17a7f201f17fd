/**
 * Keys whose presence and value depend on where the cluster runs, not on the tutorial: a doc
 * captured on GKE shows an EndpointSlice endpoint's `zone`, kind and the simulator have none; a
 * minikube kubeconfig names its CA file, kind's embeds it as `certificate-authority-data`.
 * A doc key listed here that the actual output lacks, or shows with another value, is flagged
 * `environment` (reported, not failed), like a value a distribution sets in kube-system.
 */
export const ENVIRONMENT_KEYS: ReadonlyArray<{ key: string; why: string; kubeconfig?: true }> = [
  { key: 'zone', why: 'the zone the cloud provider put the node in; clusters without zones have none' },
  { key: 'topology.kubernetes.io/zone', why: 'the zone label the cloud provider sets on nodes' },
  { key: 'topology.kubernetes.io/region', why: 'the region label the cloud provider sets on nodes' },
  { key: 'failure-domain.beta.kubernetes.io/zone', why: 'the old zone label the cloud provider set on nodes' },
  { key: 'failure-domain.beta.kubernetes.io/region', why: 'the old region label the cloud provider set on nodes' },
  { key: 'hints', why: 'topology hints, set only where topology-aware routing is on' },
  { key: 'certificate-authority', why: "the kubeconfig path of the cluster's CA file, chosen by the installer", kubeconfig: true },
  { key: 'certificate-authority-data', why: "the cluster's CA embedded in the kubeconfig, as the installer chose", kubeconfig: true },
  { key: 'client-certificate', why: "the kubeconfig path of the user's certificate, chosen by the installer", kubeconfig: true },
  { key: 'client-certificate-data', why: "the user's certificate embedded in the kubeconfig, as the installer chose", kubeconfig: true },
  { key: 'client-key', why: "the kubeconfig path of the user's key, chosen by the installer", kubeconfig: true },
  { key: 'client-key-data', why: "the user's key embedded in the kubeconfig, as the installer chose", kubeconfig: true },
  { key: 'extensions', why: 'kubeconfig extensions an installer adds (minikube writes its version)', kubeconfig: true },
  { key: 'insecure-skip-tls-verify', why: 'a kubeconfig setting of the installer', kubeconfig: true },
];

/**
 * Why a doc key's presence and value depend on the cluster's environment, or undefined. Inside a
 * kubeconfig entry the page made itself (`set-credentials developer --client-key=…`), the
 * kubeconfig keys are the page's values, not an installer's: `inPageEntry` leaves them exact.
 */
export function environmentKey(key: string | number | undefined, inPageEntry = false): string | undefined {
  if (typeof key !== 'string') return undefined;
  const found = ENVIRONMENT_KEYS.find((k) => k.key === key);
  return found && !(inPageEntry && found.kubeconfig) ? found.why : undefined;
}
