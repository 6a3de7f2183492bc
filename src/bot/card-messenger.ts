import { CardFactory, MessageFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { AdaptiveCardJson } from '../cards/render';

/** Sends or replaces cards in conversations the bot is not currently answering (proactive messages). */
export interface CardMessenger {
  /** Returns the new message's activity id, needed to replace the card later. */
  send(reference: string, card: AdaptiveCardJson): Promise<string | undefined>;
  replace(reference: string, activityId: string, card: AdaptiveCardJson): Promise<void>;
}

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

  async replace(reference: string, activityId: string, card: AdaptiveCardJson): Promise<void> {
    await this.adapter.continueConversationAsync(this.botAppId, JSON.parse(reference) as Partial<ConversationReference>, async (context) => {
      const replacement = MessageFactory.attachment(CardFactory.adaptiveCard(card));
      replacement.id = activityId;
      await context.updateActivity(replacement);
    });
  }
}
