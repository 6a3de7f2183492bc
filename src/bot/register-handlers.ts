import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { IntentId } from '../domain/intents/intent-catalogue';
import { matchIntent } from '../domain/intents/intent-matcher';
import { activityFacts } from './activity-facts';
import type { BotServices, TurnHandler } from './bot-services';
import { replyWithProblem } from './error-replies';
import { answerReferral, answerTraining } from './handlers/guidance-handlers';
import { answerHelp, answerUnknown, sendWelcome } from './handlers/help-handlers';

const INTENT_HANDLERS: Record<IntentId, TurnHandler> = {
  referral: answerReferral,
  training: answerTraining,
  help: answerHelp,
};

async function run(context: TurnContext, services: BotServices, handler: TurnHandler): Promise<void> {
  try {
    await handler(context, activityFacts(context), services);
  } catch (error) {
    await replyWithProblem(context, error, services.logger);
  }
}

/** Plain-language messages: the domain matcher picks the intent, a handler answers it. */
export function registerMessageHandlers(app: Application<TurnState>, services: BotServices): void {
  app.activity(ActivityTypes.Message, async (context) => {
    const match = matchIntent(context.activity.text ?? '');
    const handler = match.intent === 'unknown' ? answerUnknown : INTENT_HANDLERS[match.intent];
    await run(context, services, handler);
  });
}

/** Welcome once, when the bot itself is added to a personal chat or a team. */
export function registerWelcome(app: Application<TurnState>, services: BotServices): void {
  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    const added = context.activity.membersAdded ?? [];
    if (added.some((member) => member.id === botId)) {
      await run(context, services, sendWelcome);
    }
  });
}

/**
 * Drops activities from tenants outside the allow-list before any handler runs. Only meaningful
 * when JWT validation is on (production); locally the list is usually empty.
 */
export function registerTenantGuard(app: Application<TurnState>, allowedTenantIds: readonly string[], services: BotServices): void {
  if (allowedTenantIds.length === 0) return;
  app.turn('beforeTurn', async (context) => {
    const { tenantId } = activityFacts(context);
    if (tenantId && allowedTenantIds.includes(tenantId)) return true;
    services.logger.warn({ tenantId, activityType: context.activity.type }, 'activity from a tenant that is not allowed; ignored');
    return false;
  });
}
