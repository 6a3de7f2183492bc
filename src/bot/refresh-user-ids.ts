import { referenceReader } from '../delivery/messenger-transport';
import type { BotServices } from './bot-services';

/**
 * The Teams user ids (MRIs) a channel card with views per person refreshes for by itself. The domain
 * picks the people (src/domain/partnership/refresh-audience.ts); their Teams user ids are known from
 * the 1:1 chats the bot keeps with them (a conversation reference names its user). Someone the bot
 * has no 1:1 chat with is left out and uses the card's "Show my view" button.
 */
export async function refreshUserIds(partnershipId: string, services: BotServices): Promise<string[]> {
  const people = await services.directory.refreshAudience(partnershipId);
  const references = await Promise.all(people.map((aadObjectId) => services.directory.personalChat(partnershipId, aadObjectId).catch(() => undefined)));
  return references.map((reference) => (reference ? referenceReader.userId(reference) : undefined)).filter((id): id is string => id !== undefined);
}
