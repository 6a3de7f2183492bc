import { z } from 'zod';
import { storageEtagSchema } from './storage-etag';
import {
  ACTION_STATUSES,
  EVIDENCE_URL_MAX,
  PROGRESS_NOTE_MAX,
  OWNER_TO_BE_SET,
  STATUS_LABELS,
  actionIdSchema,
  type ActionRecord,
  type ActionStatus,
  type Rag,
} from '../domain/actions/action';
import { effectiveDueDate, isOverdue, ragFor } from '../domain/actions/rag';
import { RAG_COLOURS, RAG_LABELS, formatDate, formatDateTime } from './format';
import { escapeMarkdown } from './markdown';
import { pageOf, pageSchema } from './paging';
import { renderCard, type AdaptiveCardJson } from './render';

/** Submits the update card. Carries the card's nonce and the ETag the partner was looking at. */
export const ACTION_UPDATE_VERB = 'action-update';
/** Opens a fresh update card for one action ("Update" on my actions, "Edit update" on a receipt). */
export const ACTION_OPEN_VERB = 'action-open';

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** The update card's submit payload. The card checks the same rules first; this is the one that counts. */
export const actionUpdateSubmitSchema = z.object({
  verb: z.literal(ACTION_UPDATE_VERB),
  actionId: actionIdSchema,
  nonce: z.string().min(8).max(64),
  etag: storageEtagSchema,
  status: z.enum(ACTION_STATUSES, { errorMap: () => ({ message: 'choose a status' }) }),
  progressNote: z
    .string({ required_error: 'write a progress note' })
    .trim()
    .min(1, 'write a progress note')
    .max(PROGRESS_NOTE_MAX, `keep the progress note under ${PROGRESS_NOTE_MAX} characters`),
  evidenceUrl: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .max(EVIDENCE_URL_MAX, `keep the evidence link under ${EVIDENCE_URL_MAX} characters`)
      .regex(/^https:\/\/\S+$/, 'the evidence link must start with https://')
      .optional(),
  ),
  revisedDate: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'the revised date must be a date')
      .optional(),
  ),
});
export type ActionUpdateSubmit = z.infer<typeof actionUpdateSubmitSchema>;

/** Just enough of an update submit to put the card back in front of the user when the rest is wrong. */
export const actionUpdateEnvelopeSchema = z.object({
  verb: z.literal(ACTION_UPDATE_VERB),
  actionId: actionIdSchema,
  status: z.string().max(40).optional(),
  progressNote: z
    .string()
    .max(PROGRESS_NOTE_MAX * 2)
    .optional(),
  evidenceUrl: z
    .string()
    .max(EVIDENCE_URL_MAX * 2)
    .optional(),
  revisedDate: z.string().max(40).optional(),
});

export const actionOpenSubmitSchema = z.object({
  verb: z.literal(ACTION_OPEN_VERB),
  actionId: actionIdSchema,
});

function statusSummary(record: ActionRecord): string {
  const p = record.progress;
  if (!p) return 'No update yet';
  return `${STATUS_LABELS[p.status]}, by ${escapeMarkdown(p.updatedByName)} on ${formatDateTime(p.updatedAt)}`;
}

/** The timescale as the plan wrote it, escaped: it came from an imported file. */
function dueText(record: ActionRecord, today: string): string {
  const { action, progress } = record;
  const due = effectiveDueDate(action, progress);
  if (due) return `${formatDate(due)}${isOverdue(action, progress, today) ? ' (overdue)' : ''}`;
  if (action.recurring) return `${escapeMarkdown(action.timescale)} (recurring)`;
  return action.timescale ? escapeMarkdown(action.timescale) : 'Not set';
}

function ragView(rag: Rag) {
  return { rag: RAG_LABELS[rag], ragColour: RAG_COLOURS[rag] };
}

/**
 * Everything here from the imported plan or the partnership's lists is escaped once, here at render
 * time (it is stored as written): Teams renders Markdown in TextBlocks and FactSets, so a plan file
 * could otherwise put a link or a list on every update card.
 */
function actionView(record: ActionRecord, organisationNames: ReadonlyMap<string, string>, today: string) {
  const { action, progress } = record;
  return {
    id: action.id,
    themeTitle: escapeMarkdown(action.themeTitle),
    text: escapeMarkdown(action.text),
    owners: action.ownerOrganisationIds.map((id) => escapeMarkdown(organisationNames.get(id) ?? id)).join(', ') || OWNER_TO_BE_SET,
    due: dueText(record, today),
    status: progress ? STATUS_LABELS[progress.status] : 'No update yet',
    summary: statusSummary(record),
    ...ragView(ragFor(action, progress, today)),
  };
}

export interface ActionUpdateCardData {
  readonly record: ActionRecord;
  readonly organisationNames: ReadonlyMap<string, string>;
  readonly today: string;
  readonly nonce: string;
  /** What the user typed, when the card comes back to them; otherwise the latest update. */
  readonly values?: Partial<Record<'status' | 'progressNote' | 'evidenceUrl' | 'revisedDate', string>>;
  readonly notice?: string;
  readonly problems?: readonly string[];
}

export function actionUpdateCard(data: ActionUpdateCardData): AdaptiveCardJson {
  const latest = data.record.progress;
  const values = data.values ?? {
    status: latest?.status ?? '',
    progressNote: latest?.progressNote ?? '',
    evidenceUrl: latest?.evidenceUrl ?? '',
    revisedDate: latest?.revisedDate ?? '',
  };
  return renderCard('action-update', {
    action: actionView(data.record, data.organisationNames, data.today),
    values: { status: '', progressNote: '', evidenceUrl: '', revisedDate: '', ...values },
    statusChoices: ACTION_STATUSES.map((status: ActionStatus) => ({ title: STATUS_LABELS[status], value: status })),
    progressNoteMax: PROGRESS_NOTE_MAX,
    evidenceUrlMax: EVIDENCE_URL_MAX,
    notice: data.notice ?? '',
    problems: (data.problems ?? []).map(escapeMarkdown),
    nonce: data.nonce,
    etag: data.record.etag,
  });
}

export interface ActionReceiptCardData {
  readonly record: ActionRecord;
  readonly organisationNames: ReadonlyMap<string, string>;
  readonly today: string;
  readonly duplicate: boolean;
}

/** Replaces the update card once the update is stored, so a second click has nothing to submit. */
export function actionReceiptCard(data: ActionReceiptCardData): AdaptiveCardJson {
  const progress = data.record.progress;
  if (!progress) throw new Error('a receipt needs a recorded update');
  return renderCard('action-receipt', {
    action: actionView(data.record, data.organisationNames, data.today),
    receipt: {
      line: `Updated by ${escapeMarkdown(progress.updatedByName)} at ${formatDateTime(progress.updatedAt)}: ${STATUS_LABELS[progress.status]}`,
      note: escapeMarkdown(progress.progressNote),
      evidenceUrl: progress.evidenceUrl ?? '',
      revisedDate: progress.revisedDate ? formatDate(progress.revisedDate) : '',
      duplicate: data.duplicate,
    },
  });
}

export interface MyActionsCardData {
  readonly heading: string;
  /** A line under the heading, e.g. who asked for the updates and by when. */
  readonly intro?: string;
  readonly records: readonly ActionRecord[];
  readonly organisationNames: ReadonlyMap<string, string>;
  readonly today: string;
  /** Shown instead of the list when there is nothing to list. */
  readonly emptyMessage: string;
  /** Which list this is, for its Next/Previous buttons; the first page when absent. */
  readonly list?: ActionListRef;
  readonly page?: number;
}

/** An organisation may own 120 actions; 20 to a page keeps the card well within Teams' size limit. */
export const ACTIONS_PER_PAGE = 20;

/** Next/Previous on an action list: whose list it is ("my actions", or an organisation's update request). */
export const ACTIONS_PAGE_VERB = 'actions-page';

/** "mine": the asker's organisation's actions; "request": the actions an organisation was asked to update. */
export type ActionListRef = { readonly list: 'mine' } | { readonly list: 'request'; readonly organisationId: string };

export const actionsPageSubmitSchema = z
  .object({
    verb: z.literal(ACTIONS_PAGE_VERB),
    page: pageSchema,
    list: z.enum(['mine', 'request']),
    organisationId: z.string().min(1).max(100).optional(),
  })
  .refine((submit) => submit.list === 'mine' || submit.organisationId !== undefined, { message: 'say which organisation', path: ['organisationId'] });
export type ActionsPageSubmit = z.infer<typeof actionsPageSubmitSchema>;

export function myActionsCard(data: MyActionsCardData): AdaptiveCardJson {
  const { items, pager } = pageOf(data.records, data.page ?? 1, ACTIONS_PER_PAGE, {
    verb: ACTIONS_PAGE_VERB,
    data: data.list ?? { list: 'mine' },
    what: `${data.records.length} actions`,
  });
  return renderCard('my-actions', {
    heading: escapeMarkdown(data.heading),
    intro: escapeMarkdown(data.intro ?? ''),
    actions: items.map((record) => actionView(record, data.organisationNames, data.today)),
    emptyMessage: data.records.length === 0 ? data.emptyMessage : '',
    pager,
  });
}

/** The card an organisation's leads get for an update request (and its chaser), at a page. */
export function updateRequestCard(
  request: { organisation: { id: string; name: string }; records: readonly ActionRecord[] },
  organisationNames: ReadonlyMap<string, string>,
  today: string,
  intro: string,
  page = 1,
): AdaptiveCardJson {
  return myActionsCard({
    heading: `Update request: ${request.organisation.name}`,
    intro,
    records: request.records,
    organisationNames,
    today,
    emptyMessage: '',
    list: { list: 'request', organisationId: request.organisation.id },
    page,
  });
}

export const UPDATE_REQUEST_REMINDER = 'Press Update on each action that has not been updated yet.';
