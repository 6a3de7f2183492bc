import { AssuranceChaseSource } from '../../../../src/domain/assurance/assurance-chasers';
import { ChaserService } from '../../../../src/domain/chasers/chaser-service';
import { chaserOnceKey } from '../../../../src/domain/chasers/chasers';
import { Outbox } from '../../../../src/domain/outbox/outbox';
import { MemoryAssessmentRepository } from '../../../../src/storage/memory/memory-assessment-repository';
import { MemoryAssuranceRepository } from '../../../../src/storage/memory/memory-assurance-repository';
import { MemoryMeetingRepository } from '../../../../src/storage/memory/memory-meeting-repository';
import { MemoryOutboxRepository } from '../../../../src/storage/memory/memory-outbox-repository';
import { chaserCard } from '../../../../src/cards/chaser-card';
import { sampleAnswer, sampleRequest } from '../../../support/assurance-repository-contract';
import { chair, NOW, officer, P, world } from '../services/world';

/** This year's statements requested, due 18 December: the police have confirmed, health is part-way. */
async function setUp(dueOn = '2026-12-18') {
  const w = await world();
  const assurance = new MemoryAssuranceRepository();
  await assurance.createRequest(P, sampleRequest('2026-27', { dueOn }));
  const police = {
    year: '2026-27',
    organisationId: 'police',
    answers: { records: sampleAnswer('in-place') },
    confirmedAt: NOW.toISOString(),
    confirmedById: 'aad-police',
    confirmedByName: 'Pat Police',
  };
  await assurance.saveStatement(
    P,
    police,
    { nonce: 'nonce-police-01', byId: 'aad-police', byName: 'Pat Police', at: NOW.toISOString(), confirmed: true, changes: [] },
    'nonce-police-01',
    undefined,
  );
  await assurance.saveStatement(
    P,
    { year: '2026-27', organisationId: 'health', answers: {} },
    { nonce: 'nonce-health-01', byId: 'aad-health', byName: 'Hana Health', at: NOW.toISOString(), confirmed: false, changes: [] },
    'nonce-health-01',
    undefined,
  );
  const outboxRepository = new MemoryOutboxRepository();
  const outbox = new Outbox(
    outboxRepository,
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
    w.channels,
    [new AssuranceChaseSource(assurance, () => NOW)],
  );
  return { chasers, outboxRepository };
}

describe('chasing annual assurance statements', () => {
  it('lists every organisation that has not confirmed, part-way or not started, until the statements are due', async () => {
    const { chasers } = await setUp();
    const { subjects } = await chasers.notReplied(P, chair);
    const subject = subjects.find((s) => s.kind === 'assurance-statement')!;
    expect(subject).toMatchObject({ id: '2026-27', title: 'Annual assurance statement 2026-27', deadline: '2026-12-18' });
    expect(subject.owing.map((o) => o.organisation.id).sort()).toEqual(['health', 'schools', 'wcc']);
  });

  it('stops once the due date has passed', async () => {
    const { chasers } = await setUp('2026-12-02');
    expect((await chasers.openSubjects(P)).some((s) => s.kind === 'assurance-statement')).toBe(false);
  });

  it('chases each lead at most once a day, on the same once-key pattern as the other chasers', async () => {
    const { chasers } = await setUp();
    const { targets } = await chasers.toChase(P, officer);
    const health = targets.find((t) => t.subject.kind === 'assurance-statement' && t.owing.organisation.id === 'health')!;
    expect(health.onceKey).toBe(chaserOnceKey({ kind: 'assurance-statement', id: '2026-27' }, 'aad-health', '2026-12-03'));
    expect(health.chasedToday).toBe(false);
  });

  it("renders a chaser whose button opens the organisation's statement", async () => {
    const { chasers } = await setUp();
    const { subjects } = await chasers.toChase(P, officer);
    const subject = subjects.find((s) => s.kind === 'assurance-statement')!;
    const card = JSON.stringify(chaserCard(subject, subject.owing.find((o) => o.organisation.id === 'health')!));
    expect(card).toContain('South Warwickshire NHS has not yet confirmed its annual assurance statement 2026');
    expect(card).toContain('"kind":"assurance-statement"');
    expect(card).toContain('Open the assurance statement');
  });
});
