import type { Capability } from '../domain/language/capabilities';
import { renderCard, type AdaptiveCardJson } from './render';

/**
 * "Did you mean…": the likeliest readings of a message the bot is not sure of, as buttons, and the
 * referral pathway always. Like the help card, it never repeats the message back.
 */
export const DID_YOU_MEAN_TEMPLATE = 'did-you-mean';

export interface DidYouMeanCardData {
  /** At most three, each open to the person's role. */
  readonly suggestions: readonly Capability[];
  /** The question the referral button asks, so it answers exactly as the referral command does. */
  readonly referralQuestion: string;
}

export function didYouMeanCard(data: DidYouMeanCardData): AdaptiveCardJson {
  return renderCard(DID_YOU_MEAN_TEMPLATE, {
    suggestions: data.suggestions.map((s) => ({ title: s.title.replace(/\s*\(.*\)$/, ''), example: s.example })),
    referralQuestion: data.referralQuestion,
  });
}
