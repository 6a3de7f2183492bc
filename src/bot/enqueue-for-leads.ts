import { CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import { deliveryStatusCard } from '../cards/delivery-status-card';
import type { AdaptiveCardJson } from '../cards/render';
import { plannedView } from '../domain/outbox/delivery-batch';
import type { DeliveryBatch, MessageKind } from '../domain/outbox/outbox-message';
import type { NewBatch, NewMessage } from '../domain/outbox/outbox';
import type { LeadsToAsk } from '../domain/partnership/lead-chats';
import type { BotServices } from './bot-services';
import { sendCard } from './send-card';

/** Why someone cannot be asked at all: no 1:1 chat, and no partnership channel to @mention them in. */
export const NO_CHAT_YET = 'has not opened a chat with the bot yet';

/**
 * Where a message for one person goes: their 1:1 chat, with the partnership channel to fall back on
 * should Teams refuse it (another organisation's tenant, the bot not installed for them); or, with
 * no 1:1 chat at all, the channel straight away, where they are @mentioned. Undefined with neither.
 */
export function addressFor(reference: string | undefined, channel: string | undefined): Pick<NewMessage, 'reference' | 'channelFallback' | 'viaChannel'> | undefined {
  if (reference) return { reference, ...(channel ? { channelFallback: channel } : {}) };
  return channel ? { reference: channel, viaChannel: true } : undefined;
}

/** Messages for every organisation's leads, and who cannot be asked at all. */
export interface LeadMessages {
  readonly messages: NewMessage[];
  /** "Name (Organisation): reason" for everyone without a chat, and organisations with nobody to ask. */
  readonly unreached: string[];
  /** Organisations with at least one person to ask. */
  readonly organisations: number;
}

/**
 * A card for each of every organisation's leads, addressed to the 1:1 chat the service found for
 * them, or to the partnership `channel` (an @mention) for anyone the bot cannot reach 1:1 (see
 * addressFor). `cardsFor` is called once per organisation and returns the card for each of its leads.
 */
export function messagesForLeads<T extends LeadsToAsk>(
  kind: MessageKind,
  targets: readonly T[],
  cardsFor: (target: T) => () => AdaptiveCardJson,
  subjectId?: string,
  channel?: string,
): LeadMessages {
  const messages: NewMessage[] = [];
  const unreached: string[] = [];
  const reached = new Set<string>();
  for (const target of targets) {
    const { organisation, recipients } = target;
    if (recipients.length === 0) {
      unreached.push(`${organisation.name}: no Prevent lead is registered`);
      continue;
    }
    const card = cardsFor(target);
    for (const { reference, ...recipient } of recipients) {
      const address = addressFor(reference, channel);
      if (!address) {
        unreached.push(`${recipient.name} (${organisation.name}): ${NO_CHAT_YET}`);
        continue;
      }
      messages.push({
        kind,
        ...(subjectId ? { subjectId } : {}),
        recipient: { aadObjectId: recipient.aadObjectId, name: recipient.name, organisationId: organisation.id, organisationName: organisation.name },
        ...address,
        card: card(),
      });
      reached.add(organisation.id);
    }
  }
  return { messages, unreached, organisations: reached.size };
}

/** Where this turn's conversation is, to refresh the status card in it later. */
function turnReference(context: TurnContext): string {
  const reference = TurnContext.getConversationReference(context.activity);
  delete reference.activityId;
  return JSON.stringify(reference);
}

/**
 * Shows whoever asked a "sending to N people" card at once (in place of the card they pressed when
 * `inPlace`), then puts the messages in the outbox; the sender refreshes the card as they go out.
 */
export async function enqueueWithStatusCard(
  context: TurnContext,
  services: BotServices,
  input: Omit<NewBatch, 'statusCard'>,
  messages: readonly NewMessage[],
  inPlace = false,
): Promise<DeliveryBatch> {
  const planned = deliveryStatusCard(plannedView(services.outbox.draft(input), messages.length));
  const activityId = await showCard(context, planned, inPlace);
  const batch = services.outbox.draft(activityId ? { ...input, statusCard: { reference: turnReference(context), activityId } } : input);
  try {
    await services.outbox.enqueue(batch, messages);
  } catch (error) {
    // Nothing will go out, so the "sending" card must not stay; the problem card says what happened.
    if (activityId) await context.deleteActivity(activityId).catch(() => undefined);
    throw error;
  }
  return batch;
}

/** Replaces the pressed card, or sends a new one; either way returns the activity to refresh. */
async function showCard(context: TurnContext, card: AdaptiveCardJson, inPlace: boolean): Promise<string | undefined> {
  const replyToId = context.activity.replyToId;
  if (inPlace && replyToId) {
    const replacement = MessageFactory.attachment(CardFactory.adaptiveCard(card));
    replacement.id = replyToId;
    await context.updateActivity(replacement);
    return replyToId;
  }
  return sendCard(context, card);
}
