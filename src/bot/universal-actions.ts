import { ActivityTypes, INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { AdaptiveCardJson } from '../cards/render';
import { safeParseInput } from '../domain/validation';

/**
 * Universal Actions (Adaptive Cards 1.5 `Action.Execute`): Teams sends an `adaptiveCard/action`
 * invoke and shows whatever the invoke response holds, so the answer is decided here, once, at the
 * edge. Handlers stay as they are: `replaceCard` becomes the invoke's card, a problem card too, and
 * a handler that only sends new messages is answered with a short message.
 */

export const ADAPTIVE_CARD_ACTION_INVOKE = 'adaptiveCard/action';
const CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';
const MESSAGE_RESPONSE = 'application/vnd.microsoft.activity.message';
const ERROR_RESPONSE = 'application/vnd.microsoft.error';

/** The message an Action.Execute gets when its handler answered with new messages, not a card. */
export const ANSWERED_BELOW = 'Done: the answer is in the conversation.';
export const UNKNOWN_CARD_ACTION = 'This card action is not one the bot can carry out. Nothing was changed.';
export const UNREADABLE_CARD_ACTION = 'That card action could not be read. Nothing was changed.';
export const NOT_A_REFRESH = 'Only a view can be refreshed automatically. Nothing was changed.';

/**
 * The invoke's value as Teams documents it: the action pressed (or the card's `refresh.action`) and
 * what set it off. `data` is the action's data with the card's inputs merged in: always an object.
 */
const invokeValueSchema = z
  .object({
    action: z
      .object({
        type: z.literal('Action.Execute'),
        verb: z.string().min(1).max(100),
        id: z.string().max(200).optional(),
        data: z.record(z.unknown()).optional(),
      })
      .passthrough(),
    trigger: z.enum(['automatic', 'manual']).optional(),
  })
  .passthrough();

export type CardActionInvoke = z.infer<typeof invokeValueSchema>;

/** The invoke's value, or undefined when it is not the documented shape (the caller answers 400). */
export function readCardActionInvoke(value: unknown): CardActionInvoke | undefined {
  const parsed = safeParseInput(invokeValueSchema, value);
  return parsed.success ? parsed.data : undefined;
}

export type InvokeResponseBody =
  | { statusCode: 200; type: typeof CARD_RESPONSE; value: AdaptiveCardJson }
  | { statusCode: 200; type: typeof MESSAGE_RESPONSE; value: string }
  | { statusCode: 400; type: typeof ERROR_RESPONSE; value: { code: string; message: string } };

/** Teams' error response: HTTP 200 carrying the error, never a 5xx that Teams would retry. */
export function invokeError(message: string, code = 'BadRequest'): InvokeResponseBody {
  return { statusCode: 400, type: ERROR_RESPONSE, value: { code, message } };
}

interface PendingAnswer {
  card?: AdaptiveCardJson;
}

const PENDING_ANSWER = Symbol('the Action.Execute answer being built');

async function sendInvokeResponse(context: TurnContext, body: InvokeResponseBody): Promise<void> {
  const response = { type: ActivityTypes.InvokeResponse, value: { status: 200, body } };
  await context.sendActivity(response);
  // The Bot Framework adapter marks the turn as answered itself; any other adapter may not, and then
  // Teams AI would send an empty answer of its own after this one.
  if (!context.turnState.get(INVOKE_RESPONSE_KEY)) context.turnState.set(INVOKE_RESPONSE_KEY, response);
}

/**
 * In an Action.Execute turn, makes `card` the card Teams shows in place of the one pressed and
 * returns true; in any other turn returns false and the caller sends or updates as before.
 */
export function answerWithCard(context: TurnContext, card: AdaptiveCardJson): boolean {
  const pending = context.turnState.get(PENDING_ANSWER) as PendingAnswer | undefined;
  if (!pending) return false;
  pending.card = card;
  return true;
}

/**
 * Runs an Action.Execute turn and answers the invoke once it is done: with the card the turn chose
 * (a replacement or a problem card), or else with a short message. The turn's storage deadline
 * (src/turn-deadline.ts) keeps it inside the time Teams waits for an invoke.
 */
export async function answeringInvoke(context: TurnContext, turn: () => Promise<void>): Promise<void> {
  const pending: PendingAnswer = {};
  context.turnState.set(PENDING_ANSWER, pending);
  try {
    await turn();
  } finally {
    context.turnState.delete(PENDING_ANSWER);
  }
  await sendInvokeResponse(
    context,
    pending.card ? { statusCode: 200, type: CARD_RESPONSE, value: pending.card } : { statusCode: 200, type: MESSAGE_RESPONSE, value: ANSWERED_BELOW },
  );
}

/** Answers an invoke the bot will not carry out, without running anything. */
export async function refuseInvoke(context: TurnContext, message: string): Promise<void> {
  await sendInvokeResponse(context, invokeError(message));
}
