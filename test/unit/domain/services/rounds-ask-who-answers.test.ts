import { randomUUID } from 'node:crypto';
import { NotAnsweringError } from '../../../../src/domain/assessment/answered-by';
import { AssessmentLaunchService } from '../../../../src/domain/assessment/assessment-launch-service';
import { AssessmentService } from '../../../../src/domain/assessment/assessment-service';
import { frameworkItems, getFramework } from '../../../../src/domain/assessment/framework-catalogue';
import { ChaserService } from '../../../../src/domain/chasers/chaser-service';
import type { Actor, Member } from '../../../../src/domain/partnership/member';
import { Outbox } from '../../../../src/domain/outbox/outbox';
import { screenForPersonalData } from '../../../../src/domain/privacy/screen';
import { ComplianceSummaryService } from '../../../../src/domain/summary/summary-service';
import { loadFrameworks } from '../../../../src/storage/files/framework-files';
import { MemoryAssessmentRepository } from '../../../../src/storage/memory/memory-assessment-repository';
import { MemoryMeetingRepository } from '../../../../src/storage/memory/memory-meeting-repository';
import { MemoryOutboxRepository } from '../../../../src/storage/memory/memory-outbox-repository';
import { NOW, officer, P, policeLead, world } from './world';

const OPCC_CHAT = JSON.stringify({ conversation: { id: 'chat-opcc' } });
const opccLead: Actor = { aadObjectId: 'aad-opcc', name: 'Olu Opcc', role: 'partner-lead', organisationId: 'opcc' };
const OPCC_ROUND = { name: '2026/27 Q3', frameworkId: 'opcc-sop-commitments-2024', closesOn: '2026-12-31' };

/** The services' world, with an Office of the Police and Crime Commissioner among the partners. */
async function setUp() {
  const w = await world();
  await w.organisations.save(
    P,
    { id: 'opcc', name: 'Office of the Police and Crime Commissioner for Warwickshire', sector: 'police', aliases: [], preventLeadId: opccLead.aadObjectId },
    { id: 'test', name: 'test' },
  );
  await w.members.save(P, opccLead as Member, { id: 'test', name: 'test' });
  await w.members.saveConversationReference(P, opccLead.aadObjectId, OPCC_CHAT);
  const frameworks = new Map(await loadFrameworks());
  const repository = new MemoryAssessmentRepository();
  const assessments = new AssessmentService(repository, frameworks, w.organisations, w.members, screenForPersonalData, () => NOW);
  const launch = new AssessmentLaunchService(assessments, w.members, w.channels, async () => 'home-office-2018', { chaserDates: () => [] });
  const outbox = new Outbox(
    new MemoryOutboxRepository(),
    (reference) => ({ conversationId: reference }),
    () => 'batch-1',
    () => NOW,
  );
  const chasers = new ChaserService(
    w.actions,
    w.rounds,
    repository,
    new MemoryMeetingRepository(),
    w.organisations,
    w.members,
    outbox,
    { workingDays: [7, 2], agendaPostWorkingDays: 5 },
    () => NOW,
  );
  const summaries = new ComplianceSummaryService(repository, frameworks, w.organisations, w.members, w.actions, new MemoryMeetingRepository(), () => NOW);
  return { ...w, frameworks, repository, assessments, launch, chasers, summaries };
}

async function started(launch: AssessmentLaunchService, input = OPCC_ROUND) {
  const result = await launch.start(P, officer, input);
  if (result.kind !== 'started') throw new Error(`not started: ${result.problems.join('; ')}`);
  return result;
}

describe('a round of a framework answered by named organisations (the OPCC its own SOP commitments)', () => {
  it('offers each framework with who answers it', async () => {
    const { frameworks } = await (await setUp()).launch.startChoices(P, officer);
    expect(frameworks).toEqual(
      expect.arrayContaining([
        { id: 'home-office-2018', title: expect.any(String), answeredBy: 'every specified authority' },
        { id: 'opcc-sop-commitments-2024', title: expect.any(String), answeredBy: 'the Office of the Police and Crime Commissioner' },
      ]),
    );
  });

  it("offers the quorum of the organisations that answer the partnership's framework, preselected by its own id even when set up with the old one", async () => {
    const w = await setUp();
    const launch = new AssessmentLaunchService(w.assessments, w.members, w.channels, async () => 'home-office-2024', { chaserDates: () => [] });
    expect(await launch.startChoices(P, officer)).toMatchObject({ frameworkId: 'opcc-sop-commitments-2024', quorum: 1, organisations: 1 });
  });

  it('asks only the OPCC: one rating card, a quorum of one, and the organisations asked kept on the round', async () => {
    const { launch } = await setUp();
    const result = await started(launch);
    expect(result.requests.map((r) => [r.organisation.id, r.recipients.map((m) => [m.aadObjectId, m.reference]), r.firstPage?.index])).toEqual([
      ['opcc', [['aad-opcc', OPCC_CHAT]], 0],
    ]);
    expect(result.round).toMatchObject({ frameworkId: 'opcc-sop-commitments-2024', quorum: 1, organisationIds: ['opcc'] });
  });

  it('starts a round chosen by the old id "home-office-2024" on the renamed framework', async () => {
    const { launch } = await setUp();
    expect((await started(launch, { ...OPCC_ROUND, frameworkId: 'home-office-2024' })).round.frameworkId).toBe('opcc-sop-commitments-2024');
  });

  it('refuses a quorum above the one organisation that answers, with the form back', async () => {
    const { launch } = await setUp();
    expect(await launch.start(P, officer, { ...OPCC_ROUND, quorum: 2 })).toMatchObject({
      kind: 'not-started',
      problems: ["The quorum cannot be more than the one organisation that answers Warwickshire OPCC's own Prevent commitments (Prevent Duty SOP 2024).", 'choose 1 to 1'],
    });
  });

  it('counts only the OPCC in the progress card and in who has not replied', async () => {
    const { launch, assessments, chasers } = await setUp();
    const { round } = await started(launch);
    expect(await assessments.progress(P, round.id)).toMatchObject({ returned: 0, total: 1, waitingFor: ['Office of the Police and Crime Commissioner for Warwickshire'] });
    const { subjects } = await chasers.notReplied(P, officer);
    const selfAssessment = subjects.find((s) => s.kind === 'self-assessment');
    expect(selfAssessment?.owing.map((o) => o.organisation.id)).toEqual(['opcc']);
  });

  it('refuses, with a coded error saying who answers, a rating from an organisation it does not ask', async () => {
    const { launch, assessments } = await setUp();
    const { round } = await started(launch);
    const refusal = assessments.page(P, policeLead, round.id, 'police', 0);
    await expect(refusal).rejects.toBeInstanceOf(NotAnsweringError);
    await expect(refusal).rejects.toMatchObject({
      code: 'forbidden',
      message:
        "Warwickshire Police is not asked to rate Warwickshire OPCC's own Prevent commitments (Prevent Duty SOP 2024) in the 2026/27 Q3 self-assessment: it is answered by the Office of the Police and Crime Commissioner.",
    });
    await expect(assessments.resume(P, policeLead)).rejects.toBeInstanceOf(NotAnsweringError);
    await expect(assessments.page(P, officer, round.id, 'police', 0)).rejects.toBeInstanceOf(NotAnsweringError);
    const view = await assessments.progressView(P, policeLead, round.id);
    expect(view.own).toBeUndefined();
  });

  it('summarises the OPCC\'s return as "1 of 1 organisations", saying who answers the framework', async () => {
    const { launch, assessments, summaries, frameworks } = await setUp();
    const { round } = await started(launch);
    const framework = getFramework(frameworks, round.frameworkId);
    for (const [index, section] of framework.sections.entries()) {
      const page = await assessments.page(P, opccLead, round.id, 'opcc', index);
      await assessments.savePage(P, opccLead, {
        roundId: round.id,
        organisationId: 'opcc',
        sectionNumber: section.number,
        ratings: section.items.map((item) => ({ itemId: item.id, rating: 'achieving', details: '' })),
        nonce: randomUUID(),
        ...(page.etag ? { etag: page.etag } : {}),
      });
    }
    const record = await assessments.page(P, opccLead, round.id, 'opcc', 0);
    await assessments.submit(P, opccLead, { roundId: round.id, organisationId: 'opcc', nonce: randomUUID(), ...(record.etag ? { etag: record.etag } : {}) });
    const summary = await summaries.summary(P, officer);
    expect(summary.returns).toMatchObject({ returned: 1, total: 1, notReturned: [], quorum: 1, provisional: false });
    expect(summary.framework).toMatchObject({ id: 'opcc-sop-commitments-2024', answeredBy: 'the Office of the Police and Crime Commissioner' });
    expect(summary.overall.score).toBe(100);
    expect(frameworkItems(framework)).toHaveLength(49);
    const report = await summaries.reportData(P, officer);
    expect(report.organisations.map((o) => o.id)).toEqual(['opcc']);
  });

  it("shows a partner lead their organisation's latest round that asks it, not the OPCC's own", async () => {
    const { launch, summaries, repository } = await setUp();
    await repository.createRound(P, {
      id: '2026-27-q2',
      name: '2026/27 Q2',
      frameworkId: 'home-office-2018',
      closesOn: '2026-09-30',
      startedAt: '2026-09-01T09:00:00.000Z',
      startedById: officer.aadObjectId,
      startedByName: officer.name,
      organisationIds: ['wcc', 'police', 'health', 'schools'],
    });
    await started(launch);
    expect((await summaries.organisationView(P, policeLead)).assessment?.round.name).toBe('2026/27 Q2');
    expect((await summaries.organisationView(P, opccLead)).assessment?.round.name).toBe('2026/27 Q3');
  });
});

describe('a round stored before frameworks said who answers them', () => {
  it('still summarises under the old id "home-office-2024", counting every organisation it asked', async () => {
    const { repository, summaries } = await setUp();
    await repository.createRound(P, {
      id: '2025-26-q4',
      name: '2025/26 Q4',
      frameworkId: 'home-office-2024',
      closesOn: '2026-03-31',
      startedAt: '2026-03-01T09:00:00.000Z',
      startedById: officer.aadObjectId,
      startedByName: officer.name,
    });
    const { record } = await repository.saveReturn(
      P,
      {
        roundId: '2025-26-q4',
        organisationId: 'police',
        ratings: { '1.4': { rating: 'developing', details: '', updatedById: 'aad-police', updatedByName: 'Pat Police', updatedAt: '2026-03-02T09:00:00.000Z' } },
      },
      [],
      randomUUID(),
      undefined,
    );
    await repository.saveReturn(
      P,
      { ...record.value, submittedAt: '2026-03-02T10:00:00.000Z', submittedById: 'aad-police', submittedByName: 'Pat Police' },
      [],
      randomUUID(),
      record.etag,
    );
    const summary = await summaries.summary(P, officer);
    expect(summary.framework.id).toBe('opcc-sop-commitments-2024');
    expect(summary.returns).toMatchObject({ returned: 1, total: 5 });
    expect(summary.benchmarks[0]).toMatchObject({ number: 1, counts: { developing: 1 } });
  });
});
