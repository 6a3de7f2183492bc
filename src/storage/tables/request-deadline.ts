import type { TableServiceClientOptions } from '@azure/data-tables';
import { currentTurnSignal } from '../../turn-deadline';

type PipelinePolicy = NonNullable<TableServiceClientOptions['additionalPolicies']>[number]['policy'];

/**
 * How long one Table operation may take, retries included. A turn must end (and an invoke be
 * answered) well inside Teams' 5 s, so a hung or very slow storage fails as "not saved" instead of
 * leaving the user waiting; the SDK's own retries stay inside the same budget.
 */
export const TABLE_OPERATION_DEADLINE_MS = 3_500;

/**
 * Aborts the whole operation (every attempt and the waits between them) once its own deadline
 * passes, or sooner when the turn it serves has spent its storage budget (src/turn-deadline.ts).
 */
export function operationDeadlinePolicy(deadlineMs: number): PipelinePolicy {
  return {
    name: 'tableOperationDeadline',
    sendRequest(request, next) {
      const signals = [AbortSignal.timeout(deadlineMs)];
      const existing = request.abortSignal as AbortSignal | undefined;
      if (existing) signals.push(existing);
      const turn = currentTurnSignal();
      if (turn) signals.push(turn);
      request.abortSignal = signals.length === 1 ? signals[0]! : AbortSignal.any(signals);
      return next(request);
    },
  };
}
