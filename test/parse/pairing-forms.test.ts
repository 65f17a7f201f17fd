import { describe, expect, it } from 'vitest';
import { commands, parseFixture } from './helpers.js';

describe('pairing forms', () => {
  it('should pair an output fence right after the command fence, with or without a blank line (a)', () => {
    const lesson = parseFixture('form-fence.md');
    expect(lesson.findings).toEqual([]);
    expect(lesson.steps).toEqual([
      {
        id: 's1',
        kind: 'command',
        line: 4,
        position: { line: 4, column: 1, endLine: 4, endColumn: 25 },
        command: 'kubectl get svc my-nginx',
        program: 'kubectl',
        subcommand: 'get',
        class: 'read-only',
        host: { kind: 'local' },
        expected: {
          text: 'NAME       TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)   AGE\n' + 'my-nginx   ClusterIP   10.0.162.149   <none>        80/TCP    21s',
          position: { line: 7, column: 1, endLine: 8, endColumn: 66 },
          form: 'fence',
          mode: 'similar',
        },
        inferred: false,
        setup: false,
        blockId: 'b1',
        section: 'Output fence right after the command fence',
      },
      {
        id: 's2',
        kind: 'command',
        line: 14,
        position: { line: 14, column: 1, endLine: 14, endColumn: 35 },
        command: 'kubectl expose deployment/my-nginx',
        program: 'kubectl',
        subcommand: 'expose',
        class: 'mutating',
        host: { kind: 'local' },
        expected: {
          text: 'service/my-nginx exposed',
          position: { line: 18, column: 1, endLine: 18, endColumn: 25 },
          form: 'fence',
          mode: 'similar',
        },
        inferred: false,
        setup: false,
        blockId: 'b2',
        section: 'Output fence right after the command fence',
      },
    ]);
  });

  it('should pair a fence after a prose cue, any tag, and take the mode from the cue (b)', () => {
    const lesson = parseFixture('form-cue.md');
    const [get, describeCmd] = commands(lesson);
    expect(get!.expected).toEqual({
      text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: special-config',
      position: { line: 10, column: 1, endLine: 13, endColumn: 23 },
      form: 'cue',
      mode: 'similar',
      cue: 'The output is similar to this:',
    });
    expect(describeCmd!.expected).toEqual({
      text: 'Name:         nginxconfigmap',
      position: { line: 23, column: 1, endLine: 23, endColumn: 29 },
      form: 'cue',
      mode: 'exact',
      cue: 'The output is exactly:',
    });
  });

  it('should keep a yaml fence that follows no cue as a manifest, not output', () => {
    const lesson = parseFixture('form-cue.md');
    expect(lesson.steps.map((s) => s.kind)).toEqual(['command', 'command', 'manifest']);
    expect(lesson.steps[2]).toMatchObject({ kind: 'manifest', line: 28, file: null, origin: 'inline', language: 'yaml' });
  });

  it('should split a prompt transcript into commands with their output, and record node and pod hosts (c)', () => {
    const lesson = parseFixture('form-transcript.md');
    const steps = commands(lesson);
    expect(steps.map((s) => [s.command, s.host, s.expected && { form: s.expected.form, position: s.expected.position, text: s.expected.text }])).toEqual([
      [
        'kubectl create secret tls nginxsecret --key /tmp/nginx.key --cert /tmp/nginx.crt',
        { kind: 'local', source: { by: 'prompt', text: '$' } },
        { form: 'transcript', position: { line: 5, column: 1, endLine: 5, endColumn: 27 }, text: 'secret/nginxsecret created' },
      ],
      [
        'kubectl get secrets',
        { kind: 'local', source: { by: 'prompt', text: '$' } },
        {
          form: 'transcript',
          position: { line: 7, column: 1, endLine: 8, endColumn: 44 },
          text: 'NAME          TYPE                DATA   AGE\nnginxsecret   kubernetes.io/tls   2      1m',
        },
      ],
      [
        'curl -k https://10.244.3.5',
        { kind: 'node', prompt: 'node $', name: 'node', source: { by: 'prompt', text: 'node $' } },
        { form: 'transcript', position: { line: 13, column: 1, endLine: 14, endColumn: 27 }, text: '...\n<h1>Welcome to nginx!</h1>' },
      ],
      [
        'nslookup my-nginx',
        {
          kind: 'pod',
          prompt: '[ root@curl-131556218-9fnch:/ ]$',
          name: 'curl-131556218-9fnch',
          source: { by: 'prompt', text: '[ root@curl-131556218-9fnch:/ ]$' },
        },
        { form: 'transcript', position: { line: 19, column: 1, endLine: 19, endColumn: 21 }, text: 'Server:    10.0.0.10' },
      ],
      ['kubectl exec -it secret-test-pod -- /bin/bash', { kind: 'local' }, null],
      [
        'ls',
        {
          kind: 'pod',
          prompt: 'root@secret-test-pod:/etc/secret-volume#',
          name: 'secret-test-pod',
          source: { by: 'session', line: 23, text: 'kubectl exec -it secret-test-pod -- /bin/bash' },
        },
        null,
      ],
    ]);
    expect(steps.map((s) => s.position)).toEqual([
      { line: 4, column: 3, endLine: 4, endColumn: 83 },
      { line: 6, column: 3, endLine: 6, endColumn: 22 },
      { line: 12, column: 8, endLine: 12, endColumn: 34 },
      { line: 18, column: 34, endLine: 18, endColumn: 51 },
      { line: 23, column: 1, endLine: 23, endColumn: 46 },
      { line: 27, column: 42, endLine: 27, endColumn: 44 },
    ]);
  });

  it('should find output lines after a command in the same fence, without prompts (d)', () => {
    const steps = commands(parseFixture('form-inline.md'));
    expect(steps.map((s) => [s.command, s.position.line, s.expected && [s.expected.form, s.expected.text, s.expected.position]])).toEqual([
      ['kubectl apply -k .', 4, ['inline', 'configmap/game-config-4-m9dm2f92bt created', { line: 5, column: 1, endLine: 5, endColumn: 43 }]],
      [
        'kubectl get pods -l run=my-nginx -o custom-columns=POD_IP:.status.podIPs',
        9,
        ['inline', 'POD_IP\n[map[ip:10.244.3.4]]', { line: 10, column: 5, endLine: 11, endColumn: 25 }],
      ],
      [
        'kubectl get configmap',
        13,
        ['inline', 'NAME                       DATA   AGE\ngame-config-4-m9dm2f92bt   1      37s', { line: 14, column: 1, endLine: 15, endColumn: 38 }],
      ],
      ['cat <<EOF >./kustomization.yaml\nconfigMapGenerator:\n- name: game-config-4\nEOF', 20, null],
      ['kubectl create configmap game-config-env-file \\\n       --from-env-file=game-env-file.properties', 24, null],
      ['for i in apple banana; do\n  echo $i\ndone', 26, null],
    ]);
    expect(steps[3]!.position).toEqual({ line: 20, column: 1, endLine: 23, endColumn: 4 });
    expect(new Set(steps.slice(3).map((s) => s.blockId)).size).toBe(1);
  });

  it('should read `# should output` comments, on their own line or trailing the command (e)', () => {
    const steps = commands(parseFixture('form-comment.md'));
    expect(steps.map((s) => s.expected)).toEqual([
      { text: 'bXktYXBw', position: { line: 5, column: 18, endLine: 5, endColumn: 26 }, form: 'comment', mode: 'similar' },
      { text: 'namespace/default', position: { line: 6, column: 49, endLine: 6, endColumn: 66 }, form: 'comment', mode: 'similar' },
      {
        text: 'No resources found in default namespace.',
        position: { line: 12, column: 3, endLine: 12, endColumn: 43 },
        form: 'comment',
        mode: 'similar',
      },
    ]);
  });

  it('should strip list indentation from commands and output and keep real doc columns', () => {
    const steps = commands(parseFixture('list-nesting.md'));
    expect(steps.map((s) => [s.command, s.position, s.expected])).toEqual([
      [
        'kubectl get secret test-secret',
        { line: 6, column: 5, endLine: 6, endColumn: 35 },
        {
          text: 'NAME          TYPE      DATA      AGE\ntest-secret   Opaque    2         1m',
          position: { line: 12, column: 5, endLine: 13, endColumn: 41 },
          form: 'cue',
          mode: 'similar',
          cue: 'Output:',
        },
      ],
      [
        "kubectl exec -it env-single-secret -- /bin/sh -c 'echo $SECRET_USERNAME'",
        { line: 19, column: 4, endLine: 19, endColumn: 76 },
        {
          text: 'backend-admin',
          position: { line: 24, column: 5, endLine: 24, endColumn: 18 },
          form: 'cue',
          mode: 'similar',
          cue: 'The output is',
        },
      ],
    ]);
  });
});

describe('a command the prose asks to run inline', () => {
  const lesson = parseFixture('prose-inline-command.md');
  const steps = commands(lesson);

  it('becomes a step of its own that owns the output after it', () => {
    const get = steps.find((s) => s.command === 'kubectl get configmaps');
    expect(get).toMatchObject({ line: 11, inferred: true, class: 'read-only' });
    expect(get!.expected?.text).toBe('NAME   DATA   AGE\ndemo   1      3s');
    expect(steps.find((s) => s.command.startsWith('kubectl create configmap'))!.expected).toBeNull();
  });

  it('is not taken from a command named in passing, nor from one a command fence follows', () => {
    expect(steps.map((s) => s.command)).toEqual([
      'kubectl create configmap demo --from-literal=a=1',
      'kubectl get configmaps',
      'kubectl get configmap demo',
      "kubectl get configmap demo -o jsonpath='{.data.a}'",
      'kubectl delete configmap demo',
    ]);
    expect(steps[2]!.expected?.text).toBe('NAME   DATA   AGE\ndemo   1      9s');
    expect(steps[3]!.expected?.text).toBe('1');
    expect(steps[4]!.expected?.text).toBe('configmap "demo" deleted');
  });
});
