import { ukDate } from '../domain/clock';
import type { ChaseSubject } from '../domain/chasers/chasers';
import { chaserDates } from '../domain/chasers/chasers';
import type { ChaseTarget } from '../domain/chasers/chaser-service';
import { z } from 'zod';
import { escapeMarkdown } from './markdown';
import { clampPage, pageCount, pagerView, pageSchema, sliceForPage } from './paging';
import { renderCard, type AdaptiveCardJson } from './render';

export interface NotRepliedData {
  readonly subjects: readonly ChaseSubject[];
  readonly targets: readonly ChaseTarget[];
  readonly chaserWorkingDays: readonly number[];
  /** The Prevent Officer gets a "Send chasers" button. */
  readonly canChase: boolean;
}

function schedule(subject: ChaseSubject, workingDays: readonly number[]): string {
  if (!subject.deadline) return 'No deadline was set, so no chasers are scheduled; "send chasers" reminds them now.';
  return `Due ${ukDate(subject.deadline)}. Chasers go out on ${chaserDates(subject.deadline, workingDays).map(ukDate).join(' and ')}.`;
}

/** Next/Previous on "who hasn't replied". */
export const NOT_REPLIED_PAGE_VERB = 'not-replied-page';
export const notRepliedPageSubmitSchema = z.object({ verb: z.literal(NOT_REPLIED_PAGE_VERB), page: pageSchema });
export type NotRepliedPageSubmit = z.infer<typeof notRepliedPageSubmitSchema>;

/** Organisations listed per open subject on a page: an update round, a rating round and a meeting may each owe 60. */
const OWING_PER_PAGE = 15;

/** "who hasn't replied": per open subject, each organisation still owing and who answers for it, a page at a time. */
export function notRepliedCard(data: NotRepliedData, requestedPage = 1): AdaptiveCardJson {
  const lists = data.subjects.map((subject) => ({ items: subject.owing, size: OWING_PER_PAGE }));
  const page = clampPage(requestedPage, lists);
  const owingCount = new Set(data.subjects.flatMap((subject) => subject.owing.map((owing) => owing.organisation.id))).size;
  return renderCard('not-replied', {
    canChase: data.canChase,
    pager: pagerView(page, pageCount(lists), { verb: NOT_REPLIED_PAGE_VERB, what: `${owingCount} organisations owe a reply` }),
    subjects: data.subjects.map((subject, index) => ({
      heading: escapeMarkdown(subject.title),
      schedule: schedule(subject, data.chaserWorkingDays),
      lines: sliceForPage(lists[index]!, page).map((owing) => {
        const items = owing.items.length > 0 ? ` (${owing.items.join(', ')})` : '';
        const people = data.targets
          .filter((t) => t.subject === subject && t.owing === owing)
          .map((t) => `${escapeMarkdown(t.recipient.name)}${t.chasedToday ? ', chased today' : ''}${t.reference ? '' : ', has not opened a chat with the bot'}`);
        return `${escapeMarkdown(owing.organisation.name)}${items}: ${people.length > 0 ? people.join('; ') : 'no Prevent lead is registered'}`;
      }),
    })),
  });
}
