import { boardReportCard, boardReportHeadline } from '../../../src/cards/board-report-card';
import type { ComplianceSummary } from '../../../src/domain/summary/compliance-summary';
import { boardReportFixture } from '../../support/board-report-fixture';

const LINKS = { docx: 'https://bot.example.org/reports/a.b', xlsx: 'https://bot.example.org/reports/c.d', csv: 'https://bot.example.org/reports/e.f' };

function withOverall(overall: ComplianceSummary['overall']): ComplianceSummary {
  return { ...boardReportFixture().summary, overall };
}

describe('the board report card', () => {
  it('offers the three files as Action.OpenUrl buttons, Word first', () => {
    const card = boardReportCard({ partnershipName: 'Warwickshire', summary: boardReportFixture().summary, links: LINKS, expiresAt: new Date('2026-11-22T10:15:00Z') });
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Word', url: LINKS.docx },
      { type: 'Action.OpenUrl', title: 'Excel', url: LINKS.xlsx },
      { type: 'Action.OpenUrl', title: 'CSV', url: LINKS.csv },
    ]);
  });

  it('gives the expiry in UK summer time when the clocks have gone forward', () => {
    const card = boardReportCard({ partnershipName: 'Warwickshire', summary: boardReportFixture().summary, links: LINKS, expiresAt: new Date('2026-06-01T09:15:00Z') });
    expect(JSON.stringify(card)).toContain('expire at 10:15 (UK time)');
  });

  it('escapes Markdown in the round name', () => {
    const summary = { ...boardReportFixture().summary, round: { id: 'x', name: '[Q3](https://evil.example)', closesOn: '2026-12-31' } };
    const json = JSON.stringify(boardReportCard({ partnershipName: 'Warwickshire', summary, links: LINKS, expiresAt: new Date() }));
    expect(json).not.toContain('[Q3](https://evil.example)');
  });
});

describe('the board report headline', () => {
  it('gives the score and its rise, good practice, returns, red and overdue actions', () => {
    // The fixture's figures are worked out in test/support/board-report-fixture.ts.
    expect(boardReportHeadline(boardReportFixture().summary)).toBe(
      'Overall score 75% (up from 65%) · good practice: 26 of 48 in place · 3 of 4 organisations returned · 2 red actions, 1 overdue',
    );
  });

  it('says the score is provisional until the quorum has returned', () => {
    const summary = boardReportFixture().summary;
    const early = { ...summary, overall: { score: 90, movement: 'new' as const }, returns: { ...summary.returns, returned: 1, total: 15, quorum: 8, provisional: true } };
    expect(boardReportHeadline(early)).toMatch(/^Overall score 90% \(provisional: from 1 of 15 organisations; 8 needed\) · /);
  });

  it('says when the previous round rests on different organisations', () => {
    const summary = { ...boardReportFixture().summary, previousRound: { id: '2026-27-q1', name: '2026/27 Q1', returned: 2, sameOrganisations: false } };
    expect(boardReportHeadline(summary)).toMatch(/^Overall score 75% \(up from 65% in 2026\/27 Q1, when 2 organisations had returned, not the same ones\) · /);
  });

  it('gives a fall in the score', () => {
    expect(boardReportHeadline(withOverall({ score: 60, previousScore: 65, movement: 'down' }))).toMatch(/^Overall score 60% \(down from 65%\) · /);
  });

  it('says when the score has not moved', () => {
    expect(boardReportHeadline(withOverall({ score: 65, previousScore: 65, movement: 'same' }))).toMatch(/^Overall score 65% \(no change\) · /);
  });

  it('says there is no score yet when nobody has returned', () => {
    expect(boardReportHeadline(withOverall({ movement: 'new' }))).toMatch(/^No score yet · /);
  });
});
