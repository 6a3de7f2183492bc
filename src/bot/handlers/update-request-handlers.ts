import { myActionsCard } from '../../cards/action-cards';
import { roundProgressCard, updateRequestSummaryCard } from '../../cards/update-request-cards';
import { londonDate } from '../../domain/clock';
import type { BotServices, TurnHandler } from '../bot-services';
import { deliveryProblem } from '../card-messenger';
import { sendCard } from '../send-card';

/** "request updates": asks every owner organisation's leads for updates and posts progress to the channel. */
export const requestUpdates: TurnHandler = async (context, facts, services) => {
  const partnershipId = await services.partnerships.resolveId(facts.tenantId);
  const actor = await services.directory.actorFor(partnershipId, facts.aadObjectId, facts.userName);
  const { round, requests } = await services.updateRequests.startRound(partnershipId, actor);
  const organisationNames = await services.directory.organisationNames(partnershipId);
  const today = londonDate(services.now());

  const sentTo: string[] = [];
  const unreached: string[] = [];
  const reachedOrganisations = new Set<string>();
  for (const request of requests) {
    if (request.recipients.length === 0) {
      unreached.push(`${request.organisation.name}: no Prevent lead is registered`);
      continue;
    }
    for (const recipient of request.recipients) {
      const reference = await services.directory.personalChat(partnershipId, recipient.aadObjectId);
      if (!reference) {
        unreached.push(`${recipient.name} (${request.organisation.name}): has not opened a chat with the bot yet`);
        continue;
      }
      const card = myActionsCard({
        heading: `Update request: ${request.organisation.name}`,
        intro: `${actor.name} has asked for an update on each of these actions. Press Update on each one.`,
        records: request.records,
        organisationNames,
        today,
        emptyMessage: '',
      });
      try {
        await services.messenger.send(reference, card);
        sentTo.push(recipient.name);
        reachedOrganisations.add(request.organisation.id);
      } catch (error) {
        services.logger.warn({ err: error, recipient: recipient.aadObjectId }, 'update request not delivered');
        unreached.push(`${recipient.name} (${request.organisation.name}): ${deliveryProblem(error)}`);
      }
    }
  }

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
  await sendCard(context, updateRequestSummaryCard({ sentTo, organisations: reachedOrganisations.size, unreached, channelPosted }));
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
