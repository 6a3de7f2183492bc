import type { TurnContext } from 'botbuilder';
import type { GuidanceService } from '../domain/guidance/guidance-service';
import type { PartnershipResolver } from '../domain/partnership/partnership-resolver';
import type { Logger } from '../logger';
import type { ActivityFacts } from './activity-facts';

/** What handlers may use: domain services only, never storage clients directly. */
export interface BotServices {
  readonly guidance: GuidanceService;
  readonly partnerships: PartnershipResolver;
  readonly logger: Logger;
}

export type TurnHandler = (context: TurnContext, facts: ActivityFacts, services: BotServices) => Promise<void>;
