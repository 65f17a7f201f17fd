import { describe, expect, it } from 'vitest';
import type { ResourceType } from '../../../src/backends/sim/types.js';
import { deployment, errorOf, nginx, setup, TYPES } from './fixtures.js';

const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

const pod = (spec: Record<string, unknown>, name = 'p') => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec });
const svc = (spec: Record<string, unknown>, name = 'web') => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec });
const secret = (type: string, data: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type, data });

const cases: [string, ResourceType, Record<string, unknown>, string][] = [
  [
    'Deployment without selector',
    TYPES.deployments,
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'x' },
      spec: { template: { metadata: { labels: { app: 'x' } }, spec: { containers: [nginx()] } } },
    },
    'Deployment.apps "x" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`]',
  ],
  [
    'selector not matching labels',
    TYPES.deployments,
    {
      ...deployment('x', { app: 'x' }),
      spec: { selector: { matchLabels: { app: 'y' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [nginx()] } } },
    },
    'Deployment.apps "x" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`',
  ],
  [
    'empty selector',
    TYPES.deployments,
    { ...deployment('x'), spec: { selector: {}, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [nginx()] } } } },
    'Deployment.apps "x" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
  ],
  [
    'container without image',
    TYPES.deployments,
    {
      ...deployment('x'),
      spec: { selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c' }] } } },
    },
    'Deployment.apps "x" is invalid: spec.template.spec.containers[0].image: Required value',
  ],
  [
    'Recreate with rollingUpdate',
    TYPES.deployments,
    deployment('x', { app: 'x' }, { strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } }),
    'Deployment.apps "x" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is \'Recreate\'',
  ],
  [
    'maxSurge and maxUnavailable both 0',
    TYPES.deployments,
    deployment('x', { app: 'x' }, { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }),
    'Deployment.apps "x" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
  ],
  [
    'unknown strategy type',
    TYPES.deployments,
    deployment('x', { app: 'x' }, { strategy: { type: 'BlueGreen' } }),
    'Deployment.apps "x" is invalid: spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"BlueGreen", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"',
  ],
  [
    'StatefulSet without selector',
    TYPES.statefulsets,
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: { serviceName: 'db', template: { metadata: { labels: { app: 'db' } }, spec: { containers: [nginx()] } } },
    },
    'StatefulSet.apps "db" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: map[string]string{"app":"db"}: `selector` does not match template `labels`]',
  ],
  [
    'DaemonSet without selector',
    TYPES.daemonsets,
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'ds' },
      spec: { template: { metadata: { labels: { app: 'ds' } }, spec: { containers: [nginx()] } } },
    },
    'DaemonSet.apps "ds" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"ds"}: `selector` does not match template `labels`',
  ],
  [
    'missing name',
    TYPES.configmaps,
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: {} },
    'ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required',
  ],
  [
    'uppercase name',
    TYPES.deployments,
    deployment('My_App', { app: 'a' }),
    `Deployment.apps "My_App" is invalid: metadata.name: Invalid value: "My_App": ${SUBDOMAIN}`,
  ],
  [
    'service name with dot',
    TYPES.services,
    svc({ ports: [{ port: 80 }] }, 'my.svc'),
    `Service "my.svc" is invalid: metadata.name: Invalid value: "my.svc": ${DNS1035}`,
  ],
  [
    'namespace name',
    TYPES.namespaces,
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'Dev' } },
    `Namespace "Dev" is invalid: metadata.name: Invalid value: "Dev": ${LABEL}`,
  ],
  [
    'container name',
    TYPES.pods,
    pod({ containers: [{ name: 'Web', image: 'nginx' }] }),
    `Pod "p" is invalid: spec.containers[0].name: Invalid value: "Web": ${LABEL}`,
  ],
  ['no containers', TYPES.pods, pod({}), 'Pod "p" is invalid: spec.containers: Required value'],
  ['duplicate container names', TYPES.pods, pod({ containers: [nginx(), nginx()] }), 'Pod "p" is invalid: spec.containers[1].name: Duplicate value: "nginx"'],
  [
    'unknown restartPolicy',
    TYPES.pods,
    pod({ restartPolicy: 'Sometimes', containers: [nginx()] }),
    'Pod "p" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
  ],
  [
    'containerPort out of range',
    TYPES.pods,
    pod({ containers: [{ ...nginx(), ports: [{ containerPort: 70000 }] }] }),
    'Pod "p" is invalid: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
  ],
  [
    'bad port protocol',
    TYPES.pods,
    pod({ containers: [{ ...nginx(), ports: [{ containerPort: 80, protocol: 'HTTP' }] }] }),
    'Pod "p" is invalid: spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
  ],
  [
    'mount of an undeclared volume',
    TYPES.pods,
    pod({ containers: [{ ...nginx(), volumeMounts: [{ name: 'data', mountPath: '/data' }] }] }),
    'Pod "p" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "data"',
  ],
  [
    'label value with a space',
    TYPES.pods,
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { app: 'my app' } }, spec: { containers: [nginx()] } },
    `Pod "p" is invalid: metadata.labels: Invalid value: "my app": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
  ],
  [
    'Job with the default restartPolicy',
    TYPES.jobs,
    { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: { spec: { containers: [nginx()] } } } },
    'Job.batch "pi" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
  ],
  [
    'CronJob without schedule',
    TYPES.cronjobs,
    {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'c' },
      spec: { jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [nginx()] } } } } },
    },
    'CronJob.batch "c" is invalid: spec.schedule: Required value',
  ],
  [
    'CronJob with a bad schedule',
    TYPES.cronjobs,
    {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'c' },
      spec: { schedule: '* * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [nginx()] } } } } },
    },
    'CronJob.batch "c" is invalid: spec.schedule: Invalid value: "* * *": expected exactly 5 fields, found 3: [* * *]',
  ],
  [
    'CronJob name over 52 characters',
    TYPES.cronjobs,
    {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'a'.repeat(53) },
      spec: { schedule: '@daily', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [nginx()] } } } } },
    },
    `CronJob.batch "${'a'.repeat(53)}" is invalid: metadata.name: Invalid value: "${'a'.repeat(53)}": must be no more than 52 characters`,
  ],
  ['Service without ports', TYPES.services, svc({ selector: { app: 'web' } }), 'Service "web" is invalid: spec.ports: Required value'],
  [
    'Service port missing',
    TYPES.services,
    svc({ ports: [{ targetPort: 8080 }] }),
    'Service "web" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
  ],
  [
    'Service port 0',
    TYPES.services,
    svc({ ports: [{ port: 0 }] }),
    'Service "web" is invalid: [spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive, spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive]',
  ],
  [
    'unnamed ports',
    TYPES.services,
    svc({ ports: [{ port: 80 }, { port: 443 }] }),
    'Service "web" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]',
  ],
  [
    'unknown Service type',
    TYPES.services,
    svc({ type: 'Internal', ports: [{ port: 80 }] }),
    'Service "web" is invalid: spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
  ],
  [
    'nodePort on ClusterIP',
    TYPES.services,
    svc({ ports: [{ port: 80, nodePort: 30080 }] }),
    'Service "web" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is \'ClusterIP\'',
  ],
  ['ExternalName without name', TYPES.services, svc({ type: 'ExternalName' }), 'Service "web" is invalid: spec.externalName: Required value'],
  [
    'nodePort out of range',
    TYPES.services,
    svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 8080 }] }),
    'Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767',
  ],
  [
    'clusterIP out of range',
    TYPES.services,
    svc({ clusterIP: '10.0.0.5', ports: [{ port: 80 }] }),
    'Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
  ],
  [
    'tls Secret without keys',
    TYPES.secrets,
    secret('kubernetes.io/tls', {}),
    'Secret "s" is invalid: [data[tls.crt]: Required value, data[tls.key]: Required value]',
  ],
  ['dockerconfigjson Secret', TYPES.secrets, secret('kubernetes.io/dockerconfigjson', {}), 'Secret "s" is invalid: data[.dockerconfigjson]: Required value'],
  [
    'ConfigMap key with a slash',
    TYPES.configmaps,
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'conf/app': 'x' } },
    "ConfigMap \"c\" is invalid: data[conf/app]: Invalid value: \"conf/app\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
  ],
  [
    'Ingress path without pathType',
    TYPES.ingresses,
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'i' },
      spec: { rules: [{ http: { paths: [{ path: '/', backend: { service: { name: 's', port: { number: 80 } } } }] } }] },
    },
    'Ingress.networking.k8s.io "i" is invalid: spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified',
  ],
];

describe('validation', () => {
  it.each(cases)('%s', (_name, type, object, message) => {
    const { admission } = setup();
    const err = errorOf(() => admission.admit('create', type, object as never, undefined, {}));
    expect(err).toEqual({ message, code: 422, reason: 'Invalid' });
  });

  it('gives causes kubectl prints as `The Deployment "bad" is invalid: …`', () => {
    const { admission } = setup();
    try {
      admission.admit(
        'create',
        TYPES.deployments,
        {
          ...deployment('bad'),
          spec: { selector: { matchLabels: { app: 'bad' } }, template: { metadata: { labels: { app: 'bad' } }, spec: { containers: [{ name: 'c' }] } } },
        } as never,
        undefined,
        {},
      );
      expect.unreachable();
    } catch (e) {
      expect((e as { status: { details: unknown } }).status.details).toEqual({
        name: 'bad',
        group: 'apps',
        kind: 'Deployment',
        causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.template.spec.containers[0].image' }],
      });
    }
  });

  it('rejects a nodePort already taken by another Service', () => {
    const { create, admission } = setup();
    create(TYPES.services, svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }, 'a'));
    const err = errorOf(() =>
      admission.admit('create', TYPES.services, svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }, 'b') as never, undefined, {}),
    );
    expect(err.message).toBe('Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated');
  });

  it('rejects a clusterIP already taken', () => {
    const { create, admission } = setup();
    create(TYPES.services, svc({ clusterIP: '10.96.0.10', ports: [{ port: 53 }] }, 'kube-dns'));
    const err = errorOf(() => admission.admit('create', TYPES.services, svc({ clusterIP: '10.96.0.10', ports: [{ port: 53 }] }, 'b') as never, undefined, {}));
    expect(err.message).toBe(
      'Service "b" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated',
    );
  });

  it('answers 404 for a namespace that does not exist', () => {
    const { create, admission } = setup();
    create(TYPES.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    const err = errorOf(() =>
      admission.admit('create', TYPES.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'nope' } } as never, undefined, {}),
    );
    expect(err).toEqual({ message: 'namespaces "nope" not found', code: 404, reason: 'NotFound' });
  });

  it('answers 403 for a terminating namespace', () => {
    const { create, store, admission } = setup();
    const ns = create(TYPES.namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'old' } });
    store.update(TYPES.namespaces, { ...ns, status: { phase: 'Terminating' } });
    const err = errorOf(() =>
      admission.admit('create', TYPES.configmaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'old' } } as never, undefined, {}),
    );
    expect(err).toEqual({
      message: 'configmaps "c" is forbidden: unable to create new content in namespace old because it is being terminated',
      code: 403,
      reason: 'Forbidden',
    });
  });
});
