import { buildAgenda } from '../../../../src/domain/meetings/agenda-builder';
import { figuresAgendaLines } from '../../../../src/domain/figures/figures-agenda';
import { sampleSnapshot } from '../../../support/figures-samples';

describe('the figures on the agenda', () => {
  it("puts the last complete quarter's figures, suppressed, under the referral data, Channel Panel and training items", () => {
    const lines = figuresAgendaLines(sampleSnapshot(), '2026-12-10');
    expect(lines['referral-data'][0]).toBe('2026-27 Q2 (July to September 2026): 25 referrals (from Warwickshire and West Mercia Police)');
    expect(lines['referral-data'][1]).toContain('Police fewer than 5');
    expect(lines['channel-panel'][0]).toMatch(/^2026-27 Q2 .*Current caseload 8; adopted fewer than 5/);
    expect(lines.training[0]).toContain('3 of 6 organisations returned');
    expect(lines.training[1]).toBe(
      'Training figures for 2026-27 Q2 not yet returned by Warwickshire and West Mercia Police, Warwickshire Police and Crime Commissioner, Counter Terrorism Policing West Midlands',
    );
  });

  it('says who has not returned them yet when a quarter has none', () => {
    const agenda = buildAgenda({ today: '2027-02-01', meetingDate: '2027-02-10', actions: [], organisationNames: new Map(), figures: sampleSnapshot() });
    const referralItem = agenda.find((item) => item.id === 'referral-data')!;
    expect(referralItem.details).toEqual(['Referral figures for 2026-27 Q3 not yet returned by Warwickshire and West Mercia Police']);
    expect(agenda.find((item) => item.id === 'channel-panel')!.details).toEqual([
      'Numbers only: never details of people.',
      'Channel panel figures for 2026-27 Q3 not yet returned by Warwickshire County Council',
    ]);
  });
});
