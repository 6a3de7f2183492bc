import { z } from 'zod';
import { escapeMarkdown } from './markdown';
import type { AdaptiveCardJson } from './render';
import { withViewRefresh } from './view-refresh';

/** Who a card posted in the channel instead of 1:1 is for. */
export interface MentionedPerson {
  readonly aadObjectId: string;
  readonly name: string;
}

/** The first line of such a card: the reader knows it is for someone else, and why it is here. */
export const IN_CHANNEL_LINE = 'this is for you. The bot could not reach you in a 1:1 chat, so it is posted here.';

/**
 * A 1:1 card posted in the partnership channel instead, opening with an @mention of the person it is
 * for (Teams' card mention: `<at>` text and an msteams mention entity naming their Entra object id, so
 * they are notified wherever their account lives). The card is copied, never changed in place.
 */
export function withChannelMention(card: AdaptiveCardJson, person: MentionedPerson): AdaptiveCardJson {
  const name = escapeMarkdown(person.name.replace(/[<>]/g, ''));
  const at = `<at>${name}</at>`;
  const body = Array.isArray(card['body']) ? (card['body'] as unknown[]) : [];
  const existing = (card['msteams'] ?? {}) as { entities?: unknown[] };
  return {
    ...card,
    body: [{ type: 'TextBlock', text: `${at}: ${IN_CHANNEL_LINE}`, wrap: true, weight: 'Bolder' }, ...body],
    msteams: { ...existing, entities: [...(existing.entities ?? []), { type: 'mention', text: at, mentioned: { id: person.aadObjectId, name } }] },
  };
}

/** The view of a card posted in the channel for one person: theirs to answer, everyone else's to read. */
export const CHANNEL_CARD_VIEW_VERB = 'channel-card-view';
export const channelCardViewSubmitSchema = z.object({
  verb: z.literal(CHANNEL_CARD_VIEW_VERB),
  batchId: z.string().min(1).max(100),
  messageId: z.string().min(1).max(300),
});
export type ChannelCardViewSubmit = z.infer<typeof channelCardViewSubmitSchema>;

export interface ChannelCardRef {
  readonly batchId: string;
  readonly messageId: string;
  /** The person's Teams user id, when known: Teams then shows them their view without a press. */
  readonly teamsUserId?: string;
}

/** Buttons and inputs only the person may use; everyone else reads the rest. */
function readOnly(element: unknown): unknown {
  if (Array.isArray(element)) return element.filter((e) => !isInteractive(e)).map(readOnly);
  if (!element || typeof element !== 'object') return element;
  const { actions: _actions, selectAction: _select, ...rest } = element as Record<string, unknown>;
  return Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, readOnly(value)]));
}

function isInteractive(element: unknown): boolean {
  const type = (element as { type?: unknown } | null)?.['type'];
  return typeof type === 'string' && (type === 'ActionSet' || type.startsWith('Input.'));
}

/**
 * The card as posted in the channel: the @mention, the card without its buttons and inputs, and a
 * view per person (Teams' user specific views) so the person it is for sees the card to answer, by
 * itself when their Teams user id is known and otherwise when they press "Open my card".
 */
export function channelCardForEveryone(card: AdaptiveCardJson, person: MentionedPerson, ref: ChannelCardRef): AdaptiveCardJson {
  const mentioned = withChannelMention(card, person);
  const name = escapeMarkdown(person.name);
  const data = { verb: CHANNEL_CARD_VIEW_VERB, batchId: ref.batchId, messageId: ref.messageId };
  const open = { type: 'Action.Execute', title: 'Open my card', verb: CHANNEL_CARD_VIEW_VERB, data };
  const everyone: AdaptiveCardJson = {
    ...mentioned,
    body: [
      ...(readOnly(mentioned.body) as unknown[]),
      { type: 'TextBlock', text: `Only ${name} can answer this card. ${name}: press Open my card to answer it here.`, wrap: true, isSubtle: true, spacing: 'Medium' },
    ],
    actions: [{ ...open, fallback: { type: 'Action.Submit', title: open.title, data } }],
  };
  return withViewRefresh(everyone, CHANNEL_CARD_VIEW_VERB, { batchId: ref.batchId, messageId: ref.messageId }, ref.teamsUserId ? [ref.teamsUserId] : []);
}

/** The same card as the person it is for sees it: everything to answer, and still their own view. */
export function channelCardForThem(card: AdaptiveCardJson, person: MentionedPerson, ref: ChannelCardRef): AdaptiveCardJson {
  return withViewRefresh(withChannelMention(card, person), CHANNEL_CARD_VIEW_VERB, { batchId: ref.batchId, messageId: ref.messageId }, ref.teamsUserId ? [ref.teamsUserId] : []);
}
