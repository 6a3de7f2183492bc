import { z } from 'zod';
import { actionIdSchema } from '../domain/actions/action';
import { ukDate } from '../domain/clock';
import { financialYearSchema, PRIORITY_DESCRIPTION_MAX, PRIORITY_SOURCE_MAX, PRIORITY_TITLE_MAX, priorityIdSchema, readPriorityIds } from '../domain/priorities/priority';
import { coverageCallOuts } from '../domain/priorities/priority-coverage';
import { agreedWording, type ActionLinkForm, type PrioritiesView, type PriorityForm } from '../domain/priorities/priority-service';
import { escapeMarkdown, truncate } from './markdown';
import { renderCard, type AdaptiveCardJson } from './render';
import { storageEtagSchema } from './storage-etag';

/**
 * The Situational Assessment priorities (SOP 000 §4.2-4.3): the register card anyone in the
 * partnership can see, and the Prevent Officer's forms to add, edit, retire and agree priorities and
 * to link an action to the priorities it addresses.
 */

/** Shows one year's priorities ("Show 2025-26" on the register card). */
export const PRIORITIES_VIEW_VERB = 'priorities-view';
/** Opens the add form (no priorityId) or the edit form of one priority. */
export const PRIORITY_FORM_VERB = 'priority-form';
export const PRIORITY_SAVE_VERB = 'priority-save';
/** Records the day the Steering Group agreed the year's priorities. */
export const PRIORITIES_AGREE_VERB = 'priorities-agree';
/** Opens the link card of the action chosen on the register card. */
export const PRIORITY_LINK_OPEN_VERB = 'priority-link-open';
export const PRIORITY_LINK_SAVE_VERB = 'priority-link-save';

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const nonce = z.string().min(8).max(64);
/** The register's ETag as the form read it; '' when there was no register yet. */
const registerEtag = z.union([z.literal(''), storageEtagSchema]);

export const prioritiesViewSubmitSchema = z.object({ verb: z.literal(PRIORITIES_VIEW_VERB), financialYear: financialYearSchema });
export type PrioritiesViewSubmit = z.infer<typeof prioritiesViewSubmitSchema>;

export const priorityFormSubmitSchema = z.object({
  verb: z.literal(PRIORITY_FORM_VERB),
  financialYear: financialYearSchema,
  priorityId: z.preprocess(emptyToUndefined, priorityIdSchema.optional()),
});
export type PriorityFormSubmit = z.infer<typeof priorityFormSubmitSchema>;

export const prioritySaveSubmitSchema = z.object({
  verb: z.literal(PRIORITY_SAVE_VERB),
  financialYear: financialYearSchema,
  priorityId: z.preprocess(emptyToUndefined, priorityIdSchema.optional()),
  nonce,
  etag: registerEtag,
  title: z
    .string({ required_error: 'give the priority a title' })
    .trim()
    .min(1, 'give the priority a title')
    .max(PRIORITY_TITLE_MAX, `keep the title under ${PRIORITY_TITLE_MAX} characters`),
  description: z.preprocess(
    (v) => (v === undefined || v === null ? '' : v),
    z.string().trim().max(PRIORITY_DESCRIPTION_MAX, `keep the description under ${PRIORITY_DESCRIPTION_MAX} characters`),
  ),
  source: z.preprocess(emptyToUndefined, z.string().trim().max(PRIORITY_SOURCE_MAX, `keep the source under ${PRIORITY_SOURCE_MAX} characters`).optional()),
  /** Input.Toggle sends "true" or "false". */
  retired: z.preprocess((v) => v === true || v === 'true', z.boolean()),
});
export type PrioritySaveSubmit = z.infer<typeof prioritySaveSubmitSchema>;

export const prioritiesAgreeSubmitSchema = z.object({
  verb: z.literal(PRIORITIES_AGREE_VERB),
  financialYear: financialYearSchema,
  nonce,
  etag: storageEtagSchema,
  agreedOn: z.string({ required_error: 'choose the date the Steering Group agreed them' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'choose the date the Steering Group agreed them'),
});
export type PrioritiesAgreeSubmit = z.infer<typeof prioritiesAgreeSubmitSchema>;

export const priorityLinkOpenSubmitSchema = z.object({
  verb: z.literal(PRIORITY_LINK_OPEN_VERB),
  actionId: z.string({ required_error: 'choose an action' }).pipe(actionIdSchema),
});
export type PriorityLinkOpenSubmit = z.infer<typeof priorityLinkOpenSubmitSchema>;

export const priorityLinkSaveSubmitSchema = z.object({
  verb: z.literal(PRIORITY_LINK_SAVE_VERB),
  actionId: actionIdSchema,
  etag: storageEtagSchema,
  /** A multi-select ChoiceSet sends "P1,P3"; none chosen sends "" or nothing. */
  priorityIds: z.preprocess(
    (v) => (v === undefined || v === null ? '' : v),
    z
      .string()
      .max(200)
      .transform((text, ctx) => {
        const { ids, unreadable } = readPriorityIds(text);
        if (unreadable.length > 0) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'choose priorities from the list' });
        return ids;
      }),
  ),
});
export type PriorityLinkSaveSubmit = z.infer<typeof priorityLinkSaveSubmitSchema>;

export interface Notice {
  readonly text: string;
  readonly problem: boolean;
}

const noticeData = (notice?: Notice) => ({ notice: escapeMarkdown(notice?.text ?? ''), noticeColour: notice?.problem ? 'Attention' : 'Good' });

/** The register of a year: each priority with the actions addressing it, the call-outs, and the officer's buttons. */
export function prioritiesCard(view: PrioritiesView, options: { notice?: Notice; nonce: string }): AdaptiveCardJson {
  const register = view.record?.register;
  const rows = view.coverage?.rows ?? [];
  const priorities = (register?.priorities ?? []).map((p) => {
    const covered = rows.find((r) => r.priority.id === p.id);
    const actions = covered ? (covered.actionIds.length === 0 ? 'No actions yet' : `Actions: ${covered.actionIds.join(', ')}`) : 'Retired';
    return {
      id: p.id,
      heading: escapeMarkdown(`${p.id} ${p.title}${p.retired ? ' (retired)' : ''}`),
      description: escapeMarkdown(truncate(p.description, 300)),
      meta: escapeMarkdown([p.source ? `Source: ${p.source}` : '', actions].filter(Boolean).join(' · ')),
      colour: covered && covered.actionIds.length === 0 ? 'Attention' : 'Default',
    };
  });
  return renderCard('priorities', {
    ...noticeData(options.notice),
    financialYear: view.financialYear,
    status: escapeMarkdown(register ? agreedWording(register) : `No priorities recorded for ${view.financialYear} yet.`),
    hasPriorities: priorities.length > 0,
    priorities,
    callOuts: (view.coverage ? coverageCallOuts(view.coverage) : []).map(escapeMarkdown),
    mayEdit: view.mayEdit,
    mayAgree: view.mayEdit && register !== undefined && register.status === 'draft' && register.priorities.some((p) => !p.retired),
    today: view.record ? view.record.register.updatedAt.slice(0, 10) : '',
    etag: view.record?.etag ?? '',
    nonce: options.nonce,
    mayLink: view.mayEdit && register !== undefined && view.actions.length > 0,
    actions: view.actions.map((a) => ({ id: a.id, title: truncate(`${a.id} ${a.text}${a.priorityIds?.length ? ` (${a.priorityIds.join(', ')})` : ''}`, 90) })),
    otherYears: view.years.filter((y) => y !== view.financialYear).slice(0, 3),
  });
}

/** The Prevent Officer's add or edit form of one priority. */
export function priorityFormCard(
  form: PriorityForm,
  options: { nonce: string; values?: Partial<Record<'title' | 'description' | 'source', string>>; notice?: Notice },
): AdaptiveCardJson {
  const priority = form.priority;
  return renderCard('priority-form', {
    ...noticeData(options.notice),
    heading: priority ? `Edit priority ${priority.id}, ${form.financialYear}` : `Add priority ${form.nextId} for ${form.financialYear}`,
    financialYear: form.financialYear,
    priorityId: priority?.id ?? '',
    title: options.values?.title ?? priority?.title ?? '',
    description: options.values?.description ?? priority?.description ?? '',
    source: options.values?.source ?? priority?.source ?? '',
    retired: priority?.retired ? 'true' : 'false',
    editing: priority !== undefined,
    etag: form.etag,
    nonce: options.nonce,
  });
}

/** One action and the year's priorities to tick: what the action addresses. */
export function actionPrioritiesCard(form: ActionLinkForm, options: { notice?: Notice } = {}): AdaptiveCardJson {
  return renderCard('action-priorities', {
    ...noticeData(options.notice),
    heading: escapeMarkdown(`Action ${form.record.action.id}: ${truncate(form.record.action.text, 200)}`),
    financialYear: form.financialYear,
    actionId: form.record.action.id,
    etag: form.record.etag,
    selected: (form.record.action.priorityIds ?? []).join(','),
    choices: form.priorities.map((p) => ({ value: p.id, title: truncate(`${p.id} ${p.title}${p.retired ? ' (retired)' : ''}`, 100) })),
  });
}

/** "Agreed on 12 Mar 2026", for receipts. */
export function agreedNotice(agreedOn: string, financialYear: string): string {
  return `Recorded: the Steering Group agreed the ${financialYear} priorities on ${ukDate(agreedOn)}.`;
}
