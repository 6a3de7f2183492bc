import { z } from 'zod';

/**
 * Long lists are shown a page at a time, so a card stays within Teams' size limit whatever the
 * partnership's size (150 actions, 60 organisations, 300 members). A card may page several lists at
 * once (organisations and members): page n shows the n-th slice of each, and there are as many pages
 * as the longest list needs.
 */
export const pageSchema = z.number({ invalid_type_error: 'the page must be a number' }).int('the page must be a whole number').min(1).max(1000).default(1);

/** The Next/Previous buttons and the "page 2 of 6" line, bound by each list card's template. */
export interface PagerView {
  readonly show: boolean;
  readonly label: string;
  readonly hasPrevious: boolean;
  readonly hasNext: boolean;
  /** The buttons' verb and the payloads they send: what the list is, and the page wanted. */
  readonly verb: string;
  readonly previousData: Readonly<Record<string, unknown>>;
  readonly nextData: Readonly<Record<string, unknown>>;
}

/** Which list a page button asks for, and the page: the card's own verb and fields go with it. */
export interface PageRequest {
  readonly verb: string;
  readonly data?: Readonly<Record<string, unknown>>;
  readonly what: string;
}

export interface PagedList<T> {
  readonly items: readonly T[];
  readonly size: number;
}

export function pageCount(lists: readonly PagedList<unknown>[]): number {
  return Math.max(1, ...lists.map((list) => Math.ceil(list.items.length / list.size)));
}

/** The requested page, or the last one when the list has shrunk since the card was shown. */
export function clampPage(page: number, lists: readonly PagedList<unknown>[]): number {
  return Math.min(Math.max(1, Math.floor(page)), pageCount(lists));
}

export function sliceForPage<T>(list: PagedList<T>, page: number): T[] {
  return list.items.slice((page - 1) * list.size, page * list.size);
}

export function pagerView(page: number, pages: number, request: PageRequest): PagerView {
  const data = (wanted: number) => ({ ...request.data, verb: request.verb, page: wanted });
  return {
    show: pages > 1,
    label: `Page ${page} of ${pages}: ${request.what}`,
    hasPrevious: page > 1,
    hasNext: page < pages,
    verb: request.verb,
    previousData: data(Math.max(1, page - 1)),
    nextData: data(Math.min(pages, page + 1)),
  };
}

/** One list, paged: the slice to show and the pager for it. */
export function pageOf<T>(items: readonly T[], page: number, size: number, request: PageRequest): { items: T[]; pager: PagerView } {
  const list = { items, size };
  const shown = clampPage(page, [list]);
  return { items: sliceForPage(list, shown), pager: pagerView(shown, pageCount([list]), request) };
}

/**
 * For cards replaced in place as things happen (delivery status, round progress), where a page
 * would jump back to the first at every refresh: the first lines and a last line saying how many
 * more there are and where to see them all.
 */
export function firstLines(lines: readonly string[], most: number, more: (hidden: number) => string): string[] {
  if (lines.length <= most) return [...lines];
  return [...lines.slice(0, most - 1), more(lines.length - (most - 1))];
}
