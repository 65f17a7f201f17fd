/**
 * The reasons and messages the 1.32 Job controller writes into conditions and events
 * (`pkg/controller/job/job_controller.go`, `batch.JobReason*`), as data.
 */

/** A condition's reason and message (the same pair is the Warning event of a failed Job). */
export interface JobFailure {
  reason: string;
  message: string;
}

export const FAILURE = {
  backoffLimit: { reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' },
  deadline: { reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' },
  maxFailedIndexes: { reason: 'MaxFailedIndexesExceeded', message: 'Job has exceeded the specified maximal number of failed indexes' },
  failedIndexes: { reason: 'FailedIndexes', message: 'Job has failed indexes' },
  completions: { reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' },
  suspended: { reason: 'JobSuspended', message: 'Job suspended' },
  resumed: { reason: 'JobResumed', message: 'Job resumed' },
} as const satisfies Record<string, JobFailure>;

/** True when the conditions hold one of this type with status True. */
export function finishedWith(conditions: readonly Record<string, unknown>[], type: string): boolean {
  return conditions.some((c) => c['type'] === type && c['status'] === 'True');
}
