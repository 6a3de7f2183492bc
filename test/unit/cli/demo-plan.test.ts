import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_PLAN_FILE, demoMembers, demoOrganisations, seedDemo } from '../../../src/cli/seed-demo';
import { importPlan, type PlanImport } from '../../../src/domain/actions/plan-import';
import { readPlanFile } from '../../../src/plan-files/plan-file-reader';
import { MemoryActionRepository } from '../../../src/storage/memory/memory-action-repository';
import { MemoryGuidanceRepository } from '../../../src/storage/memory/memory-guidance-repository';
import { MemoryMemberRepository } from '../../../src/storage/memory/memory-member-repository';
import { MemoryOrganisationRepository } from '../../../src/storage/memory/memory-organisation-repository';
import { MemoryPartnershipRepository } from '../../../src/storage/memory/memory-partnership-repository';

const ROOT = path.join(__dirname, '..', '..', '..');
/** Seed 002: the Warwickshire Prevent Action Plan 2017-18. Lives beside the repository, not in it. */
const SEED_PLAN = path.join(ROOT, '..', 'shared', 'seeds', '002_ac3009baf93c2bc7.txt');
const seedPresent = existsSync(SEED_PLAN);
const itWithSeed = seedPresent ? it : it.skip;

/** People named in seed 002. The bot must not carry individuals' names from a public document. */
const NAMES_IN_SEED = [
  'Helene Heath',
  'John Coleman',
  'Abu Malek',
  'Paul Tolley',
  'Phil Evans',
  'Dan Green',
  'Manjit Sidhu',
  'Adrian Over',
  'Hayley McDonagh',
  'Alex Gloster',
  'Sam Slemensek',
  'Louise Williams',
  'Paul Coxon',
  'Hifsa Haroon Iqbal',
  'Karen Thomas',
];

describe('the shipped Warwickshire demo plan', () => {
  let result: PlanImport;
  beforeAll(async () => {
    result = importPlan(await readPlanFile(DEMO_PLAN_FILE), demoOrganisations(), undefined, { leaveUnmatchedOwners: true });
  });

  const ownersOf = (id: string) => result.actions.find((a) => a.id === id)?.ownerOrganisationIds;

  it('imports against the shipped organisations with no problems', () => {
    expect(result.problems).toEqual([]);
  });

  it('gives action 6.3 (the CTLP) to Counter-Terrorism Policing West Midlands, not the county force (SOP 000, section 2)', () => {
    expect(ownersOf('6.3')).toEqual(['counter-terrorism-policing-west-midlands']);
  });

  it('leaves to the Prevent Officer the owners of actions whose Who no seed places in an organisation', () => {
    expect(result.ownersToSet).toEqual([
      { actionId: '2.3', who: 'Chair of the Prevent Strategy Group' },
      { actionId: '2.6', who: 'Chair of the Prevent Strategy Group' },
      { actionId: '5.2', who: 'ECINS Project Manager' },
    ]);
    expect(['2.3', '2.6', '5.2'].map(ownersOf)).toEqual([[], [], []]);
  });

  it('gives the Cyber Crime Advisors actions to the Prevent Officer’s council only: no seed says whom the advisors work for', () => {
    expect(ownersOf('1.5')).toEqual(['warwickshire-county-council']);
    expect(ownersOf('4.2')).toEqual(['warwickshire-county-council']);
  });

  it('does not give "ALL specified authorities" actions to CTPWM, which seed 002 Appendix A does not list', () => {
    expect(ownersOf('2.1')).not.toContain('counter-terrorism-policing-west-midlands');
    expect(ownersOf('2.1')).toContain('warwickshire-and-west-mercia-police');
  });

  it('fails a real import of the same file, naming the rows whose owner matches no organisation', async () => {
    const strict = importPlan(await readPlanFile(DEMO_PLAN_FILE), demoOrganisations());
    expect(strict.actions).toEqual([]);
    expect(strict.problems.map((p) => p.message)).toEqual([
      'no owner organisation matches "Chair of the Prevent Strategy Group"',
      'no owner organisation matches "Chair of the Prevent Strategy Group"',
      'no owner organisation matches "ECINS Project Manager"',
    ]);
  });

  it('has the six themes of the 2017-18 plan', () => {
    const themes = new Map(result.actions.map((a) => [a.themeNumber, a.themeTitle]));
    expect([...themes]).toEqual([
      [1, 'Community and voluntary sector engagement'],
      [2, 'Leadership, governance and accountability'],
      [3, 'Awareness, Learning and Development'],
      [4, 'Safe Education'],
      [5, 'Support'],
      [6, 'Intelligence and communications'],
    ]);
  });

  itWithSeed(
    seedPresent
      ? 'has exactly the action ids of seed 002, in order: none invented, none missed'
      : `compares its action ids with seed 002 — SKIPPED: the seed is not at ${SEED_PLAN} in this checkout`,
    () => {
      const seedIds = readFileSync(SEED_PLAN, 'utf8')
        .split('\n')
        .flatMap((line) => /^(?:<p>)?(\d{1,2}\.\d{1,2})\s/.exec(line)?.[1] ?? []);
      expect(seedIds.length).toBeGreaterThan(0);
      expect(result.actions.map((a) => a.id)).toEqual(seedIds);
    },
  );

  it.each(NAMES_IN_SEED)('does not contain the name of %s', (name) => {
    expect(readFileSync(DEMO_PLAN_FILE, 'utf8').toLowerCase()).not.toContain(name.toLowerCase());
  });
});

describe('the shipped demo organisations and members', () => {
  const organisations = demoOrganisations();
  const members = demoMembers(organisations);
  const organisationIds = new Set(organisations.map((o) => o.id));

  it.each(members.filter((m) => m.role === 'partner-lead').map((m) => [m.name, m.organisationId]))(
    'has partner lead %s in an organisation that exists (%s)',
    (_name, organisationId) => {
      expect(organisationIds).toContain(organisationId);
    },
  );

  it('names as Prevent lead of an organisation only a member who is that organisation’s partner lead', () => {
    const leads = organisations.filter((o) => o.preventLeadId).map((o) => [o.id, members.find((m) => m.aadObjectId === o.preventLeadId)?.organisationId]);
    expect(leads.every(([id, memberOrganisation]) => id === memberOrganisation)).toBe(true);
  });

  it('does not contain the name of anyone named in seed 002', () => {
    const text = JSON.stringify([organisations, members]).toLowerCase();
    expect(NAMES_IN_SEED.filter((name) => text.includes(name.toLowerCase()))).toEqual([]);
  });
});

describe('seedDemo with memory repositories', () => {
  function repositories() {
    return {
      partnerships: new MemoryPartnershipRepository(),
      guidance: new MemoryGuidanceRepository(),
      organisations: new MemoryOrganisationRepository(),
      members: new MemoryMemberRepository(),
      actions: new MemoryActionRepository(),
    };
  }

  it('creates everything on the first run', async () => {
    await expect(seedDemo(repositories())).resolves.toEqual({
      partnershipId: 'warwickshire',
      partnership: 'created',
      guidance: 'created',
      organisations: 'created',
      members: 'created',
      actions: 'created',
    });
  });

  it('reports everything unchanged on a second run', async () => {
    const repos = repositories();
    await seedDemo(repos);
    await expect(seedDemo(repos)).resolves.toEqual({
      partnershipId: 'warwickshire',
      partnership: 'unchanged',
      guidance: 'unchanged',
      organisations: 'unchanged',
      members: 'unchanged',
      actions: 'unchanged',
    });
  });

  it('stores the whole plan', async () => {
    const repos = repositories();
    await seedDemo(repos);
    expect((await repos.actions.list('warwickshire')).map((r) => r.action.id)).toHaveLength(32);
  });

  it('seeds only the partnership and guidance when given no other repositories', async () => {
    const result = await seedDemo({ partnerships: new MemoryPartnershipRepository(), guidance: new MemoryGuidanceRepository() });
    expect(result).toEqual({ partnershipId: 'warwickshire', partnership: 'created', guidance: 'created' });
  });
});
