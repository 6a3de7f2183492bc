import { TableStateStorage } from '../../src/bot/table-state-storage';
import { ConflictError } from '../../src/domain/errors';
import { StateDocumentTable } from '../../src/storage/tables/state-document-table';
import { freshTableStorage } from '../support/test-storage';

const conversationKey = 'msteams/00000000-0000-0000-0000-000000000011/conversations/a:1Xy/abc#thread?x';

async function stateStorage() {
  return new TableStateStorage(new StateDocumentTable((await freshTableStorage()).client('botState')));
}

describe('Teams AI state on Azure Tables', () => {
  it('stores and reads back state under keys containing / # and ?', async () => {
    const storage = await stateStorage();
    await storage.write({ [conversationKey]: { lastIntent: 'training' } });
    const items = await storage.read([conversationKey]);
    expect(items[conversationKey]).toMatchObject({ lastIntent: 'training', eTag: expect.any(String) });
  });

  it('returns nothing for a key that was never written', async () => {
    const storage = await stateStorage();
    await expect(storage.read(['msteams/bot/users/nobody'])).resolves.toEqual({});
  });

  it('refuses a write carrying a stale ETag', async () => {
    const storage = await stateStorage();
    await storage.write({ [conversationKey]: { step: 1 } });
    const firstRead = (await storage.read([conversationKey]))[conversationKey]!;
    await storage.write({ [conversationKey]: { ...firstRead, step: 2 } });
    await expect(storage.write({ [conversationKey]: { ...firstRead, step: 3 } })).rejects.toBeInstanceOf(ConflictError);
    expect((await storage.read([conversationKey]))[conversationKey]).toMatchObject({ step: 2 });
  });

  it('deletes state', async () => {
    const storage = await stateStorage();
    await storage.write({ [conversationKey]: { step: 1 } });
    await storage.delete([conversationKey]);
    await expect(storage.read([conversationKey])).resolves.toEqual({});
  });

  it('keeps state larger than one Table property (64 KiB)', async () => {
    const storage = await stateStorage();
    const history = Array.from({ length: 2000 }, (_, i) => `turn ${i}: ${'x'.repeat(40)}`);
    await storage.write({ [conversationKey]: { history } });
    expect((await storage.read([conversationKey]))[conversationKey]).toMatchObject({ history });
  });
});
