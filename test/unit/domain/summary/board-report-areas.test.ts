import { BOARD_REPORT_AREA_IDS, blockLines, boardReportAreas, type BoardReportAreaInputs } from '../../../../src/domain/summary/board-report-areas';
import { boardReportFixture, ORGS, PRIORITIES_2026 } from '../../../support/board-report-fixture';
import { demoGuidance } from '../../../support/demo-guidance';
import { priorityCoverage } from '../../../../src/domain/priorities/priority-coverage';

function inputs(overrides: Partial<BoardReportAreaInputs> = {}): BoardReportAreaInputs {
  const data = boardReportFixture();
  return {
    summary: data.summary,
    actions: data.actions,
    organisations: data.organisations,
    financialYear: '2026-27',
    priorities: {
      register: PRIORITIES_2026,
      coverage: priorityCoverage(
        PRIORITIES_2026,
        data.actions.map((a) => a.action),
      ),
    },
    meetingsHeld: [],
    returns: data.returns,
    ...overrides,
  };
}

const linesOf = (areas: ReturnType<typeof boardReportAreas>, id: string) => areas.find((a) => a.id === id)!.blocks.flatMap(blockLines);

describe("the board report's areas (SOP 4.1)", () => {
  it('are the seven the SOP names, in its order, each citing it', () => {
    const areas = boardReportAreas(inputs());
    expect(areas.map((a) => a.id)).toEqual([...BOARD_REPORT_AREA_IDS]);
    expect(areas.map((a) => a.title)).toEqual([
      'Situational assessment',
      'Action plan',
      'Referral pathway',
      'Channel panel',
      'Training',
      'Overall compliance',
      'Engagement with key partners',
    ]);
    expect(new Set(areas.map((a) => a.sopRef))).toEqual(new Set(['SOP 4.1']));
  });

  it('say where there are no priorities for the year yet', () => {
    const { priorities: _none, ...rest } = inputs();
    expect(linesOf(boardReportAreas(rest), 'situational-assessment')[0]).toMatch(/^No Situational Assessment priorities are recorded for 2026-27/);
  });

  it('say whether the referral pathway is configured, with its sources', () => {
    expect(linesOf(boardReportAreas(inputs()), 'referral-pathway')[0]).toMatch(/not configured/);
    const configured = linesOf(boardReportAreas(inputs({ guidance: demoGuidance() })), 'referral-pathway');
    expect(configured[0]).toMatch(/^The referral pathway is configured/);
    expect(configured.some((line) => line.startsWith('Source: '))).toBe(true);
  });

  it('put figures another module supplies in place of the "no figures returned" line, ahead of the related actions', () => {
    const before = linesOf(boardReportAreas(inputs()), 'channel-panel');
    expect(before).toContain('No Channel panel figures have been returned for this report yet.');
    const after = linesOf(
      boardReportAreas(inputs({ contributions: [{ areaId: 'channel-panel', blocks: [{ kind: 'paragraph', text: 'Caseload at quarter end: fewer than 5.' }] }] })),
      'channel-panel',
    );
    expect(after).not.toContain('No Channel panel figures have been returned for this report yet.');
    expect(after[0]).toBe('Caseload at quarter end: fewer than 5.');
    expect(after.length).toBeGreaterThan(1);
  });

  it('show each organisation’s engagement: meetings attended, updates returned, self-assessment', () => {
    const meeting = {
      id: '2026-10-09-1000',
      startsAt: '2026-10-09T09:00:00.000Z',
      location: '',
      agenda: [],
      scheduledById: 'a',
      scheduledByName: 'A',
      scheduledAt: '2026-09-01T09:00:00.000Z',
      attendance: { police: { status: 'attending' as const, byId: 'p', byName: 'P', at: '2026-10-01T09:00:00.000Z' } },
      decisions: [],
    };
    const areas = boardReportAreas(inputs({ meetingsHeld: [meeting], updateRound: { startedAt: '2026-11-01T09:00:00.000Z', requestedById: 'a', requestedByName: 'A' } }));
    const table = areas.find((a) => a.id === 'engagement')!.blocks.find((b) => b.kind === 'table')!;
    expect(table.kind === 'table' && table.rows.find((r) => r[0] === ORGS.police.name)).toEqual([ORGS.police.name, '1 of 1', expect.stringMatching(/^\d+ of \d+$/), 'Returned']);
    expect(table.kind === 'table' && table.rows.find((r) => r[0] === ORGS.rugby.name)).toEqual([ORGS.rugby.name, '0 of 1', 'No actions', 'Not returned']);
  });
});
