import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { PartnershipResolver } from '../domain/partnership/partnership-resolver';
import type { Logger } from '../logger';
import type { BotServices } from './bot-services';

/**
 * The id that ties together every log line of one turn: the incoming activity's id (Teams gives
 * each one), or a fresh one when there is none. It names the activity, never the person.
 */
export function correlationIdOf(context: TurnContext): string {
  const id = context.activity.id;
  return typeof id === 'string' && /^[\w:.@|-]{1,128}$/.test(id) ? id : randomUUID();
}

/** A child logger bound to the activity's correlation id and tenant; nothing the user wrote. */
export function turnLogger(context: TurnContext, logger: Logger): Logger {
  const tenantId = (context.activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? context.activity.conversation?.tenantId;
  return logger.child({ correlationId: correlationIdOf(context), ...(tenantId ? { tenantId } : {}) });
}

/**
 * The services for one turn: the same ones, with a logger that carries the correlation id and,
 * once a handler has resolved it, the partnership id (resolved by the handler anyway, so no extra read).
 */
export function servicesForTurn(context: TurnContext, services: BotServices): BotServices {
  const logger = turnLogger(context, services.logger);
  let bound = false;
  const partnerships = Object.create(services.partnerships) as PartnershipResolver;
  partnerships.resolveId = async (tenantId) => {
    const partnershipId = await services.partnerships.resolveId(tenantId);
    if (!bound) {
      bound = true;
      logger.setBindings({ partnershipId });
    }
    return partnershipId;
  };
  return { ...services, logger, partnerships };
}
