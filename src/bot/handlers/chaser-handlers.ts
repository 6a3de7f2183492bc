import { randomUUID } from 'node:crypto';
import { updateRequestCard, UPDATE_REQUEST_REMINDER } from '../../cards/action-cards';
import { assessmentPageCard } from '../../cards/assessment-cards';
import { assuranceStatementCard } from '../../cards/assurance-cards';
import type { ChaserOpenSubmit } from '../../cards/chaser-card';
import { notRepliedCard, type NotRepliedPageSubmit } from '../../cards/not-replied-card';
import { londonDate } from '../../domain/clock';
import type { TurnHandler } from '../bot-services';
import { chaserMessages, leaderless } from '../chaser-messages';
import { enqueueWithStatusCard } from '../enqueue-for-leads';
import { replaceCard, sendCard } from '../send-card';
import { channelAgendaCard } from './meeting-handlers';
import { openFiguresFromChaser } from './figures-handlers';

/** "send chasers" (Prevent Officer): reminds everyone owing a reply who has not been chased today. */
export const sendChasers: TurnHandler = async (context, turn, services) => {
  const { partnershipId } = turn;
  const { subjects, targets } = await services.chasers.toChase(partnershipId, turn.actor);
  const chasers = chaserMessages(targets);
  const notes = [
    subjects.length === 0
      ? 'Nobody owes a reply: there is no open update round, self-assessment round, assurance statement request or meeting waiting for replies.'
      : `Chasing about: ${subjects.map((s) => s.title).join('; ')}.`,
    ...(chasers.alreadyChased > 0
      ? [
          `${chasers.alreadyChased} ${chasers.alreadyChased === 1 ? 'person was' : 'people were'} chased today already and ${chasers.alreadyChased === 1 ? 'is' : 'are'} not chased again.`,
        ]
      : []),
  ];
  await enqueueWithStatusCard(
    context,
    services,
    { partnershipId, kind: 'chaser', title: 'Chasers', organisations: chasers.organisations, unreached: [...leaderless(subjects), ...chasers.unreached], notes },
    chasers.messages,
  );
};

/** "who hasn't replied" (Prevent Officer, chair): every open subject and who still owes a reply. */
export const showNotReplied: TurnHandler = async (context, turn, services) => {
  const notReplied = await services.chasers.notReplied(turn.partnershipId, turn.actor);
  await sendCard(context, notRepliedCard(notReplied));
};

/** Next/Previous on "who hasn't replied": worked out afresh, at the page asked for, in place of the card. */
export function showNotRepliedPage(submit: NotRepliedPageSubmit): TurnHandler {
  return async (context, turn, services) => {
    const notReplied = await services.chasers.notReplied(turn.partnershipId, turn.actor);
    await replaceCard(context, notRepliedCard(notReplied, submit.page));
  };
}

/** The chaser's button: the same update, self-assessment or agenda reply card the organisation owes. */
export function openFromChaser(submit: ChaserOpenSubmit): TurnHandler {
  return async (context, turn, services) => {
    const { partnershipId, actor } = turn;
    if (submit.kind === 'update-round') {
      const { request, organisationNames } = await services.updateRequests.requestFor(partnershipId, actor, submit.organisationId);
      await sendCard(context, updateRequestCard(request, organisationNames, londonDate(services.now()), UPDATE_REQUEST_REMINDER));
      return;
    }
    if (submit.kind === 'self-assessment') {
      const page = await services.assessments.firstIncompletePage(partnershipId, actor, submit.subjectId, submit.organisationId);
      await sendCard(context, assessmentPageCard({ page, nonce: randomUUID() }));
      return;
    }
    if (submit.kind === 'assurance-statement') {
      const form = await services.assurance.form(partnershipId, actor, submit.subjectId, submit.organisationId);
      await sendCard(context, assuranceStatementCard({ form, nonce: randomUUID() }));
      return;
    }
    if (submit.kind === 'figures') {
      await openFiguresFromChaser(submit.subjectId, submit.organisationId)(context, turn, services);
      return;
    }
    const meeting = await services.meetings.get(partnershipId, submit.subjectId);
    await sendCard(context, await channelAgendaCard(partnershipId, meeting, services));
  };
}
