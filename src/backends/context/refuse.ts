import { kubectlCall, parseCommandLine } from '../../shell/index.js';

/** Cluster-scoped kinds a lesson must not touch on a shared cluster (names kubectl accepts). */
const CLUSTER_SCOPED =
  /\b(namespaces?|ns|nodes?|no|clusterroles?|clusterrolebindings?|persistentvolumes?|pv|storageclass(es)?|sc|customresourcedefinitions?|crds?|priorityclass(es)?|ingressclass(es)?|validatingwebhookconfigurations?|mutatingwebhookconfigurations?)\b/;

/** kubectl verbs that change what they name. */
const MUTATING_VERBS = new Set(['create', 'delete', 'apply', 'edit', 'patch', 'label', 'annotate', 'replace', 'taint', 'cordon', 'drain']);

/**
 * Why a kubectl command may not run in the lesson's namespace on a shared cluster, or undefined.
 * Other namespaces (`-n x`, `--namespace=x`, `-A`) and cluster-scoped objects are refused.
 */
export function refuseCommand(command: string, namespace: string): string | undefined {
  for (const c of parseCommandLine(command).commands) {
    const call = kubectlCall(c);
    if (!call) continue;
    for (const { value } of [...(call.flags.get('-n') ?? []), ...(call.flags.get('--namespace') ?? [])]) {
      if (typeof value === 'string' && value !== namespace && value !== 'default')
        return `uses namespace ${value}; this backend runs the lesson in ${namespace} only (--allow-cluster-scoped allows it)`;
    }
    if (call.flags.has('-A') || call.flags.has('--all-namespaces')) return 'reads every namespace (--allow-cluster-scoped allows it)';
    const verb = call.path[0]?.value ?? '';
    const target = [...call.path.slice(1), ...call.positionals][0]?.value;
    if (MUTATING_VERBS.has(verb) && target && (CLUSTER_SCOPED.test(target.split('/')[0]!) || ['cordon', 'drain', 'taint'].includes(verb)))
      return `changes the cluster-scoped object ${target} (--allow-cluster-scoped allows it)`;
  }
  return undefined;
}
