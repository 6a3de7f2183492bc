import type { AssuranceStatement, ItemAnswer, StatementChange, StatementRequest } from '../../src/domain/assurance/assurance';
import { ConflictError, InvalidError, NotFoundError } from '../../src/domain/errors';
import type { AssuranceRepository } from '../../src/domain/ports';

export function sampleRequest(year: string, overrides: Partial<StatementRequest> = {}): StatementRequest {
  return {
    year,
    templateId: 'warwickshire-sop-2024',
    dueOn: `${Number(year.slice(0, 4)) + 1}-01-29`,
    requestedAt: `${year.slice(0, 4)}-12-01T10:00:00.000Z`,
    requestedById: 'aad-officer',
    requestedByName: 'Priya Officer',
    ...overrides,
  };
}

export function sampleAnswer(answer: ItemAnswer['answer'], note = '', overrides: Partial<ItemAnswer> = {}): ItemAnswer {
  return { answer, note, updatedById: 'aad-police', updatedByName: 'Pat Police', updatedAt: '2026-12-02T10:00:00.000Z', ...overrides };
}

export function sampleChange(nonce: string, changes: StatementChange['changes'], overrides: Partial<StatementChange> = {}): StatementChange {
  return { nonce, byId: 'aad-police', byName: 'Pat Police', at: '2026-12-02T10:00:00.000Z', confirmed: false, changes, ...overrides };
}

/** A statement and the change that leads to it, as the service hands them to saveStatement. */
function save(current: AssuranceStatement, nonce: string, answers: Record<string, ItemAnswer>, confirmed = false): { value: AssuranceStatement; change: StatementChange } {
  const changes = Object.entries(answers).map(([itemId, after]) => ({ itemId, ...(current.answers[itemId] ? { before: current.answers[itemId] } : {}), after }));
  const value: AssuranceStatement = {
    ...current,
    answers: { ...current.answers, ...answers },
    ...(confirmed ? { confirmedAt: '2026-12-03T10:00:00.000Z', confirmedById: 'aad-police', confirmedByName: 'Pat Police', confirmedNonce: nonce } : {}),
  };
  return { value, change: sampleChange(nonce, changes, { confirmed }) };
}

/** The behaviour every AssuranceRepository must have, memory or Azure Tables. */
export function describeAssuranceRepositoryContract(name: string, make: () => Promise<AssuranceRepository>): void {
  describe(`${name}: AssuranceRepository contract`, () => {
    let repository: AssuranceRepository;
    const P = 'warwickshire';
    const empty: AssuranceStatement = { year: '2026-27', organisationId: 'police', answers: {} };

    beforeEach(async () => {
      repository = await make();
    });

    it("records a year's request, lists requests newest year first, and refuses the same year twice", async () => {
      await repository.createRequest(P, sampleRequest('2025-26'));
      await repository.createRequest(P, sampleRequest('2026-27'));
      await expect(repository.getRequest(P, '2026-27')).resolves.toEqual(sampleRequest('2026-27'));
      await expect(repository.getRequest(P, '2027-28')).resolves.toBeUndefined();
      expect((await repository.listRequests(P)).map((r) => r.year)).toEqual(['2026-27', '2025-26']);
      await expect(repository.createRequest(P, sampleRequest('2026-27', { dueOn: '2027-03-01' }))).rejects.toBeInstanceOf(ConflictError);
      expect((await repository.getRequest(P, '2026-27'))?.dueOn).toBe('2027-01-29');
    });

    it('refuses an invalid request or statement before writing anything', async () => {
      await expect(repository.createRequest(P, sampleRequest('2026-27', { year: '2026/27' }))).rejects.toBeInstanceOf(InvalidError);
      const { value, change } = save(empty, 'nonce-invalid-1', { records: sampleAnswer('in-place') });
      await expect(repository.saveStatement(P, { ...value, year: '26-27' }, change, 'nonce-invalid-1', undefined)).rejects.toBeInstanceOf(InvalidError);
      await expect(repository.saveStatement(P, value, change, 'another-nonce', undefined)).rejects.toBeInstanceOf(InvalidError);
      await expect(repository.listStatements(P, '2026-27')).resolves.toEqual([]);
    });

    it('creates a statement, then replaces it on the ETag read, keeping every save in history newest first', async () => {
      const first = save(empty, 'nonce-save-0001', { records: sampleAnswer('partly', 'Log started') });
      const created = await repository.saveStatement(P, first.value, first.change, 'nonce-save-0001', undefined);
      expect(created.duplicate).toBe(false);
      expect(created.record.value).toEqual(first.value);
      await expect(repository.getStatement(P, '2026-27', 'police')).resolves.toEqual(created.record);

      const second = save(first.value, 'nonce-save-0002', { records: sampleAnswer('in-place', 'Log kept by HR') }, true);
      const replaced = await repository.saveStatement(P, second.value, second.change, 'nonce-save-0002', created.record.etag);
      expect(replaced.record.value.confirmedAt).toBe('2026-12-03T10:00:00.000Z');
      expect(replaced.record.etag).not.toBe(created.record.etag);
      const history = await repository.history(P, '2026-27', 'police');
      expect(history.map((h) => [h.nonce, h.confirmed, h.changes[0]?.after.answer])).toEqual([
        ['nonce-save-0002', true, 'in-place'],
        ['nonce-save-0001', false, 'partly'],
      ]);
      expect(history[0]!.changes[0]!.before?.answer).toBe('partly');
      await expect(repository.listStatements(P, '2026-27')).resolves.toEqual([second.value]);
      await expect(repository.listStatements(P, '2025-26')).resolves.toEqual([]);
    });

    it('writes nothing for a repeated submit (same nonce) and says it was a duplicate', async () => {
      const first = save(empty, 'nonce-repeat-01', { records: sampleAnswer('in-place') });
      const created = await repository.saveStatement(P, first.value, first.change, 'nonce-repeat-01', undefined);
      const again = await repository.saveStatement(P, first.value, first.change, 'nonce-repeat-01', undefined);
      expect(again).toEqual({ record: created.record, duplicate: true });
      // The retry given the record its first attempt read: still the same save.
      const retried = await repository.saveStatement(P, first.value, first.change, 'nonce-repeat-01', undefined, { record: created.record });
      expect(retried.duplicate).toBe(true);
      expect(await repository.history(P, '2026-27', 'police')).toHaveLength(1);
    });

    it('refuses a save on a stale ETag, or a second create, as a conflict, writing nothing', async () => {
      const first = save(empty, 'nonce-stale-001', { records: sampleAnswer('in-place') });
      const created = await repository.saveStatement(P, first.value, first.change, 'nonce-stale-001', undefined);
      const second = save(first.value, 'nonce-stale-002', { records: sampleAnswer('not-yet') });
      await repository.saveStatement(P, second.value, second.change, 'nonce-stale-002', created.record.etag);
      const late = save(first.value, 'nonce-stale-003', { records: sampleAnswer('partly') });
      await expect(repository.saveStatement(P, late.value, late.change, 'nonce-stale-003', created.record.etag)).rejects.toBeInstanceOf(ConflictError);
      const rival = save(empty, 'nonce-stale-004', { records: sampleAnswer('partly') });
      await expect(repository.saveStatement(P, rival.value, rival.change, 'nonce-stale-004', undefined)).rejects.toBeInstanceOf(ConflictError);
      expect((await repository.getStatement(P, '2026-27', 'police'))?.value.answers['records']?.answer).toBe('not-yet');
      expect(await repository.history(P, '2026-27', 'police')).toHaveLength(2);
    });

    it('refuses an update of a statement that does not exist', async () => {
      const first = save(empty, 'nonce-missing-1', { records: sampleAnswer('in-place') });
      await expect(repository.saveStatement(P, first.value, first.change, 'nonce-missing-1', 'W/"1"')).rejects.toBeInstanceOf(NotFoundError);
    });

    it("refuses a nonce already spent on another organisation's statement", async () => {
      const police = save(empty, 'nonce-spent-001', { records: sampleAnswer('in-place') });
      await repository.saveStatement(P, police.value, police.change, 'nonce-spent-001', undefined);
      const health = save({ ...empty, organisationId: 'swft' }, 'nonce-spent-001', { records: sampleAnswer('in-place') });
      await expect(repository.saveStatement(P, health.value, health.change, 'nonce-spent-001', undefined)).rejects.toBeInstanceOf(ConflictError);
      await expect(repository.getStatement(P, '2026-27', 'swft')).resolves.toBeUndefined();
    });

    it('keeps partnerships apart', async () => {
      await repository.createRequest(P, sampleRequest('2026-27'));
      const first = save(empty, 'nonce-apart-001', { records: sampleAnswer('in-place') });
      await repository.saveStatement(P, first.value, first.change, 'nonce-apart-001', undefined);
      await expect(repository.listRequests('coventry')).resolves.toEqual([]);
      await expect(repository.listStatements('coventry', '2026-27')).resolves.toEqual([]);
      await expect(repository.getStatement('coventry', '2026-27', 'police')).resolves.toBeUndefined();
    });
  });
}
