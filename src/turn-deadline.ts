import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * How long one turn may spend waiting on storage in total. Teams gives an invoke five seconds and a
 * message fifteen; each Table call already has its own deadline, but a turn makes several calls one
 * after another, so without a budget for the whole turn slow storage could hold it for half a minute.
 * What is left is enough to tell the user "not saved" inside Teams' limit.
 */
export const TURN_STORAGE_BUDGET_MS = { invoke: 4_000, message: 10_000 } as const;

const turnSignals = new AsyncLocalStorage<AbortSignal>();

/**
 * Runs one turn with an AbortSignal that fires when its budget is spent. Every storage call made on
 * the turn's behalf (however deep in the services) picks the signal up through
 * {@link currentTurnSignal}, so repository signatures need not carry it.
 */
export function withTurnDeadline<T>(budgetMs: number, turn: () => Promise<T>): Promise<T> {
  return turnSignals.run(AbortSignal.timeout(budgetMs), turn);
}

/** The running turn's deadline; undefined outside a turn (start-up, the outbox sender, schedules). */
export function currentTurnSignal(): AbortSignal | undefined {
  return turnSignals.getStore();
}
