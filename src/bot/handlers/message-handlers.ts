import { acknowledgementCard } from '../../cards/acknowledgement-card';
import { didYouMeanCard } from '../../cards/did-you-mean-card';
import { helpCard } from '../../cards/help-card';
import { londonDate } from '../../domain/clock';
import { CAPABILITIES, capabilitiesFor, conversationOf, isAnsweredOneToOne } from '../../domain/language/capabilities';
import type { IntentId } from '../../domain/language/intents';
import type { TurnHandler } from '../bot-services';
import { answerInOneToOneChat } from '../one-to-one-answer';
import { sendCard } from '../send-card';
import { answerReferral } from './guidance-handlers';

/**
 * Answers a message in the person's own words. A concern comes first, always: the referral
 * pathway (999 first) before anything else the message asks. Then the answer the language layer is
 * sure of, or, when it is not, "Did you mean…" with the referral button, or the help card. Asked in
 * a channel or group chat, an answer that is for the asker only goes to their 1:1 chat instead.
 */
export function answerMessage(handlers: Readonly<Record<IntentId, TurnHandler>>): TurnHandler {
  return async (context, turn, services) => {
    const { partnershipId, actor } = turn;
    const understanding = await services.language.understand(turn.text, actor.role);
    if (understanding.concern) await answerReferral(context, turn, services);
    const where = conversationOf(turn.conversationType);
    if (understanding.intent) {
      const handler = handlers[understanding.intent];
      if (understanding.intent === 'referral') return;
      if (where === 'shared' && isAnsweredOneToOne(understanding.intent)) await answerInOneToOneChat(context, turn, services, handler);
      else await handler(context, turn, services);
      return;
    }
    if (understanding.concern) return;
    // Counted, never kept: the text may be about a person.
    await services.unrecognised
      .count(partnershipId, londonDate(services.now()))
      .catch((error: unknown) => services.logger.warn({ err: error }, 'could not count an unrecognised message'));
    const open = capabilitiesFor(actor.role, where);
    const suggestions = understanding.suggestions.map((intent) => open.find((c) => c.intent === intent)).filter((c) => c !== undefined);
    const referralQuestion = CAPABILITIES.find((c) => c.intent === 'referral')!.example;
    await sendCard(context, suggestions.length > 0 ? didYouMeanCard({ suggestions, referralQuestion }) : helpCard({ capabilities: open }));
  };
}

export const answerThanks: TurnHandler = async (context) => {
  await sendCard(context, acknowledgementCard());
};
