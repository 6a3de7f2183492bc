import { helpCard } from '../../cards/help-card';
import { welcomeCard } from '../../cards/welcome-card';
import { CAPABILITIES } from '../../domain/intents/capabilities';
import type { TurnHandler } from '../bot-services';
import { sendCard } from '../send-card';

export const answerHelp: TurnHandler = async (context) => {
  await sendCard(context, helpCard({ capabilities: CAPABILITIES }));
};

export const answerUnknown: TurnHandler = async (context, facts) => {
  await sendCard(context, helpCard({ capabilities: CAPABILITIES, heard: facts.text }));
};

export const sendWelcome: TurnHandler = async (context, facts, services) => {
  const partnershipId = await services.partnerships.resolveId(facts.tenantId);
  const partnershipName = await services.partnerships.displayName(partnershipId);
  await sendCard(context, welcomeCard({ partnershipName, capabilities: CAPABILITIES }));
};
