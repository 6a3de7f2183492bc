import type { Actor } from '../domain/partnership/member';
import type { ActivityFacts } from './activity-facts';
import type { BotServices } from './bot-services';

/** The partnership a turn belongs to and the person asking, as the partnership knows them. */
export async function whoIsAsking(facts: ActivityFacts, services: BotServices): Promise<{ partnershipId: string; actor: Actor }> {
  const partnershipId = await services.partnerships.resolveId(facts.tenantId);
  return { partnershipId, actor: await services.directory.actorFor(partnershipId, facts.aadObjectId, facts.userName) };
}
