/**
 * Prose that attributes the output block after it to a container, not to the command before it:
 * "produces the following output in the `test-container` container:", "When the pod runs, the
 * command `ls /etc/config/` produces the output below:". The block is that container's log;
 * `kubectl create -f pod.yaml` itself prints only `pod/x created`.
 *
 * Tried in order against the last sentence of the paragraph (Markdown removed, backticks kept);
 * named groups: `container` (the container the prose names), `command` (the command it says
 * the container runs).
 */
export const CONTAINER_OUTPUT_CUES: readonly RegExp[] = [
  // "produces the following output in the `test-container` container:"
  /\b(?:output|prints?|writes?|logs?|shows?)\b.*?\bin (?:the|its) `?(?<container>[a-z0-9][a-z0-9.-]*)`? container\b/i,
  // "When the pod runs, the command `ls /etc/config/` produces the output below:"
  /\bwhen (?:the|this|your) (?:pod|container)s? (?:runs?|starts?|is running|has (?:run|started|completed))\b(?:.*?\bcommand `(?<command>[^`]+)`)?/i,
  // "The container prints:", "the Pod's log shows", "the output of the container is:"
  /\bthe (?:pod|container)(?:'s)? (?:prints?|writes?|outputs?|logs? (?:shows?|contains?|is))\b/i,
  /\b(?:the )?(?:output|logs?) of the (?:pod|container)\b/i,
];

/** kubectl verbs that start a pod without printing what its containers print. */
export const POD_STARTING_VERBS: ReadonlySet<string> = new Set(['create', 'apply', 'replace', 'run']);

/** Kinds whose pods `kubectl logs KIND/NAME` reads (a Pod itself, or one of a workload's pods). */
export const LOGGED_KINDS: ReadonlyMap<string, string> = new Map([
  ['Pod', 'pod'],
  ['Job', 'job'],
  ['Deployment', 'deployment'],
  ['StatefulSet', 'statefulset'],
  ['DaemonSet', 'daemonset'],
  ['ReplicaSet', 'replicaset'],
]);
