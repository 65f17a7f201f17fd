/**
 * Fields the API server requires that the OpenAPI schemas leave optional (they are checked
 * by server-side validation, not by the schema), so kubernetes-models' validators miss them.
 * `path` uses `[]` for "every element of this list".
 */
export interface ServerRequiredField {
  /** Kinds this applies to; `*` is every kind. */
  kinds: readonly string[];
  path: string;
  /** Also satisfied when this sibling path is present (`metadata.generateName`). */
  unless?: string;
  /**
   * Skip when any of these paths has one of its values (`spec.type: ExternalName`), as the
   * server's validation only requires the field outside those cases.
   */
  exceptWhen?: readonly { path: string; values: readonly unknown[] }[];
}

const WORKLOADS = ['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet'];

/** The server-side required fields by kind. */
export const SERVER_REQUIRED: readonly ServerRequiredField[] = [
  { kinds: ['*'], path: 'metadata', unless: 'metadata.generateName' },
  { kinds: ['*'], path: 'metadata.name', unless: 'metadata.generateName' },
  { kinds: WORKLOADS, path: 'spec' },
  { kinds: ['Job'], path: 'spec' },
  { kinds: ['CronJob'], path: 'spec' },
  { kinds: ['Pod'], path: 'spec' },
  { kinds: ['Pod'], path: 'spec.containers[].image' },
  { kinds: WORKLOADS, path: 'spec.template.spec.containers[].image' },
  { kinds: ['Job'], path: 'spec.template.spec.containers[].image' },
  { kinds: ['CronJob'], path: 'spec.jobTemplate.spec.template.spec.containers[].image' },
  { kinds: ['Service'], path: 'spec', exceptWhen: [{ path: 'spec.type', values: ['ExternalName'] }] },
  // ValidateService requires ports unless the Service is headless (`clusterIP: None`) or ExternalName.
  {
    kinds: ['Service'],
    path: 'spec.ports',
    exceptWhen: [
      { path: 'spec.type', values: ['ExternalName'] },
      { path: 'spec.clusterIP', values: ['None'] },
    ],
  },
];
