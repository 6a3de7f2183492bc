import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/render';

export async function sendCard(context: TurnContext, card: AdaptiveCardJson): Promise<string | undefined> {
  const response = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  return response?.id;
}

/**
 * Replaces the card the user just pressed a button on, so a second click has nothing left to submit.
 * Falls back to a new message when the activity does not say which card it came from.
 */
export async function replaceCard(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  const replyToId = context.activity.replyToId;
  if (!replyToId) {
    await sendCard(context, card);
    return;
  }
  const replacement = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  replacement.id = replyToId;
  await context.updateActivity(replacement);
}
