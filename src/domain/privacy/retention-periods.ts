/**
 * How long the bot keeps the working data that is not governance record: the one place these
 * periods are set. docs/privacy.md lists them for the partnership's records of processing; change
 * both together (a unit test reads the page).
 */
export const RETENTION_PERIODS = {
  /**
   * A proactive message's card (and the conversation reference it was sent through) after its
   * delivery ended (sent, failed or undeliverable). The delivery record itself (status, times,
   * recipient) stays for the Prevent Officer's delivery card and the chasers.
   */
  outboxCardBodyDays: 30,
  /**
   * A card submit's nonce marker. Teams retries a submit within seconds; a week covers a retried
   * or double-clicked card with a wide margin, and a later submit of an old card is still checked
   * against the ETag it carries.
   */
  submitNonceDays: 7,
  /**
   * The conversation reference of someone who is not a registered member of the partnership
   * (staff who asked how to make a referral), counted from the last time they wrote to the bot.
   * Registered members' references are kept: update requests and chasers need them.
   */
  unregisteredConversationReferenceDays: 90,
  /** A used board report link's record, after the link expired (it is refused as expired anyway). */
  usedReportLinkDaysAfterExpiry: 0,
} as const;

export type RetentionPeriod = keyof typeof RETENTION_PERIODS;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant before which data kept for `period` is due to go. */
export function retentionCutoff(period: RetentionPeriod, now: Date): Date {
  return new Date(now.getTime() - RETENTION_PERIODS[period] * DAY_MS);
}
