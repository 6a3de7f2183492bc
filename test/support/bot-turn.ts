import type { Activity } from 'botbuilder';
import type { botHarness } from './bot-harness';

type Harness = Awaited<ReturnType<typeof botHarness>>;

/** What one turn showed the person: the cards sent as replies and the cards replaced in place. */
export interface TurnOutcome {
  readonly replies: Partial<Activity>[];
  /** Every card's JSON, replies and replacements alike, for looking through. */
  readonly cards: string[];
}

/** The card an Action.Execute was answered with, as Teams would show it in place of the pressed one. */
function invokeCard(activity: Partial<Activity>): string[] {
  const body = (activity.value as { body?: { type?: string; value?: unknown } } | undefined)?.body;
  return activity.type === 'invokeResponse' && body?.type === 'application/vnd.microsoft.card.adaptive' ? [JSON.stringify(body.value)] : [];
}

/** Runs one activity through the bot and collects everything it answered with. */
export async function runTurn(harness: Harness, activity: Partial<Activity>): Promise<TurnOutcome> {
  harness.adapter.activeQueue.splice(0);
  const replacedBefore = harness.adapter.replaced.length;
  await harness.adapter.processActivity(activity);
  const replies = harness.adapter.activeQueue.splice(0);
  const replaced = harness.adapter.replaced.slice(replacedBefore);
  const cards = [...replies, ...replaced].flatMap((a) => [...(a.attachments ?? []).map((attachment) => JSON.stringify(attachment.content)), ...invokeCard(a)]);
  return { replies: [...replies, ...replaced], cards };
}

/** The problem card's title for a forbidden request (src/bot/error-replies.ts). */
export const REFUSAL_TITLE = 'You cannot do that';

export function isRefusal(outcome: TurnOutcome): boolean {
  return outcome.cards.some((card) => card.includes(REFUSAL_TITLE));
}
