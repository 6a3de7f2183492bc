import type { Activity, TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/render';
import { conversationOf } from '../domain/language/capabilities';
import type { Turn } from './turn-scope';
import type { BotServices, TurnHandler } from './bot-services';

/** The one line a channel or group chat gets instead of an answer that is for the asker only. */
export const SENT_TO_ONE_TO_ONE = "I've sent you the answer in our 1:1 chat.";
/** The bot has no 1:1 chat with this person to send it to; the answer is never shown here instead. */
export const NO_ONE_TO_ONE_YET =
  "That answer is only given in a 1:1 chat, and we haven't chatted yet: open a chat with Prevent Partnership Bot (Chat, then New chat, then search for it) and ask me there.";

/** The same, for someone from another organisation's tenant (a shared channel), whom Teams never lets the bot chat with 1:1. */
export const NO_ONE_TO_ONE_ACROSS_TENANTS =
  "That answer is only given in a 1:1 chat, and Teams does not let the bot chat 1:1 with people from another organisation's tenant. Requests for your updates and ratings are posted here with an @mention; the Prevent Officer can send you anything else.";

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

function cardsIn(activities: readonly Partial<Activity>[]): AdaptiveCardJson[] {
  return activities.flatMap((activity) => (activity.attachments ?? []).filter((a) => a.contentType === ADAPTIVE_CARD).map((a) => a.content as AdaptiveCardJson));
}

/**
 * Runs a handler whose answer is for the person who asked only (src/domain/language/capabilities.ts,
 * `oneToOne`), asked where others read it. Everything the handler sends is held back from the
 * conversation and goes through the outbox to the asker's 1:1 chat; the conversation gets one line.
 * Without a stored 1:1 chat the handler does not run at all: nothing is shown and nothing is done.
 */
export async function answerInOneToOneChat(context: TurnContext, turn: Turn, services: BotServices, handler: TurnHandler): Promise<void> {
  const { partnershipId, actor } = turn;
  const reference = turn.aadObjectId ? await services.directory.personalChat(partnershipId, turn.aadObjectId) : undefined;
  if (!reference) {
    await context.sendActivity(turn.homeTenantId ? NO_ONE_TO_ONE_ACROSS_TENANTS : NO_ONE_TO_ONE_YET);
    return;
  }
  const held: Partial<Activity>[] = [];
  let holding = true;
  context.onSendActivities(async (_context, activities, next) => {
    if (!holding) return next();
    held.push(...activities);
    // No id: nothing may later try to refresh or delete a card that was never posted here.
    return activities.map(() => ({ id: '' }));
  });
  try {
    await handler(context, turn, services);
  } finally {
    // A failure is answered in the conversation by the turn's error reply: a problem card holds no answer.
    holding = false;
  }
  const cards = cardsIn(held);
  if (cards.length === 0) return;
  const batch = services.outbox.draft({ partnershipId, kind: 'one-to-one-answer', title: 'Answer sent to 1:1 chat' });
  await services.outbox.enqueue(
    batch,
    cards.map((card) => ({ kind: 'one-to-one-answer' as const, recipient: { aadObjectId: actor.aadObjectId, name: actor.name.slice(0, 200) }, reference, card })),
  );
  await context.sendActivity(SENT_TO_ONE_TO_ONE);
}

/**
 * A card button whose answer is for the asker only, pressed where others read it (a card posted in
 * a channel before answers went 1:1): answered as a message asking for it would be.
 */
export function answeredOneToOne(handler: TurnHandler): TurnHandler {
  return async (context, turn, services) => {
    if (conversationOf(turn.conversationType) === 'personal') {
      await handler(context, turn, services);
      return;
    }
    await answerInOneToOneChat(context, turn, services, handler);
  };
}
