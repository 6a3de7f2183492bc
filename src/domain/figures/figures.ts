import { z } from 'zod';
import { organisationIdSchema, SECTORS, type Sector } from '../partnership/organisation';
import { quarterIdSchema } from './quarter';

/**
 * The quarterly figures SOP 000 asks for at every Steering Group meeting: referral data (§4.4), the
 * Channel Panel Chair's caseload, reviews completed and issues of concern (§4.5), and each
 * organisation's training record (§4.6). Numbers only: never anything about a person.
 */
export const RETURN_KINDS = ['referrals', 'channel', 'training'] as const;
export type ReturnKind = (typeof RETURN_KINDS)[number];

export const RETURN_KIND_TITLES: Record<ReturnKind, string> = {
  referrals: 'Prevent referrals',
  channel: 'Channel panel',
  training: 'Prevent training',
};

/**
 * Referrals by the sector of the referrer: the Schedule 6 sectors the partnership's organisations
 * are grouped by, and "other" for referrals from anyone else (the public, friends and family).
 */
export const REFERRAL_SECTORS = ['education-childcare', 'police', 'local-government', 'health-social-care', 'criminal-justice', 'other'] as const;
export type ReferralSector = (typeof REFERRAL_SECTORS)[number];

export const REFERRAL_SECTOR_TITLES: Record<ReferralSector, string> = {
  ...(Object.fromEntries(REFERRAL_SECTORS.filter((s) => s !== 'other').map((s) => [s, SECTORS[s as Sector]])) as Record<Exclude<ReferralSector, 'other'>, string>),
  other: 'Other (public, community, friends and family)',
};

/**
 * Where each referral had got to by the end of the quarter, in the words of the Home Office's
 * "Individuals referred to and supported through the Prevent Programme" statistics (gov.uk,
 * https://www.gov.uk/government/collections/individuals-referred-to-and-supported-through-the-prevent-programme-statistics):
 * adopted as a Channel case; discussed at a Channel panel or passed to other services for support
 * (signposted); no further action (left the process); and, for the partnership's own quarterly
 * view, still being screened or assessed.
 */
export const OUTCOME_BANDS = ['adopted-channel', 'other-support', 'no-further-action', 'being-assessed'] as const;
export type OutcomeBand = (typeof OUTCOME_BANDS)[number];

export const OUTCOME_BAND_TITLES: Record<OutcomeBand, string> = {
  'adopted-channel': 'Adopted as a Channel case',
  'other-support': 'Signposted to other services for support',
  'no-further-action': 'No further action',
  'being-assessed': 'Still being assessed',
};

/** A county's quarter is tens of referrals; these bounds catch a mistyped extra digit, not real numbers. */
export const MAX_REFERRALS = 2000;
export const MAX_CHANNEL_CASES = 500;
export const MAX_STAFF = 100000;
export const MAX_ISSUES_CHARS = 1000;

/** A card sends its number inputs as text; a blank one is asked for (0 when there were none), never taken as 0. */
const count = (what: string, max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? (value.trim() === '' ? undefined : Number(value.trim())) : value),
    z
      .number({ required_error: `${what} is needed: enter 0 if there were none`, invalid_type_error: `${what} must be a number` })
      .int(`${what} must be a whole number`)
      .min(0, `${what} cannot be negative`)
      .max(max, `${what} must be at most ${max}: check for a mistyped digit`),
  );

const referralBase = z.object({
  kind: z.literal('referrals'),
  bySector: z.object(
    Object.fromEntries(REFERRAL_SECTORS.map((s) => [s, count(`Referrals from ${REFERRAL_SECTOR_TITLES[s]}`, MAX_REFERRALS)])) as Record<ReferralSector, ReturnType<typeof count>>,
  ),
  byOutcome: z.object(
    Object.fromEntries(OUTCOME_BANDS.map((b) => [b, count(`Referrals "${OUTCOME_BAND_TITLES[b]}"`, MAX_REFERRALS)])) as Record<OutcomeBand, ReturnType<typeof count>>,
  ),
});

const channelBase = z.object({
  kind: z.literal('channel'),
  /** Open Channel cases at the end of the quarter. */
  caseload: count('The current caseload', MAX_CHANNEL_CASES),
  adopted: count('Cases adopted this quarter', MAX_CHANNEL_CASES),
  closed: count('Cases closed this quarter', MAX_CHANNEL_CASES),
  reviewsCompleted: count('Reviews completed this quarter', MAX_CHANNEL_CASES),
  /** The Chair's issues of concern (SOP §4.5): about the process, never about a case. Screened like every free text. */
  issuesOfConcern: z.string().trim().max(MAX_ISSUES_CHARS, `Issues of concern must be at most ${MAX_ISSUES_CHARS} characters`).default(''),
});

export const trainingFiguresSchema = z.object({
  kind: z.literal('training'),
  staffTrained: count('Staff trained this quarter', MAX_STAFF),
  refreshersDue: count('Refreshers due next quarter', MAX_STAFF),
});

/** The checks across fields, once each field is a whole number (a field already wrong has its own message). */
function checkTotals(figures: { kind: string } & Record<string, unknown>, context: z.RefinementCtx): void {
  const whole = (value: unknown): value is number => Number.isInteger(value);
  if (figures.kind === 'referrals') {
    const sectors = Object.values((figures.bySector ?? {}) as Record<string, unknown>);
    const outcomes = Object.values((figures.byOutcome ?? {}) as Record<string, unknown>);
    if (!sectors.every(whole) || !outcomes.every(whole)) return;
    const bySector = sectors.reduce((total, n) => total + n, 0);
    const byOutcome = outcomes.reduce((total, n) => total + n, 0);
    if (bySector !== byOutcome) {
      context.addIssue({
        code: 'custom',
        path: ['byOutcome'],
        message: `the referrals by outcome add up to ${byOutcome} but the referrals by sector add up to ${bySector}: each referral is counted once in each, so the two totals must be the same`,
      });
    }
    if (bySector > MAX_REFERRALS)
      context.addIssue({ code: 'custom', path: ['bySector'], message: `the referrals add up to ${bySector}, more than ${MAX_REFERRALS}: check for a mistyped digit` });
  }
  if (figures.kind === 'channel') {
    const { adopted, caseload, closed } = figures;
    if (!whole(adopted) || !whole(caseload) || !whole(closed)) return;
    if (adopted > caseload + closed) {
      context.addIssue({
        code: 'custom',
        path: ['adopted'],
        message: `${adopted} cases adopted this quarter is more than the caseload (${caseload}) and the cases closed (${closed}) together: every case adopted is either still open or closed`,
      });
    }
  }
}

export const referralFiguresSchema = referralBase.superRefine(checkTotals);
export const channelFiguresSchema = channelBase.superRefine(checkTotals);
export const figuresSchema = z.discriminatedUnion('kind', [referralBase, channelBase, trainingFiguresSchema]).superRefine(checkTotals);

export type ReferralFigures = z.infer<typeof referralFiguresSchema>;
export type ChannelFigures = z.infer<typeof channelFiguresSchema>;
export type TrainingFigures = z.infer<typeof trainingFiguresSchema>;
export type Figures = ReferralFigures | ChannelFigures | TrainingFigures;

/** One organisation's return of one kind for one quarter, as stored. */
export const figuresReturnSchema = z.object({
  quarter: quarterIdSchema,
  organisationId: organisationIdSchema,
  figures: figuresSchema,
  submittedById: z.string().min(1).max(100),
  submittedByName: z.string().min(1).max(200),
  submittedAt: z.string().datetime(),
  /** From the card: a repeat of the same submit writes nothing. */
  nonce: z.string().min(8).max(100),
});

export type FiguresReturn = Omit<z.infer<typeof figuresReturnSchema>, 'figures'> & { readonly figures: Figures };

/** A return and the version it was read at (the next write is conditional on it). */
export interface FiguresRecord {
  readonly value: FiguresReturn;
  readonly etag: string;
}

/** The Prevent Officer's request for a quarter's figures: what "who hasn't replied" and chasers go by. */
export const figuresRequestSchema = z.object({
  quarter: quarterIdSchema,
  requestedAt: z.string().datetime(),
  requestedById: z.string().min(1).max(100),
  requestedByName: z.string().min(1).max(200),
  /** YYYY-MM-DD: returns are due by the end of this UK day. */
  dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

export type FiguresRequest = z.infer<typeof figuresRequestSchema>;

/** The entity a return is stored under. */
export function returnKey(quarter: string, kind: ReturnKind, organisationId: string): string {
  return `${quarter}|${kind}|${organisationId}`;
}
