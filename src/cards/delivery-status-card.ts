import type { DeliveryView } from '../domain/outbox/delivery-batch';
import { escapeMarkdown } from './markdown';
import { firstLines } from './paging';
import { renderCard, type AdaptiveCardJson } from './render';

/** A request to 300 people with nobody reachable would otherwise list all 300. */
const MOST_LINES = 30;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "bot removed by Pat Police": who each undeliverable message was for, in the count line. */
function undeliverablePart(view: DeliveryView): string {
  const names = view.problems.filter((p) => p.status === 'undeliverable').map((p) => escapeMarkdown(p.name));
  return `${names.length} could not be delivered (bot removed by ${names.join(', ')})`;
}

/** "Sending to 42 people in 20 organisations: 40 sent, 1 queued, 1 could not be delivered (bot removed by Pat Police)." Names are escaped. */
export function deliveryCountLine(view: DeliveryView): string {
  const { counts, batch } = view;
  if (counts.total === 0) return batch.kind === 'chaser' ? 'No chasers to send.' : 'Nobody could be asked yet.';
  const who = `${plural(counts.total, 'person', 'people')}${batch.organisations > 0 ? ` in ${plural(batch.organisations, 'organisation', 'organisations')}` : ''}`;
  const sentInChannel = view.inChannel.filter((p) => p.sent).length;
  const parts = [
    `${counts.sent} sent${sentInChannel > 0 ? ` (${sentInChannel} in the partnership channel: could not reach 1:1)` : ''}`,
    ...(counts.queued > 0 ? [`${counts.queued} queued`] : []),
    ...(counts.failed > 0 ? [`${counts.failed} failed`] : []),
    ...(counts.undeliverable > 0 ? [undeliverablePart(view)] : []),
  ];
  return `${view.finished ? 'Finished sending to' : 'Sending to'} ${who}: ${parts.join(', ')}.`;
}

/**
 * The Prevent Officer's live delivery card: replaced in place by the sender as messages go out,
 * and a last time when every one is sent, failed or undeliverable. People who could not be reached
 * 1:1 (another organisation's tenant, no chat with the bot) and were @mentioned in the partnership
 * channel instead are listed as such: reached, not failed.
 */
export function deliveryStatusCard(view: DeliveryView): AdaptiveCardJson {
  const problems = view.problems.map((p) => `${p.name}${p.organisationName ? ` (${p.organisationName})` : ''}: ${p.reason}`);
  const trouble = view.counts.failed + view.counts.undeliverable > 0 || view.batch.unreached.length > 0;
  return renderCard('delivery-status', {
    title: escapeMarkdown(view.batch.title),
    countLine: deliveryCountLine(view),
    colour: !view.finished ? 'Default' : trouble ? 'Warning' : 'Good',
    notes: view.batch.notes,
    // Replaced in place as messages go out, so a page would jump back to the first: the first lines, and where to see the rest.
    unreached: firstLines(
      [...view.batch.unreached, ...problems].map(escapeMarkdown),
      MOST_LINES,
      (hidden) => `and ${hidden} more: type "who hasn't replied" to see everyone still to reply`,
    ),
    inChannel: firstLines(
      view.inChannel.map((p) => escapeMarkdown(`${p.name}${p.organisationName ? ` (${p.organisationName})` : ''}: ${p.sent ? 'sent in the channel' : 'going to the channel'}`)),
      MOST_LINES,
      (hidden) => `and ${hidden} more in the channel`,
    ),
    footer: view.finished
      ? 'Everything in this request has been dealt with.'
      : 'This card updates itself as messages go out. Teams limits how fast a bot may send, so a large round takes a little while.',
  });
}
