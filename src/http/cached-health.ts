import type { StorageHealth } from '../domain/ports';

type HealthResult = Awaited<ReturnType<StorageHealth['check']>>;

/** How long one storage check answers /healthz: probes every few minutes need nothing fresher. */
export const HEALTH_CACHE_MS = 10_000;

/**
 * /healthz is open to anyone, so without this every unauthenticated request would cost a round
 * trip to Table storage. The last answer is reused for `ttlMs`, and requests that arrive while a
 * check is running share it, so a flood of probes costs at most one storage call per period.
 */
export function cachedHealth(health: StorageHealth, ttlMs = HEALTH_CACHE_MS, now: () => number = () => performance.now()): StorageHealth {
  let last: { result: HealthResult; at: number } | undefined;
  let running: Promise<HealthResult> | undefined;
  return {
    check() {
      if (last && now() - last.at < ttlMs) return Promise.resolve(last.result);
      running ??= health
        .check()
        .then((result) => {
          last = { result, at: now() };
          return result;
        })
        .finally(() => {
          running = undefined;
        });
      return running;
    },
  };
}
