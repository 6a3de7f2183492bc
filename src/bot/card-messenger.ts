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
  if (status === 429) return 'Teams asked the bot to slow down; try again shortly';
  return 'Teams did not accept the message';
}

/** The Bot Framework adapter's continueConversation, with references stored as JSON strings. */
export class AdapterCardMessenger implements CardMessenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
  ) {}

  async send(reference: string, card: AdaptiveCardJson): Promise<string | undefined> {
    let id: string | undefined;
    await this.adapter.continueConversationAsync(this.botAppId, JSON.parse(reference) as Partial<ConversationReference>, async (context) => {
      id = (await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card))))?.id;
    });
    return id;
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
    await this.adapter.createConversationAsync(
      this.botAppId,
      team.channelId ?? 'msteams',
      team.serviceUrl ?? '',
      BOT_FRAMEWORK_AUDIENCE,
      parameters,
      async (context) => {
        const created = TurnContext.getConversationReference(context.activity);
        delete created.activityId;
        reference = JSON.stringify(created);
      },
    );
    if (!reference) throw new Error('Teams did not return the new conversation');
    return reference;
  }

  async replace(reference: string, activityId: string, card: AdaptiveCardJson): Promise<void> {
    await this.adapter.continueConversationAsync(this.botAppId, JSON.parse(reference) as Partial<ConversationReference>, async (context) => {
      const replacement = MessageFactory.attachment(CardFactory.adaptiveCard(card));
      replacement.id = activityId;
      await context.updateActivity(replacement);
    });
  }
}
