import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../logger';

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
