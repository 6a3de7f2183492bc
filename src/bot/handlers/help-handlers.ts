import { helpCard } from '../../cards/help-card';
import { welcomeCard } from '../../cards/welcome-card';
import { CAPABILITIES, capabilitiesFor, conversationOf } from '../../domain/language/capabilities';
import type { ActivityFacts } from '../activity-facts';
import type { BotServices, TurnHandler } from '../bot-services';
import { sendCard } from '../send-card';
import { whoIsAsking } from '../who-is-asking';

/**
 * The commands open to the person asking; a member of staff is not offered the Prevent Officer's,
 * and in a channel or group chat nobody is offered a command whose answer is for them alone.
 */
async function capabilitiesOf(facts: ActivityFacts, services: BotServices) {
  const { actor } = await whoIsAsking(facts, services);
  return capabilitiesFor(actor.role, conversationOf(facts.conversationType));
}

export const answerHelp: TurnHandler = async (context, facts, services) => {
  await sendCard(context, helpCard({ capabilities: await capabilitiesOf(facts, services) }));
};

/**
 * In a personal chat the welcome fits the person; in a team or group chat it lists what anyone may
 * ask there, for every role (answers for one person only are asked for in the 1:1 chat).
 */
export const sendWelcome: TurnHandler = async (context, facts, services) => {
  const partnershipId = await services.partnerships.resolveId(facts.tenantId);
  const partnershipName = await services.partnerships.displayName(partnershipId);
  const capabilities = facts.conversationType === 'personal' ? await capabilitiesOf(facts, services) : CAPABILITIES.filter((capability) => !capability.oneToOne);
  await sendCard(context, welcomeCard({ partnershipName, capabilities }));
};
