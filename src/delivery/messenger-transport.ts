import type { AdaptiveCardJson } from '../cards/render';
import type { Delivery, DeliveryResult, OutboxTransport } from './outbox-transport';
import type { ConversationAddress } from '../domain/outbox/outbox';
import type { ReferenceReader } from '../domain/partnership/conversation-lifecycle';
import { DeliveryError, type CardMessenger } from '../bot/card-messenger';

/** The outbox's way out: one send or replace through the CardMessenger, its failure described for the retry policy. */
export class MessengerTransport implements OutboxTransport {
  constructor(private readonly messenger: CardMessenger) {}

  async deliver(delivery: Delivery): Promise<DeliveryResult> {
    const card = delivery.card as AdaptiveCardJson;
    try {
      if (delivery.operation === 'replace' && delivery.replaceActivityId) {
        await this.messenger.replace(delivery.reference, delivery.replaceActivityId, card);
        return { ok: true, activityId: delivery.replaceActivityId };
      }
      const activityId = await this.messenger.send(delivery.reference, card);
      return activityId ? { ok: true, activityId } : { ok: true };
    } catch (error) {
      const problem = error instanceof DeliveryError ? error : new DeliveryError(error);
      return {
        ok: false,
        failure: {
          reason: problem.message,
          ...(problem.statusCode !== undefined ? { statusCode: problem.statusCode } : {}),
          ...(problem.retryAfterMs !== undefined ? { retryAfterMs: problem.retryAfterMs } : {}),
          ...(problem.network ? { network: true } : {}),
        },
      };
    }
  }
}

/** Conversation and tenant of a stored Bot Framework conversation reference, as Teams counts its limits. */
export function conversationAddress(reference: string): ConversationAddress {
  const parsed = JSON.parse(reference) as { conversation?: { id?: string; tenantId?: string }; channelData?: { tenant?: { id?: string } } };
  const conversationId = parsed.conversation?.id;
  if (!conversationId) throw new Error('a conversation reference without a conversation id');
  const tenantId = parsed.conversation?.tenantId ?? parsed.channelData?.tenant?.id;
  return { conversationId, ...(tenantId ? { tenantId } : {}) };
}

/** The conversation and the person a stored reference reaches, for the domain (undefined when unreadable). */
export const referenceReader: ReferenceReader = {
  conversationId(reference) {
    try {
      return conversationAddress(reference).conversationId;
    } catch {
      return undefined;
    }
  },
  userId(reference) {
    try {
      const id = (JSON.parse(reference) as { user?: { id?: unknown } }).user?.id;
      return typeof id === 'string' && id !== '' ? id : undefined;
    } catch {
      return undefined;
    }
  },
};
