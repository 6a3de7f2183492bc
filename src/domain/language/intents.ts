/** Everything the bot can be asked in plain language; each has a training file in src/data/language/intents. */
export const INTENT_IDS = [
  'referral',
  'training',
  'request-updates',
  'send-chasers',
  'not-replied',
  'schedule-meeting',
  'post-agenda',
  'edit-agenda',
  'record-decisions',
  'agenda',
  'start-self-assessment',
  'self-assessment',
  'compliance-summary',
  'report',
  'partnership',
  'my-actions',
  'update-action',
  'help',
  'thanks',
  'use-this-channel',
  'assurance-statements',
  'request-assurance-statements',
  'quarterly-figures',
  'request-figures',
  'priorities',
  'add-priority',
] as const;

export type IntentId = (typeof INTENT_IDS)[number];

export function isIntentId(value: string): value is IntentId {
  return (INTENT_IDS as readonly string[]).includes(value);
}

/**
 * Commands that change where the bot posts for everyone: answered only when typed as written (or
 * with a typo), never on the classifier's guess, so "post the agenda in the channel" cannot move
 * the partnership channel.
 */
export const EXACT_ONLY_INTENTS: readonly IntentId[] = ['use-this-channel'];
