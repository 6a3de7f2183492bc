import { verifyAuditLogs } from '../../src/cli/audit';
import { eraseMember } from '../../src/cli/erase-member';
import { keyedValueHash, valueHash } from '../../src/domain/audit/audit-chain';
import { AuditRecorder } from '../../src/domain/audit/audit-recorder';
import { hmacValueHasher } from '../../src/storage/audit/audit-value-key';
import { auditRepositories } from '../../src/domain/audit/audited-repositories';
import { ERASED_NAME } from '../../src/domain/privacy/erasure';
import { ActionTableRepository } from '../../src/storage/tables/action-table-repository';
import { AssessmentTableRepository } from '../../src/storage/tables/assessment-table-repository';
import { AuditTableRepository } from '../../src/storage/tables/audit-table-repository';
import { MeetingTableRepository } from '../../src/storage/tables/meeting-table-repository';
import { MemberTableRepository } from '../../src/storage/tables/member-table-repository';
import { OutboxTableRepository } from '../../src/storage/tables/outbox-table-repository';
import { PartnershipTableRepository } from '../../src/storage/tables/partnership-table-repository';
import { TABLES, type TableKey, type TableStorage } from '../../src/storage/tables/table-storage';
import { UpdateRoundTableRepository } from '../../src/storage/tables/update-round-table-repository';
import { sampleAction, sampleProgress } from '../support/action-repository-contract';
import { sampleRating, sampleReturn, sampleRound } from '../support/assessment-repository-contract';
import { sampleMeeting } from '../support/meeting-repository-contract';
import { sampleBatch, sampleMessage } from '../support/outbox-repository-contract';
import { freshTableStorage } from '../support/test-storage';

const LEAD_ID = 'aad-lead-wcc';
const LEAD_NAME = 'Lena Leadbetter';
const LEAD = { id: LEAD_ID, name: LEAD_NAME };
const OFFICER = { id: 'aad-officer', name: 'Priya Officer' };
const AT = '2026-11-22T10:00:00.000Z';
const AUDIT_KEY = 'the-deployment-audit-key-kept-in-key-vault';

async function rowsMentioning(storage: TableStorage, text: string): Promise<string[]> {
  const found: string[] = [];
  for (const table of Object.keys(TABLES) as TableKey[]) {
    for await (const row of storage.client(table).listEntities({ disableTypeConversion: true })) {
      if (JSON.stringify(row).includes(text)) found.push(`${table} ${row.partitionKey} ${row.rowKey}`);
    }
  }
  return found;
}

/** Everything the lead does through the bot, written through the audited Table repositories. */
async function leadWritesThroughTheBot(storage: TableStorage): Promise<void> {
  const audit = new AuditRecorder(
    new AuditTableRepository(storage.client('audit')),
    () => new Date(AT),
    () => undefined,
    hmacValueHasher(AUDIT_KEY),
  );
  const repos = auditRepositories(
    {
      partnerships: new PartnershipTableRepository(storage.client('partnerships')),
      members: new MemberTableRepository(storage.client('members')),
      actions: new ActionTableRepository(storage.client('actions')),
      meetings: new MeetingTableRepository(storage.client('meetings')),
      assessments: new AssessmentTableRepository(storage.client('assessments')),
      updateRounds: new UpdateRoundTableRepository(storage.client('actions')),
    },
    audit,
  );
  await repos.partnerships.save(
    { id: 'warwickshire', name: 'Warwickshire Prevent Partnership', timeZone: 'Europe/London', frameworkId: 'home-office-2018', tenantIds: ['tenant-a'] },
    OFFICER,
  );
  await repos.members.save('warwickshire', { aadObjectId: 'aad-officer', name: 'Priya Officer', role: 'prevent-officer' }, OFFICER);
  await repos.members.save('warwickshire', { aadObjectId: LEAD_ID, name: LEAD_NAME, role: 'partner-lead', organisationId: 'wcc' }, OFFICER);
  // The lead, as a member, also registers a colleague: their name is kept as the author of that change.
  await repos.members.save('warwickshire', { aadObjectId: 'aad-deputy', name: 'Dev Deputy', role: 'partner-lead', organisationId: 'wcc' }, LEAD);
  await repos.members.saveConversationReference(
    'warwickshire',
    LEAD_ID,
    JSON.stringify({
      user: { id: '29:1abc', aadObjectId: LEAD_ID, name: LEAD_NAME },
      conversation: { id: 'a:lead-chat', tenantId: 'tenant-a' },
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/uk/',
    }),
  );
  await repos.updateRounds.save('warwickshire', { startedAt: AT, requestedById: 'aad-officer', requestedByName: 'Priya Officer' });

  await repos.actions.savePlan('warwickshire', [sampleAction('3.1', { ownerOrganisationIds: ['wcc'] })], OFFICER);
  const { etag } = (await repos.actions.get('warwickshire', '3.1'))!;
  await repos.actions.recordUpdate('warwickshire', '3.1', sampleProgress('nonce-lead-1', { updatedById: LEAD_ID, updatedByName: LEAD_NAME }), etag);

  const meeting = sampleMeeting({ agenda: [{ id: 'welcome', title: 'Welcome and apologies', details: [], source: 'standing', owner: LEAD_NAME }] });
  await repos.meetings.create('warwickshire', meeting);
  const found = (await repos.meetings.get('warwickshire', meeting.id))!;
  const reply = { status: 'attending' as const, byId: LEAD_ID, byName: LEAD_NAME, at: AT };
  await repos.meetings.update('warwickshire', { ...found.meeting, attendance: { wcc: reply } }, found.etag, LEAD);

  await repos.assessments.createRound('warwickshire', sampleRound('2026-27-q3'));
  const rating = sampleRating('achieving', 'Lead named.', { updatedById: LEAD_ID, updatedByName: LEAD_NAME });
  const saved = await repos.assessments.saveReturn(
    'warwickshire',
    sampleReturn('2026-27-q3', 'wcc', { '1.1': rating }),
    [{ itemId: '1.1', after: rating }],
    'nonce-rate-1',
    undefined,
  );
  await repos.assessments.saveReturn(
    'warwickshire',
    { ...saved.record.value, submittedAt: AT, submittedById: LEAD_ID, submittedByName: LEAD_NAME },
    [],
    'nonce-submit-1',
    saved.record.etag,
  );

  const outbox = new OutboxTableRepository(storage.client('outbox'));
  await outbox.enqueue(sampleBatch(), [
    sampleMessage('m1', {
      recipient: { aadObjectId: LEAD_ID, name: LEAD_NAME, organisationId: 'wcc', organisationName: 'Warwickshire County Council' },
      reference: JSON.stringify({ user: { id: '29:1abc', aadObjectId: LEAD_ID, name: LEAD_NAME }, conversation: { id: 'a:lead-chat' } }),
      conversationId: 'a:lead-chat',
    }),
  ]);
}

describe('npm run erase-member on Azurite', () => {
  let storage: TableStorage;

  beforeEach(async () => {
    storage = await freshTableStorage();
    await leadWritesThroughTheBot(storage);
  });

  it('leaves no row in any table holding the name', async () => {
    expect((await rowsMentioning(storage, LEAD_NAME)).length).toBeGreaterThan(5);
    const result = await eraseMember(storage, LEAD_ID, 'warwickshire');
    expect(result.namesFound).toBe(1);
    expect(result.mentions).toEqual([]);
    expect(await rowsMentioning(storage, LEAD_NAME)).toEqual([]);
  });

  it('keeps the audit chain intact, with the erasure recorded by id', async () => {
    const log = new AuditTableRepository(storage.client('audit'));
    const before = (await log.list('warwickshire')).length;
    await eraseMember(storage, LEAD_ID, 'warwickshire');
    expect((await verifyAuditLogs(log, ['warwickshire'])).lines).toEqual([`audit chain of warwickshire: ${before + 1} entries, intact`]);
    expect((await log.list('warwickshire')).at(-1)).toMatchObject({ actorId: 'cli:erase-member', verb: 'member-erase', entity: `member:${LEAD_ID}` });
  });

  it("keeps value hashes keyed, so hashing a guessed name cannot confirm it against the erased member's audit entry", async () => {
    await eraseMember(storage, LEAD_ID, 'warwickshire');
    const entry = (await new AuditTableRepository(storage.client('audit')).list('warwickshire')).find((e) => e.verb === 'member-save' && e.entity === `member:${LEAD_ID}`);
    const guess = { aadObjectId: LEAD_ID, name: LEAD_NAME, role: 'partner-lead', organisationId: 'wcc' };
    expect(entry?.valueHashing).toBe('hmac-sha256');
    expect(entry?.afterHash).not.toBe(valueHash(guess));
    // Only with the deployment's key does the guess match: the key, not the log, is what must be guarded.
    expect(entry?.afterHash).toBe(keyedValueHash(guess, hmacValueHasher(AUDIT_KEY)));
  });

  it('shows the erased person as "Erased member" and leaves everyone else as they were', async () => {
    await eraseMember(storage, LEAD_ID, 'warwickshire');
    const members = new MemberTableRepository(storage.client('members'));
    expect((await members.get('warwickshire', LEAD_ID))?.name).toBe(ERASED_NAME);
    expect((await members.get('warwickshire', 'aad-officer'))?.name).toBe('Priya Officer');
    expect((await members.get('warwickshire', 'aad-deputy'))?.name).toBe('Dev Deputy');
    const progress = (await new ActionTableRepository(storage.client('actions')).get('warwickshire', '3.1'))?.progress;
    expect(progress).toMatchObject({ updatedById: LEAD_ID, updatedByName: ERASED_NAME, status: 'on-track' });
    expect(await rowsMentioning(storage, 'Priya Officer')).not.toEqual([]);
  });

  it('leaves every rewritten entity readable through its repository', async () => {
    await eraseMember(storage, LEAD_ID, 'warwickshire');
    const meeting = (await new MeetingTableRepository(storage.client('meetings')).get('warwickshire', sampleMeeting().id))?.meeting;
    expect(meeting?.attendance['wcc']).toMatchObject({ byId: LEAD_ID, byName: ERASED_NAME });
    expect(meeting?.agenda[0]?.owner).toBe(ERASED_NAME);
    const returned = await new AssessmentTableRepository(storage.client('assessments')).getReturn('warwickshire', '2026-27-q3', 'wcc');
    expect(returned?.value).toMatchObject({ submittedByName: ERASED_NAME, ratings: { '1.1': { rating: 'achieving', updatedByName: ERASED_NAME } } });
    const [message] = await new OutboxTableRepository(storage.client('outbox')).messages('warwickshire', sampleBatch().id);
    expect(message?.value.recipient.name).toBe(ERASED_NAME);
    expect(JSON.parse(message?.value.reference ?? '{}')).toMatchObject({ user: { aadObjectId: LEAD_ID, name: ERASED_NAME } });
  });
});
