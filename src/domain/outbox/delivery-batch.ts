import type { DeliveryBatch, DeliveryStatus, OutboxMessage } from './outbox-message';

export interface DeliveryCounts {
  readonly total: number;
  readonly sent: number;
  readonly queued: number;
  readonly failed: number;
  readonly undeliverable: number;
}

/** Someone a message did not reach, and why. */
export interface DeliveryProblem {
  readonly name: string;
  readonly organisationName?: string;
  readonly status: 'failed' | 'undeliverable';
  readonly reason: string;
}

/** Someone reached in the partnership channel (@mentioned) because they could not be reached 1:1. */
export interface ReachedInChannel {
  readonly name: string;
  readonly organisationName?: string;
  /** Sent already, or still going. */
  readonly sent: boolean;
}

/** What the Prevent Officer's status card shows about a batch. */
export interface DeliveryView {
  readonly batch: DeliveryBatch;
  readonly counts: DeliveryCounts;
  readonly problems: readonly DeliveryProblem[];
  readonly inChannel: readonly ReachedInChannel[];
  /** Every message is sent, failed or undeliverable. */
  readonly finished: boolean;
}

/** The part of a row the status card needs. */
export type MessageSummary = Pick<OutboxMessage, 'id' | 'status' | 'recipient' | 'lastError'> & Partial<Pick<OutboxMessage, 'via'>>;

export function countStatuses(statuses: Iterable<DeliveryStatus>): DeliveryCounts {
  const counts = { total: 0, sent: 0, queued: 0, failed: 0, undeliverable: 0 };
  for (const status of statuses) {
    counts.total += 1;
    counts[status] += 1;
  }
  return counts;
}

export function deliveryView(batch: DeliveryBatch, messages: Iterable<MessageSummary>): DeliveryView {
  const all = [...messages].sort((a, b) => a.id.localeCompare(b.id));
  const counts = countStatuses(all.map((m) => m.status));
  const problems = all
    .filter((m): m is MessageSummary & { status: 'failed' | 'undeliverable' } => m.status === 'failed' || m.status === 'undeliverable')
    .map((m) => ({
      name: m.recipient.name,
      ...(m.recipient.organisationName ? { organisationName: m.recipient.organisationName } : {}),
      status: m.status,
      reason: m.lastError ?? 'Teams did not accept the message',
    }));
  const inChannel = all
    .filter((m) => m.via === 'channel' && (m.status === 'sent' || m.status === 'queued'))
    .map((m) => ({ name: m.recipient.name, ...(m.recipient.organisationName ? { organisationName: m.recipient.organisationName } : {}), sent: m.status === 'sent' }));
  return { batch, counts, problems, inChannel, finished: counts.queued === 0 };
}

/** A view of a batch about to be enqueued: everything queued. */
export function plannedView(batch: DeliveryBatch, recipients: number): DeliveryView {
  return { batch, counts: { total: recipients, sent: 0, queued: recipients, failed: 0, undeliverable: 0 }, problems: [], inChannel: [], finished: recipients === 0 };
}
