import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/index.js';
import { commands, manifests } from './helpers.js';

// Forms met on kubernetes.io task pages the tool had not been tuned on (configure-pod-initialization,
// define-command-argument-container, assign-memory-resource, environment-variable-expose-pod-information).
const lesson = (src: string[]) => parseMarkdown(src.join('\n'), { path: 'p.md', examplesDir: 'none' });
const hosts = (src: string[]) => commands(lesson(src)).map((s) => [s.command, s.host.kind]);

describe('prompts that name a host the page never made', () => {
  it('should keep `root@<container>:~#` lines in the pod shell the page opened', () => {
    const src = [
      '    kubectl exec -it init-demo -- /bin/bash',
      '',
      'In your shell:',
      '',
      '    root@nginx:~# apt-get update',
      '    root@nginx:~# curl localhost',
      '',
    ];
    const steps = commands(lesson(src));
    expect(steps.map((s) => [s.command, s.host.kind, s.host.kind === 'pod' ? s.host.name : undefined])).toEqual([
      ['kubectl exec -it init-demo -- /bin/bash', 'local', undefined],
      ['apt-get update', 'pod', 'init-demo'],
      ['curl localhost', 'pod', 'init-demo'],
    ]);
  });

  it('should not guess the reader machine for a tool that is no host tool, with no shell open', () => {
    expect(hosts(['```console', 'root@web:/# apt-get update', '```', ''])).toEqual([['apt-get update', 'unknown']]);
  });

  it('should still read a prompt naming the reader machine as local', () => {
    expect(hosts(['```console', 'user@laptop:~$ kubectl get pods', '```', ''])).toEqual([['kubectl get pods', 'local']]);
  });
});

describe('a block that shows what a container runs', () => {
  it('should make it illustrative, and only that block', () => {
    const src = [
      'The init container runs the following command and then terminates:',
      '',
      '    wget -O /work-dir/index.html http://kubernetes.io',
      '',
      'Create the Pod:',
      '',
      '    kubectl apply -f pod.yaml',
      '',
    ];
    expect(hosts(src)).toEqual([
      ['wget -O /work-dir/index.html http://kubernetes.io', 'illustrative'],
      ['kubectl apply -f pod.yaml', 'local'],
    ]);
  });
});

describe('shell fences that hold no command', () => {
  it('should read YAML fields as a manifest fragment, not commands', () => {
    const l = lesson(['wrap it like this:', '', '```shell', 'command: ["/bin/sh"]', 'args: ["-c", "while true; do echo hello; sleep 10;done"]', '```', '']);
    expect(commands(l)).toEqual([]);
    expect(manifests(l).map((m) => m.content)).toEqual(['command: ["/bin/sh"]\nargs: ["-c", "while true; do echo hello; sleep 10;done"]']);
  });

  it('should run nothing for a list of values', () => {
    expect(commands(lesson(['the following represent the same value:', '', '```shell', '128974848, 129e6, 129M , 123Mi', '```', '']))).toEqual([]);
  });

  it('should still run a shell fence that mixes a command with such lines', () => {
    expect(hosts(['```shell', 'kubectl get pods', 'foo: bar', '```', '']).map(([c]) => c)).toContain('kubectl get pods');
  });
});

describe('a lone program word as the first line of output', () => {
  it('should pair the block after an output cue with the command before it', () => {
    const steps = commands(
      lesson([
        '```shell',
        'kubectl logs dapi-envars-fieldref',
        '```',
        '',
        'The output shows the values of selected environment variables:',
        '',
        '```',
        'minikube',
        'dapi-envars-fieldref',
        'default',
        '```',
        '',
      ]),
    );
    expect(steps.map((s) => [s.command, s.expected?.text])).toEqual([['kubectl logs dapi-envars-fieldref', 'minikube\ndapi-envars-fieldref\ndefault']]);
  });

  it('should keep a lone command word that the reader types alone (`ps`) a command', () => {
    const steps = commands(lesson(['```shell', 'kubectl get pods', '```', '', 'The output shows:', '', '```', 'ps', 'PID   USER', '```', '']));
    expect(steps.map((s) => s.command)).toContain('ps');
  });
});

describe('a busybox prompt written without a space', () => {
  it('should read `/# printenv` as printenv typed in the pod shell', () => {
    const steps = commands(lesson(['```shell', 'kubectl exec -it dapi -- sh', '```', '', 'In your shell:', '', '```shell', '/# printenv', '```', '']));
    expect(steps.map((s) => [s.command, s.host.kind])).toEqual([
      ['kubectl exec -it dapi -- sh', 'local'],
      ['printenv', 'pod'],
    ]);
  });
});

describe('output written after its command in a block, introduced by prose', () => {
  it('should keep the prose cue for this block and the next adjacent one, not past other prose', () => {
    const steps = commands(
      lesson([
        'The output shows that the Container is killed, restarted, killed again, and so on:',
        '',
        '```',
        'kubectl get pod web',
        'NAME   READY   STATUS      RESTARTS   AGE',
        'web    0/1     OOMKilled   1          37s',
        '```',
        '```',
        'kubectl get pod web',
        'NAME   READY   STATUS    RESTARTS   AGE',
        'web    1/1     Running   2          40s',
        '```',
        '',
        'Describe it:',
        '',
        '```',
        'kubectl describe pod web',
        'Name: web',
        '```',
        '',
      ]),
    );
    expect(steps.map((s) => s.expected?.cue)).toEqual([
      'The output shows that the Container is killed, restarted, killed again, and so on:',
      'The output shows that the Container is killed, restarted, killed again, and so on:',
      undefined,
    ]);
  });
});

describe('a command in a Hugo tab, written without a fence', () => {
  const tabbed = (body: string) => [
    'Patch your Deployment:',
    '',
    '{{< tabs name="example" >}}',
    '{{{< tab name="Bash" codelang="bash" >}}',
    body,
    '{{< /tab >}}',
    '{{< tab name="PowerShell" codelang="posh" >}}',
    'kubectl patch deployment web --patch $(Get-Content patch.yaml -Raw)',
    '{{< /tab >}}}',
    '{{< /tabs >}}',
    '',
  ];

  it('should not take the shortcode lines after it for its output', () => {
    const steps = commands(lesson(tabbed('kubectl patch deployment web --patch "$(cat patch.yaml)"')));
    expect(steps.map((s) => [s.command, s.expected?.text ?? null, s.skip ?? null])).toEqual([
      ['kubectl patch deployment web --patch "$(cat patch.yaml)"', null, null],
      ['kubectl patch deployment web --patch $(Get-Content patch.yaml -Raw)', null, 'not the first tab'],
    ]);
  });

  it('should pair the refusal shown next, in a shell fence, as its output', () => {
    const src = [
      ...tabbed('kubectl patch deployment web --type merge --patch "$(cat patch.yaml)"'),
      'In the output, you can see that it is not possible:',
      '',
      '```shell',
      'The Deployment "web" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is \'Recreate\'',
      '```',
      '',
    ];
    const steps = commands(lesson(src));
    expect(steps.map((s) => s.command)).not.toContain(expect.stringMatching(/^The /));
    expect(steps[0]!.expected?.text).toMatch(/^The Deployment "web" is invalid: /);
  });
});
