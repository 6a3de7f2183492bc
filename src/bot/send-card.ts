import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/render';
import { answerWithCard } from './universal-actions';

export async function sendCard(context: TurnContext, card: AdaptiveCardJson): Promise<string | undefined> {
  const response = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  return response?.id;
}

/**
 * Replaces the card the user just pressed a button on, so a second click has nothing left to submit:
 * for an Action.Execute, as the invoke's answer; for an Action.Submit (older clients), in place.
 * Falls back to a new message when the activity does not say which card it came from.
 */
export async function replaceCard(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  if (answerWithCard(context, card)) return;
  const replyToId = context.activity.replyToId;
  if (!replyToId) {
    await sendCard(context, card);
    return;
  }
  const replacement = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  replacement.id = replyToId;
  await context.updateActivity(replacement);
}

/**
 * A view for the person who asked (a card's refresh, or "Show my view"): the invoke's answer, which
 * Teams shows to that person only. An older client's Action.Submit gets it as a new message, never
 * as a replacement of the card everyone sees.
 */
export async function showView(context: TurnContext, card: AdaptiveCardJson): Promise<void> {
  if (answerWithCard(context, card)) return;
  await sendCard(context, card);
}

/**
 * Replaces the pressed card with the presser's own view and, for everyone else, with the card as
 * everyone sees it. An Action.Execute gets the view as its answer (Teams shows it to that person
 * only) while the message itself is updated for the rest; an older client's Action.Submit just
 * replaces the card with the one everyone sees.
 */
export async function replaceWithView(context: TurnContext, view: AdaptiveCardJson, forEveryone: AdaptiveCardJson): Promise<void> {
  if (!answerWithCard(context, view)) {
    await replaceCard(context, forEveryone);
    return;
  }
  const replyToId = context.activity.replyToId;
  if (!replyToId) return;
  const replacement = MessageFactory.attachment(CardFactory.adaptiveCard(forEveryone));
  replacement.id = replyToId;
  await context.updateActivity(replacement);
}
