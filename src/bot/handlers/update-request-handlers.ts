import { myActionsCard } from '../../cards/action-cards';
import { roundProgressCard, updateRequestSummaryCard } from '../../cards/update-request-cards';
import { londonDate } from '../../domain/clock';
import type { BotServices, TurnHandler } from '../bot-services';
import { sendCard } from '../send-card';
import { sendToLeads } from '../send-to-leads';
import { whoIsAsking } from '../who-is-asking';

/** "request updates": asks every owner organisation's leads for updates and posts progress to the channel. */
export const requestUpdates: TurnHandler = async (context, facts, services) => {
  const { partnershipId, actor } = await whoIsAsking(facts, services);
  const { round, requests } = await services.updateRequests.startRound(partnershipId, actor);
  const organisationNames = await services.directory.organisationNames(partnershipId);
  const today = londonDate(services.now());

  const delivery = await sendToLeads(partnershipId, services, requests, async (organisation) => {
    const records = requests.find((r) => r.organisation.id === organisation.id)?.records ?? [];
    const card = myActionsCard({
      heading: `Update request: ${organisation.name}`,
      intro: `${actor.name} has asked for an update on each of these actions. Press Update on each one.`,
      records,
      organisationNames,
      today,
      emptyMessage: '',
    });
    return () => card;
  });

  let channelPosted = false;
  const channel = await services.directory.channel(partnershipId);
  const progress = await services.updateRequests.progress(partnershipId);
  if (channel && progress) {
    try {
      const activityId = await services.messenger.send(channel, roundProgressCard(progress));
      if (activityId) await services.updateRequests.recordChannelCard(partnershipId, round, activityId);
      channelPosted = true;
    } catch (error) {
      services.logger.warn({ err: error }, 'progress card not posted to the channel');
    }
  }
  await sendCard(context, updateRequestSummaryCard({ ...delivery, channelPosted }));
};

/**
 * Refreshes the channel's progress card after an update. The update is already saved, so a failure
 * here is logged rather than shown to the partner who made it.
 */
export async function refreshRoundProgress(partnershipId: string, services: BotServices): Promise<void> {
  try {
    const progress = await services.updateRequests.progress(partnershipId);
    const channel = await services.directory.channel(partnershipId);
    if (!progress?.round.channelActivityId || !channel) return;
    await services.messenger.replace(channel, progress.round.channelActivityId, roundProgressCard(progress));
  } catch (error) {
    services.logger.warn({ err: error }, 'channel progress card not refreshed');
  }
}
