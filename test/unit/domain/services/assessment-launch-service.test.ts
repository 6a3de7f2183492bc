import { randomUUID } from 'node:crypto';
import { AssessmentLaunchService } from '../../../../src/domain/assessment/assessment-launch-service';
import { AssessmentService } from '../../../../src/domain/assessment/assessment-service';
import { ForbiddenError } from '../../../../src/domain/errors';
import { screenForPersonalData } from '../../../../src/domain/privacy/screen';
import { loadFrameworks } from '../../../../src/storage/files/framework-files';
import { MemoryAssessmentRepository } from '../../../../src/storage/memory/memory-assessment-repository';
import { CHANNEL, chair, NOW, officer, P, POLICE_CHAT, policeLead, world } from './world';

const ROUND = { name: '2026/27 Q3', frameworkId: 'home-office-2018', closesOn: '2026-12-31' };

async function setUp() {
  const w = await world();
  const assessments = new AssessmentService(new MemoryAssessmentRepository(), new Map(await loadFrameworks()), w.organisations, w.members, screenForPersonalData, () => NOW);
  const reminders = { chaserDates: (deadline: string) => [`${deadline} minus 7`, `${deadline} minus 2`] };
  const launch = new AssessmentLaunchService(assessments, w.members, w.channels, async () => 'home-office-2018', reminders);
  return { ...w, assessments, launch };
}

describe('AssessmentLaunchService.startChoices', () => {
  it("offers the Prevent Officer every framework, the partnership's own chosen", async () => {
    const { frameworks, frameworkId } = await (await setUp()).launch.startChoices(P, officer);
    expect(frameworks.map((f) => f.id)).toContain('home-office-2018');
    expect(frameworkId).toBe('home-office-2018');
  });

  it('is refused to anyone else', async () => {
    await expect((await setUp()).launch.startChoices(P, chair)).rejects.toThrow(ForbiddenError);
  });
});

describe('AssessmentLaunchService.start', () => {
  it('opens the round and gives each organisation its leads, with their chats, and a first page where someone can be asked', async () => {
    const { launch } = await setUp();
    const started = await launch.start(P, officer, ROUND);
    if (started.kind !== 'started') throw new Error(`not started: ${started.problems.join('; ')}`);
    expect(started.round).toMatchObject({ id: '2026-27-q3', name: '2026/27 Q3', closesOn: '2026-12-31' });
    expect(started.requests.map((r) => [r.organisation.id, r.recipients.map((m) => [m.aadObjectId, m.reference]), r.firstPage?.index])).toEqual([
      ['schools', [], undefined],
      ['health', [['aad-health', undefined]], 0],
      ['wcc', [], undefined],
      ['police', [['aad-police', POLICE_CHAT]], 0],
    ]);
    expect(started.chaserDates).toEqual(['2026-12-31 minus 7', '2026-12-31 minus 2']);
    expect(started.channel).toBeUndefined();
  });

  it('gives the progress card to post once a channel is pinned', async () => {
    const { launch, pinChannel } = await setUp();
    await pinChannel();
    const started = await launch.start(P, officer, ROUND);
    expect(started.kind === 'started' && started.channel).toMatchObject({ reference: CHANNEL, progress: { returned: 0, total: 4 } });
  });

  it('gives the form back with the problem for a past closing date or a name already used', async () => {
    const { launch } = await setUp();
    expect(await launch.start(P, officer, { ...ROUND, closesOn: '2026-12-01' })).toMatchObject({
      kind: 'not-started',
      problems: ['The closing date has already passed.', 'choose a date from today on'],
    });
    await launch.start(P, officer, ROUND);
    const again = await launch.start(P, officer, ROUND);
    expect(again.kind === 'not-started' && again.problems).toEqual([expect.stringContaining('already exists')]);
  });

  it('is refused to a partner lead', async () => {
    await expect((await setUp()).launch.start(P, policeLead, ROUND)).rejects.toThrow(ForbiddenError);
  });
});

describe('AssessmentService.firstIncompletePage', () => {
  it('opens on the first benchmark not yet fully rated', async () => {
    const { launch, assessments } = await setUp();
    await launch.start(P, officer, ROUND);
    const first = await assessments.firstIncompletePage(P, policeLead, '2026-27-q3', 'police');
    expect(first.index).toBe(0);
    const ratings = first.section.items.map((item) => ({ itemId: item.id, rating: 'achieving' as const, details: '' }));
    await assessments.savePage(P, policeLead, { roundId: '2026-27-q3', organisationId: 'police', sectionNumber: first.section.number, ratings, nonce: randomUUID() });
    expect((await assessments.firstIncompletePage(P, policeLead, '2026-27-q3', 'police')).index).toBe(1);
  });

  it("is refused to another organisation's lead", async () => {
    const { launch, assessments } = await setUp();
    await launch.start(P, officer, ROUND);
    await expect(assessments.firstIncompletePage(P, policeLead, '2026-27-q3', 'health')).rejects.toThrow(ForbiddenError);
  });
});
