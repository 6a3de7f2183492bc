import { currentTarget, type OutboxMessage } from '../domain/outbox/outbox-message';
import type { RateTarget } from '../domain/outbox/rate-limiter';

/** A batch, across partnerships. */
export function batchKey(partnershipId: string, batchId: string): string {
  return `${partnershipId}|${batchId}`;
}

/** A row, across partnerships and batches. */
export function rowKey(message: Pick<OutboxMessage, 'partnershipId' | 'batchId' | 'id'>): string {
  return `${batchKey(message.partnershipId, message.batchId)}|${message.id}`;
}

/** What the rate limits count a message against: the conversation it goes to now (the channel, once fallen back). */
export function rateTargetOf(message: Pick<OutboxMessage, 'reference' | 'conversationId' | 'tenantId' | 'channelFallback' | 'via'>): RateTarget {
  const { conversationId, tenantId } = currentTarget(message);
  return { conversationId, tenantId };
}
