import { keyedValueHash, valueHash, verifyChain } from '../../../../src/domain/audit/audit-chain';
import { hmacValueHasher } from '../../../../src/storage/audit/audit-value-key';
import type { AuditEvent } from '../../../../src/domain/audit/audit-entry';
import { AuditNotRecordedError, AuditRecorder, SYSTEM_ACTOR } from '../../../../src/domain/audit/audit-recorder';
import { auditRepositories } from '../../../../src/domain/audit/audited-repositories';
import type { AuditLog } from '../../../../src/domain/ports';
import { MemoryActionRepository } from '../../../../src/storage/memory/memory-action-repository';
import { MemoryAssessmentRepository } from '../../../../src/storage/memory/memory-assessment-repository';
import { MemoryAuditLog } from '../../../../src/storage/memory/memory-audit-log';
import { MemoryMeetingRepository } from '../../../../src/storage/memory/memory-meeting-repository';
import { MemoryMemberRepository } from '../../../../src/storage/memory/memory-member-repository';
import { MemoryChannelRepository, MemoryUpdateRoundRepository } from '../../../../src/storage/memory/memory-round-and-channel-repositories';
import { MemoryGuidanceRepository } from '../../../../src/storage/memory/memory-guidance-repository';
import { MemoryOrganisationRepository } from '../../../../src/storage/memory/memory-organisation-repository';
import { MemoryPartnershipRepository } from '../../../../src/storage/memory/memory-partnership-repository';
import { demoGuidance } from '../../../support/demo-guidance';
import { sampleAction, sampleProgress } from '../../../support/action-repository-contract';
import { sampleRating, sampleReturn, sampleRound } from '../../../support/assessment-repository-contract';
import { sampleMeeting } from '../../../support/meeting-repository-contract';

const NOW = new Date('2026-11-22T10:00:00.000Z');
const OFFICER = { id: 'aad-officer', name: 'Priya Officer' };
const HASHER = hmacValueHasher('a-test-audit-key-of-at-least-32-characters');

function setUp(log: AuditLog = new MemoryAuditLog()) {
  const failures: AuditNotRecordedError[] = [];
  const inner = {
    actions: new MemoryActionRepository(),
    members: new MemoryMemberRepository(),
    meetings: new MemoryMeetingRepository(),
    assessments: new MemoryAssessmentRepository(),
    updateRounds: new MemoryUpdateRoundRepository(),
  };
  const audited = auditRepositories(
    inner,
    new AuditRecorder(
      log,
      () => NOW,
      (error) => failures.push(error),
      HASHER,
    ),
  );
  return { log, inner, audited, failures };
}

/** An audit log whose appends fail, as storage might after the write itself went through. */
class FailingAuditLog extends MemoryAuditLog {
  override async append(): Promise<never> {
    throw new Error('audit table unreachable');
  }
}

describe('audited repositories', () => {
  it('records an action update as its author, with the hashes of the old and new progress', async () => {
    const { log, audited, inner } = setUp();
    await inner.actions.savePlan('warwickshire', [sampleAction('3.1')], OFFICER);
    const { etag } = (await inner.actions.get('warwickshire', '3.1'))!;
    const progress = sampleProgress('nonce-0001');
    await audited.actions.recordUpdate('warwickshire', '3.1', progress, etag);
    const [entry] = await log.list('warwickshire');
    expect(entry).toMatchObject({ actorId: 'aad-police', verb: 'action-update', entity: 'action:3.1', afterHash: keyedValueHash(progress, HASHER), valueHashing: 'hmac-sha256' });
    expect(entry?.afterHash).not.toBe(valueHash(progress));
    expect(entry?.beforeHash).toBeUndefined();
  });

  it('records a repeated submit once, since the repeat wrote nothing', async () => {
    const { log, audited, inner } = setUp();
    await inner.actions.savePlan('warwickshire', [sampleAction('3.1')], OFFICER);
    const { etag } = (await inner.actions.get('warwickshire', '3.1'))!;
    await audited.actions.recordUpdate('warwickshire', '3.1', sampleProgress('nonce-twice'), etag);
    const again = await audited.actions.recordUpdate('warwickshire', '3.1', sampleProgress('nonce-twice'), etag);
    expect(again.duplicate).toBe(true);
    expect(await log.list('warwickshire')).toHaveLength(1);
  });

  it('never writes a name or free text into the log', async () => {
    const { log, audited } = setUp();
    await audited.members.save('warwickshire', { aadObjectId: 'aad-lead-wcc', name: 'Lena Lead', role: 'partner-lead', organisationId: 'wcc' }, OFFICER);
    await audited.actions.savePlan('warwickshire', [sampleAction('3.1', { text: 'Deliver WRAP sessions' })], OFFICER);
    const stored = JSON.stringify(await log.list('warwickshire'));
    for (const text of ['Lena Lead', 'Priya Officer', 'WRAP']) expect(stored).not.toContain(text);
    expect((await log.list('warwickshire')).map((e) => [e.actorId, e.verb, e.entity])).toEqual([
      ['aad-officer', 'member-save', 'member:aad-lead-wcc'],
      ['aad-officer', 'plan-import', 'action:3.1'],
    ]);
  });

  it('records a plan import only for the actions it adds or changes', async () => {
    const { log, audited } = setUp();
    await audited.actions.savePlan('warwickshire', [sampleAction('3.1'), sampleAction('3.2')], { id: 'cli:import-plan', name: 'import-plan' });
    await audited.actions.savePlan('warwickshire', [sampleAction('3.1'), sampleAction('3.2', { text: 'Changed' })], { id: 'cli:import-plan', name: 'import-plan' });
    expect((await log.list('warwickshire')).map((e) => [e.actorId, e.entity])).toEqual([
      ['cli:import-plan', 'action:3.1'],
      ['cli:import-plan', 'action:3.2'],
      ['cli:import-plan', 'action:3.2'],
    ]);
  });

  it('tells a rating save from the submission of the return', async () => {
    const { log, audited } = setUp();
    await audited.assessments.createRound('warwickshire', sampleRound('2026-27-q3'));
    const rating = sampleRating('developing');
    const saved = await audited.assessments.saveReturn(
      'warwickshire',
      sampleReturn('2026-27-q3', 'police', { '1.1': rating }),
      [{ itemId: '1.1', after: rating }],
      'nonce-save-1',
      undefined,
    );
    await audited.assessments.saveReturn(
      'warwickshire',
      { ...saved.record.value, submittedAt: NOW.toISOString(), submittedById: 'aad-police-lead', submittedByName: 'Pat Police' },
      [],
      'nonce-submit-1',
      saved.record.etag,
    );
    expect((await log.list('warwickshire')).map((e) => [e.actorId, e.verb, e.entity])).toEqual([
      ['aad-officer', 'assessment-round-start', 'assessment-round:2026-27-q3'],
      ['aad-police', 'rating-save', 'return:2026-27-q3/police'],
      ['aad-police-lead', 'return-submit', 'return:2026-27-q3/police'],
    ]);
  });

  it('records a meeting change as the author given, or else as whoever the change names', async () => {
    const { log, audited } = setUp();
    const meeting = sampleMeeting();
    await audited.meetings.create('warwickshire', meeting);
    let found = (await audited.meetings.get('warwickshire', meeting.id))!;
    await audited.meetings.update('warwickshire', { ...found.meeting, location: 'Online' }, found.etag, { id: 'aad-chair', name: 'Charles Chair' });
    found = (await audited.meetings.get('warwickshire', meeting.id))!;
    const reply = { status: 'apologies' as const, byId: 'aad-lead-wcc', byName: 'Lena Lead', at: NOW.toISOString() };
    await audited.meetings.update('warwickshire', { ...found.meeting, attendance: { wcc: reply } }, found.etag);
    found = (await audited.meetings.get('warwickshire', meeting.id))!;
    await audited.meetings.update('warwickshire', { ...found.meeting, autoPostClaim: { by: 'instance-1', at: NOW.toISOString() } }, found.etag);
    expect((await log.list('warwickshire')).map((e) => [e.actorId, e.verb])).toEqual([
      ['aad-officer', 'meeting-create'],
      ['aad-chair', 'meeting-update'],
      ['aad-lead-wcc', 'meeting-update'],
      [SYSTEM_ACTOR, 'meeting-update'],
    ]);
  });

  it('tells a new update round, started by its requester, from the bot noting its channel card', async () => {
    const { log, audited } = setUp();
    const round = { startedAt: NOW.toISOString(), requestedById: 'aad-officer', requestedByName: 'Priya Officer' };
    await audited.updateRounds.save('warwickshire', round);
    await audited.updateRounds.save('warwickshire', { ...round, channelActivityId: 'activity-1' });
    expect((await log.list('warwickshire')).map((e) => [e.actorId, e.verb])).toEqual([
      ['aad-officer', 'update-round-start'],
      [SYSTEM_ACTOR, 'update-round-save'],
    ]);
  });

  it('records partnership, organisation and guidance saves under their author', async () => {
    const log = new MemoryAuditLog();
    const audited = auditRepositories(
      { partnerships: new MemoryPartnershipRepository(), organisations: new MemoryOrganisationRepository(), guidance: new MemoryGuidanceRepository() },
      new AuditRecorder(
        log,
        () => NOW,
        () => undefined,
        HASHER,
      ),
    );
    const tool = { id: 'cli:seed-demo', name: 'Demo seed' };
    await audited.partnerships.save(
      { id: 'warwickshire', name: 'Warwickshire Prevent Partnership', timeZone: 'Europe/London', frameworkId: 'home-office-2018', tenantIds: [] },
      tool,
    );
    await audited.organisations.save('warwickshire', { id: 'wcc', name: 'Warwickshire County Council', sector: 'local-government', aliases: [] }, tool);
    await audited.guidance.save('warwickshire', demoGuidance(), tool);
    expect((await log.list('warwickshire')).map((e) => [e.actorId, e.verb, e.entity])).toEqual([
      ['cli:seed-demo', 'partnership-save', 'partnership:warwickshire'],
      ['cli:seed-demo', 'organisation-save', 'organisation:wcc'],
      ['cli:seed-demo', 'guidance-save', 'guidance'],
    ]);
  });

  it('keeps a chain that verifies across every kind of write', async () => {
    const { log, audited, inner } = setUp();
    await audited.actions.savePlan('warwickshire', [sampleAction('3.1')], OFFICER);
    const { etag } = (await inner.actions.get('warwickshire', '3.1'))!;
    await audited.actions.recordUpdate('warwickshire', '3.1', sampleProgress('nonce-0002'), etag);
    await audited.meetings.create('warwickshire', sampleMeeting());
    expect(verifyChain(await log.list('warwickshire'), await log.head('warwickshire'))).toEqual({ intact: true, entries: 3 });
  });

  it('keeps the write but raises and reports it when the log cannot record it', async () => {
    const { audited, inner, failures } = setUp(new FailingAuditLog());
    const member = { aadObjectId: 'aad-chair', name: 'Charles Chair', role: 'chair' as const };
    await expect(audited.members.save('warwickshire', member, OFFICER)).rejects.toThrow(AuditNotRecordedError);
    expect(await inner.members.get('warwickshire', 'aad-chair')).toEqual(member);
    expect(failures.map((f) => (f.event as AuditEvent).entity)).toEqual(['member:aad-chair']);
  });

  it("records the partnership channel being set as the Prevent Officer's act, hashing where it points", async () => {
    const log = new MemoryAuditLog();
    const { channels } = auditRepositories(
      { channels: new MemoryChannelRepository() },
      new AuditRecorder(
        log,
        () => NOW,
        () => undefined,
        HASHER,
      ),
    );
    const reference = JSON.stringify({ conversation: { id: '19:steering-group@thread.tacv2' } });
    await channels.save('warwickshire', {
      reference,
      teamId: 'team-1',
      name: 'Steering Group',
      pinnedBy: { aadObjectId: 'aad-officer', name: 'Priya Officer' },
      pinnedAt: NOW.toISOString(),
    });
    const entries = await log.list('warwickshire');
    expect(entries.map((e) => [e.actorId, e.verb, e.entity])).toEqual([['aad-officer', 'channel-pin', 'partnership-channel']]);
    expect(JSON.stringify(entries)).not.toMatch(/steering-group@thread|Priya/);
  });

  it("records Teams' renaming or removing the channel, and a forgotten 1:1 chat, as the bot's acts; nothing to forget records nothing", async () => {
    const log = new MemoryAuditLog();
    const { channels, members } = auditRepositories(
      { channels: new MemoryChannelRepository(), members: new MemoryMemberRepository() },
      new AuditRecorder(
        log,
        () => NOW,
        () => undefined,
        HASHER,
      ),
    );
    const reference = JSON.stringify({ conversation: { id: '19:steering-group@thread.tacv2' } });
    await channels.save('warwickshire', {
      reference,
      teamId: 'team-1',
      name: 'Steering Group',
      pinnedBy: { aadObjectId: 'aad-officer', name: 'Priya Officer' },
      pinnedAt: NOW.toISOString(),
    });
    await channels.rename('warwickshire', 'Prevent Steering Group');
    await channels.forget('warwickshire');
    await channels.forget('warwickshire');
    await members.saveConversationReference('warwickshire', 'aad-police', JSON.stringify({ conversation: { id: 'a:police-chat' } }));
    await expect(members.forgetConversationReference('warwickshire', 'aad-police')).resolves.toBe(true);
    await expect(members.forgetConversationReference('warwickshire', 'aad-police')).resolves.toBe(false);
    const entries = await log.list('warwickshire');
    expect(entries.map((e) => [e.actorId, e.verb, e.entity])).toEqual([
      ['aad-officer', 'channel-pin', 'partnership-channel'],
      [SYSTEM_ACTOR, 'channel-rename', 'partnership-channel'],
      [SYSTEM_ACTOR, 'channel-forget', 'partnership-channel'],
      [SYSTEM_ACTOR, 'personal-chat-forget', 'personal-chat:aad-police'],
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/steering-group@thread|police-chat|Steering Group/);
  });
});
