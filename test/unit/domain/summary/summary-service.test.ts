import { randomUUID } from 'node:crypto';
import { loadFrameworks } from '../../../../src/storage/files/framework-files';
import type { Actor } from '../../../../src/domain/partnership/member';
import { ComplianceSummaryService } from '../../../../src/domain/summary/summary-service';
import { MemoryActionRepository } from '../../../../src/storage/memory/memory-action-repository';
import { MemoryAssessmentRepository } from '../../../../src/storage/memory/memory-assessment-repository';
import { MemoryMeetingRepository } from '../../../../src/storage/memory/memory-meeting-repository';
import { MemoryMemberRepository } from '../../../../src/storage/memory/memory-member-repository';
import { MemoryOrganisationRepository } from '../../../../src/storage/memory/memory-organisation-repository';
import type { OrganisationReturn } from '../../../../src/domain/assessment/assessment';
import { actionRecords, FRAMEWORK, meeting, ORGANISATIONS, reply, round, THIS_RETURNS, PREVIOUS_RETURNS } from '../../../support/summary-fixtures';

const P = 'warwickshire';
const author = { id: 'test', name: 'test' };
const chair: Actor = { aadObjectId: 'aad-chair', name: 'Charles Chair', role: 'chair' };
const officer: Actor = { aadObjectId: 'aad-officer', name: 'Priya Officer', role: 'prevent-officer', organisationId: 'alpha' };
const bravoLead: Actor = { aadObjectId: 'aad-bravo', name: 'Pat Police', role: 'partner-lead', organisationId: 'bravo' };
const staff: Actor = { aadObjectId: 'aad-staff', name: 'Stella Staff', role: 'staff' };
const NOW = new Date('2026-11-22T10:00:00Z');

async function world() {
  const frameworks = new Map(await loadFrameworks());
  frameworks.set(FRAMEWORK.id, FRAMEWORK);
  const assessments = new MemoryAssessmentRepository();
  const organisations = new MemoryOrganisationRepository();
  for (const o of ORGANISATIONS)
    await organisations.save(P, { ...o, sector: 'local-government', aliases: [], ...(o.id === 'bravo' ? { preventLeadId: 'aad-bravo' } : {}) }, author);
  const members = new MemoryMemberRepository();
  await members.save(P, { aadObjectId: officer.aadObjectId, name: officer.name, role: 'prevent-officer', organisationId: 'alpha' }, author);
  await members.save(P, { aadObjectId: bravoLead.aadObjectId, name: bravoLead.name, role: 'partner-lead', organisationId: 'bravo' }, author);
  const actions = new MemoryActionRepository();
  await actions.savePlan(
    P,
    actionRecords().map((r) => r.action),
    author,
  );
  const meetings = new MemoryMeetingRepository();
  const service = new ComplianceSummaryService(assessments, frameworks, organisations, members, actions, meetings, () => NOW);
  const store = async (value: OrganisationReturn) => {
    const { submittedAt, submittedById, submittedByName, ...draft } = value;
    const { record } = await assessments.saveReturn(P, draft, [], randomUUID(), undefined);
    if (submittedAt) await assessments.saveReturn(P, { ...draft, submittedAt, submittedById: submittedById!, submittedByName: submittedByName! }, [], randomUUID(), record.etag);
  };
  return { service, assessments, meetings, store };
}

/** This round (Q3 2026/27) and the one before it, with the fixture's returns (see summarise.test.ts). */
async function withTwoRounds() {
  const w = await world();
  await w.assessments.createRound(P, round('2025-26-q3', '2025-10-01T09:00:00.000Z'));
  await w.assessments.createRound(P, round('2026-27-q3', '2026-10-01T09:00:00.000Z'));
  for (const r of [...PREVIOUS_RETURNS, ...THIS_RETURNS]) await w.store(r);
  return w;
}

describe('ComplianceSummaryService.summary', () => {
  it('summarises the most recently started round, against the round before it', async () => {
    const { service } = await withTwoRounds();
    const summary = await service.summary(P, chair, {});
    expect(summary.round.name).toBe('2026/27 Q3');
    expect(summary.previousRound?.name).toBe('2025/26 Q3');
    // Hand-checked in summarise.test.ts: 25%, 75%, 50% against 25%, 25%, 75%; overall 50% from 42%.
    expect(summary.benchmarks.map((b) => [b.score, b.movement])).toEqual([
      [25, 'same'],
      [75, 'up'],
      [50, 'down'],
    ]);
    expect(summary.overall).toEqual({ score: 50, previousScore: 42, movement: 'up' });
    expect(summary.returns).toMatchObject({ returned: 2, total: 4 });
  });

  it('summarises a round asked for by name, however it is typed', async () => {
    const { service } = await withTwoRounds();
    const summary = await service.summary(P, officer, { roundName: '2025-26 q3' });
    expect(summary.round.id).toBe('2025-26-q3');
    expect(summary.previousRound).toBeUndefined();
  });

  it('compares only with an earlier round of the same framework', async () => {
    const { service, assessments } = await withTwoRounds();
    await assessments.createRound(P, round('2026-27-q1', '2026-05-01T09:00:00.000Z', 'home-office-2024'));
    expect((await service.summary(P, chair, {})).previousRound?.id).toBe('2025-26-q3');
  });

  it('names the rounds that exist when asked for one that does not', async () => {
    const { service } = await withTwoRounds();
    await expect(service.summary(P, chair, { roundName: '2024/25 Q1' })).rejects.toThrow('There is no self-assessment round "2024/25 Q1". The rounds are: 2026/27 Q3, 2025/26 Q3.');
  });

  it('tells the Prevent Officer to start self-assessment when there is no round at all', async () => {
    const { service } = await world();
    await expect(service.summary(P, chair, {})).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('"start self-assessment"') });
  });

  it('refuses a benchmark the framework does not have', async () => {
    const { service } = await withTwoRounds();
    await expect(service.summary(P, chair, { benchmark: 12 })).rejects.toThrow('There is no benchmark 12 in Test toolkit; its benchmarks are 1 to 3.');
  });

  it.each([bravoLead, staff])('is only for the chair and the Prevent Officer, not $role', async (actor) => {
    const { service } = await withTwoRounds();
    await expect(service.summary(P, actor, {})).rejects.toMatchObject({ code: 'forbidden' });
    await expect(service.reportData(P, actor)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('shows attendance at the last meeting that has started, not at one still to come', async () => {
    const { service, meetings } = await withTwoRounds();
    await meetings.create(P, meeting({ alpha: reply('attending') }));
    await meetings.create(P, { ...meeting({ bravo: reply('apologies') }), id: '2027-03-12-1000', startsAt: '2027-03-12T10:00:00.000Z' });
    const { attendance } = await service.summary(P, chair, {});
    expect(attendance?.meetingId).toBe('2026-11-12-1000');
    expect(attendance?.attended.map((o) => o.name)).toEqual(['Alpha Council']);
  });
});

describe('ComplianceSummaryService.readQuestion', () => {
  async function with2018Round() {
    const w = await world();
    await w.assessments.createRound(P, round('2026-27-q2', '2026-07-01T09:00:00.000Z', 'home-office-2018'));
    await w.assessments.createRound(P, round('2026-27-q3', '2026-10-01T09:00:00.000Z', 'home-office-2018'));
    return w;
  }

  it('finds the benchmark from the words of its title: "training" is 7 Training Programme in the 2018 toolkit', async () => {
    const { service } = await with2018Round();
    await expect(service.readQuestion(P, 'how are we doing on training?')).resolves.toEqual({ benchmark: 7 });
  });

  it('reads the round named in the question', async () => {
    const { service } = await with2018Round();
    await expect(service.readQuestion(P, 'summary for 2026/27 Q2')).resolves.toEqual({ roundName: '2026/27 Q2' });
  });

  it('reads both together', async () => {
    const { service } = await with2018Round();
    await expect(service.readQuestion(P, 'how did we do on the referral process in 2026/27 Q2')).resolves.toEqual({ roundName: '2026/27 Q2', benchmark: 4 });
  });

  it('asks for the whole summary when the question names no benchmark', async () => {
    const { service } = await with2018Round();
    await expect(service.readQuestion(P, 'how are we doing?')).resolves.toEqual({});
  });

  it('reads a benchmark number in words: "benchmark seven"', async () => {
    const { service } = await with2018Round();
    await expect(service.readQuestion(P, 'how are we doing on benchmark seven')).resolves.toEqual({ benchmark: 7 });
  });

  it('reads the one organisation a question names, for its own view: "how is the police doing?"', async () => {
    const { service } = await with2018Round();
    await expect(service.readQuestion(P, 'how is the police doing?')).resolves.toEqual({ organisationId: 'bravo' });
  });

  it('refuses a round name that matches no round, listing the rounds', async () => {
    const { service } = await with2018Round();
    await expect(service.readQuestion(P, 'summary for 2019/20 Q4')).rejects.toThrow('The rounds are: 2026/27 Q3, 2026/27 Q2.');
  });
});

describe('ComplianceSummaryService.reportData', () => {
  it('gives the summary with the framework, every organisation, every return and every action', async () => {
    const { service } = await withTwoRounds();
    const data = await service.reportData(P, officer);
    expect(data.summary.round.id).toBe('2026-27-q3');
    expect(data.framework.id).toBe(FRAMEWORK.id);
    expect(data.organisations.map((o) => o.name)).toEqual(['Alpha Council', 'Bravo Police', 'Charlie Trust', 'Delta College']);
    // Three returns, submitted or not: Charlie's unsubmitted one is there without submittedAt.
    expect(data.returns.map((r) => [r.organisationId, Boolean(r.submittedAt)])).toEqual([
      ['alpha', true],
      ['bravo', true],
      ['charlie', false],
    ]);
    // The plan has no updates here, so on 22 Nov 2026 a past due date is red and overdue, anything else amber.
    expect(data.actions.map((a) => [a.action.id, a.rag, a.overdue])).toEqual([
      ['1.1', 'red', true],
      ['1.2', 'amber', false],
      ['2.1', 'red', true],
      ['2.2', 'amber', false],
      ['3.1', 'red', true],
      ['3.2', 'amber', false],
    ]);
    expect(data.actions[1]!.owners.map((o) => o.name)).toEqual(['Bravo Police', 'Alpha Council']);
  });
});

describe('ComplianceSummaryService.organisationView', () => {
  it("shows a partner lead their own organisation's return and actions", async () => {
    const { service } = await withTwoRounds();
    const view = await service.organisationView(P, bravoLead);
    expect(view.organisation.name).toBe('Bravo Police');
    expect(view.assessment?.round.name).toBe('2026/27 Q3');
    expect(view.assessment?.status).toBe('submitted');
    expect(view.actions.total).toBe(2);
  });

  it("refuses a partner lead another organisation's view", async () => {
    const { service } = await withTwoRounds();
    await expect(service.organisationView(P, bravoLead, { organisationId: 'alpha' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('has no assessment part before any round is started', async () => {
    const { service } = await world();
    expect((await service.organisationView(P, bravoLead)).assessment).toBeUndefined();
  });

  it('refuses staff, who belong to no organisation', async () => {
    const { service } = await world();
    await expect(service.organisationView(P, staff)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('ComplianceSummaryService.whoToAsk', () => {
  it("names the organisation's Prevent lead and the Prevent Officer", async () => {
    const { service } = await world();
    const member: Actor = { aadObjectId: 'aad-someone', name: 'Sam', role: 'staff', organisationId: 'bravo' };
    await expect(service.whoToAsk(P, member)).resolves.toEqual({ organisationName: 'Bravo Police', preventLeadName: 'Pat Police', preventOfficerNames: ['Priya Officer'] });
  });

  it('names only the Prevent Officer for someone in no organisation', async () => {
    const { service } = await world();
    await expect(service.whoToAsk(P, staff)).resolves.toEqual({ preventOfficerNames: ['Priya Officer'] });
  });
});

describe('ComplianceSummaryService.answer', () => {
  it('gives the chair and the Prevent Officer the whole summary of the latest round', async () => {
    const { service } = await withTwoRounds();
    const answer = await service.answer(P, chair, 'compliance summary');
    expect(answer.kind).toBe('summary');
    expect(answer.kind === 'summary' && answer.summary.round.name).toBe('2026/27 Q3');
  });

  it('gives one benchmark when the question names it, in the round it names', async () => {
    const { service } = await withTwoRounds();
    const answer = await service.answer(P, officer, 'how did we do on training in 2025/26 Q3?');
    expect(answer.kind).toBe('benchmark');
    expect(answer.kind === 'benchmark' && [answer.summary.round.name, answer.summary.benchmarks.map((b) => b.number)]).toEqual(['2025/26 Q3', [2]]);
  });

  it("gives the Steering Group a named organisation's own view", async () => {
    const { service } = await withTwoRounds();
    const answer = await service.answer(P, chair, 'how is the police doing?');
    expect(answer.kind === 'organisation' && answer.view.organisation.name).toBe('Bravo Police');
  });

  it("gives a partner lead their own organisation's view, in the round they name, instead of the summary", async () => {
    const { service } = await withTwoRounds();
    const answer = await service.answer(P, bravoLead, 'summary for 2025/26 Q3');
    expect(answer.kind).toBe('own-organisation');
    expect(answer.kind === 'own-organisation' && [answer.view.organisation.name, answer.view.assessment?.round.name]).toEqual(['Bravo Police', '2025/26 Q3']);
  });

  it('never gives a partner lead another organisation, even when the question names it', async () => {
    const { service } = await withTwoRounds();
    const answer = await service.answer(P, bravoLead, 'how is alpha council doing?');
    expect(answer.kind === 'own-organisation' && answer.view.organisation.name).toBe('Bravo Police');
  });

  it('tells staff who to ask', async () => {
    const { service } = await withTwoRounds();
    await expect(service.answer(P, staff, 'compliance summary')).resolves.toEqual({ kind: 'who-to-ask', whoToAsk: { preventOfficerNames: ['Priya Officer'] } });
  });
});
