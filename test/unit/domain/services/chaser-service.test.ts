import { ForbiddenError } from '../../../../src/domain/errors';
import { ChaserService } from '../../../../src/domain/chasers/chaser-service';
import { Outbox } from '../../../../src/domain/outbox/outbox';
import { MemoryAssessmentRepository } from '../../../../src/storage/memory/memory-assessment-repository';
import { MemoryMeetingRepository } from '../../../../src/storage/memory/memory-meeting-repository';
import { MemoryOutboxRepository } from '../../../../src/storage/memory/memory-outbox-repository';
import { chair, NOW, officer, P, POLICE_CHAT, policeLead, world } from './world';

/** An update round opened yesterday, due in a week, that nobody has answered yet. */
async function setUp() {
  const w = await world();
  await w.rounds.save(P, { startedAt: '2026-12-02T10:00:00.000Z', requestedById: officer.aadObjectId, requestedByName: officer.name, dueOn: '2026-12-10' });
  const outbox = new Outbox(
    new MemoryOutboxRepository(),
    (reference) => ({ conversationId: reference }),
    () => 'batch-1',
    () => NOW,
  );
  const chasers = new ChaserService(
    w.actions,
    w.rounds,
    new MemoryAssessmentRepository(),
    new MemoryMeetingRepository(),
    w.organisations,
    w.members,
    outbox,
    { workingDays: [7, 2], agendaPostWorkingDays: 5 },
    () => NOW,
  );
  return chasers;
}

describe('ChaserService.toChase', () => {
  it('gives the Prevent Officer the open round and everyone owing a reply, with the chats the bot has', async () => {
    const { subjects, targets } = await (await setUp()).toChase(P, officer);
    expect(subjects.map((s) => s.kind)).toEqual(['update-round']);
    expect(targets.map((t) => [t.owing.organisation.id, t.recipient.aadObjectId, t.reference, t.chasedToday])).toEqual([
      ['health', 'aad-health', undefined, false],
      ['police', 'aad-police', POLICE_CHAT, false],
    ]);
  });

  it.each([chair, policeLead])('is refused to anyone but the Prevent Officer (%s)', async (actor) => {
    await expect((await setUp()).toChase(P, actor)).rejects.toThrow(ForbiddenError);
  });
});

describe('ChaserService.notReplied', () => {
  it('shows the Prevent Officer and the chair who owes a reply and the reminder schedule; only the officer may chase', async () => {
    const chasers = await setUp();
    const forOfficer = await chasers.notReplied(P, officer);
    expect(forOfficer.subjects.flatMap((s) => s.owing.map((o) => o.organisation.id))).toEqual(['schools', 'health', 'police']);
    expect(forOfficer.chaserWorkingDays).toEqual([7, 2]);
    expect(forOfficer.canChase).toBe(true);
    expect((await chasers.notReplied(P, chair)).canChase).toBe(false);
  });

  it('is refused to a partner lead', async () => {
    await expect((await setUp()).notReplied(P, policeLead)).rejects.toThrow(ForbiddenError);
  });
});
