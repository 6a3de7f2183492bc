import { myActionsCard } from '../../cards/action-cards';
import { roundProgressCard } from '../../cards/update-request-cards';
import { authorise } from '../../domain/authorisation';
import { londonDate, ukDate } from '../../domain/clock';
import type { UpdateDeadline } from '../../domain/outbox/deadline';
import type { BotServices, TurnHandler } from '../bot-services';
import { enqueueToChannel } from '../channel-posts';
import { enqueueWithStatusCard, messagesForLeads } from '../enqueue-for-leads';

export const NO_CHANNEL_LINE = "No partnership channel is set yet, so no progress card was posted: the Prevent Officer types 'use this channel' in the Steering Group's channel to set it.";
export const CHANNEL_LINE = 'The progress card is being posted in the partnership channel.';

function deadlineLine(deadline: UpdateDeadline, services: BotServices): string {
  const due = deadline.basis === 'as requested' ? `Updates are due by ${ukDate(deadline.dueOn)}.` : `Updates are due by ${ukDate(deadline.dueOn)} (${deadline.basis}); say "request updates by" and a date to choose another.`;
  return `${due} Reminders go to anyone who has not replied on ${services.chasers.chaserDates(deadline.dueOn).map(ukDate).join(' and ')}.`;
}

/**
 * "request updates" (optionally "by 12 December"): asks every owner organisation's leads for
 * updates, through the outbox, and shows the Prevent Officer a delivery card that keeps itself up to date.
 */
export const requestUpdates: TurnHandler = async (context, turn, services) => {
  const { partnershipId, actor } = turn;
  authorise(actor, 'request-updates');
  const deadline = await services.chasers.updateDeadline(partnershipId, turn.text);
  const { round, requests } = await services.updateRequests.startRound(partnershipId, actor, deadline.dueOn);
  const organisationNames = await services.directory.organisationNames(partnershipId);
  const today = londonDate(services.now());

  const leads = await messagesForLeads(
    partnershipId,
    services,
    'update-request',
    requests,
    async (organisation) => {
      const records = requests.find((r) => r.organisation.id === organisation.id)?.records ?? [];
      const card = myActionsCard({
        heading: `Update request: ${organisation.name}`,
        intro: `${actor.name} has asked for an update on each of these actions by ${ukDate(deadline.dueOn)}. Press Update on each one.`,
        records,
        organisationNames,
        today,
        emptyMessage: '',
      });
      return () => card;
    },
    round.startedAt,
  );

  const channel = await services.directory.channel(partnershipId);
  await enqueueWithStatusCard(
    context,
    services,
    {
      partnershipId,
      kind: 'update-request',
      title: 'Update requests',
      organisations: leads.organisations,
      unreached: leads.unreached,
      notes: [deadlineLine(deadline, services), channel ? CHANNEL_LINE : NO_CHANNEL_LINE],
    },
    leads.messages,
  );

  const progress = await services.updateRequests.progress(partnershipId);
  if (channel && progress) {
    await enqueueToChannel(partnershipId, services, { kind: 'round-progress', title: 'Action plan progress card', card: roundProgressCard(progress), subjectId: round.startedAt });
  }
};

/**
 * Refreshes the channel's progress card after an update, through the outbox. The update is already
 * saved, so a failure here is logged rather than shown to the partner who made it.
 */
export async function refreshRoundProgress(partnershipId: string, services: BotServices): Promise<void> {
  try {
    const progress = await services.updateRequests.progress(partnershipId);
    if (!progress?.round.channelActivityId) return;
    await enqueueToChannel(partnershipId, services, {
      kind: 'round-progress',
      title: 'Action plan progress card',
      card: roundProgressCard(progress),
      replaceActivityId: progress.round.channelActivityId,
    });
  } catch (error) {
    services.logger.warn({ err: error }, 'channel progress card not refreshed');
  }
}
