/**
 * Shapes of a line whose first word cannot be a program: text a page shows in a shell fence that
 * no reader types (a list of host names, `zoo.cfg` lines, a YAML excerpt, kubectl's own messages).
 * A block made only of such lines (and `#` comments) is not commands: after an output cue it is the
 * output of the command before, otherwise an illustration. Each shape has lines that must match
 * (`trigger`) and command lines that must not (`clean`), tested in test/parse/text-lines.test.ts.
 */
export interface TextLineShape {
  name: string;
  /** What the line is, for the reason a block is not run ("a host name"). */
  what: string;
  pattern: RegExp;
  trigger: readonly string[];
  clean: readonly string[];
}

export const TEXT_LINE_SHAPES: readonly TextLineShape[] = [
  {
    name: 'yaml-key',
    what: 'a YAML key',
    pattern: /^\s*[\w./-]+:(?:\s|$)/,
    trigger: ['volumeMounts:', '  mountPath: /var/lib/zookeeper', 'WARNING: Deleting pods not managed by ReplicationController'],
    clean: ['kubectl get pods', 'echo key: value', 'http://example.com'],
  },
  {
    name: 'yaml-item',
    what: 'a YAML list item',
    pattern: /^\s*-\s+\S/,
    trigger: ['- name: datadir', '  - zk', '- "--port=8080"'],
    clean: ['kubectl get pods -o wide', '--help', 'ls -l'],
  },
  {
    name: 'describe-field',
    what: "a `Key:` line of kubectl describe's output",
    // A capitalised key of several words (`Pods Status:`, `Pod Template:`) ends in a colon: no
    // program is named so. One-word keys (`Name:`, `Events:`) are already `yaml-key` lines.
    pattern: /^\s*[A-Z][\w.()-]*(?:\s[A-Za-z(][\w.()/-]*)+:(?:\s|$)/,
    trigger: ['Pods Status:    3 Running / 0 Waiting / 0 Succeeded / 0 Failed', 'Pod Template:', '  Termination Grace Period:  30s', 'Host Port:     0/TCP'],
    clean: ['echo Name: x', 'Name=x env', 'kubectl describe pod web', 'go on: the next step'],
  },
  {
    name: 'rule-line',
    what: 'a rule of dashes under a table header',
    // kubectl describe underlines its tables' headers (`--------  ----  ----`); `---` alone is a
    // YAML document separator, left to the manifest rules.
    pattern: /^(?!\s*---\s*$)\s*-{2,}(?:\s+-{2,})*\s*$/,
    trigger: ['--------    ----  ----', '  ----    ------  ----', '---------'],
    clean: ['--help', '-- ls', 'kubectl exec web -- ls', '-', '---'],
  },
  {
    name: 'dotted-setting',
    what: 'a `name=value` setting bash would not take as an assignment',
    // A shell variable name has no dot or dash: `server.1=…` and `log-level=…` are a config file's lines.
    pattern: /^\s*[A-Za-z_][\w]*(?:[.-][\w]+)+=\S/,
    trigger: ['server.1=zk-0.zk-hs.default.svc.cluster.local:2888:3888', 'log4j.rootLogger=INFO, CONSOLE', 'max-connections=100'],
    clean: ['KUBECONFIG=~/.kube/config kubectl get pods', 'export POD_NAME=web-0', 'NODE_PORT=$(kubectl get svc x -o jsonpath={.spec.ports[0].nodePort})'],
  },
  {
    name: 'host-name',
    what: 'a host name',
    // Not a file a reader runs by name (`run.sh`, `deploy.py`).
    pattern:
      /^(?!.*\.(?:sh|bash|py|pl|rb|js|mjs|ts|exe|bat|cmd|ps1|jar|bin|run|out)\s*$)\s*(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]\.?(?::\d+)?\s*$/i,
    trigger: ['zk-0.zk-hs.default.svc.cluster.local', 'my-svc.my-namespace.svc.cluster.local:8080', 'example.com'],
    clean: ['kubectl', 'hostname', 'run.sh', './deploy.sh', 'python3.11'],
  },
  {
    name: 'address',
    what: 'an IP address',
    pattern: /^\s*(?:\d{1,3}(?:\.\d{1,3}){3}|\[?(?:[0-9a-f]{0,4}:){2,}[0-9a-f]{0,4}\]?)(?::\d+)?(?:\/\d{1,3})?(?:\s|$)/i,
    trigger: ['10.244.0.5', '10.96.0.10:53', '192.0.2.1  my-host', 'fd00:10:96::a'],
    clean: ['kubectl get pods', 'curl 10.0.0.1', 'echo 10.0.0.1', 'cafe: babe'],
  },
  {
    name: 'url',
    what: 'a URL',
    pattern: /^\s*(?:https?|wss?|ftp|tcp|grpc):\/\/\S+/i,
    trigger: ['http://10.0.0.1:8080/healthz', 'https://k8s.io/examples/pods/simple-pod.yaml'],
    clean: ['curl http://localhost:8080', 'wget https://example.com/x'],
  },
  {
    name: 'quoted-string',
    what: 'a quoted string',
    // A quoted program (`"$HOME/bin/tool" arg`, `'./run.sh'`) is a command: the string must not start with a path or a variable.
    pattern: /^\s*(?:"(?![$/.~])[^"]*"|'(?![$/.~])[^']*')\s*(?:[,:].*)?$/,
    trigger: ['"kubernetes-node-1"', "'hello world'", '"name": "web"'],
    clean: ['"$HOME/bin/tool" --version', "'./run.sh' start", '"/usr/local/bin/kubectl" get pods'],
  },
  {
    name: 'table-row',
    what: 'a table row',
    pattern: /^\s*(?:\|.*\|\s*|\+[-+=]+\+\s*)$/,
    trigger: ['| NAME | READY |', '+------+-------+'],
    clean: ['kubectl get pods | grep web', 'cat x | sort |'],
  },
  {
    name: 'kubectl-message',
    what: "kubectl's own message",
    // `kind "name" verb` (kubectl before 1.x) and `kind/name verb`, with `already` (`node "n1" already cordoned`).
    pattern:
      /^[\w.-]+(?:\/[\w.-]+|\s+"[^"]+")\s+(?:already\s+)?(?:created|configured|unchanged|deleted|exposed|scaled|labeled|annotated|patched|replaced|edited|restarted|rolled back|cordoned|uncordoned|drained|tainted|untainted|evicted|serverside-applied|autoscaled|paused|resumed|image updated|resource requirements updated|skipped|evicting|condition met)\b/,
    trigger: ['node "kubernetes-node-i4c4" already cordoned', 'pod "zk-2" deleted', 'node/worker-1 drained', 'statefulset.apps/zk restarted'],
    clean: ['node server.js', 'node "my script.js" --inspect', 'kubectl delete pod zk-2'],
  },
];

/** The shape of a line no reader types as a command, or undefined. */
export function textLineShape(text: string): TextLineShape | undefined {
  return TEXT_LINE_SHAPES.find((s) => s.pattern.test(text));
}
