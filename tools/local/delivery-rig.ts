import { randomUUID } from 'node:crypto';
import { AdapterCardMessenger } from '../../src/bot/card-messenger';
import { createAdapter } from '../../src/bot/create-bot';
import { createOutboxSender } from '../../src/delivery/outbox-sender';
import { conversationAddress, MessengerTransport } from '../../src/delivery/messenger-transport';
import { loadConfig } from '../../src/config';
import type { DispatcherOptions } from '../../src/delivery/dispatcher-options';
import type { OutboxDispatcher } from '../../src/delivery/outbox-dispatcher';
import type { DeliveryBatch } from '../../src/domain/outbox/outbox-message';
import { Outbox } from '../../src/domain/outbox/outbox';
import type { OutboxRepository } from '../../src/domain/ports';
import { silentLogger, type Logger } from '../../src/logger';

/**
 * The pieces for running the real outbox sender (real CloudAdapter, real CardMessenger) against
 * the fake Bot Connector: used by the integration tests and the benchmark.
 */
export interface DeliveryRig {
  readonly outbox: Outbox;
  /** A new sender instance, as a freshly started process would have. */
  sender(options?: Partial<DispatcherOptions>, repository?: OutboxRepository, transport?: MessengerTransport): OutboxDispatcher;
  /** The transport every sender of this rig uses: one HTTP request per call. */
  readonly transport: MessengerTransport;
}

export function deliveryRig(repository: OutboxRepository, partnershipIds: readonly string[], logger: Logger = silentLogger): DeliveryRig {
  const adapter = createAdapter(loadConfig({ BOT_MODE: 'local' }), logger);
  const transport = new MessengerTransport(new AdapterCardMessenger(adapter, ''));
  const outbox = new Outbox(repository, conversationAddress, randomUUID);
  return {
    outbox,
    transport,
    sender: (options = {}, senderRepository = repository, senderTransport = transport) =>
      createOutboxSender({ repository: senderRepository, transport: senderTransport, partnerships: async () => [...partnershipIds], logger, options }),
  };
}

/** A stored 1:1 conversation reference pointing at a connector (the fake one, here). */
export function chatReference(serviceUrl: string, conversationId: string, tenantId: string): string {
  return JSON.stringify({
    channelId: 'msteams',
    serviceUrl,
    bot: { id: 'bot-id', name: 'Prevent Partnership Bot' },
    user: { id: `user-${conversationId}`, name: conversationId },
    conversation: { id: conversationId, conversationType: 'personal', tenantId },
  });
}

export interface RoundOptions {
  readonly partnershipId: string;
  readonly serviceUrl: string;
  readonly tenantId: string;
  /** Recipients, one conversation each: conv-0000, conv-0001, ... */
  readonly recipients: number;
  /** The conversation of the "sending to N people" card, refreshed as the round goes out. */
  readonly statusConversation?: string;
  /** Conversations to use instead of one per recipient (e.g. many messages into one channel). */
  readonly conversationOf?: (index: number) => string;
}

export function recipientConversation(index: number): string {
  return `conv-${String(index).padStart(4, '0')}`;
}

/** Puts a round of one small card per recipient in the outbox, as "request updates" would. */
export async function enqueueRound(outbox: Outbox, options: RoundOptions): Promise<DeliveryBatch> {
  const conversationOf = options.conversationOf ?? recipientConversation;
  const batch = outbox.draft({
    partnershipId: options.partnershipId,
    kind: 'update-request',
    title: 'Update requests',
    organisations: options.recipients,
    ...(options.statusConversation
      ? { statusCard: { reference: chatReference(options.serviceUrl, options.statusConversation, options.tenantId), activityId: 'status-card' } }
      : {}),
  });
  await outbox.enqueue(
    batch,
    Array.from({ length: options.recipients }, (_, i) => ({
      kind: 'update-request' as const,
      recipient: { aadObjectId: `aad-${i}`, name: `Person ${i}`, organisationName: `Organisation ${i}` },
      reference: chatReference(options.serviceUrl, conversationOf(i), options.tenantId),
      card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `Update request ${i}`, wrap: true }] },
    })),
  );
  return batch;
}

/** Resolves once every batch of the partnership is completed; rejects after `timeoutMs`. */
export async function waitUntilDelivered(repository: OutboxRepository, partnershipId: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await repository.openBatches(partnershipId)).length > 0) {
    if (Date.now() > deadline) throw new Error(`the outbox of ${partnershipId} was not delivered within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
