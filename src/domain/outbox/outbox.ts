import type { OutboxRepository } from '../ports';
import { deliveryView, type DeliveryView } from './delivery-batch';
import {
  deliveryBatchSchema,
  outboxMessageSchema,
  queuedState,
  type DeliveryBatch,
  type MessageKind,
  type OutboxMessage,
  type Recipient,
  type StatusCardLocation,
} from './outbox-message';

/** Where a stored conversation reference points, read by the bot edge (references are opaque here). */
export interface ConversationAddress {
  readonly conversationId: string;
  /** Absent when the reference does not say; the partnership then stands in for its tenant. */
  readonly tenantId?: string;
}

export type AddressOf = (reference: string) => ConversationAddress;

export interface NewMessage {
  readonly kind: MessageKind;
  readonly subjectId?: string;
  readonly recipient: Recipient;
  readonly reference: string;
  readonly card: Readonly<Record<string, unknown>>;
  readonly replaceActivityId?: string;
  readonly onceKey?: string;
  /** The partnership channel's reference: where the message goes, @mentioning the person, if 1:1 is refused. */
  readonly channelFallback?: string;
  /** `reference` is the partnership channel already: the person has no 1:1 chat, so they are @mentioned there. */
  readonly viaChannel?: boolean;
}

export interface NewBatch {
  readonly partnershipId: string;
  readonly kind: MessageKind;
  readonly title: string;
  readonly organisations?: number;
  readonly unreached?: readonly string[];
  readonly notes?: readonly string[];
  readonly statusCard?: { readonly reference: string; readonly activityId: string };
}

/**
 * The one way the bot sends proactively: write the messages to the outbox and wake the sender.
 * Nothing here talks to Teams; the sender does, within the rate limits, and records each outcome.
 */
export class Outbox {
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly repository: OutboxRepository,
    private readonly addressOf: AddressOf,
    private readonly newId: () => string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The sender subscribes, so a new batch goes out at once instead of at its next poll. */
  onEnqueued(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Conversation and tenant of a reference, as the rate limits count them. */
  address(partnershipId: string, reference: string): { conversationId: string; tenantId: string } {
    const address = this.addressOf(reference);
    return { conversationId: address.conversationId, tenantId: address.tenantId ?? `partnership:${partnershipId}` };
  }

  /** A batch as it will be stored, before anything is written (to show "sending to N" straight away). */
  draft(input: NewBatch): DeliveryBatch {
    const statusCard: StatusCardLocation | undefined = input.statusCard ? { ...input.statusCard, ...this.address(input.partnershipId, input.statusCard.reference) } : undefined;
    return deliveryBatchSchema.parse({
      id: `${this.now()
        .toISOString()
        .replace(/[-:.TZ]/g, '')}-${this.newId()}`.slice(0, 100),
      partnershipId: input.partnershipId,
      title: input.title,
      kind: input.kind,
      createdAt: this.now().toISOString(),
      organisations: input.organisations ?? 0,
      unreached: input.unreached ?? [],
      notes: input.notes ?? [],
      ...(statusCard ? { statusCard } : {}),
    });
  }

  /**
   * Writes the batch and its messages, then wakes the sender. Messages whose once-key was used
   * before are left out; the ones written are returned.
   */
  async enqueue(batch: DeliveryBatch, messages: readonly NewMessage[]): Promise<OutboxMessage[]> {
    const createdAt = this.now();
    const rows = messages.map((message, index) =>
      outboxMessageSchema.parse({
        id: message.onceKey ?? String(index + 1).padStart(5, '0'),
        partnershipId: batch.partnershipId,
        batchId: batch.id,
        kind: message.kind,
        ...(message.subjectId ? { subjectId: message.subjectId } : {}),
        recipient: message.recipient,
        reference: message.reference,
        ...this.address(batch.partnershipId, message.reference),
        card: message.card,
        operation: message.replaceActivityId ? 'replace' : 'send',
        ...(message.replaceActivityId ? { replaceActivityId: message.replaceActivityId } : {}),
        ...(message.onceKey ? { onceKey: message.onceKey } : {}),
        ...(message.channelFallback && !message.viaChannel
          ? { channelFallback: { reference: message.channelFallback, ...this.address(batch.partnershipId, message.channelFallback) } }
          : {}),
        createdAt: createdAt.toISOString(),
        ...queuedState(createdAt),
        ...(message.viaChannel ? { via: 'channel' } : {}),
      }),
    );
    const written = await this.repository.enqueue(batch, rows);
    for (const listener of this.listeners) listener();
    return written;
  }

  /** Which of these once-keys were used already (e.g. who was chased today). */
  usedOnceKeys(partnershipId: string, keys: readonly string[]): Promise<Set<string>> {
    return this.repository.usedOnceKeys(partnershipId, keys);
  }

  /** Counts and problems of a batch as stored now. */
  async view(partnershipId: string, batchId: string): Promise<DeliveryView | undefined> {
    const batch = await this.repository.getBatch(partnershipId, batchId);
    if (!batch) return undefined;
    const messages = await this.repository.messages(partnershipId, batchId);
    return deliveryView(
      batch.value,
      messages.map((m) => m.value),
    );
  }
}
