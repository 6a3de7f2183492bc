import {
  agendaCard,
  agendaEditorCard,
  decisionFormCard,
  meetingFormCard,
  type AgendaEditSubmit,
  type DecisionSaveSubmit,
  type MeetingScheduleSubmit,
} from '../../cards/meeting-cards';
import { PersonalDataError } from '../../domain/privacy/personal-data-error';
import type { Attendance, Meeting } from '../../domain/meetings/meeting';
import { authorise } from '../../domain/authorisation';
import { ConflictError, InvalidError, NotFoundError } from '../../domain/errors';
import { readMeetingStart } from '../../domain/calendar/date-phrases';
import { londonTimeToInstant } from '../../domain/meetings/meeting-time';
import type { BotServices, TurnHandler } from '../bot-services';
import { enqueueToChannel } from '../channel-posts';
import { replaceCard, sendCard } from '../send-card';

const SCHEDULED = 'Meeting scheduled. This is the agenda the bot has built. Say "post agenda" to post it to the partnership channel.';

/** "schedule meeting 12 March 2027 10:00" schedules it at once; without a date, the form. */
export const scheduleMeeting: TurnHandler = async (context, turn, services) => {
  const { partnershipId, actor } = turn;
  const startsAt = readMeetingStart(turn.text, services.now());
  if (!startsAt) {
    authorise(actor, 'schedule-meeting');
    await sendCard(context, meetingFormCard({ values: { date: await services.meetings.suggestedNextDate(partnershipId) } }));
    return;
  }
  try {
    const meeting = await services.meetings.schedule(partnershipId, actor, startsAt, '');
    await sendCard(context, agendaCard(meeting, { notice: SCHEDULED }));
  } catch (error) {
    if (error instanceof ConflictError) throw new ConflictError('A meeting is already scheduled at that time.');
    throw error;
  }
};

export function scheduleMeetingFromForm(submit: MeetingScheduleSubmit): TurnHandler {
  return async (context, turn, services) => {
    const { partnershipId, actor } = turn;
    const [year, month, day] = submit.date.split('-').map(Number) as [number, number, number];
    const [hour, minute] = submit.time.split(':').map(Number) as [number, number];
    try {
      const meeting = await services.meetings.schedule(partnershipId, actor, londonTimeToInstant(year, month, day, hour, minute), submit.location);
      await replaceCard(context, agendaCard(meeting, { notice: SCHEDULED }));
    } catch (error) {
      if (!(error instanceof InvalidError || error instanceof ConflictError)) throw error;
      const problem = error instanceof ConflictError ? 'A meeting is already scheduled at that time.' : error.message;
      await replaceCard(context, meetingFormCard({ problems: [problem], values: { date: submit.date, time: submit.time, location: submit.location } }));
    }
  };
}

/** "agenda" / "next meeting": the next meeting's agenda, for anyone in the partnership. */
export const showNextAgenda: TurnHandler = async (context, turn, services) => {
  const { partnershipId } = turn;
  const meeting = await services.meetings.next(partnershipId);
  if (!meeting) throw new NotFoundError('No Steering Group meeting is scheduled yet. The Prevent Officer or the chair can say "schedule meeting" to set one.');
  await sendCard(context, agendaCard(meeting));
};

/** The channel version of the agenda: reply buttons and who has replied. */
export async function channelAgendaCard(partnershipId: string, meeting: Meeting, services: BotServices) {
  return agendaCard(meeting, { replies: { organisationNames: await services.directory.organisationNames(partnershipId) } });
}

/**
 * Puts the meeting's agenda in the outbox for the partnership channel; once sent, the card is
 * remembered on the meeting (for replies). False until the Prevent Officer has set the channel.
 */
export async function postAgendaToChannel(partnershipId: string, meeting: Meeting, services: BotServices): Promise<boolean> {
  return enqueueToChannel(partnershipId, services, { kind: 'agenda', title: 'Agenda', card: await channelAgendaCard(partnershipId, meeting, services), subjectId: meeting.id });
}

/** "post agenda" (Prevent Officer or chair): the next meeting's agenda, in the partnership channel. */
export const postAgenda: TurnHandler = async (context, turn, services) => {
  const { partnershipId, actor } = turn;
  authorise(actor, 'post-agenda');
  const meeting = await services.meetings.next(partnershipId);
  if (!meeting) throw new NotFoundError('No Steering Group meeting is scheduled yet. Say "schedule meeting" first.');
  if (!(await postAgendaToChannel(partnershipId, meeting, services))) {
    throw new NotFoundError("No partnership channel is set yet: the Prevent Officer types 'use this channel' in the Steering Group's channel to set it.");
  }
  await sendCard(context, agendaCard(meeting, { notice: 'On its way to the partnership channel. Replies will show on the card there.' }));
};

/** Attending / Sending a deputy / Apologies, for the replying member's organisation. */
export function replyToAgenda(input: { meetingId: string; status: Attendance }): TurnHandler {
  return async (context, turn, services) => {
    const { partnershipId, actor } = turn;
    const meeting = await services.meetings.reply(partnershipId, actor, input.meetingId, input.status);
    const card = await channelAgendaCard(partnershipId, meeting, services);
    await replaceCard(context, card);
    // A reply from a chaser in 1:1 chat shows on the channel's card too.
    if (turn.conversationType !== 'channel' && meeting.posted) {
      await enqueueToChannel(partnershipId, services, { kind: 'agenda-replies', title: 'Agenda replies', card, replaceActivityId: meeting.posted.activityId }).catch((error: unknown) =>
        services.logger.warn({ err: error }, 'channel agenda card not refreshed'),
      );
    }
  };
}

/** "edit agenda" (Prevent Officer or chair): the next meeting's agenda in the editor. */
export const openAgendaEditor: TurnHandler = async (context, turn, services) => {
  const { partnershipId, actor } = turn;
  authorise(actor, 'edit-agenda');
  const meeting = await services.meetings.next(partnershipId);
  if (!meeting) throw new NotFoundError('No Steering Group meeting is scheduled yet. Say "schedule meeting" first.');
  await sendCard(context, agendaEditorCard(meeting));
};

export function editAgenda(submit: AgendaEditSubmit): TurnHandler {
  return async (context, turn, services) => {
    const { partnershipId, actor } = turn;
    try {
      const meeting = await services.meetings.editAgenda(partnershipId, actor, submit.meetingId, submit);
      const notice = submit.op === 'add' ? `Added "${submit.title}".` : 'Agenda updated.';
      await replaceCard(context, agendaEditorCard(meeting, { text: `${notice} Say "post agenda" when it is ready.`, problem: false }));
    } catch (error) {
      if (!(error instanceof InvalidError || error instanceof PersonalDataError)) throw error;
      const meeting = await services.meetings.get(partnershipId, submit.meetingId);
      const text = error instanceof PersonalDataError ? `${error.message} ${error.details.join(' ')}` : error.message;
      await replaceCard(context, agendaEditorCard(meeting, { text, problem: true }));
    }
  };
}

async function decisionForm(partnershipId: string, meeting: Meeting, services: BotServices, notice?: { text: string; problem: boolean }) {
  const [plan, names] = await Promise.all([services.actions.allActions(partnershipId), services.directory.organisationNames(partnershipId)]);
  const themes = [...new Map(plan.map((r) => [r.action.themeNumber, r.action.themeTitle])).entries()]
    .sort(([a], [b]) => a - b)
    .map(([number, title]) => ({ number, title }));
  return decisionFormCard({ meeting, themes, organisations: [...names].map(([id, name]) => ({ id, name })), ...(notice ? { notice } : {}) });
}

/** "record decisions" (Prevent Officer or chair): decisions against the last meeting's agenda. */
export const openDecisionForm: TurnHandler = async (context, turn, services) => {
  const { partnershipId, actor } = turn;
  authorise(actor, 'record-decisions');
  const meeting = await services.meetings.latestHeld(partnershipId);
  if (!meeting) throw new NotFoundError('No Steering Group meeting has taken place yet, so there is nothing to record decisions against.');
  await sendCard(context, await decisionForm(partnershipId, meeting, services));
};

export function saveDecision(submit: DecisionSaveSubmit): TurnHandler {
  return async (context, turn, services) => {
    const { partnershipId, actor } = turn;
    try {
      const { meeting, newActionId } = await services.meetings.recordDecision(partnershipId, actor, submit.meetingId, {
        itemId: submit.itemId,
        text: submit.text,
        ...(submit.actionText && submit.themeNumber && submit.ownerOrganisationId
          ? { newAction: { text: submit.actionText, themeNumber: submit.themeNumber, ownerOrganisationId: submit.ownerOrganisationId, ...(submit.dueDate ? { dueDate: submit.dueDate } : {}) } }
          : {}),
      });
      const text = `Decision recorded${newActionId ? `, and action ${newActionId} added to the plan` : ''}. The next agenda lists it under matters arising.`;
      await replaceCard(context, await decisionForm(partnershipId, meeting, services, { text, problem: false }));
    } catch (error) {
      if (!(error instanceof InvalidError || error instanceof PersonalDataError)) throw error;
      const meeting = await services.meetings.get(partnershipId, submit.meetingId);
      await replaceCard(context, await decisionForm(partnershipId, meeting, services, { text: [error.message, ...error.details].join(' '), problem: true }));
    }
  };
}

export function returnDecisionFormWithProblems(meetingId: string, problems: string[]): TurnHandler {
  return async (context, turn, services) => {
    const { partnershipId, actor } = turn;
    authorise(actor, 'record-decisions');
    const meeting = await services.meetings.get(partnershipId, meetingId);
    const text = `Not saved: ${problems.map((p) => p.replace(/^[^:]+: /, '')).join('; ')}.`;
    await replaceCard(context, await decisionForm(partnershipId, meeting, services, { text, problem: true }));
  };
}
