// The package's index also loads its AI modules (OpenAI client, tokenizer encodings): about 30 MB of
// memory this bot never uses. These are the same classes, from the files the index re-exports.
// Must come before Application: its sign-in modules then load only if sign-in is ever used.
import './defer-sign-in-modules';
import { Application } from '@microsoft/teams-ai/lib/Application';
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter';
import type { TurnState } from '@microsoft/teams-ai';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { BotServices } from './bot-services';
import { replyWithProblem } from './error-replies';
import { turnLogger } from './turn-logger';
import { registerConversationCapture, registerLifecycle, registerMessageHandlers, registerTenantGuard, registerUnknownCardActions, registerWelcome } from './register-handlers';

export interface BotOptions {
  readonly services: BotServices;
  readonly allowedTenantIds?: readonly string[];
  /** Partner organisations' tenants, for external members of a shared channel (see registerTenantGuard). */
  readonly partnerTenantIds?: readonly string[];
  readonly adapter?: TeamsAdapter;
  readonly botAppId?: string;
}

/** The Teams AI application with every listener registered; testable without an HTTP adapter. */
export function createApplication(options: BotOptions): Application<TurnState> {
  const app = new Application<TurnState>({
    adapter: options.adapter,
    botAppId: options.botAppId,
    // No turn state: no handler keeps any between turns, so a turn costs no state read or write.
    removeRecipientMention: true,
    startTypingTimer: false,
  });
  registerTenantGuard(app, options.allowedTenantIds ?? [], options.services, options.partnerTenantIds ?? []);
  registerConversationCapture(app, options.services);
  registerMessageHandlers(app, options.services);
  registerWelcome(app, options.services);
  registerUnknownCardActions(app);
  registerLifecycle(app, options.services);
  return app;
}

/** The adapter that validates Bot Framework JWTs; with no app id (local mode) it accepts anonymous calls. */
export function createAdapter(config: Config, logger: Logger): TeamsAdapter {
  const { appId, appPassword, appTenantId, appType } = config.bot;
  const adapter = new TeamsAdapter(appId ? { MicrosoftAppId: appId, MicrosoftAppPassword: appPassword, MicrosoftAppTenantId: appTenantId, MicrosoftAppType: appType } : {});
  adapter.onTurnError = async (context, error) => {
    const turn = turnLogger(context, logger);
    await replyWithProblem(context, error, turn).catch((sendError: unknown) => turn.error({ err: sendError }, 'could not tell the user about a failed turn'));
  };
  return adapter;
}
