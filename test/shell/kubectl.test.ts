import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KUBECTL_COMMAND_FLAGS, KUBECTL_GLOBAL_FLAGS } from '../../src/shell/data/kubectl-flags.js';
import { firstKubectlCall, flagValue, hasFlag, kubectlCall, parseCommandLine, takesValue, type KubectlCall } from '../../src/shell/index.js';

const call = (text: string): KubectlCall => firstKubectlCall(text)!;
const flags = (k: KubectlCall) => [...k.flags].flatMap(([name, list]) => list.map((f) => [name, f.value]));

describe('kubectl flags from the table', () => {
  it.each([
    // Flags with a value take the next word, whether before or after the subcommand.
    ['kubectl -n kube-system get pods', ['get'], ['pods'], [['-n', 'kube-system']]],
    [
      'kubectl get pods -o wide -l app=web',
      ['get'],
      ['pods'],
      [
        ['-o', 'wide'],
        ['-l', 'app=web'],
      ],
    ],
    ['kubectl get pods --output=yaml', ['get'], ['pods'], [['--output', 'yaml']]],
    [
      'kubectl get pods -owide -nkube-system',
      ['get'],
      ['pods'],
      [
        ['-o', 'wide'],
        ['-n', 'kube-system'],
      ],
    ],
    ['kubectl get pods -n=demo', ['get'], ['pods'], [['-n', 'demo']]],
    // `-f` and `-p` are booleans for logs, values elsewhere.
    [
      'kubectl logs -f -p web',
      ['logs'],
      ['web'],
      [
        ['-f', true],
        ['-p', true],
      ],
    ],
    ['kubectl apply -f web.yaml', ['apply'], [], [['-f', 'web.yaml']]],
    ['kubectl patch deploy web -p {"spec":{}}', ['patch'], ['deploy', 'web'], [['-p', '{spec:{}}']]],
    // Combined short flags are read letter by letter.
    [
      'kubectl exec -it web -- sh',
      ['exec'],
      ['web'],
      [
        ['-i', true],
        ['-t', true],
      ],
    ],
    [
      'kubectl run -i --tty busybox --image=busybox --restart=Never',
      ['run'],
      ['busybox'],
      [
        ['-i', true],
        ['--tty', true],
        ['--image', 'busybox'],
        ['--restart', 'Never'],
      ],
    ],
    // `--dry-run` may stand alone (measured): `-o` is then a flag of its own.
    [
      'kubectl create deployment web --image nginx --dry-run -o yaml',
      ['create', 'deployment'],
      ['web'],
      [
        ['--image', 'nginx'],
        ['--dry-run', true],
        ['-o', 'yaml'],
      ],
    ],
    // Nested commands and their aliases.
    [
      'kubectl create secret tls web-tls --cert=a.crt --key a.key',
      ['create', 'secret', 'tls'],
      ['web-tls'],
      [
        ['--cert', 'a.crt'],
        ['--key', 'a.key'],
      ],
    ],
    ['kubectl create cm game --from-file=x', ['create', 'cm'], ['game'], [['--from-file', 'x']]],
    ['kubectl rollout status deployment/web --timeout 60s', ['rollout', 'status'], ['deployment/web'], [['--timeout', '60s']]],
    ['kubectl top pods', ['top', 'pods'], [], []],
  ])('%s', (text, path, positionals, expected) => {
    const k = call(text);
    expect(k.path.map((w) => w.value)).toEqual(path);
    expect(k.positionals.map((w) => w.value)).toEqual(positionals);
    expect(flags(k)).toEqual(expected);
  });

  it('should resolve aliases in the command path', () => {
    expect(call('kubectl create cm x').command).toBe('create configmap');
    expect(call('kubectl top po').command).toBe('top pod');
  });

  it('should keep what follows -- apart', () => {
    const k = call('kubectl exec web -c app -- sh -c "ls -l"');
    expect(k.afterDashDash?.map((w) => w.value)).toEqual(['sh', '-c', 'ls -l']);
    expect(flagValue(k, '-c', '--container')).toBe('app');
    expect(hasFlag(k, '-l')).toBe(false);
  });

  it('should read kubectl after prefixes and assignments, and not other programs', () => {
    const [first, second] = parseCommandLine('timeout 10 kubectl get pods | env A=1 kubectl delete pod x').commands;
    expect(kubectlCall(first!)?.command).toBe('get');
    expect(kubectlCall(second!)?.command).toBe('delete');
    expect(firstKubectlCall('curl -n x')).toBeUndefined();
  });

  it('should treat unknown flags of unknown commands as values only when some command takes a value', () => {
    expect(takesValue('--image', 'krew')).toBe(true);
    expect(takesValue('--all-namespaces', 'krew')).toBe(false);
  });
});

/** kubectl 1.32 beside the dispatcher, when this machine has it. */
const KUBECTL = ['/usr/lib/google-cloud-sdk/bin/kubectl.1.32', ...(process.env.PATH ?? '').split(':').map((d) => `${d}/kubectl.1.32`)].find((p) =>
  existsSync(p),
);

describe.skipIf(!KUBECTL)('the kubectl flag table against kubectl 1.32 help (needs kubectl.1.32)', () => {
  const help = (args: string[]) => execFileSync(KUBECTL!, args, { encoding: 'utf8', env: { ...process.env, KUBECONFIG: '/dev/null' } });
  const valueFlags = (text: string) =>
    [...text.matchAll(/^ {4}(?:-([A-Za-z]), )?--([\w-]+)=(.*):$/gm)]
      .filter((m) => m[3] !== 'true' && m[3] !== 'false')
      .flatMap((m) => [...(m[1] ? [`-${m[1]}`] : []), `--${m[2]}`]);

  it.each(['get', 'logs', 'exec', 'run', 'create secret tls', 'apply'])('should list the value flags of `kubectl %s`', (command) => {
    const text = help([...command.split(' '), '--help'])
      .split(/^Options:$/m)[1]!
      .split(/^Usage:$/m)[0]!;
    expect([...KUBECTL_COMMAND_FLAGS[command]!.value].sort()).toEqual(valueFlags(text).sort());
  });

  it('should list the global value flags', () => {
    expect([...KUBECTL_GLOBAL_FLAGS.value].sort()).toEqual(valueFlags(help(['options'])).sort());
  });
});
