import type { TableServiceClientOptions } from '@azure/data-tables';

type PipelinePolicy = NonNullable<TableServiceClientOptions['additionalPolicies']>[number]['policy'];

/**
 * How long one Table operation may take, retries included. A turn must end (and an invoke be
 * answered) well inside Teams' 5 s, so a hung or very slow storage fails as "not saved" instead of
 * leaving the user waiting; the SDK's own retries stay inside the same budget.
 */
export const TABLE_OPERATION_DEADLINE_MS = 3_500;

/** Aborts the whole operation (every attempt and the waits between them) once the deadline passes. */
export function operationDeadlinePolicy(deadlineMs: number): PipelinePolicy {
  return {
    name: 'tableOperationDeadline',
    sendRequest(request, next) {
      const deadline = AbortSignal.timeout(deadlineMs);
      const existing = request.abortSignal as AbortSignal | undefined;
      request.abortSignal = existing ? AbortSignal.any([existing, deadline]) : deadline;
      return next(request);
    },
  };
}
