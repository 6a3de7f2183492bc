import type { Action, ActionProgress } from '../../src/domain/actions/action';
import { ConflictError, InvalidError } from '../../src/domain/errors';
import type { ActionRepository } from '../../src/domain/ports';

const author = { id: 'aad-officer', name: 'Priya Officer' };

export function sampleAction(id: string, overrides: Partial<Action> = {}): Action {
  const themeNumber = Number(id.split('.')[0]);
  return {
    id,
    themeNumber,
    themeTitle: `Theme ${themeNumber}`,
    text: `Action ${id} text`,
    who: 'Police Prevent Team',
    ownerOrganisationIds: ['police'],
    timescale: 'March 2018',
    dueDate: '2018-03-31',
    recurring: false,
    outcomes: 'Outcomes',
    notes: '',
    flags: [],
    ...overrides,
  };
}

export function sampleProgress(nonce: string, overrides: Partial<ActionProgress> = {}): ActionProgress {
  return {
    status: 'on-track',
    progressNote: 'Sessions delivered as planned.',
    updatedById: 'aad-police',
    updatedByName: 'Pat Police',
    updatedAt: new Date().toISOString(),
    nonce,
    ...overrides,
  };
}

/** The behaviour every ActionRepository must have, memory or Azure Tables. */
export function describeActionRepositoryContract(name: string, make: () => Promise<ActionRepository>): void {
  describe(`${name}: ActionRepository contract`, () => {
    let repository: ActionRepository;
    beforeEach(async () => {
      repository = await make();
      await repository.savePlan('warwickshire', [sampleAction('3.1'), sampleAction('2.10'), sampleAction('2.9')], author);
    });

    it('lists actions in plan order, 2.9 before 2.10', async () => {
      expect((await repository.list('warwickshire')).map((r) => r.action.id)).toEqual(['2.9', '2.10', '3.1']);
    });

    it('keeps partnerships apart', async () => {
      await expect(repository.list('elsewhere')).resolves.toEqual([]);
    });

    it('records an update as the current progress', async () => {
      const { etag } = (await repository.get('warwickshire', '3.1'))!;
      const { record, duplicate } = await repository.recordUpdate('warwickshire', '3.1', sampleProgress('nonce-0001'), etag);
      expect(duplicate).toBe(false);
      expect(record.progress).toMatchObject({ status: 'on-track', updatedByName: 'Pat Police' });
      expect((await repository.get('warwickshire', '3.1'))!.progress?.nonce).toBe('nonce-0001');
    });

    it('records the same submit only once, however often it arrives', async () => {
      const { etag } = (await repository.get('warwickshire', '3.1'))!;
      await repository.recordUpdate('warwickshire', '3.1', sampleProgress('nonce-twice'), etag);
      const again = await repository.recordUpdate('warwickshire', '3.1', sampleProgress('nonce-twice'), etag);
      expect(again.duplicate).toBe(true);
      expect(await repository.history('warwickshire', '3.1')).toHaveLength(1);
    });

    it('refuses an update carrying a stale ETag and keeps the newer one', async () => {
      const { etag } = (await repository.get('warwickshire', '3.1'))!;
      await repository.recordUpdate('warwickshire', '3.1', sampleProgress('nonce-first', { status: 'at-risk' }), etag);
      await expect(repository.recordUpdate('warwickshire', '3.1', sampleProgress('nonce-second'), etag)).rejects.toBeInstanceOf(ConflictError);
      expect((await repository.get('warwickshire', '3.1'))!.progress?.status).toBe('at-risk');
    });

    it('keeps every update in history, newest first', async () => {
      let { etag } = (await repository.get('warwickshire', '3.1'))!;
      const statuses = ['on-track', 'at-risk', 'complete'] as const;
      for (const [i, status] of statuses.entries()) {
        const at = new Date(Date.UTC(2026, 10, 1 + i)).toISOString();
        ({ etag } = (await repository.recordUpdate('warwickshire', '3.1', sampleProgress(`nonce-h${i}xxxx`, { status, updatedAt: at }), etag)).record);
      }
      expect((await repository.history('warwickshire', '3.1')).map((u) => u.status)).toEqual(['complete', 'at-risk', 'on-track']);
      expect(await repository.history('warwickshire', '2.9')).toEqual([]);
    });

    it('keeps recorded progress when the plan is imported again', async () => {
      const { etag } = (await repository.get('warwickshire', '3.1'))!;
      await repository.recordUpdate('warwickshire', '3.1', sampleProgress('nonce-keep'), etag);
      await repository.savePlan('warwickshire', [sampleAction('3.1', { text: 'Reworded action' })], author);
      const record = (await repository.get('warwickshire', '3.1'))!;
      expect(record.action.text).toBe('Reworded action');
      expect(record.progress?.nonce).toBe('nonce-keep');
    });

    it('refuses an invalid update and writes nothing', async () => {
      const { etag } = (await repository.get('warwickshire', '3.1'))!;
      const invalid = sampleProgress('nonce-bad', { evidenceUrl: 'not a url' });
      await expect(repository.recordUpdate('warwickshire', '3.1', invalid, etag)).rejects.toBeInstanceOf(InvalidError);
      expect(await repository.history('warwickshire', '3.1')).toEqual([]);
    });
  });
}
