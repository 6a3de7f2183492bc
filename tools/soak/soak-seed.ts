import type { Action } from '../../src/domain/actions/action';
import { londonDate } from '../../src/domain/clock';
import type { ActionRepository, AssessmentRepository, MemberRepository, OrganisationRepository, PartnershipRepository } from '../../src/domain/ports';

export interface SoakPartner {
  readonly aadObjectId: string;
  readonly name: string;
  readonly organisationId: string;
  readonly tenantId: string;
}

export interface SoakPlan {
  readonly partnershipId: string;
  readonly partners: readonly SoakPartner[];
  /** Action ids each organisation owns: the ones its leads update. */
  readonly actionsByOrganisation: ReadonlyMap<string, readonly string[]>;
}

export interface SoakSeedOptions {
  readonly partnershipId: string;
  readonly partners: number;
  /** Leads per organisation: more than one means people race to update the same action. */
  readonly partnersPerOrganisation: number;
  readonly actionsPerOrganisation: number;
  /** Spreads the traffic over tenants, as Teams counts its limits per tenant. */
  readonly tenants: number;
}

const AUTHOR = { id: 'cli:soak', name: 'soak test' };

/** A made-up partnership for load: numbered organisations, partner leads and actions only. */
export async function seedSoakPartnership(
  repositories: { partnerships: PartnershipRepository; organisations: OrganisationRepository; members: MemberRepository; actions: ActionRepository },
  options: SoakSeedOptions,
): Promise<SoakPlan> {
  const { partnershipId } = options;
  const tenantIds = Array.from({ length: options.tenants }, (_, i) => `soak-tenant-${i + 1}`);
  await repositories.partnerships.save({ id: partnershipId, name: 'Soak test partnership', timeZone: 'Europe/London', frameworkId: 'home-office-2018', tenantIds }, AUTHOR);
  const organisationCount = Math.ceil(options.partners / options.partnersPerOrganisation);
  const actionsByOrganisation = new Map<string, string[]>();
  const plan: Action[] = [];
  for (let o = 1; o <= organisationCount; o += 1) {
    const organisationId = `soak-org-${o}`;
    await repositories.organisations.save(partnershipId, { id: organisationId, name: `Soak organisation ${o}`, sector: 'local-government', aliases: [] }, AUTHOR);
    const ids: string[] = [];
    for (let a = 1; a <= options.actionsPerOrganisation; a += 1) {
      // Theme numbers stand for organisations so every action id is distinct ("12.3").
      const id = `${o}.${a}`;
      ids.push(id);
      plan.push({
        id,
        themeNumber: o,
        themeTitle: `Soak theme ${o}`,
        text: `Soak action ${id}`,
        who: `Soak organisation ${o}`,
        ownerOrganisationIds: [organisationId],
        timescale: 'Ongoing',
        recurring: true,
        outcomes: '',
        notes: '',
        flags: [],
      });
    }
    actionsByOrganisation.set(organisationId, ids);
  }
  await repositories.actions.savePlan(partnershipId, plan, AUTHOR);
  const partners: SoakPartner[] = [];
  for (let p = 1; p <= options.partners; p += 1) {
    const partner = {
      aadObjectId: `soak-lead-${p}`,
      name: `Soak Lead ${p}`,
      organisationId: `soak-org-${Math.ceil(p / options.partnersPerOrganisation)}`,
      tenantId: tenantIds[(p - 1) % tenantIds.length]!,
    };
    await repositories.members.save(partnershipId, { aadObjectId: partner.aadObjectId, name: partner.name, role: 'partner-lead', organisationId: partner.organisationId }, AUTHOR);
    partners.push(partner);
  }
  return { partnershipId, partners, actionsByOrganisation };
}

const ROUND_DAYS = 28;

/** An open self-assessment round on the soak partnership's framework, for every organisation's leads to rate in. */
export async function seedSoakRound(assessments: AssessmentRepository, partnershipId: string, now = new Date()): Promise<string> {
  const roundId = 'soak-round';
  await assessments.createRound(partnershipId, {
    id: roundId,
    name: 'Soak round',
    frameworkId: 'home-office-2018',
    closesOn: londonDate(new Date(now.getTime() + ROUND_DAYS * 24 * 3600 * 1000)),
    startedAt: now.toISOString(),
    startedById: AUTHOR.id,
    startedByName: AUTHOR.name,
  });
  return roundId;
}
