import { createDomainServices, type ServiceRepositories } from '../../composition/create-services';
import type { FrameworkRegistry } from '../../domain/assessment/framework-catalogue';
import { londonDate } from '../../domain/clock';
import { OUTCOME_BANDS, REFERRAL_SECTORS, type OutcomeBand, type ReferralSector } from '../../domain/figures/figures';
import { kindsOwedBy } from '../../domain/figures/figures-providers';
import { dayAfterQuarter, lastCompleteQuarter, quartersEnding } from '../../domain/figures/quarter';
import { leadsOf } from '../../domain/partnership/leads';
import type { Actor, Member } from '../../domain/partnership/member';
import { DEMO_SEED_ACTOR, DEMO_TEXT_PREFIX } from './demo-history-plan';
import { seededDice } from './seeded-dice';

/** The demo figures draw from their own seed: the same "today" always gives the same figures. */
export const DEMO_FIGURES_SEED = 4062;

/** Where a county's referrals come from, roughly as the Home Office statistics describe (education first, then the police). */
const SECTOR_WEIGHTS: Record<ReferralSector, number> = {
  'education-childcare': 0.36,
  police: 0.26,
  'local-government': 0.12,
  'health-social-care': 0.11,
  'criminal-justice': 0.05,
  other: 0.1,
};
const OUTCOME_WEIGHTS: Record<OutcomeBand, number> = { 'adopted-channel': 0.1, 'other-support': 0.33, 'no-further-action': 0.47, 'being-assessed': 0.1 };

/** Process issues only: never a case. */
const ISSUES = [
  'Consent: two families took longer than the guidance expects to decide; the panel will review how consent is sought.',
  'Mental health input to the panel was missing at one meeting; the NHS trusts are finding a deputy.',
  '',
  'The Home Office Channel Quality Lead visited; no concerns raised.',
];

/**
 * Seeds the demo partnership's last four quarters of figures (referrals from the police force,
 * Channel panel figures from the county council, training from most organisations), written through
 * the figures service with its clock set to about two weeks after each quarter ended, by the
 * organisation's demo lead or, where it has none, the demo seed acting as Prevent Officer. Small
 * counts (1-4) are in it on purpose, so small-number suppression shows. Run once: a partnership
 * that has any figures is left alone.
 */
export async function seedDemoFigures(
  repositories: ServiceRepositories,
  options: { readonly partnershipId: string; readonly now: Date; readonly frameworks: FrameworkRegistry },
): Promise<{ readonly written: number }> {
  const { partnershipId } = options;
  if ((await repositories.figures.list(partnershipId)).length > 0) return { written: 0 };
  const [organisations, members] = await Promise.all([repositories.organisations.list(partnershipId), repositories.members.list(partnershipId)]);
  let clock = options.now;
  const services = createDomainServices(repositories, { defaultPartnershipId: partnershipId, frameworks: options.frameworks, now: () => clock });
  const providers = await services.figures.providers(partnershipId);
  const dice = seededDice(DEMO_FIGURES_SEED);
  const between = (low: number, high: number) => low + Math.floor(dice() * (high - low + 1));
  const draw = <K extends string>(weights: Record<K, number>): K => {
    let roll = dice();
    for (const [key, weight] of Object.entries(weights) as [K, number][]) {
      roll -= weight;
      if (roll <= 0) return key;
    }
    return Object.keys(weights)[0] as K;
  };
  const actorFor = (organisationId: string): Actor => {
    const lead = leadsOf(organisations.find((o) => o.id === organisationId)!, members).find((m: Member) => m.role === 'partner-lead' || m.role === 'prevent-officer');
    return lead
      ? { aadObjectId: lead.aadObjectId, name: lead.name, role: lead.role, ...(lead.organisationId ? { organisationId: lead.organisationId } : {}) }
      : { ...DEMO_SEED_ACTOR, organisationId };
  };

  let written = 0;
  let caseload = between(4, 7);
  for (const [index, quarter] of quartersEnding(lastCompleteQuarter(londonDate(options.now)), 4).entries()) {
    // Returned about two weeks after the quarter ended, never later than now.
    const returned = new Date(`${dayAfterQuarter(quarter)}T10:00:00Z`);
    returned.setUTCDate(returned.getUTCDate() + 9 + index);
    clock = returned.getTime() < options.now.getTime() ? returned : new Date(options.now.getTime() - 60 * 60 * 1000);
    const submit = async (organisationId: string, figures: Record<string, unknown> & { kind: 'referrals' | 'channel' | 'training' }) => {
      await services.figures.submit(partnershipId, actorFor(organisationId), {
        quarter,
        kind: figures.kind,
        organisationId,
        figures,
        nonce: `demo-figures-${quarter}-${figures.kind}-${organisationId}`,
      });
      written += 1;
    };

    const total = between(12, 26);
    const bySector = Object.fromEntries(REFERRAL_SECTORS.map((s) => [s, 0])) as Record<ReferralSector, number>;
    const byOutcome = Object.fromEntries(OUTCOME_BANDS.map((b) => [b, 0])) as Record<OutcomeBand, number>;
    for (let i = 0; i < total; i += 1) {
      bySector[draw(SECTOR_WEIGHTS)] += 1;
      byOutcome[draw(OUTCOME_WEIGHTS)] += 1;
    }
    if (providers.referrals) await submit(providers.referrals.id, { kind: 'referrals', bySector, byOutcome });

    const adopted = byOutcome['adopted-channel'];
    const closed = Math.min(caseload, between(1, 3));
    caseload = caseload - closed + adopted;
    const issue = ISSUES[index % ISSUES.length]!;
    if (providers.channel) {
      await submit(providers.channel.id, {
        kind: 'channel',
        caseload,
        adopted,
        closed,
        reviewsCompleted: between(3, 8),
        issuesOfConcern: issue ? `${DEMO_TEXT_PREFIX}${issue}` : '',
      });
    }

    // Most organisations return their training figures; a few are always late.
    for (const organisation of organisations) {
      if (!kindsOwedBy(organisation.id, providers).includes('training') || dice() < 0.25) continue;
      const large = organisation.sector === 'police' || organisation.sector === 'health-social-care' || /county/i.test(organisation.name);
      await submit(organisation.id, { kind: 'training', staffTrained: large ? between(20, 90) : between(1, 14), refreshersDue: large ? between(5, 30) : between(0, 4) });
    }
  }
  return { written };
}
