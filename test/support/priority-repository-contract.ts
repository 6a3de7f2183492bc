import { ConflictError } from '../../src/domain/errors';
import type { ActionRepository, PriorityRepository } from '../../src/domain/ports';
import type { PriorityRegister } from '../../src/domain/priorities/priority';
import { sampleAction } from './action-repository-contract';

const author = { id: 'aad-officer', name: 'Priya Officer' };

export function sampleRegister(nonce: string, overrides: Partial<PriorityRegister> = {}): PriorityRegister {
  return {
    financialYear: '2026-27',
    status: 'draft',
    priorities: [{ id: 'P1', title: 'Online radicalisation of young people', description: '', source: 'CTLP 2026', retired: false }],
    updatedById: 'aad-officer',
    updatedByName: 'Priya Officer',
    updatedAt: '2026-03-01T10:00:00.000Z',
    nonce,
    ...overrides,
  };
}

/** The behaviour every PriorityRepository must have, memory or Azure Tables. */
export function describePriorityRepositoryContract(name: string, make: () => Promise<PriorityRepository>): void {
  describe(`${name}: PriorityRepository contract`, () => {
    let repository: PriorityRepository;
    beforeEach(async () => {
      repository = await make();
    });

    it('has no register before the first save', async () => {
      await expect(repository.get('warwickshire', '2026-27')).resolves.toBeUndefined();
      await expect(repository.list('warwickshire')).resolves.toEqual([]);
    });

    it('creates a register only when none exists, then changes it only on the ETag read', async () => {
      const { record } = await repository.save('warwickshire', sampleRegister('nonce-create'), undefined, author);
      await expect(repository.save('warwickshire', sampleRegister('nonce-create-again'), undefined, author)).rejects.toThrow(ConflictError);
      const changed = sampleRegister('nonce-change', { status: 'agreed', agreedOn: '2026-03-12' });
      const saved = await repository.save('warwickshire', changed, record.etag, author);
      expect(saved.duplicate).toBe(false);
      expect(saved.record.etag).not.toBe(record.etag);
      await expect(repository.save('warwickshire', sampleRegister('nonce-stale'), record.etag, author)).rejects.toThrow(ConflictError);
      expect((await repository.get('warwickshire', '2026-27'))!.register).toEqual(changed);
    });

    it('is idempotent on the nonce: a repeat writes nothing, whatever ETag it carries', async () => {
      const { record } = await repository.save('warwickshire', sampleRegister('nonce-once'), undefined, author);
      const again = await repository.save('warwickshire', sampleRegister('nonce-once'), undefined, author);
      expect(again).toEqual({ record, duplicate: true });
      expect(await repository.history('warwickshire', '2026-27')).toHaveLength(1);
    });

    it('keeps every version newest first, and each year and partnership apart', async () => {
      const first = await repository.save('warwickshire', sampleRegister('nonce-v1'), undefined, author);
      await repository.save(
        'warwickshire',
        sampleRegister('nonce-v2', { updatedAt: '2026-03-02T10:00:00.000Z', status: 'agreed', agreedOn: '2026-03-02' }),
        first.record.etag,
        author,
      );
      await repository.save('warwickshire', sampleRegister('nonce-last-year', { financialYear: '2025-26' }), undefined, author);
      expect((await repository.history('warwickshire', '2026-27')).map((r) => r.nonce)).toEqual(['nonce-v2', 'nonce-v1']);
      expect((await repository.list('warwickshire')).map((r) => r.register.financialYear)).toEqual(['2026-27', '2025-26']);
      await expect(repository.list('elsewhere')).resolves.toEqual([]);
    });

    it('refuses a register that is not valid, writing nothing', async () => {
      await expect(repository.save('warwickshire', sampleRegister('nonce-bad', { status: 'agreed' }), undefined, author)).rejects.toMatchObject({
        code: 'invalid',
        details: ['agreedOn: an agreed register needs the date it was agreed'],
      });
      await expect(repository.get('warwickshire', '2026-27')).resolves.toBeUndefined();
    });
  });
}

/** Linking an action to priorities, for every ActionRepository. */
export function describeActionPriorityLinksContract(name: string, make: () => Promise<ActionRepository>): void {
  describe(`${name}: linking actions to priorities`, () => {
    let repository: ActionRepository;
    beforeEach(async () => {
      repository = await make();
      await repository.savePlan('warwickshire', [sampleAction('3.1')], author);
    });

    it('sets the links on the ETag read and keeps the rest of the action', async () => {
      const before = (await repository.get('warwickshire', '3.1'))!;
      const { record, duplicate } = await repository.linkPriorities('warwickshire', '3.1', ['P3', 'P1'], before.etag, author);
      expect(duplicate).toBe(false);
      expect(record.action).toEqual({ ...before.action, priorityIds: ['P1', 'P3'] });
      expect((await repository.get('warwickshire', '3.1'))!.action.priorityIds).toEqual(['P1', 'P3']);
    });

    it('refuses a stale ETag with a conflict, and takes the same links again as no change', async () => {
      const before = (await repository.get('warwickshire', '3.1'))!;
      await repository.linkPriorities('warwickshire', '3.1', ['P1'], before.etag, author);
      await expect(repository.linkPriorities('warwickshire', '3.1', ['P2'], before.etag, author)).rejects.toThrow(ConflictError);
      await expect(repository.linkPriorities('warwickshire', '3.1', ['P1'], before.etag, author)).resolves.toMatchObject({ duplicate: true });
    });

    it('drops the field when every link is removed, as actions stored before priorities have none', async () => {
      const before = (await repository.get('warwickshire', '3.1'))!;
      const { record } = await repository.linkPriorities('warwickshire', '3.1', ['P1'], before.etag, author);
      const cleared = await repository.linkPriorities('warwickshire', '3.1', [], record.etag, author);
      expect('priorityIds' in cleared.record.action).toBe(false);
    });

    it('keeps the links when the plan is imported again with them', async () => {
      const before = (await repository.get('warwickshire', '3.1'))!;
      await repository.linkPriorities('warwickshire', '3.1', ['P2'], before.etag, author);
      await repository.savePlan('warwickshire', [sampleAction('3.1', { text: 'Reworded', priorityIds: ['P2'] })], author);
      expect((await repository.get('warwickshire', '3.1'))!.action).toMatchObject({ text: 'Reworded', priorityIds: ['P2'] });
    });
  });
}
