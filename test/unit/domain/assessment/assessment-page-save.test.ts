import { AssessmentService } from '../../../../src/domain/assessment/assessment-service';
import { ForbiddenError } from '../../../../src/domain/errors';
import type { Actor } from '../../../../src/domain/partnership/member';
import { screenForPersonalData } from '../../../../src/domain/privacy/screen';
import { loadFrameworks } from '../../../../src/storage/files/framework-files';
import { MemoryAssessmentRepository } from '../../../../src/storage/memory/memory-assessment-repository';
import { MemoryMemberRepository } from '../../../../src/storage/memory/memory-member-repository';
import { MemoryOrganisationRepository } from '../../../../src/storage/memory/memory-organisation-repository';
import { sampleRound } from '../../../support/assessment-repository-contract';

const P = 'warwickshire';
const ROUND = '2026-27-q3';
const NOW = new Date('2026-11-22T10:00:00Z');
const policeLead: Actor = { aadObjectId: 'aad-police', name: 'Pat Police', role: 'partner-lead', organisationId: 'police' };
const healthLead: Actor = { aadObjectId: 'aad-health', name: 'Hana Health', role: 'partner-lead', organisationId: 'swft' };

async function service() {
  const assessments = new MemoryAssessmentRepository();
  const organisations = new MemoryOrganisationRepository();
  await organisations.save(P, { id: 'police', name: 'Warwickshire and West Mercia Police', sector: 'police', aliases: [] }, { id: 't', name: 't' });
  await assessments.createRound(P, sampleRound(ROUND, { frameworkId: 'home-office-2018', closesOn: '2026-12-31' }));
  const frameworks = await loadFrameworks();
  const section = frameworks.get('home-office-2018')!.sections[0]!;
  const assessmentService = new AssessmentService(assessments, frameworks, organisations, new MemoryMemberRepository(), screenForPersonalData, () => NOW);
  return { assessments, section, service: assessmentService };
}

type Setup = Awaited<ReturnType<typeof service>>;

/** Every item of the first benchmark rated the same way, as the card's fields would be read. */
const rateAll = (rating: 'developing' | 'achieving', details: string) => (itemIds: readonly string[]) => ({
  ratings: itemIds.map((itemId) => ({ itemId, rating, details })),
  problems: [],
});

function press(setup: Setup, then: 'stay' | 'next' | 'back' | 'submit', extra: { nonce?: string; etag?: string } = {}) {
  return {
    roundId: ROUND,
    organisationId: 'police',
    index: 0,
    sectionNumber: setup.section.number,
    nonce: extra.nonce ?? `nonce-${then}-${Math.random()}`,
    then,
    ...(extra.etag ? { etag: extra.etag } : {}),
  };
}

describe('saving a page of self-assessment ratings (AssessmentService.savePageAndShow)', () => {
  it('saves the ratings and gives back a receipt built from what was written', async () => {
    const setup = await service();
    const outcome = await setup.service.savePageAndShow(P, policeLead, press(setup, 'stay'), rateAll('developing', 'Agreed at the Steering Group.'));
    expect(outcome).toMatchObject({ kind: 'receipt', submitted: false, duplicate: false, savedAt: NOW.toISOString() });
    const stored = await setup.assessments.getReturn(P, ROUND, 'police');
    expect(Object.keys(stored!.value.ratings).sort()).toEqual(setup.section.items.map((item) => item.id).sort());
    expect(outcome.page.etag).toBe(stored!.etag);
    expect(outcome.page.values[setup.section.items[0]!.id]).toEqual({ rating: 'developing', details: 'Agreed at the Steering Group.' });
  });

  it('moves to the next benchmark after saving when Next was pressed', async () => {
    const setup = await service();
    const outcome = await setup.service.savePageAndShow(P, policeLead, press(setup, 'next'), rateAll('achieving', 'In place.'));
    expect(outcome).toMatchObject({ kind: 'page', page: { index: 1 } });
    expect((await setup.assessments.getReturn(P, ROUND, 'police'))?.value.ratings[setup.section.items[0]!.id]?.rating).toBe('achieving');
  });

  it('writes nothing and gives the page back with the problems when the card could not be read', async () => {
    const setup = await service();
    const outcome = await setup.service.savePageAndShow(P, policeLead, press(setup, 'stay'), () => ({
      ratings: [],
      problems: ['1.1: choose a rating for the supporting details you wrote'],
    }));
    expect(outcome).toMatchObject({ kind: 'not-saved', reason: 'invalid', problems: ['1.1: choose a rating for the supporting details you wrote'] });
    expect(await setup.assessments.getReturn(P, ROUND, 'police')).toBeUndefined();
  });

  it('writes nothing when the supporting details name a person', async () => {
    const setup = await service();
    const outcome = await setup.service.savePageAndShow(P, policeLead, press(setup, 'stay'), rateAll('developing', 'Call 07700 900123 about the case.'));
    expect(outcome).toMatchObject({ kind: 'not-saved', reason: 'personal-data' });
    expect(await setup.assessments.getReturn(P, ROUND, 'police')).toBeUndefined();
  });

  it('refuses a card older than the return (someone else saved first) and shows their save', async () => {
    const setup = await service();
    const first = await setup.service.savePageAndShow(P, policeLead, press(setup, 'stay'), rateAll('developing', 'First save.'));
    await setup.service.savePageAndShow(P, policeLead, press(setup, 'stay', { etag: first.page.etag! }), rateAll('achieving', 'Second save.'));
    const stale = await setup.service.savePageAndShow(P, policeLead, press(setup, 'stay', { etag: first.page.etag! }), rateAll('developing', 'Stale card.'));
    expect(stale).toMatchObject({ kind: 'not-saved', reason: 'conflict' });
    expect(stale.page.values[setup.section.items[0]!.id]).toMatchObject({ rating: 'achieving', details: 'Second save.' });
  });

  it('answers a repeated press of the same card as a repeat, writing nothing more', async () => {
    const setup = await service();
    const once = press(setup, 'stay', { nonce: 'nonce-pressed-twice' });
    await setup.service.savePageAndShow(P, policeLead, once, rateAll('developing', 'Pressed twice.'));
    const again = await setup.service.savePageAndShow(P, policeLead, once, rateAll('developing', 'Pressed twice, changed.'));
    expect(again).toMatchObject({ kind: 'receipt', duplicate: true });
    expect((await setup.assessments.history(P, ROUND, 'police')).length).toBe(setup.section.items.length);
  });

  it('saves the page but says what is missing when Submit is pressed before every benchmark is rated', async () => {
    const setup = await service();
    const outcome = await setup.service.savePageAndShow(P, policeLead, press(setup, 'submit'), rateAll('developing', 'Agreed.'));
    expect(outcome).toMatchObject({ kind: 'page', notice: 'Not submitted: some items are not rated yet. This page is saved.' });
    expect((await setup.assessments.getReturn(P, ROUND, 'police'))?.value.submittedAt).toBeUndefined();
  });

  it('refuses someone from another organisation before anything is written', async () => {
    const setup = await service();
    await expect(setup.service.savePageAndShow(P, healthLead, press(setup, 'stay'), rateAll('developing', 'Not ours.'))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await setup.assessments.getReturn(P, ROUND, 'police')).toBeUndefined();
  });
});
