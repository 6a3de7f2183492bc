import { describeZodIssues } from '../../../../src/domain/validation';
import { figuresSchema } from '../../../../src/domain/figures/figures';
import { lastCompleteQuarter, previousQuarter, quarterLabel, quarterOf, quartersEnding } from '../../../../src/domain/figures/quarter';
import { figuresProviders } from '../../../../src/domain/figures/figures-providers';
import { CHANNEL, FIGURES_ORGANISATIONS, REFERRALS } from '../../../support/figures-samples';

const problems = (value: unknown) => {
  const result = figuresSchema.safeParse(value);
  return result.success ? [] : describeZodIssues(result.error);
};

describe('quarters of the UK financial year', () => {
  it('names the quarter of a date and the one before, across the year end', () => {
    expect(quarterOf('2026-11-22')).toBe('2026-27 Q3');
    expect(quarterOf('2027-02-01')).toBe('2026-27 Q4');
    expect(previousQuarter('2026-27 Q1')).toBe('2025-26 Q4');
    expect(lastCompleteQuarter('2026-04-02')).toBe('2025-26 Q4');
    expect(quartersEnding('2026-27 Q2', 4)).toEqual(['2025-26 Q3', '2025-26 Q4', '2026-27 Q1', '2026-27 Q2']);
    expect(quarterLabel('2026-27 Q4')).toBe('2026-27 Q4 (January to March 2027)');
  });
});

describe('figures returns', () => {
  it('accepts whole numbers whose two referral totals agree', () => {
    expect(problems(REFERRALS)).toEqual([]);
    expect(problems(CHANNEL)).toEqual([]);
    expect(problems({ kind: 'training', staffTrained: '40', refreshersDue: '0' })).toEqual([]);
  });

  it('says what to fix when the referrals by outcome and by sector do not add up to the same total', () => {
    expect(problems({ ...REFERRALS, byOutcome: { ...REFERRALS.byOutcome, 'being-assessed': 4 } })).toEqual([
      'byOutcome: the referrals by outcome add up to 26 but the referrals by sector add up to 25: each referral is counted once in each, so the two totals must be the same',
    ]);
  });

  it('refuses fractions, negatives, blanks and a mistyped extra digit, naming the field', () => {
    expect(problems({ kind: 'training', staffTrained: 2.5, refreshersDue: -1 })).toEqual([
      'staffTrained: Staff trained this quarter must be a whole number',
      'refreshersDue: Refreshers due next quarter cannot be negative',
    ]);
    expect(problems({ kind: 'training', staffTrained: '', refreshersDue: '1000000' })).toEqual([
      'staffTrained: Staff trained this quarter is needed: enter 0 if there were none',
      'refreshersDue: Refreshers due next quarter must be at most 100000: check for a mistyped digit',
    ]);
  });

  it('refuses more cases adopted than are open or closed', () => {
    expect(problems({ ...CHANNEL, caseload: 1, closed: 0, adopted: 3 })).toEqual([expect.stringMatching(/^adopted: 3 cases adopted this quarter is more than the caseload/)]);
  });
});

describe('who gives the referral and Channel figures', () => {
  it('is the police force and the county council by sector, unless the partnership names others', () => {
    const bySector = figuresProviders(undefined, FIGURES_ORGANISATIONS);
    expect([bySector.referrals?.id, bySector.channel?.id, bySector.basis.referrals]).toEqual(['police', 'wcc', 'by sector']);
    const named = figuresProviders({ figures: { referralsOrganisationId: 'ctpwm', channelOrganisationId: 'rbc' } }, FIGURES_ORGANISATIONS);
    expect([named.referrals?.id, named.channel?.id, named.basis.channel]).toEqual(['ctpwm', 'rbc', 'named']);
  });
});
