import type { AssessmentRound, ItemRating, OrganisationReturn, RatingChange } from '../../src/domain/assessment/assessment';
import { ConflictError, InvalidError, NotFoundError } from '../../src/domain/errors';
import type { AssessmentRepository } from '../../src/domain/ports';

export function sampleRound(id: string, overrides: Partial<AssessmentRound> = {}): AssessmentRound {
  return {
    id,
    name: id.toUpperCase(),
    frameworkId: 'prevent-partnership-2018',
    closesOn: '2026-12-31',
    startedAt: '2026-10-01T09:00:00.000Z',
    startedById: 'aad-officer',
    startedByName: 'Priya Officer',
    ...overrides,
  };
}

export function sampleRating(rating: ItemRating['rating'], details = '', overrides: Partial<ItemRating> = {}): ItemRating {
  return { rating, details, updatedById: 'aad-police', updatedByName: 'Pat Police', updatedAt: '2026-10-02T10:00:00.000Z', ...overrides };
}

export function sampleReturn(roundId: string, organisationId: string, ratings: Record<string, ItemRating> = {}, overrides: Partial<OrganisationReturn> = {}): OrganisationReturn {
  return { roundId, organisationId, ratings, ...overrides };
}

/** The return with `after` of every change applied, and the changes: what a service hands to saveReturn. */
function apply(current: OrganisationReturn, changes: RatingChange[]): OrganisationReturn {
  const ratings = { ...current.ratings };
  for (const change of changes) ratings[change.itemId] = change.after;
  return { ...current, ratings };
}

/** The behaviour every AssessmentRepository must have, memory or Azure Tables. */
export function describeAssessmentRepositoryContract(name: string, make: () => Promise<AssessmentRepository>): void {
  describe(`${name}: AssessmentRepository contract`, () => {
    let repository: AssessmentRepository;
    const P = 'warwickshire';
    const round = 'round-2026-27-q3';
    const org = 'police';

    beforeEach(async () => {
      repository = await make();
    });

    describe('rounds', () => {
      it('creates a round and reads it back', async () => {
        await repository.createRound(P, sampleRound('2026-27-q3', { name: '2026/27 Q3' }));
        await expect(repository.getRound(P, '2026-27-q3')).resolves.toEqual(sampleRound('2026-27-q3', { name: '2026/27 Q3' }));
        await expect(repository.getRound(P, '2026-27-q4')).resolves.toBeUndefined();
      });

      it('keeps the organisations a round asked, and reads a round stored without them as asking none in particular', async () => {
        await repository.createRound(P, sampleRound('2026-27-q3', { organisationIds: ['warwickshire-police-and-crime-commissioner'] }));
        await repository.createRound(P, sampleRound('2026-27-q2'));
        expect((await repository.getRound(P, '2026-27-q3'))?.organisationIds).toEqual(['warwickshire-police-and-crime-commissioner']);
        expect((await repository.getRound(P, '2026-27-q2'))?.organisationIds).toBeUndefined();
      });

      it('lists rounds newest started first', async () => {
        await repository.createRound(P, sampleRound('2026-27-q2', { startedAt: '2026-07-01T09:00:00.000Z' }));
        await repository.createRound(P, sampleRound('2026-27-q4', { startedAt: '2027-01-01T09:00:00.000Z' }));
        await repository.createRound(P, sampleRound('2026-27-q3', { startedAt: '2026-10-01T09:00:00.000Z' }));
        expect((await repository.listRounds(P)).map((r) => r.id)).toEqual(['2026-27-q4', '2026-27-q3', '2026-27-q2']);
      });

      it('refuses a second round with the same id, naming it, and keeps the first', async () => {
        await repository.createRound(P, sampleRound('2026-27-q3', { name: '2026/27 Q3' }));
        const again = repository.createRound(P, sampleRound('2026-27-q3', { name: '2026-27 Q3', frameworkId: 'other' }));
        await expect(again).rejects.toBeInstanceOf(ConflictError);
        await expect(again).rejects.toThrow('a round called "2026-27 Q3" already exists');
        expect((await repository.getRound(P, '2026-27-q3'))!.frameworkId).toBe('prevent-partnership-2018');
      });

      it('keeps partnerships apart', async () => {
        await repository.createRound(P, sampleRound('2026-27-q3'));
        await expect(repository.listRounds('elsewhere')).resolves.toEqual([]);
        await expect(repository.getRound('elsewhere', '2026-27-q3')).resolves.toBeUndefined();
        await expect(repository.createRound('elsewhere', sampleRound('2026-27-q3'))).resolves.toBeUndefined();
      });

      it('refuses an invalid round', async () => {
        await expect(repository.createRound(P, sampleRound('Not An Id'))).rejects.toBeInstanceOf(InvalidError);
        await expect(repository.listRounds(P)).resolves.toEqual([]);
      });

      it('records the channel card of a round, keeping everything else', async () => {
        await repository.createRound(P, sampleRound('2026-27-q3'));
        await repository.setRoundChannelCard(P, '2026-27-q3', 'activity-1');
        await repository.setRoundChannelCard(P, '2026-27-q3', 'activity-2');
        await expect(repository.getRound(P, '2026-27-q3')).resolves.toEqual({ ...sampleRound('2026-27-q3'), channelActivityId: 'activity-2' });
        expect((await repository.listRounds(P))[0]!.channelActivityId).toBe('activity-2');
      });

      it('refuses to record a channel card on a round that does not exist', async () => {
        await expect(repository.setRoundChannelCard(P, 'no-such-round', 'activity-1')).rejects.toBeInstanceOf(NotFoundError);
        await expect(repository.getRound(P, 'no-such-round')).resolves.toBeUndefined();
      });
    });

    describe('returns', () => {
      const first: RatingChange[] = [
        { itemId: '1.1', after: sampleRating('developing', 'Lead named in March.') },
        { itemId: '1.2', after: sampleRating('achieving') },
      ];

      it('has no return before its first save', async () => {
        await expect(repository.getReturn(P, round, org)).resolves.toBeUndefined();
        await expect(repository.listReturns(P, round)).resolves.toEqual([]);
        await expect(repository.history(P, round, org)).resolves.toEqual([]);
      });

      it('creates the return on the first save (etag undefined)', async () => {
        const value = apply(sampleReturn(round, org), first);
        const { record, duplicate } = await repository.saveReturn(P, value, first, 'nonce-create-1', undefined);
        expect(duplicate).toBe(false);
        expect(record.value).toEqual(value);
        expect(record.etag).toEqual(expect.any(String));
        await expect(repository.getReturn(P, round, org)).resolves.toEqual(record);
        await expect(repository.listReturns(P, round)).resolves.toEqual([value]);
      });

      it('updates the return on the ETag it returned', async () => {
        const created = await repository.saveReturn(P, apply(sampleReturn(round, org), first), first, 'nonce-update-1', undefined);
        const second: RatingChange[] = [{ itemId: '1.1', before: first[0]!.after, after: sampleRating('achieving', 'Lead in post.') }];
        const updated = await repository.saveReturn(P, apply(created.record.value, second), second, 'nonce-update-2', created.record.etag);
        expect(updated.duplicate).toBe(false);
        expect(updated.record.etag).not.toBe(created.record.etag);
        expect((await repository.getReturn(P, round, org))!.value.ratings['1.1']).toEqual(sampleRating('achieving', 'Lead in post.'));
        expect((await repository.getReturn(P, round, org))!.etag).toBe(updated.record.etag);
      });

      it('records a submission with no rating changes', async () => {
        const created = await repository.saveReturn(P, apply(sampleReturn(round, org), first), first, 'nonce-submit-1', undefined);
        const submitted = { ...created.record.value, submittedAt: '2026-10-03T12:00:00.000Z', submittedById: 'aad-police', submittedByName: 'Pat Police' };
        const { record } = await repository.saveReturn(P, submitted, [], 'nonce-submit-2', created.record.etag);
        expect(record.value.submittedAt).toBe('2026-10-03T12:00:00.000Z');
        await expect(repository.history(P, round, org)).resolves.toHaveLength(2);
      });

      it('refuses a save carrying a stale ETag and keeps the newer value', async () => {
        const created = await repository.saveReturn(P, apply(sampleReturn(round, org), first), first, 'nonce-stale-1', undefined);
        const mine: RatingChange[] = [{ itemId: '1.2', before: first[1]!.after, after: sampleRating('developing', 'mine') }];
        const theirs: RatingChange[] = [{ itemId: '1.2', before: first[1]!.after, after: sampleRating('not-yet-started', 'theirs') }];
        await repository.saveReturn(P, apply(created.record.value, mine), mine, 'nonce-stale-2', created.record.etag);
        await expect(repository.saveReturn(P, apply(created.record.value, theirs), theirs, 'nonce-stale-3', created.record.etag)).rejects.toBeInstanceOf(ConflictError);
        expect((await repository.getReturn(P, round, org))!.value.ratings['1.2']!.details).toBe('mine');
        expect((await repository.history(P, round, org)).map((h) => h.nonce)).not.toContain('nonce-stale-3');
      });

      it('refuses to create a return that already exists', async () => {
        await repository.saveReturn(P, apply(sampleReturn(round, org), first), first, 'nonce-twice-1', undefined);
        const other: RatingChange[] = [{ itemId: '1.1', after: sampleRating('not-yet-started', 'someone else') }];
        await expect(repository.saveReturn(P, apply(sampleReturn(round, org), other), other, 'nonce-twice-2', undefined)).rejects.toBeInstanceOf(ConflictError);
        expect((await repository.getReturn(P, round, org))!.value.ratings['1.1']!.details).toBe('Lead named in March.');
        await expect(repository.history(P, round, org)).resolves.toHaveLength(2);
      });

      it('records the same submit only once, however often it arrives', async () => {
        const value = apply(sampleReturn(round, org), first);
        const once = await repository.saveReturn(P, value, first, 'nonce-repeat', undefined);
        const again = await repository.saveReturn(P, value, first, 'nonce-repeat', undefined);
        expect(again).toEqual({ record: once.record, duplicate: true });
        const later: RatingChange[] = [{ itemId: '1.1', before: first[0]!.after, after: sampleRating('achieving') }];
        const replayed = await repository.saveReturn(P, apply(value, later), later, 'nonce-repeat', once.record.etag);
        expect(replayed).toEqual({ record: once.record, duplicate: true });
        await expect(repository.history(P, round, org)).resolves.toHaveLength(2);
      });

      it('records the same submit once when both copies arrive at the same moment', async () => {
        const value = apply(sampleReturn(round, org), first);
        const results = await Promise.all([repository.saveReturn(P, value, first, 'nonce-race', undefined), repository.saveReturn(P, value, first, 'nonce-race', undefined)]);
        expect(results.map((r) => r.duplicate).sort()).toEqual([false, true]);
        expect(results[0]!.record).toEqual(results[1]!.record);
        await expect(repository.history(P, round, org)).resolves.toHaveLength(2);
      });

      it('refuses a nonce already spent on another return', async () => {
        await repository.saveReturn(P, apply(sampleReturn(round, org), first), first, 'nonce-spent', undefined);
        await expect(repository.saveReturn(P, apply(sampleReturn(round, 'council'), first), first, 'nonce-spent', undefined)).rejects.toBeInstanceOf(ConflictError);
        await expect(repository.getReturn(P, round, 'council')).resolves.toBeUndefined();
      });

      it('keeps every rating change in history, newest first, with before and after', async () => {
        let { record } = await repository.saveReturn(P, apply(sampleReturn(round, org), first), first, 'nonce-hist-1', undefined);
        const second: RatingChange[] = [{ itemId: '1.1', before: first[0]!.after, after: sampleRating('achieving', 'second') }];
        ({ record } = await repository.saveReturn(P, apply(record.value, second), second, 'nonce-hist-2', record.etag));
        const third: RatingChange[] = [{ itemId: '1.1', before: second[0]!.after, after: sampleRating('developing', 'third') }];
        await repository.saveReturn(P, apply(record.value, third), third, 'nonce-hist-3', record.etag);

        const history = await repository.history(P, round, org);
        expect(history.map((h) => [h.nonce, h.itemId])).toEqual([
          ['nonce-hist-3', '1.1'],
          ['nonce-hist-2', '1.1'],
          // Changes saved together keep the order they were given in.
          ['nonce-hist-1', '1.1'],
          ['nonce-hist-1', '1.2'],
        ]);
        expect(history[0]).toEqual({ itemId: '1.1', before: sampleRating('achieving', 'second'), after: sampleRating('developing', 'third'), nonce: 'nonce-hist-3' });
        expect(history[3]).toEqual({ itemId: '1.2', after: sampleRating('achieving'), nonce: 'nonce-hist-1' });
        expect(history[3]).not.toHaveProperty('before');
        await expect(repository.history(P, round, 'council')).resolves.toEqual([]);
      });

      it('keeps the returns of one round out of another, even when one id starts with the other', async () => {
        const save = (roundId: string, organisationId: string, nonce: string) =>
          repository.saveReturn(P, apply(sampleReturn(roundId, organisationId), first), first, nonce, undefined);
        await save('2026-27-q3', 'police', 'nonce-iso-1');
        await save('2026-27-q3-extra', 'police', 'nonce-iso-2');
        await save('2026-27-q3-extra', 'council', 'nonce-iso-3');
        await save('2026-27-q3', 'police-east', 'nonce-iso-4');

        expect((await repository.listReturns(P, '2026-27-q3')).map((r) => [r.roundId, r.organisationId])).toEqual([
          ['2026-27-q3', 'police'],
          ['2026-27-q3', 'police-east'],
        ]);
        expect((await repository.listReturns(P, '2026-27-q3-extra')).map((r) => r.organisationId)).toEqual(['council', 'police']);
        await expect(repository.listReturns(P, '2026-27')).resolves.toEqual([]);
        expect((await repository.history(P, '2026-27-q3', 'police')).map((h) => h.nonce)).toEqual(['nonce-iso-1', 'nonce-iso-1']);
        await expect(repository.listReturns('elsewhere', '2026-27-q3')).resolves.toEqual([]);
        await expect(repository.getReturn('elsewhere', '2026-27-q3', 'police')).resolves.toBeUndefined();
      });

      it('keeps ids with separators apart (round "a_b" + organisation "c" vs round "a" + organisation "b_c")', async () => {
        await repository.saveReturn(P, apply(sampleReturn('a_b', 'c'), first), first, 'nonce-sep-1', undefined);
        await repository.saveReturn(P, apply(sampleReturn('a', 'b_c'), first), first, 'nonce-sep-2', undefined);
        expect((await repository.listReturns(P, 'a')).map((r) => r.organisationId)).toEqual(['b_c']);
        expect((await repository.listReturns(P, 'a_b')).map((r) => r.organisationId)).toEqual(['c']);
        expect((await repository.history(P, 'a', 'b_c')).map((h) => h.nonce)).toEqual(['nonce-sep-2', 'nonce-sep-2']);
      });

      it('refuses an invalid return (a bad rating) and writes nothing', async () => {
        const bad = [{ itemId: '1.1', after: { ...sampleRating('developing'), rating: 'excellent' } }] as unknown as RatingChange[];
        const value = { roundId: round, organisationId: org, ratings: { '1.1': bad[0]!.after } } as OrganisationReturn;
        await expect(repository.saveReturn(P, value, bad, 'nonce-bad-1', undefined)).rejects.toBeInstanceOf(InvalidError);
        await expect(repository.getReturn(P, round, org)).resolves.toBeUndefined();
        await expect(repository.history(P, round, org)).resolves.toEqual([]);
        // The nonce was not spent: the corrected submit is recorded.
        const fixed = await repository.saveReturn(P, apply(sampleReturn(round, org), first), first, 'nonce-bad-1', undefined);
        expect(fixed.duplicate).toBe(false);
      });

      it('refuses a change that is invalid although the return is valid, and writes nothing', async () => {
        const bad = [{ itemId: '', after: sampleRating('developing') }];
        await expect(repository.saveReturn(P, sampleReturn(round, org), bad, 'nonce-bad-2', undefined)).rejects.toBeInstanceOf(InvalidError);
        await expect(repository.saveReturn(P, sampleReturn(round, org), [], 'short', undefined)).rejects.toBeInstanceOf(InvalidError);
        await expect(repository.getReturn(P, round, org)).resolves.toBeUndefined();
      });

      it('refuses more changes than one transaction can hold', async () => {
        const many: RatingChange[] = Array.from({ length: 98 }, (_, i) => ({ itemId: `9.${i + 1}`, after: sampleRating('developing') }));
        await expect(repository.saveReturn(P, apply(sampleReturn(round, org), many), many, 'nonce-many', undefined)).rejects.toBeInstanceOf(InvalidError);
        await expect(repository.getReturn(P, round, org)).resolves.toBeUndefined();
      });
    });
  });
}
