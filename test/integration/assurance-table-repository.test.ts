import type { AssuranceStatement, ItemAnswer } from '../../src/domain/assurance/assurance';
import { AssuranceTableRepository } from '../../src/storage/tables/assurance-table-repository';
import { describeAssuranceRepositoryContract, sampleAnswer, sampleChange, sampleRequest } from '../support/assurance-repository-contract';
import { randomBytes } from 'node:crypto';
import { verifyAuditLogs } from '../../src/cli/audit';
import { createDomainServices } from '../../src/composition/create-services';
import { openTableRepositories } from '../../src/composition/open-table-repositories';
import type { Actor } from '../../src/domain/partnership/member';
import { loadAssuranceTemplate } from '../../src/storage/files/assurance-template-files';
import { MemoryOutboxRepository } from '../../src/storage/memory/memory-outbox-repository';
import { MemoryUnrecognisedMessageCounter } from '../../src/storage/memory/memory-unrecognised-message-counter';
import { freshTableStorage, testConnectionString } from '../support/test-storage';

describeAssuranceRepositoryContract('Azure Tables (Azurite)', async () => new AssuranceTableRepository((await freshTableStorage()).client('assurance')));

describe('AssuranceTableRepository on Azurite', () => {
  let repository: AssuranceTableRepository;
  beforeAll(async () => {
    repository = new AssuranceTableRepository((await freshTableStorage()).client('assurance'));
  });

  it('round-trips a statement with every note at its longest, in characters JSON must escape', async () => {
    const note = (i: number) => `Item ${i}: "evidence" \\ line\n😀 ${'é'.repeat(990)}`.slice(0, 1000);
    const answers: Record<string, ItemAnswer> = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`item-${i}`, sampleAnswer('partly', note(i))]));
    const value: AssuranceStatement = { year: '2026-27', organisationId: 'police', answers };
    const change = sampleChange(
      'nonce-large-01',
      Object.entries(answers).map(([itemId, after]) => ({ itemId, after })),
    );
    const { record } = await repository.saveStatement('warwickshire', value, change, 'nonce-large-01', undefined);
    await expect(repository.getStatement('warwickshire', '2026-27', 'police')).resolves.toEqual(record);
    expect((await repository.history('warwickshire', '2026-27', 'police'))[0]?.changes[19]?.after.note).toBe(note(19));
  });

  it('keeps a year and an organisation whose ids share a prefix apart', async () => {
    await repository.createRequest('leamington', sampleRequest('2026-27'));
    for (const organisationId of ['school', 'school-a']) {
      const value: AssuranceStatement = { year: '2026-27', organisationId, answers: { records: sampleAnswer('in-place') } };
      await repository.saveStatement(
        'leamington',
        value,
        sampleChange(`nonce-${organisationId}-1`, [{ itemId: 'records', after: sampleAnswer('in-place') }]),
        `nonce-${organisationId}-1`,
        undefined,
      );
    }
    expect(await repository.history('leamington', '2026-27', 'school')).toHaveLength(1);
    expect((await repository.listStatements('leamington', '2026-27')).map((s) => s.organisationId)).toEqual(['school', 'school-a']);
  });
});

describe('assurance statements through the service, on Azurite', () => {
  it('audits the request, a save and the confirmation under the AAD ids of who made them, with no names or notes, and the chain holds', async () => {
    const repositories = await openTableRepositories({ storage: { connectionString: testConnectionString() }, tableNamePrefix: `a${randomBytes(4).toString('hex')}` });
    const author = { id: 'test', name: 'test' };
    await repositories.organisations.save('shire', { id: 'police', name: 'Shire Police', sector: 'police', aliases: [] }, author);
    const lead: Actor = { aadObjectId: 'aad-lead', name: 'Lee Lead', role: 'partner-lead', organisationId: 'police' };
    const officer: Actor = { aadObjectId: 'aad-officer', name: 'Olu Officer', role: 'prevent-officer' };
    await repositories.members.save('shire', { ...lead, organisationId: 'police' }, author);
    const now = new Date('2026-12-03T10:00:00Z');
    const { assurance } = createDomainServices(
      { ...repositories, outbox: new MemoryOutboxRepository(), unrecognised: new MemoryUnrecognisedMessageCounter() },
      { defaultPartnershipId: 'shire', frameworks: new Map(), now: () => now },
    );
    const items = loadAssuranceTemplate().items;
    const before = (await repositories.auditLog.list('shire')).length;

    await assurance.request('shire', officer);
    const first = await assurance.save('shire', lead, { year: '2026-27', organisationId: 'police', nonce: 'nonce-audit-01', confirm: false }, () => ({
      answers: [{ itemId: items[0]!.id, answer: 'partly', note: 'Pathway briefing given to response teams' }],
      problems: [],
    }));
    if (first.kind !== 'saved') throw new Error('not saved');
    const confirmed = await assurance.save('shire', lead, { year: '2026-27', organisationId: 'police', nonce: 'nonce-audit-02', etag: first.form.etag, confirm: true }, () => ({
      answers: items.map((item) => ({ itemId: item.id, answer: 'in-place' as const, note: '' })),
      problems: [],
    }));
    expect(confirmed.kind === 'saved' && confirmed.confirmed).toBe(true);

    const added = (await repositories.auditLog.list('shire')).slice(before);
    expect(added.map((e) => [e.actorId, e.verb, e.entity])).toEqual([
      ['aad-officer', 'assurance-request', 'assurance-year:2026-27'],
      ['aad-lead', 'assurance-save', 'assurance-statement:2026-27/police'],
      ['aad-lead', 'assurance-confirm', 'assurance-statement:2026-27/police'],
    ]);
    expect(JSON.stringify(added)).not.toContain('Lee Lead');
    expect(JSON.stringify(added)).not.toContain('Pathway briefing');
    expect((await verifyAuditLogs(repositories.auditLog, ['shire'])).intact).toBe(true);
    expect(await repositories.assurance.history('shire', '2026-27', 'police')).toHaveLength(2);
  }, 30_000);
});
