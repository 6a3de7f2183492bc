import { escapeMarkdown } from './markdown';
import type { AdaptiveCardJson } from './render';

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
