import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildAgenda, type AgendaFacts } from '../../../src/domain/meetings/agenda-builder';
import { ANNUAL_ITEMS, financialQuarterOf } from '../../../src/domain/meetings/annual-items';
import { agendaItemSchema } from '../../../src/domain/meetings/meeting';
import { STANDING_ITEMS } from '../../../src/domain/meetings/standing-items';

/** Seed 000, the OPCC Prevent Duty SOP (2024): it lives beside the repository, not in it. */
const SOP_2024 = path.join(__dirname, '..', '..', '..', '..', 'shared', 'seeds', '000_65a463b48d188b40.txt');
const withSop = existsSync(SOP_2024) ? it : it.skip;
const sopNote = existsSync(SOP_2024) ? '' : ` (skipped: ${SOP_2024} not found)`;

const facts = (meetingDate: string): AgendaFacts => ({ today: '2026-12-03', meetingDate, actions: [], organisationNames: new Map() });
const standingIds = STANDING_ITEMS.map((i) => i.id);
const annualIds = (meetingDate: string) =>
  buildAgenda(facts(meetingDate))
    .map((i) => i.id)
    .filter((id) => !standingIds.includes(id));

describe('the quarter of the UK financial year a meeting falls in', () => {
  it.each([
    ['2027-04-01', 1, '2027-28'],
    ['2027-06-30', 1, '2027-28'],
    ['2027-07-01', 2, '2027-28'],
    ['2027-09-30', 2, '2027-28'],
    ['2026-10-01', 3, '2026-27'],
    ['2026-12-31', 3, '2026-27'],
    ['2027-01-01', 4, '2026-27'],
    ['2027-03-31', 4, '2026-27'],
    ['2099-02-14', 4, '2098-99'],
  ])('%s is in Q%i of %s', (date, quarter, year) => {
    expect(financialQuarterOf(date)).toEqual({ quarter, year });
  });
});

describe('the agenda by the calendar (SOP 2024)', () => {
  it('brings the HOPA or CTPWM briefing to every meeting, after the CTLP update, citing SOP 4.7', () => {
    const briefing = STANDING_ITEMS.find((i) => i.id === 'hopa-briefing');
    expect(briefing?.basis).toMatch(/^SOP 4\.7 /);
    for (const date of ['2027-05-12', '2027-08-12', '2027-11-11', '2028-02-10']) {
      const ids = buildAgenda(facts(date)).map((i) => i.id);
      expect(ids.indexOf('hopa-briefing')).toBe(ids.indexOf('ctlp') + 1);
    }
  });

  it.each([
    ['Q1 (April to June)', '2027-05-12', ['terms-of-reference-review', 'swpb-annual-report']],
    ['Q2 (July to September)', '2027-08-12', []],
    ['Q3 (October to December)', '2026-12-10', ['ctlp-presentation', 'assurance-statements']],
    ['Q4 (January to March)', '2027-03-11', ['ctlp-workshop', 'sop-review']],
  ])('gives a meeting in %s every standing item, in order, and exactly the annual items the SOP puts there', (_quarter, date, expected) => {
    const agenda = buildAgenda(facts(date));
    expect(agenda.filter((i) => i.source === 'standing').map((i) => i.id)).toEqual(standingIds);
    expect(annualIds(date)).toEqual(expected);
    for (const item of agenda.filter((i) => i.source === 'annual')) {
      expect(item.basis).toMatch(/^SOP (4\.[1-8]|5) /);
      expect(item.details[0]).toMatch(/^Annual item: Q[1-4] of \d{4}-\d{2} \(/);
    }
  });

  it('says on each annual item which quarter of which financial year it is', () => {
    expect(buildAgenda(facts('2027-02-18')).find((i) => i.id === 'ctlp-workshop')?.details[0]).toBe('Annual item: Q4 of 2026-27 (January to March).');
  });

  it('takes each annual item once a year, and places it after a standing item that exists', () => {
    const perYear = ['2027-05-12', '2027-08-12', '2027-11-11', '2028-02-10'].flatMap(annualIds);
    expect([...perYear].sort()).toEqual(ANNUAL_ITEMS.map((a) => a.item.id).sort());
    for (const annual of ANNUAL_ITEMS) expect(standingIds).toContain(annual.after);
  });

  it('puts the annual items beside the standing item they belong to, and the action plan generated items still follow the plan', () => {
    const ids = buildAgenda({ ...facts('2026-12-10'), notReturnedUpdates: ['Rugby Borough Council'] }).map((i) => i.id);
    expect(ids.indexOf('ctlp-presentation')).toBe(ids.indexOf('hopa-briefing') + 1);
    expect(ids.indexOf('assurance-statements')).toBe(ids.indexOf('channel-panel') + 1);
    expect(ids.indexOf('updates-not-returned')).toBe(ids.indexOf('action-plan') + 1);
    expect(ids.at(-1)).toBe('aob');
  });

  it('keeps every annual item a valid stored agenda item', () => {
    for (const annual of ANNUAL_ITEMS) expect(agendaItemSchema.parse(annual.item)).toEqual(annual.item);
  });

  withSop(`quotes the SOP word for word wherever an item's basis quotes it${sopNote}`, () => {
    const sop = readFileSync(SOP_2024, 'utf8').replace(/\s+/g, ' ');
    const quotes = [...STANDING_ITEMS, ...ANNUAL_ITEMS.map((a) => a.item)].flatMap((i) => [...(i.basis ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]!));
    expect(quotes.length).toBeGreaterThanOrEqual(ANNUAL_ITEMS.length + 1);
    expect(quotes.filter((q) => !sop.includes(q))).toEqual([]);
  });

  withSop(`reads the Q4 workshop's quarter from the SOP itself${sopNote}`, () => {
    const sop = readFileSync(SOP_2024, 'utf8').replace(/\s+/g, ' ');
    expect(sop).toContain('workshop during Q4 of each financial year');
    expect(ANNUAL_ITEMS.find((a) => a.item.id === 'ctlp-workshop')?.quarter).toBe(4);
  });
});
