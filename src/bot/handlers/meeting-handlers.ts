import { agendaCard, meetingFormCard, type MeetingScheduleSubmit } from '../../cards/meeting-cards';
import { ConflictError, InvalidError, NotFoundError } from '../../domain/errors';
import { londonTimeToInstant, parseMeetingTime } from '../../domain/meetings/meeting-time';
import type { ActivityFacts } from '../activity-facts';
import type { BotServices, TurnHandler } from '../bot-services';
import { replaceCard, sendCard } from '../send-card';

async function whoIsAsking(facts: ActivityFacts, services: BotServices) {
  const partnershipId = await services.partnerships.resolveId(facts.tenantId);
  return { partnershipId, actor: await services.directory.actorFor(partnershipId, facts.aadObjectId, facts.userName) };
}

/** "schedule meeting 12 March 2027 10:00" schedules it at once; without a date, the form. */
export const scheduleMeeting: TurnHandler = async (context, facts, services) => {
  const { partnershipId, actor } = await whoIsAsking(facts, services);
  const startsAt = parseMeetingTime(facts.text);
  if (!startsAt) {
    services.meetings.assertMaySchedule(actor);
    await sendCard(context, meetingFormCard());
    return;
  }
  try {
    const meeting = await services.meetings.schedule(partnershipId, actor, startsAt, '');
    await sendCard(context, agendaCard(meeting, 'Meeting scheduled. This is the agenda the bot has built.'));
  } catch (error) {
    if (error instanceof ConflictError) throw new ConflictError('A meeting is already scheduled at that time.');
    throw error;
  }
};

export function scheduleMeetingFromForm(submit: MeetingScheduleSubmit): TurnHandler {
  return async (context, facts, services) => {
    const { partnershipId, actor } = await whoIsAsking(facts, services);
    const [year, month, day] = submit.date.split('-').map(Number) as [number, number, number];
    const [hour, minute] = submit.time.split(':').map(Number) as [number, number];
    try {
      const meeting = await services.meetings.schedule(partnershipId, actor, londonTimeToInstant(year, month, day, hour, minute), submit.location);
      await replaceCard(context, agendaCard(meeting, 'Meeting scheduled. This is the agenda the bot has built.'));
    } catch (error) {
      if (!(error instanceof InvalidError || error instanceof ConflictError)) throw error;
      const problem = error instanceof ConflictError ? 'A meeting is already scheduled at that time.' : error.message;
      await replaceCard(context, meetingFormCard({ problems: [problem], values: { date: submit.date, time: submit.time, location: submit.location } }));
    }
  };
}

/** "agenda" / "next meeting": the next meeting's agenda, for anyone in the partnership. */
export const showNextAgenda: TurnHandler = async (context, facts, services) => {
  const partnershipId = await services.partnerships.resolveId(facts.tenantId);
  const meeting = await services.meetings.next(partnershipId);
  if (!meeting) throw new NotFoundError('No Steering Group meeting is scheduled yet. The Prevent Officer or the chair can say "schedule meeting" to set one.');
  await sendCard(context, agendaCard(meeting));
};
