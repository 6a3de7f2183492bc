import type { OutboxMessage } from '../domain/outbox/outbox-message';
import type { OutboxRepository } from '../domain/ports';
import type { OutboxLog } from './dispatcher-options';

/** How long before its sender lease runs out an instance stops starting sends (the tenant window). */
export const LEASE_SAFETY_MS = 1_000;

/**
 * This instance's hold on each partnership's sending. Only the holder drains a partnership's outbox,
 * so one rate limiter sees every request made for it. A lease is renewed once half of it is gone; if
 * storage cannot renew it, the lease still held is used until the safety margin before it ends.
 */
export class SenderLeases {
  private readonly held = new Map<string, number>();

  constructor(
    private readonly repository: Pick<OutboxRepository, 'claimSender' | 'releaseSender'>,
    private readonly owner: string,
    private readonly leaseMs: number,
    private readonly log: OutboxLog,
  ) {}

  /** Claims or renews the partnership's sender lease at `now` (wall-clock ms); whether this instance holds it. */
  async hold(partnershipId: string, now: number): Promise<boolean> {
    const until = this.held.get(partnershipId);
    if (until !== undefined && until - now > this.leaseMs / 2) return true;
    try {
      const held = await this.repository.claimSender(partnershipId, this.owner, new Date(now + this.leaseMs), new Date(now));
      if (held) this.held.set(partnershipId, now + this.leaseMs);
      else this.held.delete(partnershipId);
      return held;
    } catch (error) {
      this.log.warn({ err: error, partnershipId }, 'could not renew the outbox sender lease');
      return until !== undefined && until - now > LEASE_SAFETY_MS;
    }
  }

  /** When (wall-clock ms) this instance's hold on the partnership ends; undefined when it has none. */
  until(partnershipId: string): number | undefined {
    return this.held.get(partnershipId);
  }

  /** A send may start only while the hold outlasts it by the safety margin. */
  allowsSend(partnershipId: string, now: number): boolean {
    const until = this.held.get(partnershipId);
    return until !== undefined && until - now > LEASE_SAFETY_MS;
  }

  /** Gives every hold back, so another instance need not wait for them to run out (a deploy). */
  async releaseAll(): Promise<void> {
    for (const partnershipId of this.held.keys()) {
      await this.repository.releaseSender(partnershipId, this.owner).catch(() => undefined);
    }
    this.held.clear();
  }
}

/** The row claimed by `owner` until `leaseMs` after `now`; other instances leave it alone until then. */
export function claimRow(message: OutboxMessage, owner: string, now: Date, leaseMs: number): OutboxMessage {
  return { ...message, lease: { owner, until: new Date(now.getTime() + leaseMs).toISOString() } };
}

/** The row with no claim on it. */
export function unclaimed(message: OutboxMessage): OutboxMessage {
  const { lease: _lease, ...rest } = message;
  return rest;
}

/**
 * When (wall-clock ms) `owner` may attempt a row: once its back-off is over and, if another instance
 * claimed it, once that claim has run out (that instance may have died mid-send).
 */
export function dueAt(message: OutboxMessage, owner: string): number {
  const claimedElsewhereUntil = message.lease && message.lease.owner !== owner ? Date.parse(message.lease.until) : -Infinity;
  return Math.max(Date.parse(message.notBefore), claimedElsewhereUntil);
}
