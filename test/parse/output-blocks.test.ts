import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/index.js';
import type { CommandStep } from '../../src/plan/types.js';

function parse(md: string) {
  return parseMarkdown(md, { path: 'doc.md', readFile: () => undefined });
}
function cmds(md: string): CommandStep[] {
  return parse(md).steps.filter((s): s is CommandStep => s.kind === 'command');
}
const block = (tag: string, ...lines: string[]): string => ['```' + tag, ...lines, '```', ''].join('\n');

/** [name, doc, commands it must hold, expected text paired with the first command (null: none)] */
const CASES: Array<[string, string, string[], string | null]> = [
  [
    'a ```bash table is output (trigger)',
    [block('shell', 'kubectl get pods'), block('bash', 'NAME    READY   STATUS    RESTARTS   AGE', 'web     1/1     Running   0          1m')].join('\n'),
    ['kubectl get pods'],
    'NAME    READY   STATUS    RESTARTS   AGE\nweb     1/1     Running   0          1m',
  ],
  [
    'a lone `true` after a jsonpath command is output (trigger)',
    [block('shell', "kubectl get pod web -o jsonpath='{.status.containerStatuses[0].ready}'"), 'The output is:', '', block('shell', 'true')].join('\n'),
    ["kubectl get pod web -o jsonpath='{.status.containerStatuses[0].ready}'"],
    'true',
  ],
  [
    'a lone program word after curl is output (trigger)',
    [block('shell', 'curl http://localhost:10249/proxyMode'), 'The output is:', '', block('', 'iptables')].join('\n'),
    ['curl http://localhost:10249/proxyMode'],
    'iptables',
  ],
  ['a lone `ls` is a command (clean)', [block('shell', 'cd /data'), 'List it:', '', block('shell', 'ls')].join('\n'), ['cd /data', 'ls'], null],
  [
    'mysql replies are output, not commands (trigger)',
    [
      block('shell', 'kubectl run mysql-client --image=mysql:5.7 -i --rm --restart=Never -- mysql -h mysql -e "SELECT 1"'),
      block('shell', '+---+', '| 1 |', '+---+'),
    ].join('\n'),
    ['kubectl run mysql-client --image=mysql:5.7 -i --rm --restart=Never -- mysql -h mysql -e "SELECT 1"'],
    '+---+\n| 1 |\n+---+',
  ],
  [
    '`Error from server` in a shell fence is output (trigger)',
    [block('shell', 'kubectl get pod nope'), block('shell', 'Error from server (NotFound): pods "nope" not found')].join('\n'),
    ['kubectl get pod nope'],
    'Error from server (NotFound): pods "nope" not found',
  ],
  [
    'a sample value the prose asks the reader to substitute is not the output of the command before (clean)',
    [
      block('shell', 'curl -o app.conf https://example.com/app.conf'),
      'In `app.conf`, replace `<your-host>` with the name of a host, such as:',
      '',
      block('none', 'db.example.com:5432'),
    ].join('\n'),
    ['curl -o app.conf https://example.com/app.conf'],
    null,
  ],
  [
    'an API path the prose points at is not the output of the command before (clean)',
    [
      block('shell', 'kubectl apply -f widgets-crd.yaml'),
      'A new API endpoint is then served at:',
      '',
      block('', '/apis/example.org/v1/namespaces/*/widgets'),
    ].join('\n'),
    ['kubectl apply -f widgets-crd.yaml'],
    null,
  ],
  [
    'an API path after an output cue is still output (trigger)',
    [block('shell', 'kubectl get --raw /apis/example.org/v1 | jq -r .resources[0].name'), 'The output is:', '', block('', '/apis/example.org/v1/widgets')].join(
      '\n',
    ),
    ['kubectl get --raw /apis/example.org/v1 | jq -r .resources[0].name'],
    '/apis/example.org/v1/widgets',
  ],
  [
    'output after prose that is no sample-value lead-in still pairs (trigger)',
    [
      block('shell', 'curl -s https://example.com/host'),
      'It prints the host, for example db.example.com, to use below.',
      '',
      block('none', 'db.example.com:5432'),
    ].join('\n'),
    ['curl -s https://example.com/host'],
    'db.example.com:5432',
  ],
  [
    'a ```shell block of assignments is a command, not output (clean)',
    [block('shell', 'kubectl create deployment web --image=nginx'), 'Save the Pod name:', '', block('shell', 'POD=$(kubectl get pods -o name)')].join('\n'),
    ['kubectl create deployment web --image=nginx', 'POD=$(kubectl get pods -o name)'],
    null,
  ],
  [
    'an assignment after a line that prints nothing is the next command, not its output (trigger)',
    block('shell', 'export GREETING="hello there"', 'PLACE=world', 'SERVICEACCOUNT=/var/run/secrets/kubernetes.io/serviceaccount'),
    ['export GREETING="hello there"', 'PLACE=world', 'SERVICEACCOUNT=/var/run/secrets/kubernetes.io/serviceaccount'],
    null,
  ],
  [
    'KEY=value lines in the same fence after a command that prints stay its output (clean)',
    block('shell', 'kubectl exec web -- printenv', 'HOSTNAME=web', 'HOME=/root'),
    ['kubectl exec web -- printenv'],
    'HOSTNAME=web\nHOME=/root',
  ],
  [
    '`printenv`-style KEY=value lines stay output (clean)',
    [block('shell', 'kubectl exec web -- printenv'), 'The output is similar to:', '', block('', 'HOSTNAME=web', 'HOME=/root')].join('\n'),
    ['kubectl exec web -- printenv'],
    'HOSTNAME=web\nHOME=/root',
  ],
  [
    'a ```yaml block after `config view` is its output, not a manifest (trigger)',
    [block('shell', 'kubectl config view --minify'), 'The output shows the cluster:', '', block('yaml', 'apiVersion: v1', 'kind: Config')].join('\n'),
    ['kubectl config view --minify'],
    'apiVersion: v1\nkind: Config',
  ],
  [
    'a ```yaml block after `-o yaml` that the prose asks to edit stays a manifest (clean)',
    [block('shell', 'kubectl get deploy web -o yaml'), 'Create a file with this content:', '', block('yaml', 'apiVersion: apps/v1', 'kind: Deployment')].join(
      '\n',
    ),
    ['kubectl get deploy web -o yaml'],
    null,
  ],
];

describe('output or command, by content and cues', () => {
  it.each(CASES)('%s', (_name, md, commands, expected) => {
    const steps = cmds(md);
    expect(steps.map((s) => s.command)).toEqual(commands);
    expect(steps[0]!.expected?.text ?? null).toEqual(expected);
  });

  it('should give the output of several commands in one fence to the last, covering the earlier ones that print it', () => {
    const md = [
      block('shell', 'kubectl delete deployment web', 'export X=1', 'kubectl delete service web'),
      'The output is similar to:',
      '',
      block('', 'deployment.apps "web" deleted', 'service "web" deleted'),
    ].join('\n');
    const steps = cmds(md);
    expect(steps.map((s) => [s.id, s.expected?.covers])).toEqual([
      ['s1', undefined],
      ['s2', undefined],
      ['s3', ['s1']],
    ]);
  });

  it('should not cover earlier read-only commands whose output the block does not show', () => {
    const md = [block('shell', 'kubectl get pods', 'kubectl get svc'), 'Output:', '', block('', 'NAME   TYPE', 'web    ClusterIP')].join('\n');
    expect(cmds(md)[1]!.expected?.covers).toBeUndefined();
    // It may show them: the runner compares both readings.
    expect(cmds(md)[1]!.expected?.mayCover).toEqual(['s1']);
  });

  it('should leave out of mayCover the earlier commands that print nothing, and those covered for sure', () => {
    const md = [block('shell', 'cd /tmp', 'export X=1', 'echo -n admin | base64', 'echo -n two | base64'), 'Output:', '', block('', 'YWRtaW4=', 'dHdv')].join(
      '\n',
    );
    expect(cmds(md).map((s) => s.expected?.mayCover)).toEqual([undefined, undefined, undefined, ['s3']]);
    const created = [
      block('shell', 'kubectl delete pod web', 'kubectl delete svc web'),
      'Output:',
      '',
      block('', 'pod "web" deleted', 'service "web" deleted'),
    ].join('\n');
    expect(cmds(created)[1]!.expected).toMatchObject({ covers: ['s1'] });
    expect(cmds(created)[1]!.expected?.mayCover).toBeUndefined();
  });

  it('should give a block the prose shows with a read-only inline command to that command, not to the fence before', () => {
    const md = [
      block('', 'kubectl run --image=busybox:1.28 myapp -- false'),
      'You can see using `kubectl describe pod myapp` that this container is crashing:',
      '',
      block('', 'Containers:', '  myapp:', '    State:          Waiting'),
    ].join('\n');
    const steps = cmds(md);
    expect(steps.map((s) => [s.command, s.expected?.text ?? null])).toEqual([
      ['kubectl run --image=busybox:1.28 myapp -- false', null],
      ['kubectl describe pod myapp', 'Containers:\n  myapp:\n    State:          Waiting'],
    ]);
    expect(steps[1]!.inferred).toBe(true);
  });

  it('should not take a command the prose creates something with as the one that shows the block', () => {
    const md = [
      block('shell', 'kubectl get pods'),
      'Create the Deployment with `kubectl apply -f web.yaml` and look at the pods again:',
      '',
      block('', 'NAME   READY   STATUS'),
    ].join('\n');
    expect(cmds(md).map((s) => s.command)).toEqual(['kubectl get pods']);
  });

  it('should compare the file a command writes when the doc then shows it', () => {
    const md = [
      block('shell', 'kubectl get sa default -o yaml > ./sa.yaml'),
      'The content of sa.yaml is similar to:',
      '',
      block('yaml', 'apiVersion: v1', 'kind: ServiceAccount'),
    ].join('\n');
    const steps = cmds(md);
    expect(steps[0]!.expected).toMatchObject({ file: './sa.yaml', text: 'apiVersion: v1\nkind: ServiceAccount' });
    expect(parse(md).steps.filter((s) => s.kind === 'manifest')).toEqual([]);
  });

  it('should give a table shown after the action to the watch the page keeps running in another terminal', () => {
    const md = [
      'In one terminal, watch the Pods:',
      '',
      block('shell', 'kubectl get pods -l app=web --watch'),
      'In another terminal, create the Deployment:',
      '',
      block('shell', 'kubectl create deployment web --image=nginx'),
      'The watch shows:',
      '',
      block('', 'NAME        READY   STATUS              RESTARTS   AGE', 'web-1       0/1     ContainerCreating   0          1s'),
    ].join('\n');
    const steps = cmds(md);
    expect(steps.map((s) => [s.command, s.expected?.text.split('\n')[0] ?? null])).toEqual([
      ['kubectl get pods -l app=web --watch', 'NAME        READY   STATUS              RESTARTS   AGE'],
      ['kubectl create deployment web --image=nginx', null],
    ]);
  });

  it('should give a table shown "in your original terminal" to the watch left running there, not to the command typed last in the other one', () => {
    const head = 'NAME   READY   STATUS    RESTARTS   AGE';
    const md = (watchShown: boolean) =>
      [
        'Watch the Pod:',
        '',
        block('shell', 'kubectl get pod web --watch'),
        ...(watchShown ? ['The output looks like this:', '', block('', head, 'web    1/1     Running   0          13s')] : []),
        'In another terminal, get a shell to the container:',
        '',
        block('shell', 'kubectl exec -it web -- sh'),
        'In your shell, stop the main process:',
        '',
        block('shell', 'root@web:/# kill 1'),
        'In your original terminal, watch for changes to the Pod. Eventually, you see something like this:',
        '',
        block('shell', head, 'web    1/1     Running     0          13s', 'web    0/1     Completed   0          6m'),
      ].join('\n');
    const notShown = cmds(md(false));
    expect(notShown.map((s) => [s.command, s.expected?.text.split('\n')[2] ?? null])).toEqual([
      ['kubectl get pod web --watch', 'web    0/1     Completed   0          6m'],
      ['kubectl exec -it web -- sh', null],
      ['kill 1', null],
    ]);
    const shown = parse(md(true));
    expect(shown.steps.filter((s): s is CommandStep => s.kind === 'command').map((s) => [s.command, s.expected?.position.line ?? null])).toEqual([
      ['kubectl get pod web --watch', 10],
      ['kubectl exec -it web -- sh', null],
      ['kill 1', null],
    ]);
    expect(shown.findings.map((f) => f.message)).toContainEqual(expect.stringMatching(/kept running in another terminal \(line 4\)/));
  });

  it('should read the next command of the same program inside an output block as a step of the same shell, with its own answer', () => {
    const answer = (name: string, ip: string) => [
      'Server:    10.96.0.10',
      'Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local',
      '',
      `Name:      ${name}`,
      `Address 1: ${ip}`,
    ];
    const md = (...output: string[]) =>
      [
        block('shell', 'kubectl run -i --tty --image busybox:1.36 probe --restart=Never --rm'),
        'In that shell, run:',
        '',
        block('shell', 'nslookup db-0.db'),
        'The output is similar to:',
        '',
        block('', ...output),
      ].join('\n');
    const split = cmds(md(...answer('db-0.db', '10.244.1.6'), '', 'nslookup db-1.db', ...answer('db-1.db', '10.244.2.6')));
    expect(split.map((s) => [s.command, s.host.kind, s.expected?.text.split('\n').pop() ?? null])).toEqual([
      ['kubectl run -i --tty --image busybox:1.36 probe --restart=Never --rm', 'local', null],
      ['nslookup db-0.db', 'pod', 'Address 1: 10.244.1.6'],
      ['nslookup db-1.db', 'pod', 'Address 1: 10.244.2.6'],
    ]);
    expect(split[2]!.expected?.position.line).toBe(split[2]!.line + 1);
    // Conservative: another program, an indented line or one glued to the answer stays output.
    for (const line of ['dig db-1.db', '  nslookup db-1.db'])
      expect(cmds(md(...answer('db-0.db', '10.244.1.6'), '', line, ...answer('db-1.db', '10.244.2.6')))).toHaveLength(2);
    expect(cmds(md(...answer('db-0.db', '10.244.1.6'), 'nslookup db-1.db', ...answer('db-1.db', '10.244.2.6')))).toHaveLength(2);
  });

  it('should give header-less watch rows shown "in the terminal where the watch is running" to that watch, not to the scale typed last', () => {
    const md = [
      'In one terminal, watch the Pods:',
      '',
      block('shell', 'kubectl get pods -l app=db --watch'),
      'In another terminal, scale the StatefulSet:',
      '',
      block('shell', 'kubectl scale statefulset/db --replicas=3'),
      block('', 'statefulset.apps/db scaled'),
      'Examine the output of the terminal where the `kubectl get` command is running. It may look something like',
      '',
      block('', 'db-2      0/1       Pending   0         0s', 'db-2      1/1       Running   0         4s'),
    ].join('\n');
    expect(cmds(md).map((s) => [s.command, s.expected?.text.split('\n')[0] ?? null])).toEqual([
      ['kubectl get pods -l app=db --watch', 'db-2      0/1       Pending   0         0s'],
      ['kubectl scale statefulset/db --replicas=3', 'statefulset.apps/db scaled'],
    ]);
  });
});
