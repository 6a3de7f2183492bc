import { CardFactory, MessageFactory, TurnContext, type CloudAdapter, type ConversationParameters, type ConversationReference } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/render';

/** Sends or replaces cards in conversations the bot is not currently answering (proactive messages). */
export interface CardMessenger {
  /** Returns the new message's activity id, needed to replace the card later. */
  send(reference: string, card: AdaptiveCardJson): Promise<string | undefined>;
  replace(reference: string, activityId: string, card: AdaptiveCardJson): Promise<void>;
  /**
   * Opens (or finds) the 1:1 chat between the bot and a member of a team the bot is in, and returns
   * its reference, so people can be asked for updates before they have ever spoken to the bot.
   */
  openPersonalChat(teamReference: string, memberId: string, tenantId: string | undefined): Promise<string>;
}

/** Audience of Bot Framework tokens in the public cloud; ignored when running anonymously (local mode). */
const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';

/** Why a proactive send failed, in words the Prevent Officer can act on. */
export function deliveryProblem(error: unknown): string {
  const status = (error as { statusCode?: number }).statusCode;
  if (status === 403) return 'has blocked or removed the bot';
  if (status === 404) return 'the conversation no longer exists';
  if (status === 429) return 'Teams asked the bot to slow down';
  if (status === undefined && isNetworkError(error)) return 'Teams could not be reached';
  return 'Teams did not accept the message';
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'REQUEST_SEND_ERROR']);

export function isNetworkError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && NETWORK_CODES.has(code);
}

/**
 * Teams' Retry-After on a failed request, in milliseconds: seconds or an HTTP date, or the
 * millisecond headers Azure services use. Undefined when Teams did not send one.
 */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  const headers = (error as { response?: { headers?: unknown } } | undefined)?.response?.headers as
    | { get?: (name: string) => string | null | undefined }
    | Record<string, string | undefined>
    | undefined;
  if (!headers) return undefined;
  const read = (name: string): string | undefined => {
    const value = typeof headers.get === 'function' ? headers.get(name) : (headers as Record<string, string | undefined>)[name];
    return value === null || value === undefined || value === '' ? undefined : String(value);
  };
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const value = Number(read(name));
    if (read(name) !== undefined && Number.isFinite(value) && value >= 0) return value;
  }
  const retryAfter = read('retry-after');
  if (retryAfter === undefined) return undefined;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(retryAfter);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** A proactive send or replace that Teams refused or that never reached it. */
export class DeliveryError extends Error {
  readonly statusCode?: number;
  readonly retryAfterMs?: number;
  readonly network: boolean;

  constructor(cause: unknown) {
    super(deliveryProblem(cause));
    this.name = 'DeliveryError';
    const statusCode = (cause as { statusCode?: unknown } | undefined)?.statusCode;
    if (typeof statusCode === 'number') this.statusCode = statusCode;
    const retryAfter = retryAfterMs(cause);
    if (retryAfter !== undefined) this.retryAfterMs = retryAfter;
    this.network = typeof statusCode !== 'number' && isNetworkError(cause);
    this.cause = cause;
  }
}

/**
 * botbuilder's connector client retries on its own: 429 and 503 with Retry-After, 5xx and 408 with
 * exponential back-off, and network errors, up to 3 times (the Azure core pipeline's default retry
 * policy). Those hidden requests are outside our rate limiter and hide the outcome from the
 * outbox, so proactive sends take the policy out of the client created for them: one call here is
 * one HTTP request, and the outbox decides about retries.
 */
const CONNECTOR_RETRY_POLICY = 'defaultRetryPolicy';

function withoutConnectorRetries(context: TurnContext): void {
  const connector = context.turnState.get(context.adapter.ConnectorClientKey) as { client?: { pipeline?: { removePolicy(policy: { name: string }): unknown[] } } } | undefined;
  const pipeline = connector?.client?.pipeline;
  // Fail loudly if botbuilder changes shape: silently sending with hidden retries would break the limits.
  if (!pipeline || typeof pipeline.removePolicy !== 'function') throw new Error("cannot switch off the Bot Connector client's own retries (botbuilder changed?)");
  pipeline.removePolicy({ name: CONNECTOR_RETRY_POLICY });
}

/** The Bot Framework adapter's continueConversation, with references stored as JSON strings. */
export class AdapterCardMessenger implements CardMessenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
  ) {}

  /** Sends one card with one HTTP request; a refusal is a DeliveryError with Teams' status and Retry-After. */
  async send(reference: string, card: AdaptiveCardJson): Promise<string | undefined> {
    let id: string | undefined;
    await this.proactively(reference, async (context) => {
      id = (await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card))))?.id;
    });
    return id;
  }

  /**
   * Runs `logic` in the conversation. Its failure is caught inside the callback and rethrown here:
   * left to the adapter, it would go to onTurnError, which answers with a problem card in the
   * recipient's chat (a second request) and swallows the error, so the outbox would record a send.
   */
  private async proactively(reference: string, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    let failure: unknown;
    try {
      await this.adapter.continueConversationAsync(this.botAppId, JSON.parse(reference) as Partial<ConversationReference>, async (context) => {
        try {
          withoutConnectorRetries(context);
          await logic(context);
        } catch (error) {
          failure = error ?? new Error('the proactive send failed');
        }
      });
    } catch (error) {
      failure = error;
    }
    if (failure !== undefined) throw failure instanceof DeliveryError ? failure : new DeliveryError(failure);
  }

  async openPersonalChat(teamReference: string, memberId: string, tenantId: string | undefined): Promise<string> {
    const team = JSON.parse(teamReference) as Partial<ConversationReference>;
    const parameters = {
      isGroup: false,
      bot: team.bot,
      members: [{ id: memberId }],
      tenantId,
      channelData: tenantId ? { tenant: { id: tenantId } } : undefined,
    } as ConversationParameters;
    let reference: string | undefined;
    await this.adapter.createConversationAsync(this.botAppId, team.channelId ?? 'msteams', team.serviceUrl ?? '', BOT_FRAMEWORK_AUDIENCE, parameters, async (context) => {
      const created = TurnContext.getConversationReference(context.activity);
      delete created.activityId;
      // Whom the chat is with, as a reference taken from their own message would say: their Teams user id is what
      // cards' refresh.userIds name, and Teams' removal events may name a person only by it (so the chat can be forgotten).
      created.user ??= { id: memberId, name: '' };
      reference = JSON.stringify(created);
    });
    if (!reference) throw new Error('Teams did not return the new conversation');
    return reference;
  }

  async replace(reference: string, activityId: string, card: AdaptiveCardJson): Promise<void> {
    await this.proactively(reference, async (context) => {
      const replacement = MessageFactory.attachment(CardFactory.adaptiveCard(card));
      replacement.id = activityId;
      await context.updateActivity(replacement);
    });
  }
}
