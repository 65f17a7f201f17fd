/** Prose that attributes the output after it to a container (trigger and false-friend fixtures). */
import { describe, expect, it } from 'vitest';
import { matchCue } from '../../src/parse/cue.js';
import { containerLogOf } from '../../src/parse/container-log.js';
import type { ManifestStep } from '../../src/plan/types.js';

const TRIGGERS: Array<[string, { name?: string; command?: string }]> = [
  ['produces the following output in the `test-container` container:', { name: 'test-container' }],
  ['When the pod runs, the command `ls /etc/config/` produces the output below:', { command: 'ls /etc/config/' }],
  ['When the Pod runs, it prints:', {}],
  ['The container prints the following:', {}],
  ['The output of the container is:', {}],
];

const CLEAN = [
  'The output is similar to:',
  'Check the logs of the container with kubectl logs. The output is similar to this:',
  'The container is running. Now list the pods:',
  'You should see output like this:',
];

describe('container output cues', () => {
  it.each(TRIGGERS)('should read %j as the output of a container', (prose, container) => {
    expect(matchCue(prose)?.container).toEqual(container);
  });

  it.each(CLEAN)('should not read %j as the output of a container', (prose) => {
    expect(matchCue(prose)?.container).toBeUndefined();
  });
});

const manifest = (content: string | null, file = 'pod.yaml'): ManifestStep => ({
  id: 'm1',
  kind: 'manifest',
  line: 1,
  position: { line: 1, column: 1, endLine: 1, endColumn: 1 },
  file,
  language: 'yaml',
  content,
  origin: 'inline',
  inferred: false,
});

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: demo
spec:
  containers:
  - name: a
    image: busybox
    command: ["sh", "-c", "ls /etc/config/"]
  - name: b
    image: busybox
    args: ["echo", "hi"]
`;

describe('containerLogOf', () => {
  it('should find the container by the name or the command the prose gives', () => {
    expect(containerLogOf('kubectl create -f pod.yaml', [manifest(POD)], { name: 'b' })).toEqual({ target: 'pod/p', namespace: 'demo', container: 'b' });
    expect(containerLogOf('kubectl apply -f pod.yaml', [manifest(POD)], { command: 'ls /etc/config/' })).toEqual({
      target: 'pod/p',
      namespace: 'demo',
      container: 'a',
    });
  });

  it('should say why when the pod or container cannot be told', () => {
    expect(containerLogOf('kubectl apply -f pod.yaml', [manifest(POD)], {})).toEqual({
      unknown: 'pod/p has containers a, b; the prose does not say which prints it',
    });
    expect(containerLogOf('kubectl apply -f pod.yaml', [manifest(POD)], { name: 'zzz' })).toEqual({
      unknown: 'the command starts pod/p; none has a container named zzz',
    });
    expect(containerLogOf('kubectl apply -f pod.yaml', [manifest(null)], {})).toEqual({ unknown: 'the manifest pod.yaml is not available' });
    expect(containerLogOf('kubectl apply -f svc.yaml', [manifest('kind: Service\nmetadata:\n  name: s\n')], {})).toEqual({
      unknown: 'the manifests the command reads start no pod',
    });
  });

  it('should read the pod kubectl run starts, and leave the output to commands that print the container themselves', () => {
    expect(containerLogOf('kubectl run hello --image=busybox --restart=Never -- echo hi', [], {})).toEqual({ target: 'pod/hello', container: 'hello' });
    expect(containerLogOf('kubectl run -it hello --image=busybox -- echo hi', [], {})).toBeUndefined();
    expect(containerLogOf('kubectl logs p -c a', [], { name: 'a' })).toBeUndefined();
    expect(containerLogOf('kubectl exec p -- ls', [], {})).toBeUndefined();
  });
});
