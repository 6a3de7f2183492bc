import { z } from 'zod';
import { storageEtagSchema } from './storage-etag';
import { SUPPORTING_DETAILS_MAX } from '../domain/assessment/assessment';
import type { AssessmentPage, AssessmentProgress, AssessmentProgressView, RatingInput } from '../domain/assessment/assessment-service';
import { KIND_LABELS, RATINGS, RATING_LABELS, type Rating } from '../domain/assessment/framework';
import { formatDate, formatDateTime } from './format';
import { escapeMarkdown } from './markdown';
import { progressCard } from './progress-card';
import { renderCard, type AdaptiveCardJson } from './render';

export const ASSESSMENT_SAVE_VERB = 'assessment-save';
export const ASSESSMENT_OPEN_VERB = 'assessment-open';
export const ASSESSMENT_START_VERB = 'assessment-start';

/** Input ids may not contain the dots of item ids. */
const ratingInputId = (itemId: string) => `rating-${itemId.replace(/\./g, '-')}`;
const detailsInputId = (itemId: string) => `details-${itemId.replace(/\./g, '-')}`;

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const assessmentSaveSubmitSchema = z
  .object({
    verb: z.literal(ASSESSMENT_SAVE_VERB),
    then: z.enum(['stay', 'next', 'back', 'submit']),
    roundId: z.string().min(1).max(63),
    organisationId: z.string().min(1).max(63),
    section: z.coerce.number().int().min(1).max(99),
    index: z.coerce.number().int().min(0).max(99),
    nonce: z.string().min(8).max(64),
    etag: z.preprocess(emptyToUndefined, storageEtagSchema.optional()),
  })
  .catchall(z.unknown());
export type AssessmentSaveSubmit = z.infer<typeof assessmentSaveSubmitSchema>;

export const assessmentOpenSubmitSchema = z.object({
  verb: z.literal(ASSESSMENT_OPEN_VERB),
  roundId: z.string().min(1).max(63),
  organisationId: z.string().min(1).max(63),
  index: z.coerce.number().int().min(0).max(99),
});

export const assessmentStartSubmitSchema = z.object({
  verb: z.literal(ASSESSMENT_START_VERB),
  name: z.string({ required_error: 'name the round, e.g. 2026/27 Q3' }).trim().min(1, 'name the round, e.g. 2026/27 Q3').max(60, 'keep the name under 60 characters'),
  frameworkId: z.string({ required_error: 'choose a framework' }).trim().min(1, 'choose a framework').max(63),
  closesOn: z.string({ required_error: 'choose the closing date' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'choose the closing date'),
  /** Organisations that must return before the score is final; left empty, more than half of them. */
  quorum: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ invalid_type_error: 'give the quorum as a number of organisations' })
      .int('give the quorum as a whole number of organisations')
      .min(1, 'the quorum is at least 1 organisation')
      .max(500, 'the quorum cannot be more than the partnership has organisations')
      .optional(),
  ),
});

const ratingValueSchema = z.preprocess(emptyToUndefined, z.enum(RATINGS, { errorMap: () => ({ message: 'choose Not yet started, Developing or Achieving' }) }).optional());
const detailsValueSchema = z.preprocess(
  (v) => (v === undefined || v === null ? '' : v),
  z.string().max(SUPPORTING_DETAILS_MAX, `keep supporting details under ${SUPPORTING_DETAILS_MAX} characters`),
);

/**
 * The answers on a rating page, read from the submit by the page's item ids (the card's inputs are
 * not trusted to be the ones the server made). Unrated items are left out; problems name the item.
 */
export function ratingsFromSubmit(submit: AssessmentSaveSubmit, itemIds: readonly string[]): { ratings: RatingInput[]; problems: string[] } {
  const ratings: RatingInput[] = [];
  const problems: string[] = [];
  for (const itemId of itemIds) {
    const rating = ratingValueSchema.safeParse(submit[ratingInputId(itemId)]);
    const details = detailsValueSchema.safeParse(submit[detailsInputId(itemId)]);
    if (!rating.success) problems.push(`${itemId}: ${rating.error.issues[0]?.message}`);
    if (!details.success) problems.push(`${itemId}: ${details.error.issues[0]?.message}`);
    if (!rating.success || !details.success) continue;
    if (rating.data) ratings.push({ itemId, rating: rating.data, details: details.data });
    else if (details.data.trim()) problems.push(`${itemId}: choose a rating for the supporting details you wrote`);
  }
  return { ratings, problems };
}

/** What the user typed on a page, to give the card back to them unchanged when it cannot be saved. */
export function typedValues(submit: AssessmentSaveSubmit, itemIds: readonly string[]): Record<string, { rating?: Rating; details: string }> {
  const values: Record<string, { rating?: Rating; details: string }> = {};
  for (const itemId of itemIds) {
    const rating = submit[ratingInputId(itemId)];
    const details = submit[detailsInputId(itemId)];
    values[itemId] = {
      ...(typeof rating === 'string' && (RATINGS as readonly string[]).includes(rating) ? { rating: rating as Rating } : {}),
      details: typeof details === 'string' ? details.slice(0, SUPPORTING_DETAILS_MAX * 2) : '',
    };
  }
  return values;
}

export interface AssessmentPageCardData {
  readonly page: AssessmentPage;
  readonly nonce: string;
  /** What the user typed, when the page comes back to them. */
  readonly values?: Readonly<Record<string, { rating?: Rating; details: string }>>;
  readonly notice?: string;
  readonly problems?: readonly string[];
}

export function assessmentPageCard(data: AssessmentPageCardData): AdaptiveCardJson {
  const { page } = data;
  const values = data.values ?? page.values;
  return renderCard('assessment-page', {
    roundId: page.round.id,
    roundName: escapeMarkdown(page.round.name),
    organisationId: page.organisation.id,
    organisationName: escapeMarkdown(page.organisation.name),
    sectionNumber: page.section.number,
    sectionTitle: page.section.title,
    benchmark: page.section.benchmark ?? '',
    outcome: page.section.outcome ?? '',
    position: page.index + 1,
    index: page.index,
    total: page.total,
    closesOn: formatDate(page.round.closesOn),
    submitted: page.submitted,
    prefilledFrom: data.values ? '' : escapeMarkdown(page.prefilledFrom ?? ''),
    notice: data.notice ?? '',
    problems: (data.problems ?? []).map(escapeMarkdown),
    nonce: data.nonce,
    etag: page.etag ?? '',
    items: page.section.items.map((item) => ({
      id: item.id,
      kind: KIND_LABELS[item.kind],
      text: item.text,
      prompts: item.prompts,
      promptText: item.prompts.map((p) => `• ${p}`).join('\n'),
      ratingInput: ratingInputId(item.id),
      detailsInput: detailsInputId(item.id),
      rating: values[item.id]?.rating ?? '',
      details: values[item.id]?.details ?? '',
    })),
  });
}

export interface AssessmentReceiptData {
  readonly page: AssessmentPage;
  readonly savedBy: string;
  readonly savedAt: string;
  /** Set when the whole return was submitted rather than one page saved. */
  readonly submitted?: boolean;
  readonly duplicate?: boolean;
}

export function assessmentReceiptCard(data: AssessmentReceiptData): AdaptiveCardJson {
  const { page } = data;
  const counts = RATINGS.map((r) => ({ label: RATING_LABELS[r], n: page.section.items.filter((i) => page.values[i.id]?.rating === r).length })).filter((c) => c.n > 0);
  const remaining = page.incompleteSections.length;
  return renderCard('assessment-receipt', {
    title: data.submitted ? `Self-assessment returned` : `Benchmark ${page.index + 1} of ${page.total} saved`,
    line: `${data.submitted ? 'Submitted' : 'Saved'} by ${escapeMarkdown(data.savedBy)} at ${formatDateTime(data.savedAt)}${data.submitted ? '' : `: ${counts.map((c) => `${c.n} ${c.label}`).join(', ') || 'no ratings'}`}${data.duplicate ? ' (already recorded; not saved twice)' : ''}`,
    roundId: page.round.id,
    roundName: escapeMarkdown(page.round.name),
    organisationId: page.organisation.id,
    organisationName: escapeMarkdown(page.organisation.name),
    remaining: data.submitted
      ? `You can still change it until ${formatDate(page.round.closesOn)}.`
      : remaining === 0
        ? 'Every benchmark is rated: open the last benchmark and press Submit return when you are ready.'
        : `${remaining} ${remaining === 1 ? 'benchmark still has' : 'benchmarks still have'} unrated items.`,
    openTitle: data.submitted ? 'Edit answers' : page.index + 1 < page.total ? 'Next benchmark' : 'Open this benchmark',
    openIndex: data.submitted ? 0 : Math.min(page.index + 1, page.total - 1),
  });
}

export interface AssessmentStartCardData {
  /** Each with who answers it, shown beside its title so the Prevent Officer knows who will be asked. */
  readonly frameworks: readonly { id: string; title: string; answeredBy?: string }[];
  readonly values?: { name?: string; frameworkId?: string; closesOn?: string; quorum?: number | undefined };
  readonly problems?: readonly string[];
}

export function assessmentStartCard(data: AssessmentStartCardData): AdaptiveCardJson {
  const { quorum, ...values } = data.values ?? {};
  return renderCard('assessment-start', {
    frameworks: data.frameworks.map((f) => ({ id: f.id, title: f.answeredBy ? `${f.title} (answered by ${f.answeredBy})` : f.title })),
    values: { name: '', frameworkId: '', closesOn: '', ...values, quorum: quorum === undefined ? '' : String(quorum) },
    problems: (data.problems ?? []).map(escapeMarkdown),
  });
}

/** One person's view of the channel's self-assessment progress card: its refresh, and "Show my view". */
export const ASSESSMENT_PROGRESS_VIEW_VERB = 'assessment-progress-view';

export const assessmentProgressViewSubmitSchema = z.object({
  verb: z.literal(ASSESSMENT_PROGRESS_VIEW_VERB),
  roundId: z.string().min(1).max(63),
});
export type AssessmentProgressViewSubmit = z.infer<typeof assessmentProgressViewSubmitSchema>;

const OWN_STATE: Record<NonNullable<AssessmentProgressView['own']>['state'], string> = {
  returned: 'returned',
  'in progress': 'started, not returned yet',
  'not started': 'not started yet',
};

/**
 * The channel's "N of M organisations returned" card. With `refreshFor` it is the card for everyone,
 * refreshing to each listed person's view; with `viewer` it is one person's view (their own
 * organisation's return, when they answer for one).
 */
export function assessmentProgressCard(
  progress: AssessmentProgress,
  options: { refreshFor?: readonly string[]; viewer?: Pick<AssessmentProgressView, 'own'> } = {},
): AdaptiveCardJson {
  const { refreshFor, viewer } = options;
  return progressCard({
    ...(viewer ? { ownLine: viewer.own ? `Your organisation, ${viewer.own.organisationName}: ${OWN_STATE[viewer.own.state]}.` : '' } : {}),
    ...(refreshFor ? { view: { verb: ASSESSMENT_PROGRESS_VIEW_VERB, roundId: progress.round.id, refreshFor } } : {}),
    title: `Self-assessment ${progress.round.name}`,
    done: progress.returned,
    total: progress.total,
    unit: 'organisations returned',
    doneLine: 'Every organisation has returned its self-assessment.',
    requestedBy: progress.round.startedByName,
    requestedAt: progress.round.startedAt,
    waitingFor: progress.waitingFor,
  });
}
