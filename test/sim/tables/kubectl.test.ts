import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type SimFixture } from '../server/helpers.js';

/** What real kubectl prints from the simulator's admission errors and Tables (controllers off). */
describe('real kubectl against admission and tables', () => {
  let f: SimFixture;
  beforeAll(async () => {
    f = await startFixture();
  });
  afterAll(async () => {
    await f?.stop();
  });

  const columns = (line: string) => line.trim().split(/\s{2,}/);

  it('prints defaults-driven Tables for deployments, services and pods', async () => {
    expect((await f.kubectl(['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2'])).exitCode).toBe(0);
    expect((await f.kubectl(['expose', 'deployment', 'web', '--port=80', '--type=NodePort'])).exitCode).toBe(0);
    expect((await f.kubectl(['run', 'bb', '--image=busybox:1.36', '--', 'sleep', '3600'])).exitCode).toBe(0);

    const deploy = (await f.kubectl(['get', 'deploy', 'web', '-o', 'wide'])).stdout.trim().split('\n');
    expect(columns(deploy[0]!)).toEqual(['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE', 'CONTAINERS', 'IMAGES', 'SELECTOR']);
    expect(columns(deploy[1]!)).toEqual(['web', '0/2', '0', '0', expect.stringMatching(/^\d+s$/), 'nginx', 'nginx:1.27', 'app=web']);

    const svc = (await f.kubectl(['get', 'svc', 'web'])).stdout.trim().split('\n');
    expect(columns(svc[0]!)).toEqual(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE']);
    expect(columns(svc[1]!)).toEqual([
      'web',
      'NodePort',
      expect.stringMatching(/^10\.(9[6-9]|10\d|11[01])\.\d+\.\d+$/),
      '<none>',
      expect.stringMatching(/^80:3\d{4}\/TCP$/),
      expect.any(String),
    ]);

    const pods = (await f.kubectl(['get', 'pods', '--sort-by=.metadata.name', '--show-labels'])).stdout.trim().split('\n');
    expect(columns(pods[0]!)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'LABELS']);
    expect(columns(pods[1]!)).toEqual(['bb', '0/1', 'Pending', '0', expect.stringMatching(/^\d+s$/), 'run=bb']);
  });

  it('prints the server defaults in -o yaml', async () => {
    const yaml = (await f.kubectl(['get', 'pod', 'bb', '-o', 'yaml'])).stdout;
    for (const line of [
      'imagePullPolicy: IfNotPresent',
      'enableServiceLinks: true',
      'serviceAccountName: default',
      'tolerationSeconds: 300',
      'qosClass: BestEffort',
      'path: token',
    ]) {
      expect(yaml).toContain(line);
    }
  });

  it.each([
    [
      'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  template:\n    spec:\n      containers:\n      - name: pi\n        image: perl\n',
      'The Job "pi" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
    ],
    [
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: bad\nspec:\n  template:\n    metadata:\n      labels:\n        app: bad\n    spec:\n      containers:\n      - name: c\n',
      'The Deployment "bad" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: map[string]string{"app":"bad"}: `selector` does not match template `labels`\n* spec.template.spec.containers[0].image: Required value',
    ],
    [
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: np\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n    nodePort: 80\n',
      'The Service "np" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    ],
  ])('reports invalid manifests as a real server does (%#)', async (manifest, message) => {
    const r = await f.kubectl(['apply', '-f', '-'], { input: manifest });
    expect(r.exitCode).toBe(1);
    expect(r.stderr.trim()).toBe(message);
  });
});
