import { z } from 'zod';
import { ATTENDANCE, ATTENDANCE_LABELS, type Meeting } from '../domain/meetings/meeting';
import { escapeMarkdown } from './markdown';
import type { AgendaViewer } from '../domain/meetings/meeting-views';
import { renderCard, type AdaptiveCardJson } from './render';
import { withViewRefresh } from './view-refresh';

export const MEETING_SCHEDULE_VERB = 'meeting-schedule';
/** Attending / Sending a deputy / Apologies on the agenda card in the channel. */
export const MEETING_REPLY_VERB = 'meeting-reply';

/** One person's view of the channel's agenda: the card's refresh, and its "Show my view" button. */
export const AGENDA_VIEW_VERB = 'agenda-view';

export const agendaViewSubmitSchema = z.object({
  verb: z.literal(AGENDA_VIEW_VERB),
  meetingId: z.string().regex(/^\d{4}-\d{2}-\d{2}-\d{4}$/),
});
export type AgendaViewSubmit = z.infer<typeof agendaViewSubmitSchema>;

export const meetingReplySubmitSchema = z.object({
  verb: z.literal(MEETING_REPLY_VERB),
  meetingId: z.string().regex(/^\d{4}-\d{2}-\d{2}-\d{4}$/),
  status: z.enum(ATTENDANCE),
});

const WHEN = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export const meetingScheduleSubmitSchema = z.object({
  verb: z.literal(MEETING_SCHEDULE_VERB),
  date: z.string({ required_error: 'choose the date' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'choose the date'),
  time: z.string({ required_error: 'choose the start time' }).regex(/^\d{2}:\d{2}$/, 'choose the start time'),
  location: z.preprocess((v) => (v === undefined || v === null ? '' : v), z.string().trim().max(300, 'keep the location under 300 characters')),
});
export type MeetingScheduleSubmit = z.infer<typeof meetingScheduleSubmitSchema>;

export interface AgendaCardOptions {
  readonly notice?: string;
  /** The channel version: reply buttons and who has replied, by organisation name. */
  readonly replies?: { readonly organisationNames: ReadonlyMap<string, string> };
  /** One person's view: their organisation's reply, and the reply buttons only if they may reply. */
  readonly viewer?: AgendaViewer;
  /** Teams user ids the card refreshes for by itself, to each one's own view (the channel's card). */
  readonly refreshFor?: readonly string[];
}

function viewerLine(viewer: AgendaViewer): string {
  if (!viewer.mayReply) return "You are not listed as replying for one of the partnership's organisations, so there are no reply buttons for you.";
  const reply = viewer.reply ? ATTENDANCE_LABELS[viewer.reply] : 'not replied yet';
  return `Your organisation, ${viewer.organisationName ?? ''}: ${reply}`;
}

export function agendaCard(meeting: Meeting, options: AgendaCardOptions = {}): AdaptiveCardJson {
  const names = options.replies?.organisationNames ?? new Map<string, string>();
  const replied = Object.entries(meeting.attendance);
  const { viewer, refreshFor } = options;
  const card = renderCard('agenda', {
    notice: escapeMarkdown(options.notice ?? ''),
    meetingId: meeting.id,
    showReplies: Boolean(options.replies),
    showReplyButtons: Boolean(options.replies) && (viewer?.mayReply ?? true),
    viewerLine: viewer ? escapeMarkdown(viewerLine(viewer)) : '',
    showMyView: Boolean(options.replies && refreshFor && !viewer),
    replies: replied.map(([id, reply]) => escapeMarkdown(`${names.get(id) ?? id}: ${ATTENDANCE_LABELS[reply.status]} (${reply.byName})`)),
    waiting: [...names].filter(([id]) => !meeting.attendance[id]).map(([, name]) => escapeMarkdown(name)),
    when: WHEN.format(new Date(meeting.startsAt)),
    location: escapeMarkdown(meeting.location),
    items: meeting.agenda.map((item, index) => ({
      number: index + 1,
      title: escapeMarkdown(item.title),
      details: item.details.map(escapeMarkdown),
      style: item.source === 'generated' ? 'warning' : 'default',
    })),
  });
  return refreshFor ? withViewRefresh(card, AGENDA_VIEW_VERB, { meetingId: meeting.id }, refreshFor) : card;
}

export function meetingFormCard(data: { problems?: readonly string[]; values?: { date?: string; time?: string; location?: string } } = {}): AdaptiveCardJson {
  return renderCard('meeting-form', {
    problems: (data.problems ?? []).map(escapeMarkdown),
    values: { date: '', time: '10:00', location: '', ...data.values },
  });
}

export const AGENDA_EDIT_VERB = 'agenda-edit';
export const AGENDA_EDIT_OPS = ['add', 'up', 'down', 'remove', 'owner'] as const;

const optionalText = (max: number, message: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(max, message).optional());

export const agendaEditSubmitSchema = z.object({
  verb: z.literal(AGENDA_EDIT_VERB),
  op: z.enum(AGENDA_EDIT_OPS),
  meetingId: z.string().regex(/^\d{4}-\d{2}-\d{2}-\d{4}$/),
  itemId: optionalText(40, 'choose an item'),
  title: optionalText(200, 'keep the new item under 200 characters'),
  owner: optionalText(120, 'keep the owner under 120 characters'),
});
export type AgendaEditSubmit = z.infer<typeof agendaEditSubmitSchema>;

/** The Prevent Officer's or chair's editor for the agenda before it is posted. */
export function agendaEditorCard(meeting: Meeting, notice?: { text: string; problem: boolean }): AdaptiveCardJson {
  return renderCard('agenda-editor', {
    notice: escapeMarkdown(notice?.text ?? ''),
    noticeColour: notice?.problem ? 'Attention' : 'Good',
    when: WHEN.format(new Date(meeting.startsAt)),
    meetingId: meeting.id,
    items: meeting.agenda.map((item, index) => ({
      id: item.id,
      number: index + 1,
      title: escapeMarkdown(item.title),
      plainTitle: item.title.length > 60 ? `${item.title.slice(0, 59)}…` : item.title,
      ownerText: item.owner ? ` (${escapeMarkdown(item.owner)})` : '',
    })),
  });
}

export const DECISION_SAVE_VERB = 'decision-save';

/** A decision, and optionally the new action it creates (all three action fields, or none). */
export const decisionSaveSubmitSchema = z
  .object({
    verb: z.literal(DECISION_SAVE_VERB),
    meetingId: z.string().regex(/^\d{4}-\d{2}-\d{2}-\d{4}$/),
    itemId: z.string({ required_error: 'choose the agenda item' }).trim().min(1, 'choose the agenda item').max(40),
    text: z.string({ required_error: 'write the decision' }).trim().min(1, 'write the decision').max(1000, 'keep the decision under 1,000 characters'),
    actionText: optionalText(500, 'keep the new action under 500 characters'),
    themeNumber: z.preprocess((v) => (v === '' || v === undefined ? undefined : v), z.coerce.number().int().min(1).max(99).optional()),
    ownerOrganisationId: optionalText(63, 'choose the owner'),
    dueDate: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'the due date must be a date')
        .optional(),
    ),
  })
  .superRefine((d, ctx) => {
    if (d.actionText && (!d.themeNumber || !d.ownerOrganisationId)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['actionText'], message: 'a new action needs a theme and an owner' });
    }
  });
export type DecisionSaveSubmit = z.infer<typeof decisionSaveSubmitSchema>;

export interface DecisionFormData {
  readonly meeting: Meeting;
  readonly themes: readonly { number: number; title: string }[];
  readonly organisations: readonly { id: string; name: string }[];
  readonly notice?: { text: string; problem: boolean };
}

export function decisionFormCard(data: DecisionFormData): AdaptiveCardJson {
  return renderCard('decision-form', {
    notice: escapeMarkdown(data.notice?.text ?? ''),
    noticeColour: data.notice?.problem ? 'Attention' : 'Good',
    when: WHEN.format(new Date(data.meeting.startsAt)),
    meetingId: data.meeting.id,
    decisions: data.meeting.decisions.map((d) => escapeMarkdown(`${d.itemTitle}: ${d.text}${d.newActionId ? ` (new action ${d.newActionId})` : ''}`)),
    items: data.meeting.agenda.map((i, index) => ({ id: i.id, title: `${index + 1}. ${i.title}` })),
    themes: data.themes.map((t) => ({ number: String(t.number), title: `${t.number}. ${t.title}` })),
    organisations: data.organisations,
  });
}
