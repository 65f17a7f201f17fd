import { describe, expect, it } from 'vitest';
import { cmd, lintOne, manifest } from '../helpers.js';

describe('unbound-placeholder', () => {
  it('reports placeholders and unset variables as info', () => {
    const ds = lintOne(
      'unbound-placeholder',
      cmd(1, 'curl https://<EXTERNAL-IP>:<NODE-PORT> -k'),
      cmd(2, 'kubectl logs $POD_NAME'),
      manifest(3, 'data:\n  tls.crt: "REPLACE_WITH_BASE64_CERT"\n'),
      cmd(10, 'kubectl get svc', {
        expected: {
          text: 'my-nginx   LoadBalancer   xx.xxx.xxx.xxx   8080:30163/TCP',
          position: { line: 11, column: 1, endLine: 11, endColumn: 50 },
          form: 'fence',
          mode: 'similar',
        },
      }),
    );
    expect(ds.map((d) => [d.line, d.actual])).toEqual([
      [1, '<EXTERNAL-IP>'],
      [1, '<NODE-PORT>'],
      [2, '$POD_NAME'],
      [5, 'REPLACE_WITH_BASE64_CERT'],
      [11, 'xx.xxx.xxx.xxx'],
    ]);
    expect(ds.every((d) => d.severity === 'info')).toBe(true);
    expect(ds[0]!.message).toMatch(/will be bound at run time/);
  });

  it('accepts variables set earlier, single-quoted text, heredocs and kubectl output tokens', () => {
    const ds = lintOne(
      'unbound-placeholder',
      cmd(1, 'export POD_NAME="$(kubectl get pods -o go-template --template \'{{range .items}}{{.metadata.name}}{{end}}\')"'),
      cmd(2, 'kubectl logs $POD_NAME && echo $HOME'),
      cmd(3, "kubectl get pods | awk '{print $1}'"),
      cmd(4, 'for i in a b; do echo ${i}; done'),
      cmd(5, 'cat <<EOF > x.yaml\nkind: Pod\nEOF'),
      cmd(6, 'kubectl describe svc x', {
        expected: { text: 'Annotations: <none>', position: { line: 7, column: 1, endLine: 7, endColumn: 10 }, form: 'fence', mode: 'similar' },
      }),
    );
    expect(ds).toEqual([]);
  });
});
