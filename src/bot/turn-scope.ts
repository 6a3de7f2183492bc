import type { TurnContext } from 'botbuilder';
import type { Actor } from '../domain/partnership/member';
import { activityFacts, type ActivityFacts } from './activity-facts';
import type { BotServices } from './bot-services';
import { turnLogger } from './turn-logger';

/**
 * Who is asking, resolved once per turn before any handler runs: the partnership of the sender's
 * tenant and the person as the partnership knows them (a registered member, or staff). Handlers read
 * it from here and never look either up again, so a turn pays for them at most once; with the
 * directory caches warm (src/storage/cache), not at all.
 */
export interface Turn extends ActivityFacts {
  readonly partnershipId: string;
  readonly actor: Actor;
}

/** The turn's scope and the services it runs with: the same ones, with a logger bound to this turn. */
export async function resolveTurn(context: TurnContext, services: BotServices): Promise<{ turn: Turn; services: BotServices }> {
  const facts = activityFacts(context);
  const logger = turnLogger(context, services.logger);
  const partnershipId = await services.partnerships.resolveId(facts.tenantId);
  logger.setBindings({ partnershipId });
  const actor = await services.directory.actorFor(partnershipId, facts.aadObjectId, facts.userName);
  return { turn: { ...facts, partnershipId, actor }, services: { ...services, logger } };
}
