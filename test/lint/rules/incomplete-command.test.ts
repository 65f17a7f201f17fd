import { describe, expect, it } from 'vitest';
import { cmd, lintOne } from '../helpers.js';

describe('incomplete-command', () => {
  it('reports commands missing what they need', () => {
    const ds = lintOne(
      'incomplete-command',
      cmd(245, 'curl -k', { hostKind: 'node' }),
      cmd(246, 'kubectl get -o wide'),
      cmd(247, 'kubectl apply ./x.yaml'),
      cmd(248, 'kubectl exec -it -- sh'),
      cmd(249, 'kubectl exec my-pod printenv'),
      cmd(250, 'kubectl create secret tls s --key k.pem'),
      cmd(251, 'kubectl exec my-pod – printenv'),
      // curl's options read as curl reads them: `out.html` is what `-sSo` saves to, not a URL.
      cmd(252, 'curl -sSo out.html'),
    );
    expect(ds.map((d) => [d.line, d.message])).toEqual([
      [245, '`curl -k` has no URL: curl needs the address to request'],
      [246, '`kubectl get` needs a resource type (`kubectl get pods`) or -f'],
      [247, '`kubectl apply` needs -f <file> or -k <dir>'],
      [248, '`kubectl exec` needs a pod name and `-- <command>`'],
      [249, '`kubectl exec POD printenv` without `--` is the removed form; write `kubectl exec POD -- printenv …`'],
      [250, '`kubectl create secret tls` needs a name, --cert and --key'],
      [251, '`kubectl exec` has no `--` before the command: `–` is a typographic dash, not `--`'],
      [252, '`curl -sSo out.html` has no URL: curl needs the address to request'],
    ]);
    expect(ds[4]!.fix).toMatchObject({ replacement: '-- printenv' });
  });

  it('accepts complete commands', () => {
    const ds = lintOne(
      'incomplete-command',
      cmd(1, 'curl -k https://10.244.3.5'),
      cmd(2, 'curl https://my-nginx --cacert /etc/nginx/ssl/tls.crt'),
      cmd(3, 'kubectl get pods -l run=my-nginx -o wide'),
      cmd(4, 'kubectl apply -f x.yaml && kubectl apply -k .'),
      cmd(5, 'kubectl exec my-nginx-3800858182-jr4a2 -- printenv | grep SERVICE'),
      cmd(6, 'kubectl create secret tls nginxsecret --key /tmp/nginx.key --cert /tmp/nginx.crt'),
      cmd(7, 'kubectl get -f ./x.yaml'),
      cmd(8, 'curl -sSLo out.html https://example.com/'),
      cmd(9, 'curl -o out.html --url=https://example.com/'),
    );
    expect(ds).toEqual([]);
  });
});

describe('incomplete-command with help and raw requests', () => {
  it('accepts --help, --version and kubectl get --raw', () => {
    expect(
      lintOne('incomplete-command', cmd(1, 'kubectl get --help'), cmd(2, 'curl --version'), cmd(3, 'kubectl get --raw /apis/metrics.k8s.io/v1beta1/nodes')),
    ).toEqual([]);
  });
});
