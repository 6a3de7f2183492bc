import type { OutboxMessage } from '../domain/outbox/outbox-message';
import type { RateTarget } from '../domain/outbox/rate-limiter';

/** A batch, across partnerships. */
export function batchKey(partnershipId: string, batchId: string): string {
  return `${partnershipId}|${batchId}`;
}

/** A row, across partnerships and batches. */
export function rowKey(message: Pick<OutboxMessage, 'partnershipId' | 'batchId' | 'id'>): string {
  return `${batchKey(message.partnershipId, message.batchId)}|${message.id}`;
}

/** What the rate limits count a message against. */
export function rateTargetOf(message: Pick<OutboxMessage, 'conversationId' | 'tenantId'>): RateTarget {
  return { conversationId: message.conversationId, tenantId: message.tenantId };
}
