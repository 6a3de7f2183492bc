import { clampPage, firstLines, pageCount, pageOf, pagerView } from '../../../src/cards/paging';

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('paging long lists on cards', () => {
  it('slices a list into pages and shows Next and Previous only where there is somewhere to go', () => {
    const first = pageOf(numbers(45), 1, 20, { verb: 'things-page', what: '45 things' });
    expect(first.items).toEqual(numbers(20));
    expect(first.pager).toMatchObject({ show: true, label: 'Page 1 of 3: 45 things', hasPrevious: false, hasNext: true, nextData: { verb: 'things-page', page: 2 } });
    const last = pageOf(numbers(45), 3, 20, { verb: 'things-page', what: '45 things' });
    expect(last.items).toEqual([41, 42, 43, 44, 45]);
    expect(last.pager).toMatchObject({ hasPrevious: true, hasNext: false, previousData: { verb: 'things-page', page: 2 } });
  });

  it('has no pager for a list that fits on one page, or an empty one', () => {
    expect(pageOf(numbers(20), 1, 20, { verb: 'v', what: 'w' }).pager.show).toBe(false);
    expect(pageOf([], 1, 20, { verb: 'v', what: 'w' })).toMatchObject({ items: [], pager: { show: false, label: 'Page 1 of 1: w' } });
  });

  it('shows the last page when asked for one past the end (the list shrank since the card was shown)', () => {
    expect(pageOf(numbers(25), 9, 20, { verb: 'v', what: 'w' }).items).toEqual([21, 22, 23, 24, 25]);
  });

  it('pages several lists together, as many pages as the longest needs', () => {
    const lists = [
      { items: numbers(60), size: 15 },
      { items: numbers(300), size: 40 },
    ];
    expect(pageCount(lists)).toBe(8);
    expect(clampPage(0, lists)).toBe(1);
    expect(clampPage(12, lists)).toBe(8);
  });

  it('carries what the list is in every button, so the next page shows the same list', () => {
    const pager = pagerView(2, 3, { verb: 'actions-page', data: { list: 'request', organisationId: 'police' }, what: 'actions' });
    expect(pager.previousData).toEqual({ list: 'request', organisationId: 'police', verb: 'actions-page', page: 1 });
    expect(pager.nextData).toEqual({ list: 'request', organisationId: 'police', verb: 'actions-page', page: 3 });
  });

  it('for cards replaced in place, keeps the first lines and says how many more there are', () => {
    expect(firstLines(['a', 'b', 'c'], 3, (n) => `${n} more`)).toEqual(['a', 'b', 'c']);
    expect(firstLines(['a', 'b', 'c', 'd', 'e'], 3, (n) => `${n} more`)).toEqual(['a', 'b', '3 more']);
  });
});
