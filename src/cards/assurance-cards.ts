import { z } from 'zod';
import { ASSURANCE_NOTE_MAX } from '../domain/assurance/assurance';
import { tallyLine, type AssuranceOutcome } from '../domain/assurance/assurance-outcome';
import type { AnswerInput, StatementForm } from '../domain/assurance/assurance-service';
import { ANSWER_LABELS, ASSURANCE_ANSWERS, type AssuranceAnswer } from '../domain/assurance/statement-template';
import { londonDate } from '../domain/clock';
import { formatDate, formatDateTime } from './format';
import { escapeMarkdown } from './markdown';
import { renderCard, type AdaptiveCardJson } from './render';
import { storageEtagSchema } from './storage-etag';

/** Save or Confirm on an organisation's annual assurance statement. */
export const ASSURANCE_SAVE_VERB = 'assurance-save';
/** The receipt's (and a chaser's) way back to the statement. */
export const ASSURANCE_OPEN_VERB = 'assurance-open';

const answerInputId = (itemId: string) => `answer-${itemId}`;
const noteInputId = (itemId: string) => `note-${itemId}`;

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const yearSchema = z.string().regex(/^\d{4}-\d{2}$/, 'the statement year is written 2026-27');

export const assuranceSaveSubmitSchema = z
  .object({
    verb: z.literal(ASSURANCE_SAVE_VERB),
    then: z.enum(['save', 'confirm']),
    year: yearSchema,
    organisationId: z.string().min(1).max(63),
    nonce: z.string().min(8).max(64),
    etag: z.preprocess(emptyToUndefined, storageEtagSchema.optional()),
  })
  .catchall(z.unknown());
export type AssuranceSaveSubmit = z.infer<typeof assuranceSaveSubmitSchema>;

export const assuranceOpenSubmitSchema = z.object({
  verb: z.literal(ASSURANCE_OPEN_VERB),
  year: yearSchema,
  organisationId: z.string().min(1).max(63),
});
export type AssuranceOpenSubmit = z.infer<typeof assuranceOpenSubmitSchema>;

const answerValueSchema = z.preprocess(emptyToUndefined, z.enum(ASSURANCE_ANSWERS, { errorMap: () => ({ message: 'choose In place, Partly or Not yet' }) }).optional());
const noteValueSchema = z.preprocess((v) => (v === undefined || v === null ? '' : v), z.string().max(ASSURANCE_NOTE_MAX, `keep the note under ${ASSURANCE_NOTE_MAX} characters`));

/**
 * The answers on the statement card, read by the template's item ids (the card's inputs are not
 * trusted to be the ones the server made). Unanswered items are left out; problems name the item.
 */
export function answersFromSubmit(submit: AssuranceSaveSubmit, itemIds: readonly string[]): { answers: AnswerInput[]; problems: string[] } {
  const answers: AnswerInput[] = [];
  const problems: string[] = [];
  itemIds.forEach((itemId, index) => {
    const label = `Item ${index + 1}`;
    const answer = answerValueSchema.safeParse(submit[answerInputId(itemId)]);
    const note = noteValueSchema.safeParse(submit[noteInputId(itemId)]);
    if (!answer.success) problems.push(`${label}: ${answer.error.issues[0]?.message}`);
    if (!note.success) problems.push(`${label}: ${note.error.issues[0]?.message}`);
    if (!answer.success || !note.success) return;
    if (answer.data) answers.push({ itemId, answer: answer.data, note: note.data });
    else if (note.data.trim()) problems.push(`${label}: choose In place, Partly or Not yet for the note you wrote`);
  });
  return { answers, problems };
}

/** What the user typed, to give the card back to them unchanged when it cannot be saved. */
export function typedAnswers(submit: AssuranceSaveSubmit, itemIds: readonly string[]): Record<string, { answer?: AssuranceAnswer; note: string }> {
  const values: Record<string, { answer?: AssuranceAnswer; note: string }> = {};
  for (const itemId of itemIds) {
    const answer = submit[answerInputId(itemId)];
    const note = submit[noteInputId(itemId)];
    values[itemId] = {
      ...(typeof answer === 'string' && (ASSURANCE_ANSWERS as readonly string[]).includes(answer) ? { answer: answer as AssuranceAnswer } : {}),
      note: typeof note === 'string' ? note.slice(0, ASSURANCE_NOTE_MAX * 2) : '',
    };
  }
  return values;
}

export interface AssuranceStatementCardData {
  readonly form: StatementForm;
  readonly nonce: string;
  /** What the user typed, when the card comes back to them. */
  readonly values?: Readonly<Record<string, { answer?: AssuranceAnswer; note: string }>>;
  readonly notice?: string;
  readonly problems?: readonly string[];
}

/** The statement an organisation's Prevent lead answers: every item, In place / Partly / Not yet, with a note. */
export function assuranceStatementCard(data: AssuranceStatementCardData): AdaptiveCardJson {
  const { form } = data;
  const values = data.values ?? form.values;
  return renderCard('assurance-statement', {
    year: form.request.year,
    organisationId: form.organisation.id,
    organisationName: escapeMarkdown(form.organisation.name),
    intro: `${escapeMarkdown(form.template.title)}, due by ${formatDate(form.request.dueOn)}. Answer each item and press Confirm statement when it is complete: confirming is final.`,
    notice: data.notice ?? '',
    problems: (data.problems ?? []).map(escapeMarkdown),
    prefilledFrom: data.values ? '' : (form.prefilledFrom ?? ''),
    confirmedLine: form.confirmed ? `Confirmed by ${escapeMarkdown(form.confirmed.byName)} on ${formatDateTime(form.confirmed.at)}.` : '',
    nonce: data.nonce,
    etag: form.etag ?? '',
    items: form.template.items.map((item, index) => ({
      position: index + 1,
      text: item.text,
      answerInput: answerInputId(item.id),
      noteInput: noteInputId(item.id),
      answer: values[item.id]?.answer ?? '',
      note: values[item.id]?.note ?? '',
    })),
  });
}

export interface AssuranceReceiptData {
  readonly form: StatementForm;
  readonly savedBy: string;
  readonly savedAt: string;
  readonly confirmed: boolean;
  readonly duplicate?: boolean;
}

/** What replaces the statement card after a save or the confirmation. */
export function assuranceReceiptCard(data: AssuranceReceiptData): AdaptiveCardJson {
  const { form } = data;
  const answered = form.template.items.filter((item) => form.values[item.id]?.answer);
  const counts = ASSURANCE_ANSWERS.map((a) => ({ label: ANSWER_LABELS[a], n: answered.filter((item) => form.values[item.id]?.answer === a).length })).filter((c) => c.n > 0);
  const unanswered = form.template.items.length - answered.length;
  return renderCard('assurance-receipt', {
    title: data.confirmed ? 'Assurance statement confirmed' : 'Assurance statement saved',
    line: `${data.confirmed ? 'Confirmed' : 'Saved'} by ${escapeMarkdown(data.savedBy)} at ${formatDateTime(data.savedAt)}${data.duplicate ? ' (already recorded; not saved twice)' : ''}`,
    year: form.request.year,
    organisationId: form.organisation.id,
    organisationName: escapeMarkdown(form.organisation.name),
    confirmed: data.confirmed,
    answers: counts.map((c) => `${c.label}: ${c.n}`).join(' · '),
    remaining: data.confirmed
      ? 'Thank you. The Prevent Officer and the chair see it in "assurance statements"; the outcome goes to the Steering Group.'
      : unanswered === 0
        ? 'Every item is answered: open it again and press Confirm statement when you are ready.'
        : `${unanswered} of ${form.template.items.length} items still to answer. Statements are due by ${formatDate(form.request.dueOn)}.`,
  });
}

/** Names listed per group at most; the rest are counted, so the card stays well under Teams' size limit. */
export const OVERVIEW_NAMES_SHOWN = 40;

function capped(lines: readonly string[]): string[] {
  if (lines.length <= OVERVIEW_NAMES_SHOWN) return [...lines];
  return [...lines.slice(0, OVERVIEW_NAMES_SHOWN), `and ${lines.length - OVERVIEW_NAMES_SHOWN} more`];
}

/**
 * "who has returned their assurance statement": confirmed, part-way, not started, and the items not
 * yet in place. With `answerFor`, a list of the organisations still owing one and a button to open
 * the chosen one's statement, for the Prevent Officer to answer on its behalf.
 */
export function assuranceOverviewCard(outcome: AssuranceOutcome, answerFor = false): AdaptiveCardJson {
  const { request } = outcome;
  const groups = [
    { heading: `Confirmed (${outcome.confirmed.length})`, lines: outcome.confirmed.map((c) => `${escapeMarkdown(c.organisation)}: ${formatDate(londonDate(new Date(c.at)))}`) },
    { heading: `Part-way (${outcome.partWay.length})`, lines: outcome.partWay.map(escapeMarkdown) },
    { heading: `Not started (${outcome.notStarted.length})`, lines: outcome.notStarted.map(escapeMarkdown) },
    { heading: 'Not yet or only partly in place, in confirmed statements', lines: outcome.notInPlace.map((t) => `${t.text} (${tallyLine(t)})`) },
  ]
    .filter((g) => g.lines.length > 0)
    .map((g) => ({ heading: g.heading, lines: capped(g.lines) }));
  return renderCard('assurance-overview', {
    year: request.year,
    headline: `${outcome.confirmed.length} of ${outcome.total} organisations have confirmed their statement.`,
    requested: `Requested by ${escapeMarkdown(request.requestedByName)} on ${formatDate(londonDate(new Date(request.requestedAt)))}; due by ${formatDate(request.dueOn)}. How many organisations give an item as not yet or partly in place is shown as "fewer than 5" from 1 to 4.`,
    groups,
    answerFor: {
      show: answerFor && outcome.owedBy.length > 0,
      year: request.year,
      choices: outcome.owedBy.slice(0, OVERVIEW_NAMES_SHOWN * 2).map((o) => ({ title: o.name, value: o.id })),
      first: outcome.owedBy[0]?.id ?? '',
    },
  });
}
