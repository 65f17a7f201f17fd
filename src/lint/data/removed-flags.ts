/**
 * kubectl flags and subcommands that were removed (error) or deprecated (warning), with the
 * kubectl version and what to use instead. `subcommand` absent means any subcommand.
 */
export interface RemovedFlag {
  subcommand?: string;
  /** The flag (`--replicas`); absent when the subcommand itself is gone. */
  flag?: string;
  /** Only when the flag has no `=value` (`--dry-run` alone). */
  bareOnly?: boolean;
  removedIn?: string;
  deprecatedIn?: string;
  instead: string;
}

/** Removed and deprecated kubectl flags and subcommands. */
export const REMOVED_FLAGS: readonly RemovedFlag[] = [
  {
    subcommand: 'run',
    flag: '--replicas',
    removedIn: '1.18',
    instead: '`kubectl run` creates only a Pod now; use `kubectl create deployment NAME --image=… --replicas=N`',
  },
  { subcommand: 'run', flag: '--generator', removedIn: '1.18', instead: '`kubectl run` creates only a Pod now; use `kubectl create deployment|job|cronjob`' },
  { subcommand: 'get', flag: '--export', removedIn: '1.18', instead: 'use `kubectl get -o yaml` and drop status and server-set metadata' },
  { subcommand: 'rolling-update', removedIn: '1.18', instead: 'use a Deployment and `kubectl rollout`' },
  { flag: '--record', deprecatedIn: '1.22', instead: 'set the `kubernetes.io/change-cause` annotation instead' },
  { flag: '--dry-run', bareOnly: true, deprecatedIn: '1.18', instead: 'use `--dry-run=client` or `--dry-run=server`' },
  { subcommand: 'drain', flag: '--delete-local-data', deprecatedIn: '1.20', instead: 'use `--delete-emptydir-data`' },
  { subcommand: 'apply', flag: '--prune-whitelist', deprecatedIn: '1.26', instead: 'use `--prune-allowlist`' },
];
