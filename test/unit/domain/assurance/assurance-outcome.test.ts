import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AssuranceStatement } from '../../../../src/domain/assurance/assurance';
import { assuranceAgendaLines, assuranceOutcome, boardReportAssurance } from '../../../../src/domain/assurance/assurance-outcome';
import { statementYearOf, previousStatementYear } from '../../../../src/domain/assurance/assurance';
import { countText } from '../../../../src/domain/figures/suppression';
import { buildAgenda } from '../../../../src/domain/meetings/agenda-builder';
import type { Organisation } from '../../../../src/domain/partnership/organisation';
import { loadAssuranceTemplate } from '../../../../src/storage/files/assurance-template-files';
import { sampleAnswer, sampleRequest } from '../../../support/assurance-repository-contract';

const template = loadAssuranceTemplate();
const SOP_2024 = path.join(__dirname, '..', '..', '..', '..', '..', 'shared', 'seeds', '000_65a463b48d188b40.txt');
const withSop = existsSync(SOP_2024) ? it : it.skip;

const organisations: Organisation[] = Array.from({ length: 12 }, (_, i) => ({ id: `org-${i}`, name: `Organisation ${i}`, sector: 'local-government', aliases: [] }));

function confirmed(organisationId: string, notYet: readonly string[] = [], partly: readonly string[] = []): AssuranceStatement {
  return {
    year: '2026-27',
    organisationId,
    answers: Object.fromEntries(template.items.map((item) => [item.id, sampleAnswer(notYet.includes(item.id) ? 'not-yet' : partly.includes(item.id) ? 'partly' : 'in-place')])),
    confirmedAt: '2026-12-10T10:00:00.000Z',
    confirmedById: 'aad-lead',
    confirmedByName: 'A Lead',
  };
}

describe('the outcome of a year of assurance statements', () => {
  // Seven organisations lack venue-hire checks, three only partly review their filters; two are part-way.
  const statements = [
    ...organisations.slice(0, 7).map((o) => confirmed(o.id, ['venue-hire'], o.id === 'org-0' ? ['it-filters'] : [])),
    ...organisations.slice(7, 9).map((o) => confirmed(o.id, [], ['it-filters'])),
    { year: '2026-27', organisationId: 'org-9', answers: { records: sampleAnswer('in-place') } },
    { year: '2026-27', organisationId: 'org-10', answers: {} },
  ];
  const outcome = assuranceOutcome(template, sampleRequest('2026-27'), organisations, statements);

  it("counts confirmed, part-way and not started, and tallies confirmed statements' items, most often not in place first", () => {
    expect([outcome.confirmed.length, outcome.partWay.length, outcome.notStarted]).toEqual([9, 2, ['Organisation 11']]);
    expect(outcome.notInPlace.map((t) => [t.id, t.notYet, t.partly])).toEqual([
      ['venue-hire', 7, 0],
      ['it-filters', 0, 3],
    ]);
  });

  it('never shows a count from 1 to 4 exactly on the agenda', () => {
    const lines = assuranceAgendaLines(outcome);
    expect(lines[0]).toBe('2026-27 statements: 9 of 12 organisations confirmed (due 29 Jan 2027); 2 part-way, 1 not started.');
    expect(lines[1]).toContain('(not yet: 7)');
    expect(lines[1]).toContain('(partly: fewer than 5)');
    expect(lines.join(' ')).not.toMatch(/\b(partly|not yet) [1-4]\b/);
    expect([0, 1, 4, 5, 17].map(countText)).toEqual(['0', 'fewer than 5', 'fewer than 5', '5', '17']);
  });

  it('gives the board report who returned, who did not, and the items not yet in place', () => {
    const report = boardReportAssurance(outcome);
    expect(report.returnedLine).toBe('9 of 12 organisations confirmed their 2026-27 annual assurance statement.');
    expect(report.notReturned).toEqual(['Organisation 9', 'Organisation 10', 'Organisation 11']);
    expect(report.itemsNotInPlace[1]).toMatch(/\(partly: fewer than 5\)$/);
  });

  it("puts the outcome under the agenda's annual assurance item, in the quarter that takes it", () => {
    const agenda = buildAgenda({
      today: '2026-12-03',
      meetingDate: '2026-12-10',
      actions: [],
      organisationNames: new Map(),
      annualDetails: { 'assurance-statements': assuranceAgendaLines(outcome) },
    });
    const item = agenda.find((i) => i.id === 'assurance-statements')!;
    expect(item.details.slice(-2)).toEqual(assuranceAgendaLines(outcome));
    const q1 = buildAgenda({ today: '2026-12-03', meetingDate: '2027-05-10', actions: [], organisationNames: new Map(), annualDetails: { 'assurance-statements': ['x'] } });
    expect(q1.some((i) => i.details.includes('x'))).toBe(false);
  });
});

describe('the statement year', () => {
  it('is the UK financial year, April to March', () => {
    expect([statementYearOf('2026-04-01'), statementYearOf('2027-03-31'), statementYearOf('2027-04-01')]).toEqual(['2026-27', '2026-27', '2027-28']);
    expect(previousStatementYear('2026-27')).toBe('2025-26');
    expect(previousStatementYear('2000-01')).toBe('1999-00');
  });
});

describe('the shipped statement template', () => {
  withSop("quotes the SOP word for word in every item's basis", () => {
    const flat = (text: string) => text.replace(/[’]/g, "'").replace(/\s+/g, ' ');
    const sop = flat(readFileSync(SOP_2024, 'utf8'));
    for (const item of template.items) {
      const quotes = [...item.basis.matchAll(/"([^"]+)"/g)].flatMap((m) => m[1]!.split(' ... '));
      expect(quotes.length).toBeGreaterThan(0);
      for (const quote of quotes) expect({ item: item.id, found: sop.includes(flat(quote)) }).toEqual({ item: item.id, found: true });
    }
  });
});
