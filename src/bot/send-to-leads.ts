import type { AdaptiveCardJson } from '../cards/render';
import type { Member } from '../domain/partnership/member';
import type { Organisation } from '../domain/partnership/organisation';
import type { BotServices } from './bot-services';
import { deliveryProblem } from './card-messenger';

export interface LeadDelivery {
  readonly sentTo: string[];
  /** "Name (Organisation): reason" for everyone not reached, and organisations with nobody to ask. */
  readonly unreached: string[];
  readonly organisations: number;
}

/**
 * Sends every organisation's leads a card in their 1:1 chat, and says who could not be reached and
 * why. `cardsFor` is called once per organisation (its I/O is not repeated per person) and returns
 * the card for each of its leads.
 */
export async function sendToLeads(
  partnershipId: string,
  services: BotServices,
  targets: readonly { organisation: Organisation; recipients: readonly Member[] }[],
  cardsFor: (organisation: Organisation) => Promise<() => AdaptiveCardJson>,
): Promise<LeadDelivery> {
  const sentTo: string[] = [];
  const unreached: string[] = [];
  const reached = new Set<string>();
  for (const { organisation, recipients } of targets) {
    if (recipients.length === 0) {
      unreached.push(`${organisation.name}: no Prevent lead is registered`);
      continue;
    }
    const card = await cardsFor(organisation);
    for (const recipient of recipients) {
      const reference = await services.directory.personalChat(partnershipId, recipient.aadObjectId);
      if (!reference) {
        unreached.push(`${recipient.name} (${organisation.name}): has not opened a chat with the bot yet`);
        continue;
      }
      try {
        await services.messenger.send(reference, card());
        sentTo.push(recipient.name);
        reached.add(organisation.id);
      } catch (error) {
        services.logger.warn({ err: error, recipient: recipient.aadObjectId }, 'card to a lead not delivered');
        unreached.push(`${recipient.name} (${organisation.name}): ${deliveryProblem(error)}`);
      }
    }
  }
  return { sentTo, unreached, organisations: reached.size };
}
