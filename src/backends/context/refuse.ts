/** Cluster-scoped kinds a lesson must not touch on a shared cluster (names kubectl accepts). */
const CLUSTER_SCOPED = /\b(namespaces?|ns|nodes?|no|clusterroles?|clusterrolebindings?|persistentvolumes?|pv|storageclass(es)?|sc|customresourcedefinitions?|crds?|priorityclass(es)?|ingressclass(es)?|validatingwebhookconfigurations?|mutatingwebhookconfigurations?)\b/;

/**
 * Why a kubectl command may not run in the lesson's namespace on a shared cluster, or undefined.
 * Other namespaces (`-n x`, `--namespace=x`, `-A`) and cluster-scoped objects are refused.
 */
export function refuseCommand(command: string, namespace: string): string | undefined {
  for (const part of command.split(/&&|\|\||;|\|/)) {
    const words = part.trim().split(/\s+/);
    const at = words.indexOf('kubectl');
    if (at < 0) continue;
    const args = words.slice(at + 1);
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      const ns = a === '-n' || a === '--namespace' ? args[i + 1] : /^(?:--namespace=|-n=?)(.+)$/.exec(a)?.[1];
      if (ns !== undefined && a !== '--no-headers' && ns !== namespace && ns !== 'default')
        return `uses namespace ${ns}; this backend runs the lesson in ${namespace} only (--allow-cluster-scoped allows it)`;
      if (a === '-A' || a === '--all-namespaces') return 'reads every namespace (--allow-cluster-scoped allows it)';
    }
    const verb = args.find((w) => !w.startsWith('-'));
    const target = args.slice(args.indexOf(verb ?? '') + 1).find((w) => !w.startsWith('-'));
    const mutates = ['create', 'delete', 'apply', 'edit', 'patch', 'label', 'annotate', 'replace', 'taint', 'cordon', 'drain'].includes(verb ?? '');
    if (mutates && target && (CLUSTER_SCOPED.test(target.split('/')[0]!) || ['cordon', 'drain', 'taint'].includes(verb!)))
      return `changes the cluster-scoped object ${target} (--allow-cluster-scoped allows it)`;
  }
  return undefined;
}
