/**
 * Prose that says where the commands of the next block run. Each cue is matched against the
 * last sentence of the paragraph (or list item) right before a block, and against section
 * headings; `trigger` sentences must match and `clean` sentences (false friends) must not —
 * test/plan/context-cues.test.ts checks both.
 */
export interface ContextCue {
  id: string;
  /** Where the block runs when this cue leads into it. */
  kind: 'pod' | 'node' | 'local' | 'remote';
  pattern: RegExp;
  /** The sentence does not count when this also matches (descriptions, not instructions). */
  unless?: RegExp;
  trigger: readonly string[];
  clean: readonly string[];
}

/** Words after which "on a node" describes where something is placed, not where the reader types. */
const PLACEMENT =
  /\b(?:schedul\w*|assign\w*|placed?|install\w*|enabled|configured|deploy\w*|runs|running|lands?|bound|evict\w*|located|exists?|available|stored)\b[^.:]*\b(?:on|to)\s+(?:the|a|an|that|this|each|every|any)\s+(?:\w+\s+)?nodes?\b/i;

export const CONTEXT_CUES: readonly ContextCue[] = [
  {
    id: 'within-pod',
    kind: 'pod',
    pattern:
      /\b(?:from\s+)?(?:with)?in(?:side)?\s+(?:a|the|that|this|your|one\s+of\s+the|the\s+running)\s+(?:(?:running|debug\w*|new|same|\w+-\w+)\s+)?(?:pod|container)s?\b(?!['’]s)(?!\s+(?:spec|template|manifest|definition|object|image|name|status))/i,
    // "the container running in your Pod" names a container; it does not say where to type.
    unless:
      /\b(?:created|defined|declared|specified|listed|configured|mounted)\s+(?:from\s+)?(?:with)?in\b|\bprocess(?:es)?\s+(?:with)?in(?:side)?\b|\b(?:containers?|processe?s?|app(?:lication)?s?)\s+(?:running|that\s+runs?)\s+(?:with)?in(?:side)?\s+(?:a|the|that|this|your)\s+pods?\b/i,
    trigger: [
      'From within a Pod, run:',
      'Run these commands inside the container:',
      'In the container, list the files:',
      'Inside the running container, check the environment:',
      'Run the following from within the debug container:',
    ],
    clean: [
      'Pods created from within a Deployment are managed by it.',
      'The processes inside the container run as user 1000.',
      'Fields specified within the Pod spec apply to all containers:',
      'The volume mounted within the container is read-only.',
      'Check the logs for the container running in your Pod:',
    ],
  },
  {
    // The reader is a client in the cluster: "From a Pod in the same Namespace:", "If you have
    // another Pod that consumes this Service by name you would get:". Only "from a Pod" that
    // opens the sentence or follows a verb of trying counts ("Remove the label from a Pod" does not).
    id: 'client-pod',
    kind: 'pod',
    pattern:
      /^(?:(?:then|now|next|again|first|finally)\s*,?\s+)?from\s+(?:a|an|another|any|the|that|this|your|some|one\s+of\s+(?:the|your)|a\s+(?:different|second))\s+(?:(?:client|test|debug\w*|running|other|busybox|[\w]+-[\w-]+)\s+)?pods?\b(?!['’]s)|\b(?:run|try|execute|type|repeat|test|query|access|reach|resolve|look\s+up|curl|call)\b[^.:]*\bfrom\s+(?:a|another|any|one\s+of\s+the)\s+(?:(?:client|test|debug\w*|running|other)\s+)?pods?\b(?!['’]s)|\b(?:a|an|another|any|some|other)\s+(?:(?:client|running|\w+-\w+)\s+)?pods?\s+(?:that|which)\s+(?:consumes?|uses?|accesses|calls?|quer(?:y|ies)|talks?\s+to|connects?\s+to|depends?\s+on)\s+(?:this|the|that|your|a|an)\s+(?:\w+\s+)?services?\b/i,
    unless:
      /\b(?:create|creating|deploy|deploying|define|defining|start|starting|launch|launching|apply|write|make|add|delete|remove|schedule)\s+(?:a|an|another|the|one)\s+(?:(?:new|client|test)\s+)?pods?\b/i,
    trigger: [
      'From a Pod in the same Namespace:',
      'Then, from another Pod, run:',
      'From a client pod, run:',
      'Try it from a Pod in the cluster:',
      'If you have another Pod that consumes this Service by name you would get something like:',
      'Any Pod that uses this Service sees:',
    ],
    clean: [
      'Remove the label from a Pod:',
      'Get the logs from the Pod:',
      "From a Pod's point of view, the Service is one IP address.",
      'Create another Pod that consumes this Service:',
      'Traffic from a Pod to the Service is load-balanced.',
      'Pods that use this Service are restarted.',
      'Copy the file from the Pod to your machine:',
    ],
  },
  {
    id: 'on-node',
    kind: 'node',
    pattern:
      /\b(?:(?:on|from)\s+(?:the|a|an|that|this|your|each|every|any|one\s+of\s+(?:the|your))\s+(?:(?:cluster|control[- ]plane|worker|kubernetes|same|single|minikube|kind)\s+)?(?:node|control[- ]plane)s?\b(?!['’]s)(?!\s+(?:IP|name|address|port|label|selector|affinity|object|resource|status))|\bon\s+nodes?(?=\s*(?:[.,;:!?)]|$))|\bssh\s+(?:in)?to\s+(?:the|a|an|that|your|each)\s+(?:\w+\s+)?node\b|\bshell\s+(?:on|to|into|in)\s+(?:the|a|an|that|your)\s+(?:\w+\s+)?node\b)/i,
    unless: PLACEMENT,
    trigger: [
      'Run the following on a Node:',
      'In your shell on that Node, create a `/mnt/data` directory:',
      'SSH into the node and run:',
      'On the control plane node, run:',
      'Check the iptables rules on one of your nodes:',
      'Ensure the kubelet has the permission to operate in /sys on node.',
      'Look at the bridge on the node:',
    ],
    clean: [
      "Get the node's IP address:",
      'Evictions depend on node pressure.',
      'A DaemonSet runs one Pod on each node.',
      'The Pod is scheduled on a node that has the label:',
      'Kubernetes runs your Pods on the node with free capacity:',
      'Find the node name:',
      'Look at the Node IP in the output:',
    ],
  },
  {
    id: 'local-machine',
    kind: 'local',
    pattern:
      /\b(?:on|from)\s+your\s+(?:own\s+)?(?:local\s+)?(?:machine|computer|workstation|laptop|desktop|host)\b|\bin\s+your\s+(?:local\s+)?terminal\b|\bon\s+your\s+local\s+(?:system|host)\b|\blocally\s*,?\s+run\b/i,
    trigger: ['On your local machine, run:', 'In your terminal, run:', 'Run this from your computer:'],
    clean: ['Make sure kubectl is installed on the cluster nodes.', 'Your machine learning workload needs a GPU:'],
  },
  {
    id: 'cloud-shell',
    kind: 'remote',
    pattern: /\bin\s+(?:the\s+)?(?:google\s+)?cloud\s+shell\b|\bon\s+(?:the|that|your)\s+(?:vm|virtual\s+machine|instance|bastion(?:\s+host)?)\b/i,
    trigger: ['In Cloud Shell, run:', 'On the VM, install the package:'],
    clean: ['Cloud Shell is a free environment.', 'VMs are billed per second.'],
  },
];

/** A session the prose opens or closes without a code block for it. */
export interface SessionCue {
  id: string;
  pattern: RegExp;
  trigger: readonly string[];
  clean: readonly string[];
}

/** Prose that ends the current shell session ("You can now close the shell", "press Ctrl-D"). */
export const SESSION_END_CUES: readonly SessionCue[] = [
  {
    id: 'close-shell',
    pattern:
      /\b(?:close|exit|leave|quit|log\s+out\s+of)\s+(?:the|your|this|that)\s+(?:\w+\s+){0,2}(?:shell|session|container|node|pod)\b|\bctrl[-+ ]?d\b|\b(?:type|enter|run)\s+`?(?:exit|logout)`?\b/i,
    trigger: ['You can now close the shell to your Node.', 'Exit your shell:', 'Press Ctrl-D to leave the session.', 'Type `exit` to leave.'],
    clean: ['The shell is closed when the Pod terminates unless you keep it open.', 'Pods exit with code 0.'],
  },
];

/** Prose that opens a node shell without a command block ("open a shell to the Node in your cluster"). */
export const NODE_SHELL_CUES: readonly SessionCue[] = [
  {
    id: 'open-node-shell',
    pattern:
      /\b(?:open|get|start)\s+(?:a\s+)?shell\s+(?:on|to|into|in)\s+(?:the|a|an|your|that|each)\s+(?:(?:single|cluster|control[- ]plane|worker)\s+)*node\b|\bssh\s+(?:in)?to\s+(?:the|a|an|your|that)\s+(?:\w+\s+)?node\b/i,
    trigger: ['Open a shell to the single Node in your cluster.', 'SSH into the node where the Pod runs.'],
    clean: ['A shell on the node is not required for this task.'],
  },
];

/**
 * Prose saying that a long-running step keeps running while the next ones run ("in another
 * terminal", "leave this running").
 */
export const CONCURRENT_CUES: readonly SessionCue[] = [
  {
    id: 'other-terminal',
    pattern:
      /\bin\s+(?:one|a|another|the\s+(?:first|second|other)|a\s+(?:second|separate|new|different))\s+(?:terminal|shell|window|tab)\b|\b(?:open|start)\s+(?:up\s+)?(?:a\s+)?(?:second|another|new|separate)\s+(?:terminal|shell|window)\b|\b(?:leave|keep)\s+(?:this|that|it|the\s+\w+(?:\s+\w+)?)\s+(?:command\s+)?running\b|\bin\s+(?:a\s+)?separate\s+(?:terminal|shell|window)\b|\bstays?\s+running\b|\b(?:runs?|running|keep\s+it)\s+in\s+the\s+background\b/i,
    trigger: [
      'In one terminal, watch the Pods:',
      'In another terminal, run:',
      'Open a second terminal and run:',
      'Leave this running and continue:',
      "it's useful to keep it running in another window so you can see the effects of the following steps.",
      'Run this in a separate terminal:',
      'this stays running in the background',
    ],
    clean: ['Terminal states of a Pod are Succeeded and Failed.', 'The container keeps running after you detach.'],
  },
];

/**
 * Prose that turns back to the terminal a long-running step was left running in ("In your
 * original terminal, watch for changes"): the block after it is that step's output, not the
 * output of the command typed last in another terminal.
 */
export const RETURN_TERMINAL_CUES: readonly SessionCue[] = [
  {
    id: 'original-terminal',
    pattern:
      /\b(?:in|back\s+(?:in|to)|return\s+to|switch\s+(?:back\s+)?to)\s+(?:your|the)\s+(?:original|first|initial|earlier|previous)\s+(?:terminal|shell|window|tab)\b|\b(?:in|back\s+in)\s+the\s+(?:terminal|shell|window)\s+(?:where|running|that\s+(?:runs|is\s+running))\b|\bthe\s+(?:terminal|shell|window)\s+(?:where|in\s+which)\s+(?:the\s+|your\s+)?(?:\S+\s+){0,3}?(?:command|watch)\s+(?:is|was)\s+(?:still\s+)?running\b/i,
    trigger: [
      'In your original terminal, watch for changes to the Redis Pod.',
      'Back in the first terminal, you see the new Pods:',
      'In the terminal running the watch, you see:',
      'Switch back to the original terminal; the output is similar to:',
      'Examine the output of the terminal where the kubectl get command is running. It may look something like',
      'Look at the window in which your watch is still running:',
    ],
    clean: [
      'In another terminal, run:',
      'Open a terminal and run:',
      'In the first step, create the Pod:',
      'Open a terminal where kubectl is installed and run:',
      'The shell where the container is running exits when you type exit.',
    ],
  },
];

/**
 * Prose that tells the reader to stop a long-running step ("terminate the load generation by
 * typing `<Ctrl> + C`", "stop the watch"): a step kept running in the background is stopped there.
 */
export const STOP_RUNNING_CUES: readonly SessionCue[] = [
  {
    id: 'ctrl-c',
    pattern:
      /(?:\b|<)(?:ctrl|control)\s*>?\s*[-+]?\s*c\b|\^C\b|\b(?:stop|terminate|end|kill|cancel|interrupt)\s+(?:the|your|this|that)\s+(?:[\w-]+\s+){0,2}?(?:watch(?:es)?|loop|load(?:\s+generat\w+)?|port[- ]forward(?:ing)?|proxy|tail)\b/i,
    trigger: [
      'In the terminal where we created the container with busybox image, terminate the load generation by typing <Ctrl> + C.',
      'Press Ctrl+C to stop the watch.',
      'Stop the load generator with Ctrl-C.',
      'When you are done, stop the port-forward.',
      'Type ^C to end it.',
    ],
    clean: [
      'The controller creates a new Pod.',
      'Control plane components run on the node.',
      'Stop the Pod by deleting it.',
      'The control characters are escaped.',
    ],
  },
];

/**
 * Prose that supposes a state the page never sets up ("let's suppose you have insufficient
 * quota. If you describe the Deployment you will notice…"): a read-only command in the block
 * right after it shows what would be seen then, so it is illustrative. Test:
 * test/plan/context-cues.test.ts.
 */
export const HYPOTHETICAL_STATE_CUE = {
  pattern:
    /\blet['’]s\s+(?:suppose|say|assume)\s+(?:that\s+)?(?:you|your\s+\w+|the\s+\w+|there)\s+(?:have|has|had|is|are|was|were|ran\s+out|hit|exceed\w*)\b(?![^.]*\b(?:mentioned|earlier|above|previous\w*)\b)[^.]*/i,
  trigger: [
    "For example, let's suppose you have insufficient quota. If you describe the Deployment you will notice the following section:",
    "Let's say the node is under memory pressure. Describe it:",
    "Let's assume your cluster has no default StorageClass; listing them shows:",
  ],
  clean: [
    'Suppose that you made a typo while updating the Deployment:',
    'Suppose you want to have two pieces of secret data:',
    "Let's suppose you have the service account mentioned earlier. Get a token:",
    "Let's create a Deployment:",
  ],
} as const;

/**
 * Prose narrating a change that an actor other than the reader makes and no step of the page
 * performs ("The autoscaler increments the Deployment replicas to 15."): what read-only commands
 * show after it, up to the next heading, is that narrated state, which a run of the page's own
 * steps does not reach. Test: test/plan/context-cues.test.ts.
 */
export const NARRATED_CHANGE_CUE = {
  pattern:
    /\b(?:the|an?)\s+(?:(?:horizontal\s+pod\s+|cluster\s+|vertical\s+pod\s+)?autoscaler|HPA|VPA)\s+(?:increments|increases|raises|decrements|decreases|reduces|lowers|scales(?:\s+(?:up|down))?|sets|bumps)\s+[^.]*?\bto\s+\d+\b[^.]*|\bthe\s+(?:deployment|replica\s*set|stateful\s*set)\s+(?:was|has\s+been|got)\s+(?:resized|autoscaled)\s+(?:(?:back\s+)?(?:up|down)\s+)?to\s+\d+\b[^.]*/i,
  trigger: [
    'Then a new scaling request for the Deployment comes along. The autoscaler increments the Deployment replicas to 15.',
    'Here, CPU consumption has increased to 305% of the request. As a result, the deployment was resized to 7 replicas:',
    'An HPA scales the web Deployment up to 7 replicas.',
    'The horizontal pod autoscaler reduces the replicas to 2 once the load stops.',
  ],
  clean: [
    'When you or an autoscaler scales a RollingUpdate Deployment that is in the middle of a rollout, the controller balances the replicas.',
    'The autoscaler will scale the Deployment to at most 10 replicas.',
    'Create an autoscaler that scales the Deployment between 1 and 10 replicas.',
    'Scale the Deployment to 15 replicas:',
    'Resize the Deployment to 3 replicas:',
  ],
} as const;

/**
 * Prose that says the block is what a container, a probe or a hook runs ("The init container runs
 * the following command and then terminates:", "The probe calls a bash script that uses …"): the
 * block describes the pod's own command or script, which the cluster runs when the pod starts or
 * probes it; the reader does not type it, so it is illustrative. Test: test/plan/context-cues.test.ts.
 */
export const CONTAINER_COMMAND_CUE = {
  pattern: new RegExp(
    [
      // "The init container runs the following command and then terminates:"
      /\b(?:the|this|that|each|every|an?)\s+(?:(?:init|sidecar|app(?:lication)?|main|helper|first|second|other|[\w-]+-ctr|[\w-]+-container)\s+)?container\s+(?:then\s+)?(?:runs|executes|will\s+run|will\s+execute|starts\s+with|is\s+started\s+with)\s+(?:the\s+following|this|these|the\s+command\s+below)\b(?:\s+(?:command|script|shell\s+command)s?)?[^.]*/
        .source,
      // "An init container could run a command like:", "the container runs a command such as:"
      /\b(?:(?:init|sidecar|app(?:lication)?|helper)\s+)?(?:containers?|pods?|probes?)\s+(?:could|can|might|may|would|will)?\s*(?:run|runs|execute|executes)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}command\s+(?:like|such\s+as)\b[^.]*/
        .source,
      // "The liveness probe executes the following command:"
      /\b(?:the|this|that|an?)\s+(?:(?:liveness|readiness|startup|exec)\s+)?probe\s+(?:then\s+)?(?:runs|executes|calls|invokes|will\s+run|will\s+execute|will\s+call)\s+(?:the\s+following|this|these|an?\s+(?:[\w-]+\s+)?(?:command|script))\b[^.]*/
        .source,
      // "Use a command like the following in your container's command:"
      /\buse\s+a\s+(?:[\w-]+\s+){0,3}command\s+(?:like|such\s+as)\b[^.]*?\bin\s+(?:the|your|a|an|each)\s+(?:(?:init|sidecar|app)\s+)?(?:container|pod)(?:['’]s\s+(?:command|args|spec))?\b[^.]*/
        .source,
      // "The probe calls a bash script that …", "the script the container runs"
      /\b(?:the|this|its|each|every|an?)\s+(?:(?:liveness|readiness|startup|exec|preStop|postStart|lifecycle)\s+)?(?:probe|hook|entrypoint|entry\s+point)\s+(?:then\s+)?(?:calls|runs|executes|invokes|uses|will\s+(?:call|run|execute|invoke))\s+(?:a|the|this|the\s+following)\s+(?:[\w-]+\s+)?script\b[^.]*|\b(?:the|this)\s+(?:[\w-]+\s+)?script\s+(?:that\s+|which\s+)?(?:the\s+)?(?:container|probe|hook|entrypoint|pod)\s+(?:runs|executes|calls|invokes)\b[^.]*/
        .source,
    ].join('|'),
    'i',
  ),
  trigger: [
    'The init container runs the following command and then terminates:',
    'The container executes this command when it starts:',
    'Each sidecar container runs the following script:',
    "The probe calls a bash script that uses the ZooKeeper `ruok` four letter word to test the server's health.",
    'The liveness probe runs the following script:',
    'This is the script the container runs at start:',
    'An init container could run a command like:',
    'For example, the sidecar container can execute a shell command such as:',
    'The liveness probe executes the following command:',
    'The readiness probe calls a shell script that checks the server:',
    'Use a command like the following in your container:',
    "Use a shell one-line command like this in the init container's command:",
  ],
  clean: [
    'Run the following command in the container:',
    'The container runs as user 1000.',
    'Check that the container runs:',
    'The container runs the nginx image.',
    'The probe fails after three attempts.',
    'Run the following script to create the cluster:',
    'The script creates three Pods:',
    'Run a command like the following to check the Pods:',
    'Use a command like the following to list the containers:',
    'The probe succeeds when the command exits 0.',
    'The probe calls the HTTP endpoint /healthz.',
  ],
} as const;

/**
 * Prose opening a list of what a container can be used for ("Here are some ideas for how to use
 * init containers:"): in its items, a block led in as an example command ("…, using a shell
 * one-line command like:", {@link EXAMPLE_COMMAND_LEAD}) shows what such a container would run,
 * not a command for the reader. Test: test/plan/context-cues.test.ts.
 */
export const CONTAINER_USES_CUE = {
  pattern:
    /\b(?:ideas|ways|examples|uses|things)\b[^.]*?\b(?:use|using|of|for)\b[^.]*?\b(?:(?:init|sidecar|app(?:lication)?|helper|ephemeral)\s+)?containers?\b[^.]*?(?::\s*$|\bcould\b|\bcan\b)|\b(?:init|sidecar|helper)\s+containers?\s+(?:could|can|might|may)\s+(?:be\s+used\s+to|do|run)\b[^.]*?:\s*$/i,
  trigger: [
    'Here are some ideas for how to use init containers:',
    'Some examples of what a sidecar container can do:',
    'Init containers can be used to:',
    'Ways to use helper containers:',
  ],
  clean: ['Here are some ideas for how to debug your Pods:', 'Check the init containers:', 'Use the following command to list the containers:'],
} as const;

/** A list item's lead-in for an example command ("…, using a shell one-line command like:"). */
export const EXAMPLE_COMMAND_LEAD = {
  pattern: /\b(?:a|an)\s+(?:[\w-]+\s+){0,3}command\s+(?:like|such\s+as)\b|\bsomething\s+like\b/i,
  trigger: ['Wait for a Service to be created, using a shell one-line command like:', 'Register this Pod with a remote server with a command like:'],
  clean: ['Clone a Git repository into a Volume', 'Run the following command:'],
} as const;

/**
 * A heading that says where the lines of its section (and its subsections) are typed: "on your
 * Node" (the node cues of {@link CONTEXT_CUES}), or "from within a Pod" — not a heading naming a
 * topic ("… in a multi-container Pod", "Containers in a Pod"). Test: test/plan/context-cues.test.ts.
 */
export const HEADING_POD_CUE = {
  pattern:
    /\b(?:from\s+)?(?:within|inside)\s+(?:a|an|the|your|one\s+of\s+the)\s+(?:(?:running|client|test|debug\w*)\s+)?(?:pod|container)s?\b(?!['’]s)(?!\s+(?:spec|template|manifest|definition|object|image|name|status))/i,
  trigger: [
    'Accessing the API from within a Pod',
    'Running commands from inside the container',
    'Query the Service from within a Pod',
    'Test it inside the container',
  ],
  clean: [
    'Debugging with an ephemeral container in a multi-container Pod',
    'Containers in a Pod',
    'Define a command and arguments when you create a Pod',
    'Fields within the Pod spec',
    'Copy files from a Pod',
    'Processes inside a container',
  ],
} as const;

/**
 * A comment or sentence saying the long-running command shown again is the one still running in
 * the other terminal ("# This should already be running", "Do not start a new watch"): the block
 * repeats that command only to show what it prints by now, so its output belongs to the earlier
 * step. Test: test/plan/context-cues.test.ts.
 */
export const ALREADY_RUNNING_CUE = {
  pattern:
    /\b(?:should|must)\s+(?:still\s+|already\s+)+be\s+running\b|\bdo\s+not\s+start\s+a(?:nother|\s+new)\s+(?:watch|one)\b|\b(?:already|still)\s+running\s+in\s+(?:the\s+)?(?:first|other|another)\s+terminal\b/i,
  trigger: [
    '# This should already be running',
    '# Do not start a new watch;',
    'The watch is still running in the other terminal.',
    'This should still be running',
  ],
  clean: [
    '# Start a new watch',
    '# If you already have a watch running, you can continue using that.',
    'Check that the Pod is running:',
    'Make sure that the DaemonSet is already running on every node.',
  ],
} as const;

/**
 * Prose sending the reader to the output of a command kept running in another terminal
 * ("Examine the output of the `kubectl get` command in the first terminal"): a block that repeats
 * that command with rows shows what the running command printed, from its start, not the output of
 * a second run. The return-to-terminal and already-running cues say the same. Test:
 * test/plan/context-cues.test.ts.
 */
export const RUNNING_OUTPUT_CUE = {
  pattern:
    /\b(?:examine|look\s+at|check|observe|inspect|view|watch)\s+the\s+output\s+of\s+(?:the\s+|your\s+)?(?:`[^`]*`\s+|\S+\s+){0,3}?(?:command|watch)\s+(?:(?:that\s+is\s+|still\s+)?running\s+)?in\s+the\s+(?:first|other|original|earlier)\s+(?:terminal|shell|window|tab)\b|\bthe\s+output\s+of\s+the\s+(?:\S+\s+){0,2}?watch\s+(?:that\s+is\s+|still\s+)?running\b/i,
  trigger: [
    'Examine the output of the `kubectl get` command in the first terminal. Eventually, the output will look like the example below.',
    'Examine the output of the `kubectl get` command in the first terminal, and wait for the three additional Pods to transition to Running and Ready.',
    'Look at the output of the watch command in the other terminal:',
    'Check the output of the pod watch still running:',
  ],
  clean: [
    'Examine the output of the `kubectl get` command:',
    'Check the output of the command:',
    'The output is similar to:',
    'In the first terminal, watch the Pods:',
  ],
} as const;
