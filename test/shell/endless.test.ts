import { describe, expect, it } from 'vitest';
import { neverEnds, parseCommandLine } from '../../src/shell/index.js';

describe('neverEnds: lines that run until stopped', () => {
  it.each([
    ['while true; do wget -q -O- http://php-apache.default.svc.cluster.local; done', 'loop'],
    ['while :; do date; done', 'loop'],
    ['while sleep 0.01; do wget -q -O- http://php-apache; done', 'loop'],
    ['while [ 1 ]; do echo hi; sleep 1; done', 'loop'],
    ['until false; do echo hi; done', 'loop'],
    ['for ((;;)); do echo hi; done', 'loop'],
    [
      `kubectl run -i --tty load-generator --rm --image=busybox --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"`,
      'loop',
    ],
    [`kubectl exec shell-demo -- sh -c 'while true; do date; sleep 5; done'`, 'loop'],
    [
      `kubectl run mysql-client-loop --image=mysql:5.7 -i -t --rm --restart=Never -- bash -ic "while sleep 1; do mysql -h mysql-read -e 'SELECT 1'; done"`,
      'loop',
    ],
    ['kubectl port-forward svc/redis 7000:6379', 'command'],
    ['kubectl proxy --port=8080', 'command'],
    ['kubectl get pods -w', 'command'],
    ['kubectl get pods --watch=true', 'command'],
    ['kubectl logs -f my-pod', 'command'],
    ['tail -f /var/log/app.log', 'command'],
    ['tail -fn 20 /var/log/app.log', 'command'],
    ['watch -n 2 kubectl get pods', 'command'],
    ['minikube tunnel', 'command'],
  ])('%s', (text, kind) => {
    expect(neverEnds(text)?.kind).toBe(kind);
  });

  it.each([
    'while read line; do echo "$line"; done < file',
    'while true; do if curl -s x; then break; fi; sleep 1; done',
    'until kubectl get pod x; do sleep 1; done',
    'for ((i=0; i<3; i++)); do echo $i; done',
    'for i in 1 2 3; do echo $i; done',
    'kubectl proxy --port=8080 &',
    'while true; do date; sleep 1; done &',
    'kubectl get pods --watch=false',
    'kubectl logs my-pod',
    'tail -n 20 /var/log/app.log',
    'minikube service hello --url',
    'kubectl exec pod -- sh -c "ls /data"',
    'echo "while true; do x; done"',
  ])('ends: %s', (text) => {
    expect(neverEnds(text)).toBeUndefined();
  });

  it('names the loop by its condition', () => {
    expect(neverEnds('while sleep 0.01; do wget -q -O- http://x; done')?.what).toBe('an endless `while sleep 0.01` loop');
  });

  it('records the condition and body of a loop', () => {
    const [loop] = parseCommandLine('while sleep 1; do echo a; echo b; done').loops;
    expect(loop?.condition.map((c) => c.name)).toEqual(['sleep']);
    expect(loop?.body.map((c) => c.name)).toEqual(['echo', 'echo']);
  });
});
