import {
  agendaCard,
  agendaEditorCard,
  decisionFormCard,
  meetingFormCard,
  type AgendaEditSubmit,
  type AgendaViewSubmit,
  type DecisionSaveSubmit,
  type MeetingScheduleSubmit,
} from '../../cards/meeting-cards';
import type { Attendance, Meeting } from '../../domain/meetings/meeting';
import type { AgendaView, ChannelAgenda, DecisionForm } from '../../domain/meetings/meeting-views';
import { ConflictError, InvalidError, NotFoundError } from '../../domain/errors';
import { readMeetingStart } from '../../domain/calendar/date-phrases';
import { londonTimeToInstant } from '../../domain/meetings/meeting-time';
import type { BotServices, TurnHandler } from '../bot-services';
import { enqueueToPinnedChannel } from '../channel-posts';
import { refreshUserIds } from '../refresh-user-ids';
import { replaceCard, replaceWithView, sendCard, showView } from '../send-card';
import type { Turn } from '../turn-scope';

const SCHEDULED = 'Meeting scheduled. This is the agenda the bot has built. Say "post agenda" to post it to the partnership channel.';

/** "schedule meeting 12 March 2027 10:00" schedules it at once; without a date, the form. */
export const scheduleMeeting: TurnHandler = async (context, turn, services) => {
  const { partnershipId, actor } = turn;
  const startsAt = readMeetingStart(turn.text, services.now());
  if (!startsAt) {
    await sendCard(context, meetingFormCard({ values: { date: await services.meetings.scheduleFormDate(partnershipId, actor) } }));
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
function agendaCardForChannel({ meeting, organisationNames }: ChannelAgenda) {
  return agendaCard(meeting, { replies: { organisationNames } });
}

/** The agenda as posted in the channel: it refreshes to each listed person's own view. */
async function agendaCardToPost(partnershipId: string, services: BotServices, { meeting, organisationNames }: ChannelAgenda) {
  return agendaCard(meeting, { replies: { organisationNames }, refreshFor: await refreshUserIds(partnershipId, services) });
}

/** One person's view of the channel's agenda; it keeps refreshing for that person only. */
function agendaCardFor(turn: Turn, { meeting, organisationNames, viewer }: AgendaView) {
  return agendaCard(meeting, { replies: { organisationNames }, viewer, refreshFor: turn.userId ? [turn.userId] : [] });
}

/** The channel version of a meeting's agenda, for a card opened outside the channel (a chaser's button). */
export async function channelAgendaCard(partnershipId: string, meeting: Meeting, services: BotServices) {
  return agendaCardForChannel(await services.meetings.channelAgenda(partnershipId, meeting));
}

/** The agenda's post in the outbox; once sent, the card is remembered on the meeting (for replies). */
async function enqueueAgendaPost(partnershipId: string, services: BotServices, agenda: ChannelAgenda, channel: string): Promise<void> {
  const card = await agendaCardToPost(partnershipId, services, agenda);
  await enqueueToPinnedChannel(channel, partnershipId, services, { kind: 'agenda', title: 'Agenda', card, subjectId: agenda.meeting.id });
}

/**
 * Puts the meeting's agenda in the outbox for the partnership channel (the automatic post). False
 * until the Prevent Officer has set the channel.
 */
export async function postAgendaToChannel(partnershipId: string, meeting: Meeting, services: BotServices): Promise<boolean> {
  const agenda = await services.meetings.channelPost(partnershipId, meeting);
  if (!agenda.channel) return false;
  await enqueueAgendaPost(partnershipId, services, agenda, agenda.channel);
  return true;
}

/** "post agenda" (Prevent Officer or chair): the next meeting's agenda, in the partnership channel. */
export const postAgenda: TurnHandler = async (context, turn, services) => {
  const { partnershipId, actor } = turn;
  const post = await services.meetings.agendaToPost(partnershipId, actor);
  await enqueueAgendaPost(partnershipId, services, post, post.channel);
  await sendCard(context, agendaCard(post.meeting, { notice: 'On its way to the partnership channel. Replies will show on the card there.' }));
};

/** Attending / Sending a deputy / Apologies, for the replying member's organisation. */
export function replyToAgenda(input: { meetingId: string; status: Attendance }): TurnHandler {
  return async (context, turn, services) => {
    const { partnershipId, actor } = turn;
    // A reply from a chaser in 1:1 chat shows on the channel's card too.
    const reply = await services.meetings.replyAndShow(partnershipId, actor, input.meetingId, input.status, turn.conversationType !== 'channel');
    const forEveryone = await agendaCardToPost(partnershipId, services, reply);
    await replaceWithView(context, agendaCardFor(turn, reply), forEveryone);
    if (reply.channel && reply.meeting.posted) {
      await enqueueToPinnedChannel(reply.channel, partnershipId, services, {
        kind: 'agenda-replies',
        title: 'Agenda replies',
        card: forEveryone,
        replaceActivityId: reply.meeting.posted.activityId,
      }).catch((error: unknown) => services.logger.warn({ err: error }, 'channel agenda card not refreshed'));
    }
  };
}

/** The channel's agenda as the person looking at it sees it: the card's refresh, or "Show my view". Reads only. */
export function showAgendaView(submit: AgendaViewSubmit): TurnHandler {
  return async (context, turn, services) => {
    await showView(context, agendaCardFor(turn, await services.meetings.agendaView(turn.partnershipId, turn.actor, submit.meetingId)));
  };
}

/** "edit agenda" (Prevent Officer or chair): the next meeting's agenda in the editor. */
export const openAgendaEditor: TurnHandler = async (context, turn, services) => {
  const { partnershipId, actor } = turn;
  await sendCard(context, agendaEditorCard(await services.meetings.agendaToEdit(partnershipId, actor)));
};

export function editAgenda(submit: AgendaEditSubmit): TurnHandler {
  return async (context, turn, services) => {
    const { partnershipId, actor } = turn;
    const outcome = await services.meetings.editAgendaAndShow(partnershipId, actor, submit.meetingId, submit);
    if (outcome.kind === 'saved') {
      const notice = submit.op === 'add' ? `Added "${submit.title}".` : 'Agenda updated.';
      await replaceCard(context, agendaEditorCard(outcome.view, { text: `${notice} Say "post agenda" when it is ready.`, problem: false }));
      return;
    }
    const text = outcome.reason === 'personal-data' ? `${outcome.message} ${outcome.details.join(' ')}` : outcome.message;
    await replaceCard(context, agendaEditorCard(outcome.view, { text, problem: true }));
  };
}

function decisionForm(form: DecisionForm, notice?: { text: string; problem: boolean }) {
  return decisionFormCard({ ...form, ...(notice ? { notice } : {}) });
}

/** "record decisions" (Prevent Officer or chair): decisions against the last meeting's agenda. */
export const openDecisionForm: TurnHandler = async (context, turn, services) => {
  const { partnershipId, actor } = turn;
  await sendCard(context, decisionForm(await services.meetings.decisionForm(partnershipId, actor)));
};

export function saveDecision(submit: DecisionSaveSubmit): TurnHandler {
  return async (context, turn, services) => {
    const { partnershipId, actor } = turn;
    const outcome = await services.meetings.recordDecisionAndShow(partnershipId, actor, submit.meetingId, {
      itemId: submit.itemId,
      text: submit.text,
      ...(submit.actionText && submit.themeNumber && submit.ownerOrganisationId
        ? {
            newAction: {
              text: submit.actionText,
              themeNumber: submit.themeNumber,
              ownerOrganisationId: submit.ownerOrganisationId,
              ...(submit.dueDate ? { dueDate: submit.dueDate } : {}),
            },
          }
        : {}),
    });
    if (outcome.kind === 'saved') {
      const text = `Decision recorded${outcome.newActionId ? `, and action ${outcome.newActionId} added to the plan` : ''}. The next agenda lists it under matters arising.`;
      await replaceCard(context, decisionForm(outcome.view, { text, problem: false }));
      return;
    }
    await replaceCard(context, decisionForm(outcome.view, { text: [outcome.message, ...outcome.details].join(' '), problem: true }));
  };
}

export function returnDecisionFormWithProblems(meetingId: string, problems: string[]): TurnHandler {
  return async (context, turn, services) => {
    const { partnershipId, actor } = turn;
    const form = await services.meetings.decisionForm(partnershipId, actor, meetingId);
    const text = `Not saved: ${problems.map((p) => p.replace(/^[^:]+: /, '')).join('; ')}.`;
    await replaceCard(context, decisionForm(form, { text, problem: true }));
  };
}
