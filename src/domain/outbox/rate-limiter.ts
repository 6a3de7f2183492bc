/**
 * Teams' documented limits for proactive messages: per bot per conversation 7 in 1 s, 8 in 2 s,
 * 60 in 30 s and 1800 in an hour; per app per tenant 50 requests a second.
 */
export interface RateWindow {
  readonly limit: number;
  readonly ms: number;
}

export const TEAMS_CONVERSATION_WINDOWS: readonly RateWindow[] = [
  { limit: 7, ms: 1_000 },
  { limit: 8, ms: 2_000 },
  { limit: 60, ms: 30_000 },
  { limit: 1_800, ms: 3_600_000 },
];

export const TEAMS_TENANT_WINDOWS: readonly RateWindow[] = [{ limit: 50, ms: 1_000 }];

export interface RateTarget {
  readonly conversationId: string;
  readonly tenantId: string;
}

/** A granted request: say when its answer arrived (or that it was never made). */
export interface Permit {
  done(at: number): void;
  cancel(): void;
}

export type Acquisition =
  | { readonly granted: true; readonly permit: Permit }
  /**
   * `retryAt` is when to ask again; absent when it depends on a request still in flight finishing.
   * `tenantBlocked`: the tenant's limit is what holds it back, so no other conversation of it can go either.
   */
  | { readonly granted: false; readonly retryAt?: number; readonly tenantBlocked: boolean };

interface Entry {
  /** When the answer arrived; undefined while the request is in flight. */
  done: number | undefined;
}

interface Bucket {
  readonly entries: Entry[];
  pausedUntil: number;
}

/**
 * Sliding-window limiter, pure: the caller passes the time (milliseconds on a monotonic clock).
 *
 * Teams counts a request when it arrives, somewhere between the moment we send it and the moment its
 * answer comes back. So a request counts against every window from when it is granted until one
 * window length after its answer arrived: then no placement of the arrival times the service might
 * see can put more than `limit` requests in any window, however the network delays them.
 */
export class RateLimiter {
  private readonly conversations = new Map<string, Bucket>();
  private readonly tenants = new Map<string, Bucket>();

  constructor(
    private readonly conversationWindows: readonly RateWindow[] = TEAMS_CONVERSATION_WINDOWS,
    private readonly tenantWindows: readonly RateWindow[] = TEAMS_TENANT_WINDOWS,
  ) {}

  /** What tryAcquire would answer now, without taking a slot. */
  check(target: RateTarget, now: number): { readonly allowed: true } | Extract<Acquisition, { granted: false }> {
    const conversation = this.bucket(this.conversations, target.conversationId, this.conversationWindows, now);
    const tenant = this.bucket(this.tenants, target.tenantId, this.tenantWindows, now);
    const conversationWait = wait(conversation, this.conversationWindows, now);
    const tenantWait = wait(tenant, this.tenantWindows, now);
    const tenantBlocked = tenantWait === 'in-flight' || tenantWait > now;
    if (conversationWait === 'in-flight' || tenantWait === 'in-flight') return { granted: false, tenantBlocked };
    const retryAt = Math.max(conversationWait, tenantWait);
    if (retryAt > now) return { granted: false, retryAt, tenantBlocked };
    return { allowed: true };
  }

  /** Grants a request to this conversation now, or says when to ask again. */
  tryAcquire(target: RateTarget, now: number): Acquisition {
    const checked = this.check(target, now);
    if (!('allowed' in checked)) return checked;
    const conversation = this.bucket(this.conversations, target.conversationId, this.conversationWindows, now);
    const tenant = this.bucket(this.tenants, target.tenantId, this.tenantWindows, now);
    const entry: Entry = { done: undefined };
    conversation.entries.push(entry);
    tenant.entries.push(entry);
    let settled = false;
    return {
      granted: true,
      permit: {
        done: (at) => {
          if (settled) return;
          settled = true;
          entry.done = at;
        },
        cancel: () => {
          if (settled) return;
          settled = true;
          remove(conversation.entries, entry);
          remove(tenant.entries, entry);
        },
      },
    };
  }

  /** Teams said "slow down" for this conversation (429 with Retry-After): nothing more to it until then. */
  pause(conversationId: string, until: number, now: number): void {
    const bucket = this.bucket(this.conversations, conversationId, this.conversationWindows, now);
    bucket.pausedUntil = Math.max(bucket.pausedUntil, until);
  }

  private bucket(buckets: Map<string, Bucket>, key: string, windows: readonly RateWindow[], now: number): Bucket {
    const horizon = now - Math.max(0, ...windows.map((w) => w.ms));
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = { entries: [], pausedUntil: 0 };
      if (buckets.size > 0 && buckets.size % 1000 === 0) prune(buckets, horizon, now);
      buckets.set(key, bucket);
      return bucket;
    }
    while (bucket.entries.length > 0 && bucket.entries[0]!.done !== undefined && bucket.entries[0]!.done <= horizon) bucket.entries.shift();
    return bucket;
  }
}

/** Forgets conversations with nothing in any window, so memory stays bounded over a long run. */
function prune(buckets: Map<string, Bucket>, horizon: number, now: number): void {
  for (const [key, bucket] of buckets) {
    const live = bucket.entries.some((e) => e.done === undefined || e.done > horizon);
    if (!live && bucket.pausedUntil <= now) buckets.delete(key);
  }
}

/** The earliest time a new request fits every window of the bucket, or 'in-flight' if that depends on an answer. */
function wait(bucket: Bucket, windows: readonly RateWindow[], now: number): number | 'in-flight' {
  let at = bucket.pausedUntil;
  for (const window of windows) {
    const inFlight = bucket.entries.filter((e) => e.done === undefined).length;
    const recent = bucket.entries
      .map((e) => e.done)
      .filter((done): done is number => done !== undefined && done > now - window.ms)
      .sort((a, b) => a - b);
    const excess = inFlight + recent.length - (window.limit - 1);
    if (excess <= 0) continue;
    if (excess > recent.length) return 'in-flight';
    at = Math.max(at, recent[excess - 1]! + window.ms);
  }
  return at;
}

function remove(entries: Entry[], entry: Entry): void {
  const index = entries.indexOf(entry);
  if (index >= 0) entries.splice(index, 1);
}
