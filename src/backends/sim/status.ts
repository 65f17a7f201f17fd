/** A Kubernetes metav1.Status body, as the API server sends it on errors. */
export interface KStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, unknown>;
  status: 'Failure' | 'Success';
  message: string;
  reason: string;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    causes?: { reason: string; message: string; field?: string }[];
    retryAfterSeconds?: number;
  };
  code: number;
}

/** Thrown inside the simulator; the HTTP layer answers with `status` and its code. */
export class StatusError extends Error {
  readonly status: KStatus;
  constructor(status: Omit<KStatus, 'kind' | 'apiVersion' | 'metadata' | 'status'>) {
    super(status.message);
    this.status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', ...status };
  }
  get code(): number {
    return this.status.code;
  }
}
StatusError.prototype.name = 'StatusError';

/** `pods "x"` or `deployments.apps "x"`, as the real server qualifies resources in messages. */
export function qualified(resource: string, group: string): string {
  return group ? `${resource}.${group}` : resource;
}

export function notFound(resource: string, group: string, name: string): StatusError {
  return new StatusError({
    message: `${qualified(resource, group)} "${name}" not found`,
    reason: 'NotFound',
    details: { name, ...(group ? { group } : {}), kind: resource },
    code: 404,
  });
}

export function alreadyExists(resource: string, group: string, name: string): StatusError {
  return new StatusError({
    message: `${qualified(resource, group)} "${name}" already exists`,
    reason: 'AlreadyExists',
    details: { name, ...(group ? { group } : {}), kind: resource },
    code: 409,
  });
}

export function conflict(resource: string, group: string, name: string, why: string): StatusError {
  return new StatusError({
    message: `Operation cannot be fulfilled on ${qualified(resource, group)} "${name}": ${why}`,
    reason: 'Conflict',
    details: { name, ...(group ? { group } : {}), kind: resource },
    code: 409,
  });
}

export interface FieldCause {
  reason: string;
  message: string;
  field: string;
}

/** 422 Invalid: kubectl prints `The Kind "name" is invalid: field: message`. */
export function invalid(kind: string, group: string, name: string, causes: FieldCause[]): StatusError {
  const summary = causes.map((c) => `${c.field}: ${c.message}`).join(', ');
  const list = causes.length > 1 ? `[${summary}]` : summary;
  return new StatusError({
    message: `${kind}${group ? `.${group}` : ''} "${name}" is invalid: ${list}`,
    reason: 'Invalid',
    details: { name, ...(group ? { group } : {}), kind, causes },
    code: 422,
  });
}

export function badRequest(message: string): StatusError {
  return new StatusError({ message, reason: 'BadRequest', code: 400 });
}

export function gone(message: string): StatusError {
  return new StatusError({ message, reason: 'Expired', code: 410 });
}

export function methodNotAllowed(message = 'the server does not allow this method on the requested resource'): StatusError {
  return new StatusError({ message, reason: 'MethodNotAllowed', code: 405 });
}

/**
 * The simulator cannot do this faithfully. Never answer with a made-up success:
 * say so, and point at a real cluster.
 */
export function notSupported(what: string): StatusError {
  return new StatusError({
    message: `${what}: not supported by the simulator; use --backend kind`,
    reason: 'NotImplemented',
    code: 501,
  });
}
