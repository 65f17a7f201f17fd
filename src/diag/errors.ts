/**
 * Stable error codes for failures of the tool or its environment (exit 2).
 * Codes never change once released; add new ones at the end.
 */
export const ErrorCodes = {
  ERR_INVALID_OPTION: 'a command-line option or argument is not valid',
  ERR_FILE_READ: 'an input file could not be read',
  ERR_NO_INPUT: 'no input files matched',
  ERR_INPUT_TOO_LARGE: 'an input file is larger than the tool accepts',
  ERR_KUBECTL_NOT_FOUND: 'kubectl is not on PATH',
  ERR_BACKEND_START: 'the backend could not be started',
  ERR_BACKEND_STOP: 'the backend could not be stopped cleanly',
  ERR_KIND_NOT_FOUND: 'kind is not on PATH',
  ERR_DOCKER_NOT_FOUND: 'docker is not on PATH',
  ERR_DOCKER_DOWN: 'the Docker daemon is not reachable',
  ERR_CONTEXT_REFUSED: 'the kubeconfig context is not considered disposable',
  ERR_CONTEXT_NOT_FOUND: 'the kubeconfig context does not exist',
  ERR_CONFINE_UNAVAILABLE: 'confinement (bubblewrap) is not available',
  ERR_LESSON_TIMEOUT: 'the lesson exceeded its time limit',
  ERR_SHELL: 'the lesson shell failed',
  ERR_INTERRUPTED: 'the run was interrupted',
  ERR_OUTPUT_WRITE: 'the report could not be written',
  ERR_INTERNAL: 'an internal error',
  ERR_GIT: 'a git command failed (not a repository, or an unknown ref)',
  ERR_INVALID_REPORT: 'a report, baseline or cache file is not in the expected format',
  ERR_UNCONFINED_IN_CI: 'CI mode refuses to run a tutorial unconfined',
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

const brand = Symbol.for('kubedoctest.error');

/**
 * A failure of the tool or its environment, never a finding about the doc.
 * `message` is one line saying the cause; `hint` says what to do.
 */
export class KubedoctestError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly [brand] = true;

  constructor(code: ErrorCode, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
  }

  /** One line for the terminal: `ERR_CODE: cause (what to do)`. */
  toLine(): string {
    return `${this.code}: ${this.message}${this.hint ? ` — ${this.hint}` : ''}`;
  }
}
KubedoctestError.prototype.name = 'KubedoctestError';

/** True for a KubedoctestError, also across module copies. */
export function isKubedoctestError(value: unknown): value is KubedoctestError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}
