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
] as const;

export type IntentId = (typeof INTENT_IDS)[number];

export function isIntentId(value: string): value is IntentId {
  return (INTENT_IDS as readonly string[]).includes(value);
}
