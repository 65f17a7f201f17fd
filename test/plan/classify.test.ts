import { describe, expect, it } from 'vitest';
import { classifyCommand, classifyStep } from '../../src/plan/index.js';

describe('classifyCommand', () => {
  const cases: Array<[string, string, string, string | undefined]> = [
    ['kubectl get pods -l run=my-nginx -o wide', 'read-only', 'kubectl', 'get'],
    ['kubectl -n kube-system describe svc kube-dns', 'read-only', 'kubectl', 'describe'],
    ['kubectl logs my-pod', 'read-only', 'kubectl', 'logs'],
    ['kubectl logs -f -l jobgroup=jobexample', 'interactive', 'kubectl', 'logs'],
    ['kubectl get pods --watch', 'interactive', 'kubectl', 'get'],
    ['kubectl get pods -w', 'interactive', 'kubectl', 'get'],
    ['kubectl auth can-i create pods', 'read-only', 'kubectl', 'auth'],
    ['kubectl rollout status deployment/web', 'read-only', 'kubectl', 'rollout'],
    ['kubectl rollout history deployment/web', 'read-only', 'kubectl', 'rollout'],
    ['kubectl rollout undo deployments/kubernetes-bootcamp', 'mutating', 'kubectl', 'rollout'],
    ['kubectl rollout restart deployment/web', 'mutating', 'kubectl', 'rollout'],
    ['kubectl wait --for=condition=ready pod/x', 'read-only', 'kubectl', 'wait'],
    ['kubectl apply -f ./run-my-nginx.yaml', 'mutating', 'kubectl', 'apply'],
    ['kubectl expose deployment/my-nginx', 'mutating', 'kubectl', 'expose'],
    ['kubectl scale deployment my-nginx --replicas=0; kubectl scale deployment my-nginx --replicas=2;', 'mutating', 'kubectl', 'scale'],
    ['kubectl delete deployments,svc my-nginx; kubectl create -f ./nginx-secure-app.yaml', 'mutating', 'kubectl', 'delete'],
    ['kubectl edit svc my-nginx', 'interactive', 'kubectl', 'edit'],
    ['kubectl port-forward svc/web 8080:80', 'interactive', 'kubectl', 'port-forward'],
    ['kubectl proxy', 'interactive', 'kubectl', 'proxy'],
    ['kubectl attach -it web', 'interactive', 'kubectl', 'attach'],
    ['kubectl run -i --tty --image busybox:1.37 dns-test --restart=Never --rm', 'interactive', 'kubectl', 'run'],
    ['kubectl run nginx --image=nginx', 'mutating', 'kubectl', 'run'],
    ['kubectl exec -it secret-test-pod -- /bin/bash', 'interactive', 'kubectl', 'exec'],
    ['kubectl exec -ti $POD_NAME -- bash', 'interactive', 'kubectl', 'exec'],
    ['kubectl exec --stdin --tty web -- sh', 'interactive', 'kubectl', 'exec'],
    ['kubectl exec my-nginx-3800858182-jr4a2 -- printenv | grep SERVICE', 'read-only', 'kubectl', 'exec'],
    ['kubectl exec "$POD_NAME" -- env', 'read-only', 'kubectl', 'exec'],
    ['kubectl exec curl-1 -- curl https://my-nginx --cacert /etc/nginx/ssl/tls.crt', 'read-only', 'kubectl', 'exec'],
    ['kubectl exec web -- nginx -s reload', 'mutating', 'kubectl', 'exec'],
    ["kubectl exec web -- /bin/sh -c 'env | grep _USERNAME'", 'read-only', 'kubectl', 'exec'],
    ['kubectl exec my-nginx-cf54cdbf7-vr96x \u2013 printenv | grep SERVICE', 'read-only', 'kubectl', 'exec'],
    ['kubectl cp ./file web:/tmp/file', 'mutating', 'kubectl', 'cp'],
    ['kubectl cp web:/tmp/file ./file', 'read-only', 'kubectl', 'cp'],
    ['kubectl label pods "$POD_NAME" version=v1', 'mutating', 'kubectl', 'label'],
    ['kubectl drain node-1', 'mutating', 'kubectl', 'drain'],
    ['kubectl get svc my-nginx -o yaml | grep nodePort -C 5', 'read-only', 'kubectl', 'get'],
    ['openssl req -x509 -nodes -days 365 -newkey rsa:2048 -keyout /d/tmp/nginx.key', 'host-tool', 'openssl', undefined],
    ['cat /d/tmp/nginx.crt | base64', 'host-tool', 'cat', undefined],
    ['make keys KEY=/tmp/nginx.key CERT=/tmp/nginx.crt', 'host-tool', 'make', undefined],
    ['export POD_NAME=$(kubectl get pods -o name)', 'host-tool', 'export', undefined],
    ['curl http://localhost:8001/version', 'host-tool', 'curl', undefined],
    ['minikube start', 'host-tool', 'minikube', undefined],
    ['minikube dashboard', 'interactive', 'minikube', undefined],
    ['sudo docker ps', 'host-tool', 'docker', undefined],
    ['FOO=1 kubectl get pods', 'read-only', 'kubectl', 'get'],
    // Prefixes run the program after them (plan once said `other` for timeout and env).
    ['timeout 10 kubectl get pods', 'read-only', 'kubectl', 'get'],
    ['env FOO=1 kubectl delete pod x', 'mutating', 'kubectl', 'delete'],
    ['time kubectl apply -f web.yaml', 'mutating', 'kubectl', 'apply'],
    ['kubectl get pods -o name | xargs kubectl delete', 'mutating', 'kubectl', 'get'],
    ['watch -n 2 kubectl get pods', 'interactive', 'kubectl', 'get'],
    // A loop is named by its keyword; its commands give the class.
    ['for p in a b; do kubectl delete pod $p; done', 'mutating', 'for', undefined],
    ['cat <<EOF >./kustomization.yaml\nresources:\n- get: x; kubectl delete ns y\nEOF', 'host-tool', 'cat', undefined],
    ['ubectl get configmaps', 'other', 'ubectl', undefined],
    ['service/my-nginx exposed', 'other', 'service/my-nginx', undefined],
    ['', 'other', '', undefined],
  ];
  it.each(cases)('should classify %j as %s', (command, cls, program, subcommand) => {
    const c = classifyCommand(command);
    expect(c.class).toBe(cls);
    expect(c.program).toBe(program);
    expect(c.subcommand).toBe(subcommand);
  });
});

describe('classifyStep', () => {
  it('should count inspection tools run on a node or in a pod as read-only', () => {
    expect(classifyStep('curl -k https://10.244.3.5', { kind: 'node', prompt: 'node $', name: 'node', source: { by: 'prompt' } }).class).toBe('read-only');
    expect(classifyStep('nslookup my-nginx', { kind: 'pod', prompt: '#', source: { by: 'prompt' } }).class).toBe('read-only');
    expect(classifyStep('curl -k https://10.244.3.5', { kind: 'local' }).class).toBe('host-tool');
    expect(classifyStep('make keys', { kind: 'pod', prompt: '#', source: { by: 'prompt' } }).class).toBe('host-tool');
  });
});
