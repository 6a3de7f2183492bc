import { z } from 'zod';

/**
 * The outbox: every proactive message the bot sends (update requests, rating requests, agenda posts,
 * chasers, channel progress cards) is first written here, one row per recipient and message, and a
 * sender drains it within Teams' rate limits. The row is the truth about what happened to it.
 */

export const MESSAGE_KINDS = [
  'update-request',
  'rating-request',
  'agenda',
  'chaser',
  'round-progress',
  'assessment-progress',
  'agenda-replies',
  'one-to-one-answer',
  'channel-notice',
  'assurance-request',
  'figures-request',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const DELIVERY_STATUSES = ['queued', 'sent', 'failed', 'undeliverable'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Sent, failed and undeliverable rows are never attempted again. */
export function isFinal(status: DeliveryStatus): boolean {
  return status !== 'queued';
}

const instant = z.string().datetime();

export const recipientSchema = z.object({
  aadObjectId: z.string().min(1).optional(),
  name: z.string().min(1).max(200),
  organisationId: z.string().min(1).optional(),
  organisationName: z.string().min(1).max(200).optional(),
});
export type Recipient = z.infer<typeof recipientSchema>;

export const leaseSchema = z.object({ owner: z.string().min(1), until: instant });
export type Lease = z.infer<typeof leaseSchema>;

/** What changes as a row is worked on; the rest of a row is written once, when it is enqueued. */
export const deliveryStateSchema = z.object({
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int().min(0),
  lastError: z.string().max(500).optional(),
  /** The Teams activity id once sent, needed to update or delete the card later. */
  activityId: z.string().min(1).optional(),
  /** Not to be attempted before this instant (a retry's back-off). */
  notBefore: instant,
  /** Held by the sender instance working on the row; expired leases may be taken over. */
  lease: leaseSchema.optional(),
  sentAt: instant.optional(),
  /**
   * Going (or gone) to the partnership channel with an @mention, because the person could not be
   * reached 1:1: no 1:1 chat was stored, or Teams refused it (another organisation's tenant, the bot
   * not installed for them). Shown as such on the Prevent Officer's status card.
   */
  via: z.enum(['channel']).optional(),
});
export type DeliveryState = z.infer<typeof deliveryStateSchema>;

export const outboxMessageSchema = z
  .object({
    id: z.string().min(1).max(300),
    partnershipId: z.string().min(1),
    batchId: z.string().min(1).max(100),
    kind: z.enum(MESSAGE_KINDS),
    /** What the message is about (a meeting id, a round id), for completion hooks and chasers. */
    subjectId: z.string().min(1).max(200).optional(),
    recipient: recipientSchema,
    /** A serialised conversation reference: opaque to the domain. */
    reference: z.string().min(1),
    /** Read from the reference when enqueued: the rate limits are counted per conversation and per tenant. */
    conversationId: z.string().min(1),
    tenantId: z.string().min(1),
    card: z.record(z.string(), z.unknown()),
    operation: z.enum(['send', 'replace']),
    /** For a replace: the activity whose card is replaced. */
    replaceActivityId: z.string().min(1).optional(),
    /** A message with a once-key is enqueued only if no message with that key ever was (chasers). */
    onceKey: z.string().min(1).max(300).optional(),
    /** The partnership channel, for a 1:1 message whose person cannot be reached 1:1 (see `via`). */
    channelFallback: z.object({ reference: z.string().min(1), conversationId: z.string().min(1), tenantId: z.string().min(1) }).optional(),
    createdAt: instant,
  })
  .merge(deliveryStateSchema)
  .refine((m) => m.operation === 'send' || m.replaceActivityId, { message: 'a replace needs the activity to replace', path: ['replaceActivityId'] })
  .refine((m) => m.via === undefined || m.recipient.aadObjectId, { message: 'a message for the channel instead of 1:1 names who it is for', path: ['via'] });
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

/** Where the Prevent Officer's "sending to N people" card is, so the sender can refresh it. */
export const statusCardSchema = z.object({
  reference: z.string().min(1),
  activityId: z.string().min(1),
  conversationId: z.string().min(1),
  tenantId: z.string().min(1),
});
export type StatusCardLocation = z.infer<typeof statusCardSchema>;

/** The messages one request made (e.g. one "request updates"), reported together to whoever asked. */
export const deliveryBatchSchema = z.object({
  id: z.string().min(1).max(100),
  partnershipId: z.string().min(1),
  title: z.string().min(1).max(200),
  kind: z.enum(MESSAGE_KINDS),
  createdAt: instant,
  /** How many organisations the people asked belong to, for "42 people in 20 organisations". */
  organisations: z.number().int().min(0),
  /** People who could not be asked at all ("no Prevent lead is registered"): shown on the status card. */
  unreached: z.array(z.string().max(400)).max(500).default([]),
  /** Lines shown under the counts (the deadline used, the channel card). */
  notes: z.array(z.string().max(400)).max(10).default([]),
  statusCard: statusCardSchema.optional(),
  /** Set once every message is final and the status card shows the final counts. */
  completedAt: instant.optional(),
});
export type DeliveryBatch = z.infer<typeof deliveryBatchSchema>;

/** A stored value and the ETag it was read with, for conditional writes. */
export interface Versioned<T> {
  readonly value: T;
  readonly etag: string;
}

/** The state a message starts in. */
export function queuedState(now: Date): DeliveryState {
  return { status: 'queued', attempts: 0, notBefore: now.toISOString() };
}

/** The part of a row that changes; the repositories write only this after the row is enqueued. */
export function deliveryStateOf(message: OutboxMessage): DeliveryState {
  return {
    status: message.status,
    attempts: message.attempts,
    notBefore: message.notBefore,
    ...(message.lastError !== undefined ? { lastError: message.lastError } : {}),
    ...(message.activityId !== undefined ? { activityId: message.activityId } : {}),
    ...(message.lease !== undefined ? { lease: message.lease } : {}),
    ...(message.sentAt !== undefined ? { sentAt: message.sentAt } : {}),
    ...(message.via !== undefined ? { via: message.via } : {}),
  };
}

/** Where a row goes now: its own conversation, or the partnership channel once it has fallen back there. */
export function currentTarget(message: Pick<OutboxMessage, 'reference' | 'conversationId' | 'tenantId' | 'channelFallback' | 'via'>): {
  reference: string;
  conversationId: string;
  tenantId: string;
} {
  if (message.via === 'channel' && message.channelFallback) return message.channelFallback;
  return { reference: message.reference, conversationId: message.conversationId, tenantId: message.tenantId };
}

/** A 1:1 message that can still go to the channel instead, when Teams says the person cannot be reached there. */
export function canFallBackToChannel(message: Pick<OutboxMessage, 'operation' | 'channelFallback' | 'via' | 'recipient'>): boolean {
  // The card in the channel @mentions the person, so only someone known by their object id can be sent there.
  return message.operation === 'send' && message.channelFallback !== undefined && message.via === undefined && message.recipient.aadObjectId !== undefined;
}
