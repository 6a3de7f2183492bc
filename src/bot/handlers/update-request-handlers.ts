import { updateRequestCard } from '../../cards/action-cards';
import { roundProgressCard, type RoundProgressViewSubmit } from '../../cards/update-request-cards';
import { londonDate, ukDate } from '../../domain/clock';
import type { UpdateDeadline } from '../../domain/chasers/update-deadline';
import type { BotServices, TurnHandler } from '../bot-services';
import { enqueueToPinnedChannel } from '../channel-posts';
import { enqueueWithStatusCard, messagesForLeads } from '../enqueue-for-leads';
import { refreshUserIds } from '../refresh-user-ids';
import { showView } from '../send-card';

export const NO_CHANNEL_LINE =
  "No partnership channel is set yet, so no progress card was posted: the Prevent Officer types 'use this channel' in the Steering Group's channel to set it.";
export const CHANNEL_LINE = 'The progress card is being posted in the partnership channel.';

function deadlineLine(deadline: UpdateDeadline, chaserDates: readonly string[]): string {
  const due =
    deadline.basis === 'as requested'
      ? `Updates are due by ${ukDate(deadline.dueOn)}.`
      : `Updates are due by ${ukDate(deadline.dueOn)} (${deadline.basis}); say "request updates by" and a date to choose another.`;
  return `${due} Reminders go to anyone who has not replied on ${chaserDates.map(ukDate).join(' and ')}.`;
}

/**
 * "request updates" (optionally "by 12 December"): asks every owner organisation's leads for
 * updates, through the outbox, and shows the Prevent Officer a delivery card that keeps itself up to date.
 */
export const requestUpdates: TurnHandler = async (context, turn, services) => {
  const { partnershipId, actor } = turn;
  const { round, deadline, chaserDates, requests, organisationNames, channel } = await services.updateRequests.requestUpdates(partnershipId, actor, turn.text);
  const today = londonDate(services.now());

  const leads = messagesForLeads(
    'update-request',
    requests,
    ({ organisation, records }) => {
      const card = updateRequestCard(
        { organisation, records },
        organisationNames,
        today,
        `${actor.name} has asked for an update on each of these actions by ${ukDate(deadline.dueOn)}. Press Update on each one.`,
      );
      return () => card;
    },
    round.startedAt,
    channel?.reference,
  );

  await enqueueWithStatusCard(
    context,
    services,
    {
      partnershipId,
      kind: 'update-request',
      title: 'Update requests',
      organisations: leads.organisations,
      unreached: leads.unreached,
      notes: [deadlineLine(deadline, chaserDates), channel ? CHANNEL_LINE : NO_CHANNEL_LINE],
    },
    leads.messages,
  );

  if (channel) {
    await enqueueToPinnedChannel(channel.reference, partnershipId, services, {
      kind: 'round-progress',
      title: 'Action plan progress card',
      card: roundProgressCard(channel.progress, { refreshFor: await refreshUserIds(partnershipId, services) }),
      subjectId: round.startedAt,
    });
  }
};

/**
 * Refreshes the channel's progress card after an update, through the outbox. The update is already
 * saved, so a failure here is logged rather than shown to the partner who made it.
 */
export async function refreshRoundProgress(partnershipId: string, services: BotServices): Promise<void> {
  try {
    const channel = await services.updateRequests.channelProgress(partnershipId);
    const activityId = channel?.progress.round.channelActivityId;
    if (!channel || !activityId) return;
    await enqueueToPinnedChannel(channel.reference, partnershipId, services, {
      kind: 'round-progress',
      title: 'Action plan progress card',
      card: roundProgressCard(channel.progress, { refreshFor: await refreshUserIds(partnershipId, services) }),
      replaceActivityId: activityId,
    });
  } catch (error) {
    services.logger.warn({ err: error }, 'channel progress card not refreshed');
  }
}

/** The channel's progress card as the person looking at it sees it: the card's refresh, or "Show my view". Reads only. */
export function showRoundProgressView(submit: RoundProgressViewSubmit): TurnHandler {
  return async (context, turn, services) => {
    const view = await services.updateRequests.progressView(turn.partnershipId, turn.actor, submit.roundId);
    await showView(context, roundProgressCard(view.progress, { viewer: view, refreshFor: turn.userId ? [turn.userId] : [] }));
  };
}
