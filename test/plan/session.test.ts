import { describe, expect, it } from 'vitest';
import { endsSession, isLongRunning, sessionOpenedBy } from '../../src/plan/session.js';

describe('sessionOpenedBy', () => {
  it.each([
    ['kubectl exec -it task-pv-pod -- /bin/bash', { kind: 'pod', name: 'task-pv-pod' }],
    ['kubectl exec -ti pod/web -n prod -c nginx -- sh', { kind: 'pod', name: 'web', namespace: 'prod', container: 'nginx' }],
    ['kubectl exec --stdin --tty shell-demo -- /bin/bash', { kind: 'pod', name: 'shell-demo' }],
    ['kubectl exec -i -t web --namespace=dev -- bash', { kind: 'pod', name: 'web', namespace: 'dev' }],
    ['kubectl run busybox --rm -ti --image=busybox -- /bin/sh', { kind: 'pod', name: 'busybox' }],
    ['kubectl run curl --image=radial/busyboxplus:curl -i --tty', { kind: 'pod', name: 'curl' }],
    ['kubectl debug -it ephemeral-demo --image=busybox:1.28 --target=ephemeral-demo', { kind: 'pod', name: 'ephemeral-demo' }],
    ['kubectl debug myapp -it --image=ubuntu --share-processes --copy-to=myapp-debug', { kind: 'pod', name: 'myapp-debug' }],
    ['kubectl debug node/mynode -it --image=ubuntu', { kind: 'node', name: 'mynode' }],
    ['kubectl attach -it web -c app', { kind: 'pod', name: 'web', container: 'app' }],
    ['kubectl exec -it mysql-0 -- mysql -uroot', { kind: 'pod', name: 'mysql-0', repl: 'mysql' }],
    ['minikube ssh', { kind: 'node', name: 'minikube' }],
    ['minikube ssh -n minikube-m02', { kind: 'node', name: 'minikube-m02' }],
    // Options read as each program's parser reads them (src/shell/data/program-options.ts).
    ['minikube -p dev ssh', { kind: 'node', name: 'dev' }],
    ['minikube ssh --node=dev-m02 -p dev', { kind: 'node', name: 'dev-m02' }],
    ['ssh -tp 2222 node-1', { kind: 'node', name: 'node-1' }],
    ['kubectl exec -it redis -- redis-cli -h localhost -n 2', { kind: 'pod', name: 'redis', repl: 'redis-cli' }],
    ['docker exec -it kind-control-plane bash', { kind: 'node', name: 'kind-control-plane' }],
    ['ssh user@10.0.0.4', { kind: 'remote', name: '10.0.0.4' }],
    ['gcloud compute ssh my-vm --zone us-central1-a', { kind: 'remote', name: 'my-vm' }],
    ['vagrant ssh', { kind: 'remote' }],
    // Options are read as the programs read them: a flag's value is not the machine.
    ['gcloud compute ssh --zone us-central1-a my-vm', { kind: 'remote', name: 'my-vm' }],
    ['gcloud --project demo compute ssh --zone=us-central1-a my-vm', { kind: 'remote', name: 'my-vm' }],
    ['vagrant ssh worker1', { kind: 'remote', name: 'worker1' }],
    // What follows `--` goes to ssh itself (a port forward), not a machine name.
    ['vagrant ssh -- -L 8080:localhost:8080', { kind: 'remote' }],
    ['sudo ssh -i key.pem admin@node-1', { kind: 'node', name: 'node-1' }],
    ['ssh my-node1', { kind: 'node', name: 'my-node1' }],
    ['ssh <node-name>', { kind: 'node', name: '<node-name>' }],
    ['gcloud compute ssh gke-demo-default-pool-1a2b3c4d-x9z8 --zone us-central1-a', { kind: 'node', name: 'gke-demo-default-pool-1a2b3c4d-x9z8' }],
    ['ssh admin@bastion.example.com', { kind: 'remote', name: 'bastion.example.com' }],
  ])('%s opens a session', (command, expected) => {
    expect(sessionOpenedBy(command)).toEqual(expected);
  });

  it.each([
    'kubectl exec -it web -- sh -c "ls /"',
    'kubectl exec web -- ls',
    'kubectl exec -i -t dnsutils -- nslookup kubernetes.default',
    'kubectl run mysql-client --image=mysql:5.7 -i -t --rm --restart=Never -- mysql -h mysql-read -e "SELECT 1"',
    'kubectl run mysql-client-loop --image=mysql:5.7 -i -t --rm --restart=Never -- bash -ic "while sleep 1; do date; done"',
    'kubectl run nginx --image=nginx',
    'kubectl debug myapp --copy-to=myapp-debug --set-image=*=ubuntu',
    'minikube ssh -- ls /mnt',
    'minikube ssh "sudo ls /"',
    'ssh node-1 uptime',
    'gcloud compute ssh my-vm --command "sudo docker ps"',
    'gcloud compute ssh my-vm --command=uptime',
    'gcloud compute ssh my-vm -- uptime',
    'vagrant ssh -c "sudo ls /"',
    'vagrant ssh worker1 --command uptime',
    'docker exec kind-control-plane crictl ps',
    'kubectl exec -it redis -- redis-cli ping',
    'kubectl exec -it redis -- redis-cli -r 3 -i 1 INFO',
    'ssh -i key.pem -p 22 node-1 uptime',
  ])('%s opens none', (command) => {
    expect(sessionOpenedBy(command)).toBeUndefined();
  });
});

describe('endsSession', () => {
  it.each([
    ['exit', true],
    ['exit 0', true],
    ['logout', true],
    ['  exit  ', true],
    ['exit-code', false],
    ['echo exit', false],
    ['exit # To quit the shell in the container', true],
    ['exit 1 # leave', true],
    ['exit#not-a-comment', false],
  ])('%s → %s', (c, ends) => {
    expect(endsSession(c)).toBe(ends);
  });
});

describe('isLongRunning', () => {
  it.each([
    ['kubectl get pods -l app=mysql --watch', true],
    ['kubectl get pods -w', true],
    ['kubectl logs -f web', true],
    ['kubectl logs --follow deploy/web', true],
    ['kubectl port-forward service/mongo 28015:27017', true],
    ['kubectl proxy --port=8080', true],
    ['minikube tunnel', true],
    ['while true; do curl localhost:8080; sleep 1; done', true],
    ['watch kubectl get pods', true],
    ['kubectl get pods', false],
    ['kubectl logs web', false],
    ['minikube service web --url', false],
    ['kubectl wait --for=condition=ready pod/web', false],
  ])('%s → %s', (c, expected) => {
    expect(isLongRunning(c)).toBe(expected);
  });
});
