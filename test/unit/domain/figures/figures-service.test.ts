import { AuditRecorder } from '../../../../src/domain/audit/audit-recorder';
import { AuditedFiguresRepository } from '../../../../src/domain/audit/audited-repositories';
import { ConflictError, ForbiddenError, InvalidError } from '../../../../src/domain/errors';
import { FiguresService } from '../../../../src/domain/figures/figures-service';
import type { Actor } from '../../../../src/domain/partnership/member';
import { PersonalDataError } from '../../../../src/domain/privacy/personal-data-error';
import { screenForPersonalData } from '../../../../src/domain/privacy/screen';
import { hmacValueHasher } from '../../../../src/storage/audit/audit-value-key';
import { MemoryAuditLog } from '../../../../src/storage/memory/memory-audit-log';
import { MemoryFiguresRepository } from '../../../../src/storage/memory/memory-figures-repository';
import { MemoryMemberRepository } from '../../../../src/storage/memory/memory-member-repository';
import { MemoryOrganisationRepository } from '../../../../src/storage/memory/memory-organisation-repository';
import { MemoryPartnershipRepository } from '../../../../src/storage/memory/memory-partnership-repository';
import { CHANNEL, FIGURES_ORGANISATIONS, REFERRALS } from '../../../support/figures-samples';

const P = 'warwickshire';
const NOW = new Date('2026-11-22T10:00:00Z');
const Q = '2026-27 Q2';
const OFFICER: Actor = { aadObjectId: 'aad-officer', name: 'Priya Officer', role: 'prevent-officer', organisationId: 'wcc' };
const POLICE_LEAD: Actor = { aadObjectId: 'aad-police', name: 'Pat Police', role: 'partner-lead', organisationId: 'police' };
const HEALTH_LEAD: Actor = { aadObjectId: 'aad-health', name: 'Hana Health', role: 'partner-lead', organisationId: 'swft' };
const CHAIR: Actor = { aadObjectId: 'aad-chair', name: 'Charles Chair', role: 'chair' };
const STAFF: Actor = { aadObjectId: 'aad-staff', name: 'Stella Staff', role: 'staff' };

async function setUp() {
  const organisations = new MemoryOrganisationRepository();
  for (const organisation of FIGURES_ORGANISATIONS) await organisations.save(P, organisation, { id: 'test', name: 'test' });
  const partnerships = new MemoryPartnershipRepository();
  await partnerships.save({ id: P, name: 'Warwickshire', timeZone: 'Europe/London', frameworkId: 'home-office-2018', tenantIds: [] }, { id: 'test', name: 'test' });
  const log = new MemoryAuditLog();
  const figures = new AuditedFiguresRepository(
    new MemoryFiguresRepository(),
    new AuditRecorder(
      log,
      () => NOW,
      () => undefined,
      hmacValueHasher('a-test-audit-key-of-at-least-32-characters'),
    ),
  );
  const deadlines = { updateDeadline: async () => ({ dueOn: '2026-12-04', basis: 'the default' }) as never, chaserDates: () => ['2026-11-25'] };
  const service = new FiguresService(figures, organisations, new MemoryMemberRepository(), partnerships, screenForPersonalData, deadlines, () => NOW);
  return { service, log };
}

const referrals = (nonce = 'nonce-referrals-1', etag?: string) => ({
  quarter: Q,
  kind: 'referrals' as const,
  organisationId: 'police',
  figures: REFERRALS,
  nonce,
  ...(etag ? { etag } : {}),
});

describe('the figures service', () => {
  it('lets the police lead, or the Prevent Officer on their behalf, return the referral figures, and nobody else', async () => {
    const { service } = await setUp();
    await expect(service.submit(P, HEALTH_LEAD, referrals())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(service.submit(P, CHAIR, referrals())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(service.submit(P, STAFF, referrals())).rejects.toBeInstanceOf(ForbiddenError);
    expect((await service.submit(P, POLICE_LEAD, referrals())).duplicate).toBe(false);
    const officer = await service.submit(P, OFFICER, referrals('nonce-referrals-2', (await service.openForm(P, OFFICER, referrals())).current?.etag));
    expect(officer.record.value.submittedByName).toBe('Priya Officer');
  });

  it('takes referral figures only from the organisation that gives them, and no quarter that has not ended', async () => {
    const { service } = await setUp();
    await expect(service.submit(P, OFFICER, { ...referrals(), organisationId: 'swft' })).rejects.toThrow(
      'Prevent referrals figures are returned by Warwickshire and West Mercia Police',
    );
    await expect(service.submit(P, POLICE_LEAD, { ...referrals(), quarter: '2026-27 Q3' })).rejects.toBeInstanceOf(InvalidError);
  });

  it('records the same card once however often it is submitted, and audits it once', async () => {
    const { service, log } = await setUp();
    await service.submit(P, POLICE_LEAD, referrals());
    const repeat = await service.submit(P, POLICE_LEAD, referrals());
    expect(repeat.duplicate).toBe(true);
    const entries = (await log.list(P)).filter((e) => e.verb === 'figures-return');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: 'aad-police', entity: `figures:${Q}/referrals/police` });
  });

  it('refuses a card made before someone else returned the figures (ETag conflict)', async () => {
    const { service } = await setUp();
    const first = await service.submit(P, POLICE_LEAD, referrals());
    await service.submit(P, OFFICER, referrals('nonce-referrals-2', first.record.etag));
    await expect(service.submit(P, POLICE_LEAD, referrals('nonce-referrals-3', first.record.etag))).rejects.toBeInstanceOf(ConflictError);
  });

  it('refuses issues of concern that hold an email or an NHS number, writing nothing', async () => {
    const { service, log } = await setUp();
    const channel = (issuesOfConcern: string) => ({
      quarter: Q,
      kind: 'channel' as const,
      organisationId: 'wcc',
      figures: { ...CHANNEL, issuesOfConcern },
      nonce: 'nonce-channel-1',
    });
    await expect(service.submit(P, OFFICER, channel('Contact j.bloggs@example.com about the case'))).rejects.toBeInstanceOf(PersonalDataError);
    await expect(service.submit(P, OFFICER, channel('NHS number 943 476 5919 was delayed'))).rejects.toBeInstanceOf(PersonalDataError);
    expect((await service.snapshot(P)).returns).toEqual([]);
    expect(await log.list(P)).toEqual([]);
    expect((await service.submit(P, OFFICER, channel('Consent is taking longer at Warwickshire County Council.'))).duplicate).toBe(false);
  });

  it('shows figures to anyone with a role, suppressed, and refuses staff', async () => {
    const { service } = await setUp();
    await service.submit(P, POLICE_LEAD, referrals());
    await expect(service.overview(P, STAFF)).rejects.toBeInstanceOf(ForbiddenError);
    const overview = await service.overview(P, HEALTH_LEAD);
    expect(overview.canRequest).toBe(false);
    const police = overview.content.latest.referrals?.bySector.find((line) => line.title === 'Police');
    expect(police?.shown).toEqual({ kind: 'fewer-than-5' });
    expect(overview.content.trend.map((p) => p.quarter)).toEqual(['2025-26 Q3', '2025-26 Q4', '2026-27 Q1', Q]);
  });

  it('"request figures" is the Prevent Officer\'s, and then says what each organisation still owes', async () => {
    const { service } = await setUp();
    await expect(service.requestFigures(P, CHAIR, 'request figures')).rejects.toBeInstanceOf(ForbiddenError);
    const requested = await service.requestFigures(P, OFFICER, 'request figures');
    expect(requested.request.quarter).toBe(Q);
    expect(requested.targets.find((t) => t.organisation.id === 'wcc')?.kinds).toEqual(['channel', 'training']);
    await service.submit(P, POLICE_LEAD, referrals());
    const owed = await service.owed(P);
    expect(owed?.owing.get('police')).toEqual(['training']);
    expect(owed?.owing.get('wcc')).toEqual(['channel', 'training']);
  });
});
