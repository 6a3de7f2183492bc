import { verifyAuditLogs } from '../../src/cli/audit';
import { AuditNotRecordedError, AuditRecorder } from '../../src/domain/audit/audit-recorder';
import { auditRepositories } from '../../src/domain/audit/audited-repositories';
import type { PendingAudit } from '../../src/domain/audit/pending-audit';
import { StorageUnavailableError } from '../../src/domain/errors';
import type { Member } from '../../src/domain/partnership/member';
import type { ChangeAuthor, MemberRepository } from '../../src/domain/ports';
import { hmacValueHasher } from '../../src/storage/audit/audit-value-key';
import { PENDING_AUDIT_PREFIX, PENDING_AUDIT_TABLES, pendingRowRemovalsSettled, TablePendingAudits } from '../../src/storage/audit/table-pending-audits';
import { ActionTableRepository } from '../../src/storage/tables/action-table-repository';
import { AuditTableRepository } from '../../src/storage/tables/audit-table-repository';
import { MeetingTableRepository } from '../../src/storage/tables/meeting-table-repository';
import { MemberTableRepository } from '../../src/storage/tables/member-table-repository';
import type { TableStorage } from '../../src/storage/tables/table-storage';
import { sampleAction, sampleProgress } from '../support/action-repository-contract';
import { sampleMeeting } from '../support/meeting-repository-contract';
import { freshTableStorage } from '../support/test-storage';

const AT = new Date('2026-12-03T10:00:00.000Z');
const OFFICER = { id: 'aad-officer', name: 'Priya Officer' };
const HASHER = hmacValueHasher('a-test-audit-key-of-at-least-32-characters');

/** The audit table as seen by a process that stops right after the change is written: its append never happens. */
class StoppedBeforeAppend extends AuditTableRepository {
  override async appendPending(_pending: PendingAudit): Promise<never> {
    throw new Error('process stopped between the write and its audit append');
  }
  override async append(): Promise<never> {
    throw new Error('process stopped between the write and its audit append');
  }
}

/** A member store whose write lands but whose reply is lost (the deadline passes after the transaction committed). */
class ReplyLostMembers implements MemberRepository {
  constructor(private readonly inner: MemberRepository) {}
  list = (partnershipId: string) => this.inner.list(partnershipId);
  get = (partnershipId: string, id: string) => this.inner.get(partnershipId, id);
  saveConversationReference = (p: string, id: string, r: string) => this.inner.saveConversationReference(p, id, r);
  getConversationReference = (p: string, id: string) => this.inner.getConversationReference(p, id);
  forgetConversationReference = (p: string, id: string) => this.inner.forgetConversationReference(p, id);
  async save(partnershipId: string, member: Member, author: ChangeAuthor): Promise<void> {
    await this.inner.save(partnershipId, member, author);
    throw new StorageUnavailableError('save member: storage did not answer in time');
  }
}

async function pendingRows(storage: TableStorage): Promise<string[]> {
  // Appended rows are removed after the writer's answer, in batches: look once those removals are done.
  await pendingRowRemovalsSettled();
  const rows: string[] = [];
  for (const key of PENDING_AUDIT_TABLES) {
    for await (const row of storage.client(key).listEntities()) if (String(row.rowKey).startsWith(PENDING_AUDIT_PREFIX)) rows.push(`${key} ${row.partitionKey}`);
  }
  return rows;
}

function repositories(storage: TableStorage, log: AuditTableRepository, withPendingRows: boolean, failures: AuditNotRecordedError[] = []) {
  const pending = withPendingRows ? new TablePendingAudits(storage, log) : undefined;
  const recorder = new AuditRecorder(
    log,
    () => AT,
    (error) => failures.push(error),
    HASHER,
    pending,
  );
  return auditRepositories(
    {
      members: new MemberTableRepository(storage.client('members')),
      actions: new ActionTableRepository(storage.client('actions')),
      meetings: new MeetingTableRepository(storage.client('meetings')),
    },
    recorder,
  );
}

const member = (id: string): Member => ({ aadObjectId: id, name: `Member ${id}`, role: 'partner-lead', organisationId: 'wcc' });

describe('audit entries for writes whose audit append never happened, on Azurite', () => {
  let storage: TableStorage;
  let log: AuditTableRepository;

  beforeEach(async () => {
    storage = await freshTableStorage();
    log = new AuditTableRepository(storage.client('audit'));
  });

  it('(the gap, as it was) appending after the write: a process stopping in between leaves the change with no entry and nothing to recover it from', async () => {
    const repos = repositories(storage, new StoppedBeforeAppend(storage.client('audit')), false);
    await expect(repos.members.save('warwickshire', member('aad-lead'), OFFICER)).rejects.toThrow(AuditNotRecordedError);
    expect(await new MemberTableRepository(storage.client('members')).get('warwickshire', 'aad-lead')).toBeDefined();
    await expect(new TablePendingAudits(storage, log).sweep()).resolves.toBe(0);
    expect(await log.list('warwickshire')).toEqual([]);
  });

  it('writes the pending row with the change, so a sweep appends the entry a stopped process never did, once, and removes the row', async () => {
    const failures: AuditNotRecordedError[] = [];
    const repos = repositories(storage, new StoppedBeforeAppend(storage.client('audit')), true, failures);
    await expect(repos.members.save('warwickshire', member('aad-lead'), OFFICER)).rejects.toThrow(AuditNotRecordedError);
    expect(failures).toHaveLength(1);
    expect(await pendingRows(storage)).toEqual(['members warwickshire']);

    const sweeper = new TablePendingAudits(storage, log);
    expect((await verifyAuditLogs(log, ['warwickshire'], undefined, await sweeper.waiting())).lines).toEqual([
      'audit chain of warwickshire: 1 write awaits its audit entry (npm run audit -- --sweep appends them now)',
      'audit chain of warwickshire: 0 entries, intact',
    ]);
    await expect(sweeper.sweep()).resolves.toBe(1);
    await expect(new TablePendingAudits(storage, log).sweep()).resolves.toBe(0);
    expect(await sweeper.waiting()).toEqual(new Map());
    const entries = await log.list('warwickshire');
    expect(entries).toEqual([
      expect.objectContaining({ sequence: 1, actorId: 'aad-officer', verb: 'member-save', entity: 'member:aad-lead', at: AT.toISOString(), pendingId: expect.any(String) }),
    ]);
    expect(await pendingRows(storage)).toEqual([]);
    expect((await verifyAuditLogs(log, ['warwickshire'])).intact).toBe(true);
  });

  it('removes a pending row whose entry was appended just before a stop, without appending it again', async () => {
    const repos = repositories(storage, new StoppedBeforeAppend(storage.client('audit')), true);
    await expect(repos.members.save('warwickshire', member('aad-lead'), OFFICER)).rejects.toThrow(AuditNotRecordedError);
    // The append happened; the stop came before the pending row was deleted.
    const rows: PendingAudit[] = [];
    for await (const row of storage.client('members').listEntities<{ partnershipId: string; eventJson: string }>()) {
      if (String(row.rowKey).startsWith(PENDING_AUDIT_PREFIX))
        rows.push({ id: String(row.rowKey).slice(PENDING_AUDIT_PREFIX.length), partnershipId: row.partnershipId, event: JSON.parse(row.eventJson) });
    }
    expect(rows).toHaveLength(1);
    await log.appendPending(rows[0]!);

    await expect(new TablePendingAudits(storage, log).sweep()).resolves.toBe(0);
    expect((await log.list('warwickshire')).map((e) => e.entity)).toEqual(['member:aad-lead']);
    expect(await pendingRows(storage)).toEqual([]);
  });

  it('recovers a write whose reply was lost after it landed: the caller heard "not saved", the audit log still gets the change', async () => {
    const failures: AuditNotRecordedError[] = [];
    const recorder = new AuditRecorder(
      log,
      () => AT,
      (error) => failures.push(error),
      HASHER,
      new TablePendingAudits(storage, log),
    );
    const { members } = auditRepositories({ members: new ReplyLostMembers(new MemberTableRepository(storage.client('members'))) }, recorder);
    await expect(members.save('warwickshire', member('aad-lead'), OFFICER)).rejects.toThrow(StorageUnavailableError);
    expect(await log.list('warwickshire')).toEqual([]);

    await expect(new TablePendingAudits(storage, log).sweep()).resolves.toBe(1);
    expect((await log.list('warwickshire')).map((e) => [e.verb, e.entity])).toEqual([['member-save', 'member:aad-lead']]);
  });

  it('appends each pending row exactly once when two instances sweep at the same time', async () => {
    const stopped = repositories(storage, new StoppedBeforeAppend(storage.client('audit')), true);
    const actions = new ActionTableRepository(storage.client('actions'));
    await actions.savePlan('warwickshire', [sampleAction('3.1')], OFFICER);
    const { etag } = (await actions.get('warwickshire', '3.1'))!;
    await expect(stopped.actions.recordUpdate('warwickshire', '3.1', sampleProgress('nonce-0001'), etag)).rejects.toThrow(AuditNotRecordedError);
    await expect(stopped.meetings.create('warwickshire', sampleMeeting())).rejects.toThrow(AuditNotRecordedError);
    for (const id of ['aad-a', 'aad-b', 'aad-c']) await expect(stopped.members.save('warwickshire', member(id), OFFICER)).rejects.toThrow(AuditNotRecordedError);
    expect(await pendingRows(storage)).toHaveLength(5);

    // Two instances: their own audit repositories, so only the Table's conditional writes keep them apart.
    const instance = () => new TablePendingAudits(storage, new AuditTableRepository(storage.client('audit')));
    const appended = await Promise.all([instance().sweep(), instance().sweep()]);

    expect(appended[0] + appended[1]).toBe(5);
    const entries = await log.list('warwickshire');
    // Racing sweepers may interleave, so the order is not asserted: only that each change is there once.
    expect(entries.map((e) => e.entity).sort()).toEqual(['action:3.1', `meeting:${sampleMeeting().id}`, 'member:aad-a', 'member:aad-b', 'member:aad-c']);
    expect(new Set(entries.map((e) => e.pendingId)).size).toBe(5);
    expect(await pendingRows(storage)).toEqual([]);
    expect(await verifyAuditLogs(log, ['warwickshire'])).toEqual({ intact: true, lines: ['audit chain of warwickshire: 5 entries, intact'] });
  });

  it('leaves no pending row behind in the normal path, the entry naming the row it came from', async () => {
    const repos = repositories(storage, log, true);
    await repos.members.save('warwickshire', member('aad-lead'), OFFICER);
    expect(await pendingRows(storage)).toEqual([]);
    expect(await log.list('warwickshire')).toEqual([expect.objectContaining({ verb: 'member-save', pendingId: expect.stringMatching(/^0*\d+-[0-9a-f]{12}$/) })]);
  });

  it('writes no pending row and no entry for a repeated submit, which changed nothing', async () => {
    const repos = repositories(storage, log, true);
    const actions = new ActionTableRepository(storage.client('actions'));
    await actions.savePlan('warwickshire', [sampleAction('3.1')], OFFICER);
    const { etag } = (await actions.get('warwickshire', '3.1'))!;
    await repos.actions.recordUpdate('warwickshire', '3.1', sampleProgress('nonce-twice'), etag);
    await expect(repos.actions.recordUpdate('warwickshire', '3.1', sampleProgress('nonce-twice'), etag)).resolves.toMatchObject({ duplicate: true });
    expect((await log.list('warwickshire')).map((e) => e.verb)).toEqual(['action-update']);
    expect(await pendingRows(storage)).toEqual([]);
  });
});
