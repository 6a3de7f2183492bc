import { z } from 'zod';
import { InvalidError } from '../errors';
import { parseOrThrow } from '../validation';
import { RATINGS } from './framework';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

/** Supporting details are governance evidence, kept well under a Table property's 64 KiB. */
export const SUPPORTING_DETAILS_MAX = 2000;

/** A self-assessment round: one framework, one period, a closing date. */
export const assessmentRoundSchema = z.object({
  /** From the name: "2026/27 Q3" -> "2026-27-q3". */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
  name: z.string().trim().min(1).max(60),
  frameworkId: z.string().min(1),
  closesOn: isoDate,
  startedAt: z.string().datetime(),
  startedById: z.string().min(1),
  startedByName: z.string().min(1),
  /**
   * How many organisations must return before the score stops being provisional. Rounds stored before
   * quorums existed have none: they get the default (more than half the partnership) when summarised.
   */
  quorum: z.number().int().positive().max(500).optional(),
  /**
   * The organisations asked to answer: those that answer the round's framework when it started.
   * Rounds stored before frameworks said who answers them asked every organisation, and have none.
   */
  organisationIds: z.array(z.string().min(1)).max(500).optional(),
  /** The "N of M organisations returned" card in the partnership channel. */
  channelActivityId: z.string().min(1).optional(),
});
export type AssessmentRound = z.infer<typeof assessmentRoundSchema>;

/**
 * The organisations the round asked, in the order given: those named when it started (an
 * organisation since removed from the partnership drops out), or all of them for a round stored
 * before rounds named them.
 */
export function askedOrganisations<T extends { readonly id: string }>(round: AssessmentRound, organisations: readonly T[]): T[] {
  if (!round.organisationIds) return [...organisations];
  const asked = new Set(round.organisationIds);
  return organisations.filter((organisation) => asked.has(organisation.id));
}

/** More than half of the organisations a round asks: the quorum unless the Prevent Officer sets another. */
export function defaultQuorum(organisations: number): number {
  return Math.floor(organisations / 2) + 1;
}

/** The round's quorum: the one set when it started, or the default for rounds stored before quorums existed. */
export function quorumOf(round: AssessmentRound, organisations: number): number {
  return round.quorum ?? defaultQuorum(organisations);
}

export const itemRatingSchema = z.object({
  rating: z.enum(RATINGS),
  details: z.string().trim().max(SUPPORTING_DETAILS_MAX).default(''),
  updatedById: z.string().min(1),
  updatedByName: z.string().min(1),
  updatedAt: z.string().datetime(),
});
export type ItemRating = z.infer<typeof itemRatingSchema>;

/** One organisation's answers in one round. Saved page by page; submitted once complete. */
export const organisationReturnSchema = z.object({
  roundId: z.string().min(1),
  organisationId: z.string().min(1),
  /** By framework item id ("2.2"). */
  ratings: z.record(z.string(), itemRatingSchema).default({}),
  submittedAt: z.string().datetime().optional(),
  submittedById: z.string().min(1).optional(),
  submittedByName: z.string().min(1).optional(),
});
export type OrganisationReturn = z.infer<typeof organisationReturnSchema>;

export interface ReturnRecord {
  readonly value: OrganisationReturn;
  /** Absent until the first save creates the return. */
  readonly etag?: string;
}

/** One item's change, as kept in history: who, when, the old and the new answer. */
export interface RatingChange {
  readonly itemId: string;
  readonly before?: ItemRating;
  readonly after: ItemRating;
}

export const ratingHistoryEntrySchema = z.object({
  itemId: z.string().min(1),
  before: itemRatingSchema.optional(),
  after: itemRatingSchema,
  nonce: z.string().min(8).max(64),
});
export type RatingHistoryEntry = z.infer<typeof ratingHistoryEntrySchema>;

/** Azure Tables takes 100 operations per transaction: the return row, the nonce marker, 98 changes at most. */
export const MAX_CHANGES_PER_SAVE = 97;

/**
 * Checks a return save before any repository writes it, so the memory and Table repositories refuse
 * exactly the same things: an invalid return, a bad nonce, too many changes, an invalid change.
 */
export function checkReturnSave(value: OrganisationReturn, changes: readonly RatingChange[], nonce: string): { valid: OrganisationReturn; entries: RatingHistoryEntry[] } {
  const valid = parseOrThrow(organisationReturnSchema, value, 'self-assessment return');
  parseOrThrow(ratingHistoryEntrySchema.shape.nonce, nonce, 'save nonce');
  if (changes.length > MAX_CHANGES_PER_SAVE) throw new InvalidError(`a save can record at most ${MAX_CHANGES_PER_SAVE} changed items, not ${changes.length}`);
  const entries = changes.map((change, i) => parseOrThrow(ratingHistoryEntrySchema, { ...change, nonce }, `change ${i + 1} (item ${change.itemId})`));
  return { valid, entries };
}
