/**
 * For a key that appears indented under a key that already has a value, the parent key a
 * Kubernetes manifest usually has there. Used only to word the hint of a YAML syntax error.
 */
export const LIKELY_PARENT: Readonly<Record<string, string>> = {
  name: 'metadata',
  namespace: 'metadata',
  labels: 'metadata',
  annotations: 'metadata',
  generateName: 'metadata',
  replicas: 'spec',
  selector: 'spec',
  template: 'spec',
  containers: 'spec',
  initContainers: 'spec',
  volumes: 'spec',
  ports: 'spec',
  type: 'spec',
  clusterIP: 'spec',
  rules: 'spec',
  strategy: 'spec',
  matchLabels: 'selector',
  image: 'containers',
  containerPort: 'ports',
  mountPath: 'volumeMounts',
  secretName: 'secret',
  'tls.crt': 'data',
  'tls.key': 'data',
};
