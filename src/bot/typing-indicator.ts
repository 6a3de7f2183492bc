import { ActivityTypes, type TurnContext } from 'botbuilder';

/** The one timer a turn needs; tests drive it by hand (test/support/hand-timers.ts). */
export interface TurnTimers {
  after(ms: number, tick: () => void): { cancel(): void };
}

/** Node's timer, unref'd: a pending typing indicator never keeps the process alive. */
export const NODE_TURN_TIMERS: TurnTimers = {
  after(ms, tick) {
    const timer = setTimeout(tick, ms);
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};

/** How long a turn may take before the person is shown that the bot is working on it. */
export const TYPING_AFTER_MS = 1000;

/**
 * Someone is waiting for this turn to answer, and Teams would show them a typing indicator: a
 * message (typed, or a card's Action.Submit) in a 1:1 or group chat. Not an invoke (Teams waits on
 * its response, and shows its own progress), not a conversation or installation event (nobody is
 * waiting), and not a channel, where Teams shows no typing indicator for a bot (only chats show
 * one; a send there would still count against the channel's rate limit).
 */
function showsTyping(context: TurnContext): boolean {
  return context.activity.type === ActivityTypes.Message && context.activity.conversation?.conversationType !== 'channel';
}

/**
 * Sends one typing activity if the turn has not answered within TYPING_AFTER_MS; an answer before
 * then (a message sent, or a card replaced in place) means none is sent. Returns what ends it with the
 * turn: the timer is cancelled, and a typing activity already on its way is waited for, so nothing is
 * sent on a context whose turn is over.
 */
export function typingWhileSlow(context: TurnContext, timers: TurnTimers): () => Promise<void> {
  if (!showsTyping(context)) return async () => undefined;
  let answered = false;
  let sending: Promise<unknown> | undefined;
  context.onSendActivities(async (_context, activities, next) => {
    if (activities.some((activity) => activity.type !== ActivityTypes.Typing)) answered = true;
    return next();
  });
  context.onUpdateActivity(async (_context, _activity, next) => {
    answered = true;
    return next();
  });
  const timer = timers.after(TYPING_AFTER_MS, () => {
    if (answered) return;
    // Best effort: a typing indicator that cannot be sent must never fail the turn.
    sending = context.sendActivity({ type: ActivityTypes.Typing }).catch(() => undefined);
  });
  return async () => {
    timer.cancel();
    await sending;
  };
}
