import { describe, expect, it } from 'vitest';
import { lintOne, manifest } from '../helpers.js';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: my-nginx
spec:
  replicas: 2
  template:
    metadata:
      labels:
        run: my-nginx
    spec:
      containers:
      - name: my-nginx
        image: nginx
`;

describe('manifest-schema', () => {
  it('says which field is missing, with the kind, at the line of its parent', () => {
    const ds = lintOne('manifest-schema', manifest(10, deployment));
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', line: 15, message: 'spec.selector is required for apps/v1 Deployment' });
  });

  it('reports a missing metadata block and Service port', () => {
    const ds = lintOne('manifest-schema', manifest(1, 'apiVersion: v1\nkind: Service\nspec:\n  ports:\n  - protocol: TCP\n'));
    expect(ds.map((d) => d.message).sort()).toEqual(['metadata is required for v1 Service', 'spec.ports[0].port is required for v1 Service']);
  });

  it('does not judge a file a kustomization of the page applies as a patch as a whole object; the same text elsewhere is judged', () => {
    const patch =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: memcached\n        $patch: delete\n';
    const kustomization = 'resources:\n- ../../base\npatches:\n- path: delete-memcached.yaml\n';
    const listed = lintOne(
      'manifest-schema',
      manifest(1, patch, { file: 'delete-memcached.yaml', folder: 'overlays/production' }),
      manifest(20, kustomization, { file: 'kustomization.yaml' }),
    );
    expect(listed).toEqual([]);
    const other = lintOne('manifest-schema', manifest(1, patch, { file: 'other.yaml' }), manifest(20, kustomization, { file: 'kustomization.yaml' }));
    expect(other.map((d) => d.message)).toContain('spec.selector is required for apps/v1 Deployment');
  });

  it('requires Service ports only when the Service is neither headless nor ExternalName, as ValidateService does', () => {
    const svc = (spec: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n${spec}`;
    expect(lintOne('manifest-schema', manifest(1, svc('  clusterIP: None\n  selector: {app: x}\n')))).toEqual([]);
    expect(lintOne('manifest-schema', manifest(1, svc('  type: ExternalName\n  externalName: db.example.com\n')))).toEqual([]);
    for (const spec of ['  selector: {app: x}\n', '  clusterIP: 10.96.0.20\n  selector: {app: x}\n', '  type: NodePort\n  selector: {app: x}\n']) {
      const ds = lintOne('manifest-schema', manifest(1, svc(spec)));
      expect(ds.map((d) => d.message)).toEqual(['spec.ports is required for v1 Service']);
    }
  });

  it('reports containers without image (a server-side requirement)', () => {
    const ds = lintOne('manifest-schema', manifest(1, 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n'));
    expect(ds.map((d) => d.message)).toEqual(['spec.containers[0].image is required for v1 Pod']);
  });

  it('reports an unknown kind with a suggestion and an unknown version', () => {
    const kind = lintOne('manifest-schema', manifest(1, 'apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: x}\n'));
    expect(kind[0]!.message).toBe('unknown kind Deploymnet in apps/v1 (did you mean Deployment?)');
    const version = lintOne('manifest-schema', manifest(1, 'apiVersion: apps/v2\nkind: Deployment\nmetadata: {name: x}\n'));
    expect(version[0]!.message).toMatch(/^unknown apiVersion apps\/v2: the apps group has .*apps\/v1/);
  });

  it('accepts valid manifests, placeholders in Secret data, CRDs and non-Kubernetes YAML', () => {
    const valid = deployment.replace('  replicas: 2\n', '  replicas: 2\n  selector:\n    matchLabels:\n      run: my-nginx\n');
    const secret =
      'apiVersion: "v1"\nkind: "Secret"\nmetadata:\n  name: "s"\ntype: kubernetes.io/tls\ndata:\n  tls.crt: "REPLACE_WITH_BASE64_CERT"\n  tls.key: "REPLACE_WITH_BASE64_KEY"\n';
    const crd = 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: c}\n';
    const values = 'replicaCount: 2\nimage:\n  repository: nginx\n';
    expect(lintOne('manifest-schema', manifest(1, valid), manifest(30, secret), manifest(50, crd), manifest(60, values))).toEqual([]);
  });

  it('reports Secret data that is not base64', () => {
    const ds = lintOne('manifest-schema', manifest(1, 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  password: not base64!\n'));
    expect(ds[0]!.message).toMatch(/^data\.password must match format "byte"/);
  });
});

describe('manifest-schema on YAML that is not an API object', () => {
  it('skips kubeconfig files and templates', () => {
    const kubeconfig = 'apiVersion: v1\nkind: Config\nclusters: []\n';
    const helm = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n';
    expect(lintOne('manifest-schema', manifest(1, kubeconfig), manifest(10, helm))).toEqual([]);
    expect(lintOne('yaml-syntax', manifest(10, helm))).toEqual([]);
  });
});

describe('manifest-schema and unknown fields', () => {
  it('reports misspelled fields with a suggestion, at their line', () => {
    const typo = deployment
      .replace('  replicas: 2\n', '  replica: 2\n  selector:\n    matchLabels:\n      run: my-nginx\n')
      .replace('      containers:', '      contianers:');
    const ds = lintOne('manifest-schema', manifest(10, typo));
    expect(ds.map((d) => [d.line, d.message])).toEqual([
      [16, 'unknown field spec.replica in apps/v1 Deployment (did you mean `replicas`?); the API server rejects it (strict field validation)'],
      [24, 'spec.template.spec.containers is required for apps/v1 Deployment'],
      [
        25,
        'unknown field spec.template.spec.contianers in apps/v1 Deployment (did you mean `containers`?); the API server rejects it (strict field validation)',
      ],
    ]);
  });

  it('accepts maps (labels, data, resources) and int-or-string fields', () => {
    const svc =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  labels: {anything: goes}\nspec:\n  selector: {app: x}\n  ports:\n  - port: 80\n    targetPort: http\n';
    const pod =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p, annotations: {a: b}}\nspec:\n  containers:\n  - name: c\n    image: i\n    resources: {limits: {cpu: 500m, memory: 128Mi}}\n    env: [{name: A, valueFrom: {configMapKeyRef: {name: c, key: k}}}]\n';
    expect(lintOne('manifest-schema', manifest(1, svc), manifest(20, pod))).toEqual([]);
  });
});

describe('manifest-schema on a range of valid kinds', () => {
  it('accepts StatefulSet, Ingress, CronJob, HPA, NetworkPolicy, RBAC, Secret, ConfigMap, PDB, CRD, PV and ExternalName Service', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync('fixtures/lint/manifest-schema/valid-kinds.yaml', 'utf8');
    expect(lintOne('manifest-schema', manifest(1, text))).toEqual([]);
  });
});
