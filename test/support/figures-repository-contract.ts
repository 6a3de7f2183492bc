import { ConflictError } from '../../src/domain/errors';
import type { FiguresReturn } from '../../src/domain/figures/figures';
import type { FiguresRepository } from '../../src/domain/ports';
import { CHANNEL, REFERRALS, sampleReturn } from './figures-samples';

const P = 'warwickshire';
const Q = '2026-27 Q2';

/** The same return written again: one referral moved from "other" to the police, so the totals still agree. */
function again(value: FiguresReturn, nonce: string, at: string, police = 4): FiguresReturn {
  const moved = police - REFERRALS.bySector.police;
  return { ...value, figures: { ...REFERRALS, bySector: { ...REFERRALS.bySector, police, other: REFERRALS.bySector.other - moved } }, nonce, submittedAt: at };
}

/** What every FiguresRepository must do, memory or Table alike. */
export function describeFiguresRepositoryContract(name: string, make: () => Promise<FiguresRepository>): void {
  describe(`figures repository contract: ${name}`, () => {
    let repository: FiguresRepository;
    beforeEach(async () => {
      repository = await make();
    });

    it('records a first return with no ETag, and reads it back by quarter, kind and organisation', async () => {
      const { record, duplicate } = await repository.record(P, sampleReturn(Q, 'police', REFERRALS), undefined);
      expect(duplicate).toBe(false);
      expect(record.value.figures).toEqual(REFERRALS);
      expect(await repository.get(P, Q, 'referrals', 'police')).toEqual(record);
      expect(await repository.get(P, Q, 'channel', 'police')).toBeUndefined();
      expect((await repository.list(P)).map((r) => r.value.organisationId)).toEqual(['police']);
    });

    it('replaces the current return on the ETag read and keeps every write in history, newest first', async () => {
      const first = await repository.record(P, sampleReturn(Q, 'police', REFERRALS), undefined);
      const second = await repository.record(P, again(first.record.value, 'nonce-second-write', '2026-10-15T10:00:00.000Z', 4), first.record.etag);
      expect(second.record.etag).not.toBe(first.record.etag);
      expect((await repository.get(P, Q, 'referrals', 'police'))?.value.figures).toEqual(second.record.value.figures);
      expect((await repository.history(P, Q, 'referrals', 'police')).map((r) => r.nonce)).toEqual(['nonce-second-write', first.record.value.nonce]);
    });

    it('writes the same submit (the same nonce) once, however often it arrives', async () => {
      const value = sampleReturn(Q, 'police', REFERRALS);
      const first = await repository.record(P, value, undefined);
      const repeat = await repository.record(P, value, undefined);
      expect(repeat.duplicate).toBe(true);
      expect(repeat.record.value).toEqual(first.record.value);
      const repeatOnCurrent = await repository.record(P, value, first.record.etag, { record: first.record });
      expect(repeatOnCurrent.duplicate).toBe(true);
      expect(await repository.history(P, Q, 'referrals', 'police')).toHaveLength(1);
    });

    it('refuses a write on an ETag someone else has moved on (ConflictError), and a "first" return when one exists', async () => {
      const first = await repository.record(P, sampleReturn(Q, 'police', REFERRALS), undefined);
      await repository.record(P, again(first.record.value, 'nonce-theirs-first', '2026-10-15T10:00:00.000Z', 5), first.record.etag);
      await expect(repository.record(P, again(first.record.value, 'nonce-mine-stale', '2026-10-16T10:00:00.000Z', 4), first.record.etag)).rejects.toBeInstanceOf(ConflictError);
      await expect(repository.record(P, again(first.record.value, 'nonce-mine-fresh', '2026-10-16T10:00:00.000Z'), undefined)).rejects.toBeInstanceOf(ConflictError);
      expect(await repository.history(P, Q, 'referrals', 'police')).toHaveLength(2);
    });

    it('keeps each organisation and kind apart, and partnerships apart', async () => {
      await repository.record(P, sampleReturn(Q, 'police', REFERRALS), undefined);
      await repository.record(P, sampleReturn(Q, 'wcc', CHANNEL), undefined);
      await repository.record('elsewhere', sampleReturn(Q, 'wcc', { kind: 'training', staffTrained: 3, refreshersDue: 1 }), undefined);
      expect((await repository.list(P)).map((r) => `${r.value.figures.kind}/${r.value.organisationId}`).sort()).toEqual(['channel/wcc', 'referrals/police']);
      expect(await repository.list('elsewhere')).toHaveLength(1);
    });

    it('remembers the latest figures request', async () => {
      expect(await repository.currentRequest(P)).toBeUndefined();
      const request = { quarter: Q, requestedAt: '2026-11-22T10:00:00.000Z', requestedById: 'aad-officer', requestedByName: 'Priya Officer', dueOn: '2026-12-04' };
      await repository.saveRequest(P, request);
      expect(await repository.currentRequest(P)).toEqual(request);
    });
  });
}
