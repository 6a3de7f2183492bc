import { helpCard } from '../../cards/help-card';
import { welcomeCard } from '../../cards/welcome-card';
import { CAPABILITIES, capabilitiesFor, conversationOf } from '../../domain/language/capabilities';
import type { Turn } from '../turn-scope';
import type { TurnHandler } from '../bot-services';
import { sendCard } from '../send-card';

/**
 * The commands open to the person asking; a member of staff is not offered the Prevent Officer's,
 * and in a channel or group chat nobody is offered a command whose answer is for them alone.
 */
function capabilitiesOf(turn: Turn) {
  return capabilitiesFor(turn.actor.role, conversationOf(turn.conversationType));
}

export const answerHelp: TurnHandler = async (context, turn) => {
  await sendCard(context, helpCard({ capabilities: capabilitiesOf(turn) }));
};

/**
 * In a personal chat the welcome fits the person; in a team or group chat it lists what anyone may
 * ask there, for every role (answers for one person only are asked for in the 1:1 chat).
 */
export const sendWelcome: TurnHandler = async (context, turn, services) => {
  const { partnershipId } = turn;
  const partnershipName = await services.partnerships.displayName(partnershipId);
  const capabilities = turn.conversationType === 'personal' ? capabilitiesOf(turn) : CAPABILITIES.filter((capability) => !capability.oneToOne);
  await sendCard(context, welcomeCard({ partnershipName, capabilities }));
};
