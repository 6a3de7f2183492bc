import { ERASED_NAME, eraseExactNames, eraseNamesBesideId, type ErasureContext } from '../../../../src/domain/privacy/erasure';

const context = (names: string[] = []): ErasureContext => ({ objectId: 'aad-lead', names: new Set(names), changed: false });

describe('erasing a person', () => {
  it('replaces a name kept beside their id, under every naming of the pair', () => {
    const ctx = context();
    const erased = eraseNamesBesideId(
      { updatedById: 'aad-lead', updatedByName: 'Lena Lead', reply: { byId: 'aad-lead', byName: 'Lena Lead' }, member: { aadObjectId: 'aad-lead', name: 'Lena L.' } },
      ctx,
    );
    expect(erased).toEqual({
      updatedById: 'aad-lead',
      updatedByName: ERASED_NAME,
      reply: { byId: 'aad-lead', byName: ERASED_NAME },
      member: { aadObjectId: 'aad-lead', name: ERASED_NAME },
    });
    expect([...ctx.names].sort()).toEqual(['Lena L.', 'Lena Lead']);
    expect(ctx.changed).toBe(true);
  });

  it("leaves names beside someone else's id alone", () => {
    const ctx = context();
    const value = { updatedById: 'aad-chair', updatedByName: 'Charles Chair', items: [{ byId: 'aad-officer', byName: 'Priya Officer' }] };
    expect(eraseNamesBesideId(value, ctx)).toEqual(value);
    expect(ctx.changed).toBe(false);
  });

  it('opens JSON kept inside a string, such as a conversation reference', () => {
    const ctx = context();
    const reference = JSON.stringify({ user: { id: '29:1', aadObjectId: 'aad-lead', name: 'Lena Lead' } });
    const erased = eraseNamesBesideId({ reference }, ctx) as { reference: string };
    expect(JSON.parse(erased.reference)).toEqual({ user: { id: '29:1', aadObjectId: 'aad-lead', name: ERASED_NAME } });
  });

  it("replaces a value that is exactly one of their names, unless an id beside it is someone else's", () => {
    const ctx = context(['Lena Lead']);
    const erased = eraseExactNames({ agenda: [{ owner: 'Lena Lead' }], other: { aadObjectId: 'aad-namesake', name: 'Lena Lead' }, note: 'Lena Lead agreed' }, ctx);
    expect(erased).toEqual({ agenda: [{ owner: ERASED_NAME }], other: { aadObjectId: 'aad-namesake', name: 'Lena Lead' }, note: 'Lena Lead agreed' });
  });
});
