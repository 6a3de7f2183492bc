import { ActionUpdateService } from '../../../../src/domain/actions/action-update-service';
import type { ActionRecord } from '../../../../src/domain/actions/action';
import { ConflictError, ForbiddenError } from '../../../../src/domain/errors';
import type { Actor } from '../../../../src/domain/partnership/member';
import type { ActionRepository } from '../../../../src/domain/ports';
import { PersonalDataError } from '../../../../src/domain/privacy/personal-data-error';
import { screenForPersonalData } from '../../../../src/domain/privacy/screen';
import { MemoryActionRepository } from '../../../../src/storage/memory/memory-action-repository';
import { MemoryOrganisationRepository } from '../../../../src/storage/memory/memory-organisation-repository';
import { sampleAction } from '../../../support/action-repository-contract';

const P = 'warwickshire';
const policeLead: Actor = { aadObjectId: 'aad-police', name: 'Pat Police', role: 'partner-lead', organisationId: 'police' };
const healthLead: Actor = { aadObjectId: 'aad-health', name: 'Hana Health', role: 'partner-lead', organisationId: 'swft' };

/** The memory repository, with the reads it is asked for counted and the record each write is given kept. */
async function setUp() {
  const inner = new MemoryActionRepository();
  await inner.savePlan(P, [sampleAction('6.4', { ownerOrganisationIds: ['police'] })], { id: 't', name: 't' });
  const seen = { reads: 0, givenCurrent: [] as (ActionRecord | undefined)[] };
  const actions: ActionRepository = {
    list: (p) => inner.list(p),
    get: (p, id) => (seen.reads++, inner.get(p, id)),
    savePlan: (p, a, author) => inner.savePlan(p, a, author),
    history: (p, id) => inner.history(p, id),
    recordUpdate: (p, id, progress, etag, current) => (seen.givenCurrent.push(current), inner.recordUpdate(p, id, progress, etag, current)),
    linkPriorities: (p, id, ids, etag, author) => inner.linkPriorities(p, id, ids, etag, author),
  };
  const service = new ActionUpdateService(actions, new MemoryOrganisationRepository(), screenForPersonalData, () => new Date('2026-11-22T10:00:00Z'));
  const { etag } = (await inner.get(P, '6.4'))!;
  return { service, seen, etag, inner };
}

const update = (etag: string, overrides: Partial<{ progressNote: string; nonce: string }> = {}) => ({
  actionId: '6.4',
  status: 'on-track' as const,
  progressNote: overrides.progressNote ?? 'Venue checklist agreed with the districts.',
  nonce: overrides.nonce ?? 'nonce-0001',
  etag,
});

describe('submitting an action update (ActionUpdateService.submit)', () => {
  it('reads the action once and hands that read to the write, so neither the audit nor the repository reads it again', async () => {
    const { service, seen, etag } = await setUp();
    const { record, duplicate } = await service.submit(P, policeLead, update(etag));
    expect(duplicate).toBe(false);
    expect(record.progress).toMatchObject({ status: 'on-track', updatedByName: 'Pat Police', updatedAt: '2026-11-22T10:00:00.000Z' });
    expect(seen.reads).toBe(1);
    expect(seen.givenCurrent[0]?.etag).toBe(etag);
  });

  it('refuses a partner from an organisation that does not own the action, writing nothing', async () => {
    const { service, seen, etag } = await setUp();
    await expect(service.submit(P, healthLead, update(etag))).rejects.toBeInstanceOf(ForbiddenError);
    expect(seen.givenCurrent).toEqual([]);
  });

  it('refuses a note that names a person, writing nothing', async () => {
    const { service, seen, etag } = await setUp();
    await expect(service.submit(P, policeLead, update(etag, { progressNote: 'Spoke to John Smith, DOB 12/03/2009, at home.' }))).rejects.toBeInstanceOf(PersonalDataError);
    expect(seen.givenCurrent).toEqual([]);
  });

  it('answers the same card pressed twice with the first update, and a card older than the action as a conflict', async () => {
    const { service, etag } = await setUp();
    await service.submit(P, policeLead, update(etag));
    await expect(service.submit(P, policeLead, update(etag))).resolves.toMatchObject({ duplicate: true });
    await expect(service.submit(P, policeLead, update(etag, { nonce: 'nonce-0002' }))).rejects.toBeInstanceOf(ConflictError);
  });
});
