import { describe, expect, it } from 'vitest';
import { lintPlan } from '../../../src/lint/index.js';
import { cmd, lintOne, manifest, plan } from '../helpers.js';
import { planOf } from '../parse-helpers.js';

const msgs = (ds: { message: string; line: number }[]) => ds.map((d) => [d.line, d.message]);

describe('missing-file', () => {
  it('reports make without a Makefile as an error', () => {
    const ds = lintOne('missing-file', cmd(154, 'make keys KEY=/tmp/nginx.key CERT=/tmp/nginx.crt'));
    expect(msgs(ds)).toEqual([[154, '`make keys KEY=/tmp/nginx.key CERT=/tmp/nginx.crt` needs a Makefile, but the doc neither shows nor creates one']]);
    expect(ds.every((d) => d.severity === 'error')).toBe(true);
  });

  it("warns, with the runner's reason, of a relative file only the reader has (the run leaves its step unchecked)", () => {
    const ds = lintOne(
      'missing-file',
      cmd(165, 'kubectl create configmap nginxconfigmap --from-file=default.conf'),
      cmd(170, 'kubectl apply -f ./missing.yaml && cat notes.txt'),
    );
    const reader = (f: string) =>
      `${f} is a file on the reader's machine: no step of the page writes or downloads it, and no block shows it; a check cannot run the steps that need it`;
    expect(msgs(ds)).toEqual([
      [165, reader('default.conf')],
      [170, reader('./missing.yaml')],
      [170, reader('notes.txt')],
    ]);
    expect(ds.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('warns, and does not fail the page, for a prose example applying the reader’s own file', () => {
    const { plan: p, source } = planOf('fixtures/lint/missing-file/reader-file.md');
    const ds = lintPlan(p, { rules: ['missing-file'], source });
    expect(ds.map((d) => [d.line, d.severity, d.actual])).toEqual([[6, 'warning', 'mypod.yaml']]);
    expect(ds[0]!.message).toContain("mypod.yaml is a file on the reader's machine");
  });

  it('keeps an error for a file an earlier command names but does not make', () => {
    const ds = lintOne('missing-file', cmd(5, 'echo see app.yaml'), cmd(6, 'kubectl apply -f app.yaml'));
    expect(ds.map((d) => [d.line, d.severity])).toEqual([[6, 'error']]);
  });

  it('accepts files created by earlier steps, bound manifests, URLs and shown manifests', () => {
    const ds = lintOne(
      'missing-file',
      manifest(1, 'kind: Deployment', { file: 'run-my-nginx.yaml', origin: 'example', examplePath: 'service/networking/run-my-nginx.yaml' }),
      cmd(5, 'kubectl apply -f ./run-my-nginx.yaml'),
      cmd(6, 'openssl req -x509 -nodes -newkey rsa:2048 -keyout /d/tmp/nginx.key -out /d/tmp/nginx.crt -subj "/CN=x"'),
      cmd(7, 'cat /d/tmp/nginx.crt | base64'),
      manifest(10, 'apiVersion: v1\nkind: Secret\n'),
      cmd(15, 'kubectl apply -f nginxsecrets.yaml'),
      cmd(16, 'kubectl apply -f https://k8s.io/examples/pods/inject/envars.yaml'),
      cmd(17, 'curl -LO https://example.com/job-tmpl.yaml\nmkdir ./jobs\nfor i in a b; do sed "s/X/$i/" job-tmpl.yaml > ./jobs/job-$i.yaml; done'),
      cmd(20, 'kubectl create -f ./jobs && kubectl apply -f ./jobs/job-a.yaml'),
      cmd(21, 'cat <<EOF > kustomization.yaml\nresources:\n- a.yaml\nEOF'),
      cmd(25, 'kubectl apply -k . && cat kustomization.yaml'),
      cmd(26, 'wget https://example.com/x/game.properties -O configure-pod-container/configmap/game.properties'),
      cmd(27, 'kubectl create configmap game --from-file=configure-pod-container/configmap/'),
      cmd(28, 'cat /etc/os-release; kubectl exec pod -- cat /secret/file'),
      cmd(29, 'cat /etc/config/keys', { hostKind: 'pod' }),
    );
    expect(msgs(ds)).toEqual([]);
  });

  it('downgrades to a warning when the prose links a repository for the file', () => {
    const source = [
      'You can find `default.conf` in',
      '[the repo](https://github.com/kubernetes/examples/tree/master/https-nginx/).',
      '',
      '```shell',
      'kubectl create configmap c --from-file=default.conf',
      '```',
    ].join('\n');
    const ds = lintPlan(plan(cmd(5, 'kubectl create configmap c --from-file=default.conf')), { rules: ['missing-file'], source });
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'warning', url: 'https://github.com/kubernetes/examples/tree/master/https-nginx/' });
  });

  it('lets git clone and cd provide files it cannot list', () => {
    expect(lintOne('missing-file', cmd(1, 'git clone https://github.com/x/y.git\ncd y\nmake build && kubectl apply -f deploy.yaml'))).toEqual([]);
  });
});

describe('missing-file and what the prose says', () => {
  it('accepts a file the prose tells the reader to save, or a fence titled with its name', () => {
    const source = [
      'Save the following as app.py:', // 1
      '```python', // 2
      'print(1)', // 3
      '```', // 4
      '```yaml title="kind-config.yaml"', // 5
      'kind: Cluster', // 6
      '```', // 7
      '```shell', // 8
      'python app.py && cat kind-config.yaml && cat other.py', // 9
      '```',
    ].join('\n');
    const ds = lintPlan(plan(cmd(9, 'python app.py && cat kind-config.yaml && cat other.py')), { rules: ['missing-file'], source });
    expect(ds.map((d) => d.actual)).toEqual(['other.py']);
  });

  it('ignores placeholder paths and home dotfiles', () => {
    expect(lintOne('missing-file', cmd(1, 'kubectl create secret generic k --from-file=ssh-privatekey=/path/to/.ssh/id_rsa && source ~/.bashrc'))).toEqual([]);
  });
});
